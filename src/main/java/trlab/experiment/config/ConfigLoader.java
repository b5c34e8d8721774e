package trlab.experiment.config;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import trlab.core.Activation;
import trlab.core.InputFile;
import trlab.core.Loss;
import trlab.core.Method;
import trlab.core.Parameterization;
import trlab.core.TaskKind;
import trlab.experiment.config.ConfigSchema.Field;
import trlab.experiment.config.ConfigSchema.Origins;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads and writes configs. Loading works on JSON trees: the tree of all defaults, the preset's tree merged on
 * top (unknown fields rejected), then each {@code section.field=value} override, then a typed conversion of every
 * field and the range checks of {@link ConfigSchema}. Every failure is a {@link ConfigException} whose message
 * starts with the source to blame: the file, or the {@code --set} override.
 */
public final class ConfigLoader {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private static final ObjectWriter PRETTY = MAPPER.writer(new DefaultPrettyPrinter(
            Separators.createDefaultInstance().withObjectFieldValueSpacing(Separators.Spacing.AFTER)));

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /** The largest preset file: a preset is a few hundred bytes, and 16 MB holds any list of references. */
    static final long MAX_PRESET_BYTES = 16_000_000L;

    private ConfigLoader() {
    }

    /**
     * Reads a preset file, fills in defaults, applies the overrides and validates. A file without a name takes
     * its file name (without ".json") as the name.
     */
    public static ExperimentConfig load(Path presetFile, List<String> overrides) {
        String source = presetFile.toString();
        String text;
        try {
            text = InputFile.read(presetFile, "a preset", MAX_PRESET_BYTES);
        } catch (IllegalArgumentException e) {
            throw new ConfigException(e.getMessage(), e);
        }
        JsonNode tree = readTree(text, source);
        if (tree.isObject() && !tree.has("name")) {
            String stem = presetFile.getFileName().toString().replaceFirst("(?i)\\.json$", "");
            ((ObjectNode) tree).put("name", stem);
        }
        return fromTree(tree, source, overrides);
    }

    /** As {@link #load} for JSON text; {@code sourceName} (e.g. the file name) starts every error message. */
    public static ExperimentConfig parse(String json, String sourceName, List<String> overrides) {
        return fromTree(readTree(json, sourceName), sourceName, overrides);
    }

    /** Defaults, then the given tree, then the overrides; validated. */
    public static ExperimentConfig fromTree(JsonNode preset, String sourceName, List<String> overrides) {
        ObjectNode tree = toTree(ExperimentConfig.defaults());
        Origins origins = Origins.all("defaults");
        merge(tree, preset, sourceName, origins);
        applyOverrides(tree, overrides, origins);
        return build(tree, origins);
    }

    /** The config with {@code section.field=value} overrides applied in order, validated. */
    public static ExperimentConfig withOverrides(ExperimentConfig base, List<String> overrides) {
        if (overrides.isEmpty()) {
            return base;
        }
        ObjectNode tree = toTree(base);
        Origins origins = Origins.all("config");
        applyOverrides(tree, overrides, origins);
        return build(tree, origins);
    }

    /** Pretty JSON with every field; {@link #parse} reads it back to an equal config. */
    public static String toJson(ExperimentConfig config) {
        try {
            return PRETTY.writeValueAsString(toTree(config)) + System.lineSeparator();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a config tree always serialises", e);
        }
    }

