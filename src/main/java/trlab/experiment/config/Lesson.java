package trlab.experiment.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import trlab.core.InputFile;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * A guided lesson: a short sequence of steps, each with a title, a few sentences in plain words, the runs to load
 * (one, or the arms of a comparison), the step at which to pause, and what to show: the page, a chart alone, the
 * controls or not. Shipped lessons live in {@code presets/lessons/} (and in the jar); others are read from a file.
 * A step names its runs either as a preset with {@code set} overrides and {@code compare} arms (as {@code gui
 * --compare} writes them), or in full as {@code runs} (as the window saves them).
 *
 * @param title the lesson's name, shown above its steps
 */
public record Lesson(String title, List<Step> steps) {
    /** Where the shipped lessons live, in a checkout and on the classpath. */
    public static final Path DIRECTORY = Path.of("presets", "lessons");
    private static final String RESOURCE_DIRECTORY = "/presets/lessons/";
    /** The charts a step may show alone, by the names their files have. */
    public static final Set<String> CHARTS = Set.of("output", "response", "aging", "loss", "feature-space",
            "spectrum", "feature-dimension", "fragility", "model-output", "model-error", "decision", "plasticity");
    /** The charts on the theory's page; the others are on the network's. */
    public static final Set<String> THEORY_CHARTS = Set.of("model-output", "model-error", "decision", "plasticity");
    public static final Set<String> PAGES = Set.of("network", "theory");
    /** What a step may hide: the whole control panel, or only its settings (Run, Step and Reset stay). */
    public static final Set<String> HIDDEN = Set.of("controls", "settings");
    private static final long MAX_BYTES = 1 << 20;
    private static final int MAX_STEPS = 100;
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /**
     * One step of a lesson.
     *
     * @param runs   the runs to train: one, or the arms of a comparison (the first is the one the controls show)
     * @param stopAt the step at which the runs pause (0: they stay paused where they are)
     * @param page   "network" or "theory"
     * @param chart  the chart to show alone, or null for the whole page
     * @param hide   what of the controls to hide: nothing, "controls" or "settings"
     */
    public record Step(String title, String text, List<ExperimentConfig> runs, long stopAt, String page, String chart,
                       Set<String> hide) {
        public Step {
            runs = List.copyOf(runs);
            hide = Set.copyOf(hide);
        }
    }

    public Lesson {
        steps = List.copyOf(steps);
    }

    /** The lesson a teacher meets first, through which the packaged ones are found. */
    public static final String FIRST = "training-response";

    /** The names of the shipped lessons, from presets/lessons/ and the jar, sorted. */
    public static List<String> names() {
        java.util.TreeSet<String> names = new java.util.TreeSet<>(Presets.namesIn(DIRECTORY));
        names.addAll(Presets.packagedNames(RESOURCE_DIRECTORY, FIRST));
        return List.copyOf(names);
    }

    /** A lesson from a file, or a shipped one by name (presets/lessons/NAME.json, then the jar's). */
    public static Lesson load(String pathOrName) {
        Path asPath;
        try {
            asPath = InputFile.path(pathOrName, "the lesson");
        } catch (IllegalArgumentException e) {
            throw new ConfigException(e.getMessage(), e);
        }
        if (Files.isRegularFile(asPath)) {
            return read(asPath);
        }
        if (asPath.getParent() == null) {
            String name = pathOrName.replaceFirst("(?i)\\.json$", "");
            Path shipped = DIRECTORY.resolve(name + ".json");
            if (Files.isRegularFile(shipped)) {
                return read(shipped);
            }
            String packaged = resource(name);
            if (packaged != null) {
                return parse(packaged, "presets/lessons/" + name + ".json");
            }
        }
        throw new ConfigException(pathOrName + " is neither a lesson file nor a lesson's name; the lessons are "
                + String.join(", ", names()) + ".");
    }