    /** The JSON tree with every field, enums by id, in the order of SCIENCE.md §5. */
    public static ObjectNode toTree(ExperimentConfig c) {
        ObjectNode root = NODES.objectNode();
        root.put("name", c.name());
        root.put("description", c.description());
        TaskConfig t = c.task();
        ObjectNode task = root.putObject("task");
        task.put("kind", t.kind().id());
        task.put("points", t.points());
        task.put("seed", t.seed());
        task.put("omega", t.omega());
        task.put("regions", t.regions());
        task.put("noise", t.noise());
        task.put("file", t.file());
        NetworkConfig n = c.network();
        ObjectNode network = root.putObject("network");
        network.put("width", n.width());
        network.put("activation", n.activation().id());
        network.put("parameterization", n.parameterization().id());
        network.put("weightScale", n.weightScale());
        network.put("biasScale", n.biasScale());
        network.put("seed", n.seed());
        TrainingConfig r = c.training();
        ObjectNode training = root.putObject("training");
        training.put("method", r.method().id());
        training.put("batchSize", r.batchSize());
        training.put("learningRate", r.learningRate());
        training.put("labelNoise", r.labelNoise());
        training.put("loss", r.loss().id());
        training.put("steps", r.steps());
        training.put("seed", r.seed());
        MeasureConfig m = c.measure();
        ObjectNode measure = root.putObject("measure");
        measure.put("probePoints", m.probePoints());
        measure.put("gridPoints", m.gridPoints());
        measure.put("samplesPerDecade", m.samplesPerDecade());
        measure.put("rankTolerance", m.rankTolerance());
        ArrayNode refs = measure.putArray("references");
        for (int i : m.references()) {
            refs.add(i);
        }
        measure.put("noiseEpsilon", m.noiseEpsilon());
        measure.put("noiseDraws", m.noiseDraws());
        TheoryConfig th = c.theory();
        ObjectNode theory = root.putObject("theory");
        theory.put("models", th.models());
        theory.put("start", th.start());
        theory.put("plasticitySteps", th.plasticitySteps());
        return root;
    }

    /**
     * The strict reader used for presets and state files (duplicate keys and trailing content are errors, and so
     * are values beyond the JSON reader's limits: deep nesting, numbers and strings of millions of characters).
     */
    public static JsonNode readTree(String json, String source) {
        JsonNode tree;
        try {
            tree = MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String where = at == null ? "" : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")";
            throw new ConfigException(source + " is not valid JSON" + where + ": " + describe(e) + ".", e);
        }
        if (tree == null || tree.isMissingNode()) {
            throw new ConfigException(source + " is empty; a preset is a JSON object with name, description, "
                    + String.join(", ", ConfigSchema.SECTIONS) + ".");
        }
        return tree;
    }

    /** A JSON value as a message shows it: as written, cut if long. */
    public static String shown(JsonNode node) {
        return ConfigSchema.json(node);
    }

    /** Jackson's own words without its location suffix (we give line and column ourselves). */
    private static String describe(JsonProcessingException e) {
        String m = e.getOriginalMessage();
        if (m == null) {
            return "unreadable content";
        }
        if (m.startsWith("Trailing token")) {
            return "there is more after the end of the JSON value";
        }
        if (e instanceof StreamConstraintsException) {
            // "Document nesting depth (1001) exceeds the maximum allowed (1000, from `StreamReadConstraints...`)"
            m = m.replaceAll(",? from `[^`]*`", "").replaceAll("\\s*\\(\\)", "");
        }
        m = m.replaceAll("\\s*\\(?\\s*(start marker )?at \\[Source:.*?; line: \\d+, column: \\d+]\\)?", "")
                .replaceAll("\\s+", " ").trim();
        m = m.replaceFirst("\\.$", "");
        return m.isEmpty() ? "unreadable content" : Character.toLowerCase(m.charAt(0)) + m.substring(1);
    }

    private static void merge(ObjectNode tree, JsonNode preset, String source, Origins origins) {
        if (!preset.isObject()) {
            throw new ConfigException(source + " holds " + describeType(preset) + ", not a config; a config is a JSON "
                    + "object with name, description, " + String.join(", ", ConfigSchema.SECTIONS) + ".");
        }
        Iterator<Map.Entry<String, JsonNode>> top = preset.fields();
        while (top.hasNext()) {
            Map.Entry<String, JsonNode> e = top.next();
            String key = e.getKey();
            JsonNode value = e.getValue();
            if (ConfigSchema.SECTIONS.contains(key)) {
                if (!value.isObject()) {
                    throw new ConfigException(source + ": " + key + " = " + ConfigSchema.json(value)
                            + " is not a section; it must be an object with some of "
                            + ConfigSchema.fieldNamesOf(key) + ".");
                }
                ObjectNode section = (ObjectNode) tree.get(key);
                Iterator<Map.Entry<String, JsonNode>> fields = value.fields();
                while (fields.hasNext()) {
                    Map.Entry<String, JsonNode> f = fields.next();
                    String path = key + "." + f.getKey();
                    if (ConfigSchema.field(path) == null) {
                        throw unknownField(source, key, path);
                    }
                    section.set(f.getKey(), f.getValue());
                    origins.set(path, source);
                }
            } else if (ConfigSchema.field(key) != null) {
                tree.set(key, value);
                origins.set(key, source);
            } else if (value.isObject()) {
                throw unknownSection(source, key);
            } else {
                throw new ConfigException(source + ": unknown field \"" + key + "\"" + suggestion(key)
                        + "; a config has name, description and the sections "
                        + String.join(", ", ConfigSchema.SECTIONS) + ".");
            }
        }
    }

    private static void applyOverrides(ObjectNode tree, List<String> overrides, Origins origins) {
        for (String override : overrides) {
            applyOverride(tree, override, origins);
        }
    }

    private static void applyOverride(ObjectNode tree, String override, Origins origins) {
        String source = "--set " + ConfigSchema.shorten(override);
        int eq = override.indexOf('=');
        if (eq < 0) {
            throw new ConfigException(source + ": an override must have the form section.field=value, "
                    + "e.g. --set network.width=256.");
        }
        String path = override.substring(0, eq).trim();
        String raw = override.substring(eq + 1);
        if (path.isEmpty()) {
            throw new ConfigException(source + ": the field name before '=' is missing; an override must have "
                    + "the form section.field=value, e.g. --set network.width=256.");
        }
        int dot = path.indexOf('.');
        Field field = ConfigSchema.field(path);
        if (field == null) {
            if (dot < 0) {
                if (ConfigSchema.SECTIONS.contains(path)) {
                    throw new ConfigException(source + ": " + path + " is a section; set one of its fields as "
                            + path + ".FIELD=value, with FIELD one of " + ConfigSchema.fieldNamesOf(path) + ".");
                }
                throw new ConfigException(source + ": unknown field \"" + path + "\"" + suggestion(path)
                        + "; an override sets section.field=value with a section from "
                        + String.join(", ", ConfigSchema.SECTIONS) + ", or the name or the description.");
            }
            String section = path.substring(0, dot);
            if (!ConfigSchema.SECTIONS.contains(section)) {
                throw unknownSection(source, section);
            }
            throw unknownField(source, section, path);
        }
        JsonNode value = switch (field.kind()) {
            case TEXT -> TextNode.valueOf(raw);
            case OPTIONAL_TEXT -> raw.trim().equals("null") ? NullNode.getInstance() : TextNode.valueOf(raw);
            default -> parseValue(raw);
        };
        if (field.section() == null) {
            tree.set(field.name(), value);
        } else {
            ((ObjectNode) tree.get(field.section())).set(field.name(), value);
        }
        origins.set(path, source);
    }

    /** An override's value: JSON if it reads as JSON (number, boolean, list, null, "quoted"), else the text. */
    private static JsonNode parseValue(String raw) {
        String t = raw.trim();
        if (t.isEmpty()) {
            return TextNode.valueOf(raw);
        }
        try {
            JsonNode node = MAPPER.readTree(t);
            return node == null || node.isMissingNode() ? TextNode.valueOf(raw) : node;
        } catch (JsonProcessingException notJson) {
            return TextNode.valueOf(t);
        }
    }