    /** A lesson file. */
    public static Lesson read(Path file) {
        String text;
        try {
            text = InputFile.read(file, "a lesson", MAX_BYTES);
        } catch (IllegalArgumentException e) {
            throw new ConfigException(e.getMessage(), e);
        }
        return parse(text, file.toString());
    }

    private static String resource(String name) {
        try (InputStream in = Lesson.class.getResourceAsStream(RESOURCE_DIRECTORY + name + ".json")) {
            return in == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the packaged lesson " + name, e);
        }
    }

    /** A lesson from its JSON; every mistake is one sentence naming the source and the field. */
    public static Lesson parse(String json, String source) {
        JsonNode root = ConfigLoader.readTree(json, source);
        if (!root.isObject()) {
            throw new ConfigException(source + " is not a lesson: a lesson is a JSON object with a title and steps.");
        }
        only(root, source, Set.of("title", "steps"));
        String title = text(root, "title", source, true);
        JsonNode steps = root.get("steps");
        if (steps == null || !steps.isArray() || steps.isEmpty() || steps.size() > MAX_STEPS) {
            throw new ConfigException(source + ": steps must be a list of 1 to " + MAX_STEPS + " steps.");
        }
        List<Step> parsed = new ArrayList<>();
        for (int i = 0; i < steps.size(); i++) {
            parsed.add(step(steps.get(i), source + ": steps[" + i + "]"));
        }
        return new Lesson(title, parsed);
    }

    private static Step step(JsonNode s, String where) {
        if (!s.isObject()) {
            throw new ConfigException(where + " is not a step: a step is a JSON object with a title and a text.");
        }
        only(s, where, Set.of("title", "text", "preset", "set", "compare", "runs", "stopAt", "page", "chart",
                "hide"));
        String title = text(s, "title", where, true);
        String text = text(s, "text", where, true);
        List<ExperimentConfig> runs = new ArrayList<>();
        if (s.has("runs")) {
            if (s.has("preset") || s.has("set") || s.has("compare")) {
                throw new ConfigException(where + " has runs and a preset; give one or the other.");
            }
            JsonNode list = s.get("runs");
            if (!list.isArray() || list.isEmpty() || list.size() > MAX_ARMS) {
                throw new ConfigException(where + ".runs must be a list of 1 to " + MAX_ARMS + " presets.");
            }
            for (int r = 0; r < list.size(); r++) {
                runs.add(ConfigLoader.fromTree(list.get(r), where + ".runs[" + r + "]", List.of()));
            }
        } else {
            String preset = text(s, "preset", where, true);
            ExperimentConfig base;
            try {
                base = Presets.load(preset, strings(s, "set", where));
            } catch (ConfigException e) {
                throw new ConfigException(where + ": " + e.getMessage(), e);
            }
            runs.add(base);
            List<String> arms = strings(s, "compare", where);
            if (arms.size() >= MAX_ARMS) {
                throw new ConfigException(where + ".compare names " + arms.size() + " arms; at most "
                        + (MAX_ARMS - 1) + " runs go beside the preset.");
            }
            for (String arm : arms) {
                try {
                    runs.add(ConfigLoader.withOverrides(base, List.of(arm.split(","))));
                } catch (ConfigException e) {
                    throw new ConfigException(where + ".compare \"" + InputFile.shown(arm) + "\": " + e.getMessage(),
                            e);
                }
            }
        }
        long stopAt = 0;
        if (s.has("stopAt")) {
            JsonNode n = s.get("stopAt");
            if (!n.canConvertToExactIntegral() || n.asLong() < 0 || n.asLong() > 1_000_000_000_000L) {
                throw new ConfigException(where + ".stopAt = " + ConfigLoader.shown(n) + " is not allowed; it must be"
                        + " a whole number of steps from 0 (stay paused) to 10^12.");
            }
            stopAt = n.asLong();
        }
        String chart = s.has("chart") ? oneOf(s, "chart", where, CHARTS) : null;
        String page = s.has("page") ? oneOf(s, "page", where, PAGES)
                : chart != null && THEORY_CHARTS.contains(chart) ? "theory" : "network";
        if (chart != null && THEORY_CHARTS.contains(chart) != page.equals("theory")) {
            throw new ConfigException(where + ".chart \"" + chart + "\" is not on the " + page + " page.");
        }
        List<String> hide = strings(s, "hide", where);
        for (String h : hide) {
            if (!HIDDEN.contains(h)) {
                throw new ConfigException(where + ".hide holds \"" + InputFile.shown(h) + "\"; it may hold "
                        + String.join(" or ", new java.util.TreeSet<>(HIDDEN)) + ".");
            }
        }
        return new Step(title, text, runs, stopAt, page, chart, Set.copyOf(hide));
    }