    private static ExperimentConfig build(ObjectNode tree, Origins origins) {
        Map<String, Object> v = new HashMap<>();
        for (Field f : ConfigSchema.FIELDS) {
            JsonNode node = f.section() == null ? tree.get(f.name()) : tree.get(f.section()).get(f.name());
            v.put(f.path(), f.convert(node, origins.of(f.path())));
        }
        TaskConfig task = new TaskConfig((TaskKind) v.get("task.kind"), (Integer) v.get("task.points"),
                (Long) v.get("task.seed"), (Double) v.get("task.omega"), (Integer) v.get("task.regions"),
                (Double) v.get("task.noise"), (String) v.get("task.file"));
        NetworkConfig network = new NetworkConfig((Integer) v.get("network.width"),
                (Activation) v.get("network.activation"), (Parameterization) v.get("network.parameterization"),
                (Double) v.get("network.weightScale"), (Double) v.get("network.biasScale"),
                (Long) v.get("network.seed"));
        TrainingConfig training = new TrainingConfig((Method) v.get("training.method"),
                (Integer) v.get("training.batchSize"), (Double) v.get("training.learningRate"),
                (Double) v.get("training.labelNoise"), (Loss) v.get("training.loss"), (Long) v.get("training.steps"),
                (Long) v.get("training.seed"));
        MeasureConfig measure = new MeasureConfig((Integer) v.get("measure.probePoints"),
                (Integer) v.get("measure.gridPoints"), (Integer) v.get("measure.samplesPerDecade"),
                (Double) v.get("measure.rankTolerance"), (int[]) v.get("measure.references"),
                (Double) v.get("measure.noiseEpsilon"), (Integer) v.get("measure.noiseDraws"));
        TheoryConfig theory = new TheoryConfig((Boolean) v.get("theory.models"), (Long) v.get("theory.start"),
                (Integer) v.get("theory.plasticitySteps"));
        ConfigSchema.validate(new ConfigSchema.Sections(task, network, training, measure, theory), origins);
        return new ExperimentConfig((String) v.get("name"), (String) v.get("description"), task, network, training,
                measure, theory);
    }

    private static ConfigException unknownSection(String source, String section) {
        return new ConfigException(source + ": unknown section \"" + section + "\"" + suggestion(section)
                + "; the sections are " + String.join(", ", ConfigSchema.SECTIONS) + ".");
    }

    private static ConfigException unknownField(String source, String section, String path) {
        return new ConfigException(source + ": unknown field \"" + path + "\"" + suggestion(path) + "; the "
                + section + " section has " + ConfigSchema.fieldNamesOf(section) + ".");
    }

    /** " (did you mean "network.width"?)" for a near miss or a field put in the wrong section, else "". */
    static String suggestion(String wrong) {
        List<String> candidates = new ArrayList<>(ConfigSchema.SECTIONS);
        ConfigSchema.FIELDS.forEach(f -> candidates.add(f.path()));
        String lastPart = wrong.substring(wrong.lastIndexOf('.') + 1);
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String c : candidates) {
            int d = distance(wrong.toLowerCase(Locale.ROOT), c.toLowerCase(Locale.ROOT));
            String cLast = c.substring(c.lastIndexOf('.') + 1);
            if (c.contains(".") && cLast.equalsIgnoreCase(lastPart)) {
                d = Math.min(d, 1); // the right field in the wrong section
            }
            if (d < bestDistance) {
                bestDistance = d;
                best = c;
            }
        }
        int allowed = Math.max(1, Math.min(3, wrong.length() / 4));
        return best != null && bestDistance <= allowed ? " (did you mean \"" + best + "\"?)" : "";
    }

    private static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] swap = prev;
            prev = cur;
            cur = swap;
        }
        return prev[b.length()];
    }

    private static String describeType(JsonNode node) {
        if (node.isArray()) {
            return "a list";
        }
        if (node.isTextual()) {
            return "a string";
        }
        if (node.isNumber()) {
            return "a number";
        }
        if (node.isNull()) {
            return "null";
        }
        return node.getNodeType().toString().toLowerCase(Locale.ROOT);
    }
}