    /** At most this many runs in a step, as in a comparison. */
    private static final int MAX_ARMS = 4;

    private static void only(JsonNode node, String where, Set<String> fields) {
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String f = it.next();
            if (!fields.contains(f)) {
                throw new ConfigException(where + " has an unknown field \"" + InputFile.shown(f) + "\"; the fields"
                        + " are " + String.join(", ", new java.util.TreeSet<>(fields)) + ".");
            }
        }
    }

    private static String text(JsonNode node, String field, String where, boolean required) {
        JsonNode v = node.get(field);
        if (v == null && !required) {
            return null;
        }
        if (v == null || !v.isTextual() || v.asText().isBlank()) {
            throw new ConfigException(where + "." + field + (v == null ? " is missing" : " = " + ConfigLoader.shown(v)
                    + " is not allowed") + "; it must be a text that is not empty.");
        }
        return v.asText();
    }

    private static String oneOf(JsonNode node, String field, String where, Set<String> allowed) {
        JsonNode v = node.get(field);
        if (v == null || !v.isTextual() || !allowed.contains(v.asText())) {
            throw new ConfigException(where + "." + field + " = " + (v == null ? "nothing" : ConfigLoader.shown(v))
                    + " is not allowed; it must be one of " + String.join(", ", new java.util.TreeSet<>(allowed))
                    + ".");
        }
        return v.asText();
    }

    private static List<String> strings(JsonNode node, String field, String where) {
        JsonNode v = node.get(field);
        if (v == null) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        if (v.isArray()) {
            for (JsonNode e : v) {
                if (!e.isTextual()) {
                    out = null;
                    break;
                }
                out.add(e.asText());
            }
        }
        if (!v.isArray() || out == null) {
            throw new ConfigException(where + "." + field + " = " + ConfigLoader.shown(v) + " is not allowed; it must"
                    + " be a list of texts.");
        }
        return out;
    }

    /** The lesson as JSON that {@link #parse} reads back, every step's runs in full. */
    public String toJson() {
        ObjectNode root = JSON.createObjectNode();
        root.put("title", title);
        ArrayNode list = root.putArray("steps");
        for (Step s : steps) {
            ObjectNode o = list.addObject();
            o.put("title", s.title());
            o.put("text", s.text());
            ArrayNode runs = o.putArray("runs");
            s.runs().forEach(c -> runs.add(ConfigLoader.toTree(c)));
            o.put("stopAt", s.stopAt());
            o.put("page", s.page());
            if (s.chart() != null) {
                o.put("chart", s.chart());
            }
            if (!s.hide().isEmpty()) {
                ArrayNode hide = o.putArray("hide");
                new java.util.TreeSet<>(s.hide()).forEach(hide::add);
            }
        }
        try {
            return JSON.writeValueAsString(root) + System.lineSeparator();
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("a lesson always serialises", e);
        }
    }

    /** This lesson with one more step at the end. */
    public Lesson with(Step step) {
        List<Step> more = new ArrayList<>(steps);
        more.add(step);
        return new Lesson(title, more);
    }
}
