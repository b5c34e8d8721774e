package trlab.experiment.sweep;

import com.fasterxml.jackson.databind.JsonNode;
import trlab.core.InputFile;
import trlab.experiment.config.ConfigException;
import trlab.experiment.config.ConfigLoader;
import trlab.experiment.config.ExperimentConfig;
import trlab.experiment.config.Presets;
import trlab.measure.Series;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A sweep: a base preset, overrides every run shares, a grid (field to a list of values, every combination), the
 * seeds (each applied to network.seed, task.seed and training.seed together) and the series to summarise per run.
 * Read from JSON as strictly as a preset, and checked whole before anything runs: every point's config is built,
 * so a value a run would refuse is refused here, naming the spec field.
 *
 * <pre>
 * {"base": "aging", "set": ["training.steps=100000"],
 *  "grid": {"network.width": [50, 100, 200], "training.learningRate": [0.01, 0.02]},
 *  "seeds": 5, "summarise": ["agingExponent", "effectiveNeurons"]}
 * </pre>
 *
 * @param grid      each field with its values as --set writes them, in the spec's order
 * @param seeds     the seeds, each one run of every grid combination
 * @param summarise the series whose last value and late mean each run reports (its aging fit always)
 */
public record SweepSpec(String source, String base, List<String> set, Map<String, List<String>> grid,
                        List<Long> seeds, List<Series> summarise) {

    /** Spec files are small: a larger one is not a spec. */
    static final long MAX_BYTES = 1 << 20;
    /** More runs than this are no sweep for one machine or a few shards. */
    static final int MAX_POINTS = 100_000;
    private static final List<String> FIELDS = List.of("base", "set", "grid", "seeds", "summarise");

    public SweepSpec {
        set = List.copyOf(set);
        grid = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(grid));
        seeds = List.copyOf(seeds);
        summarise = List.copyOf(summarise);
    }

    /** Reads and checks a spec file; every failure is one sentence naming the file and the spec field. */
    public static SweepSpec read(Path file) {
        String source = file.toString();
        return parse(InputFile.read(file, "the sweep spec", MAX_BYTES), source);
    }

    /** As {@link #read} for JSON text; {@code source} names it in messages. */
    public static SweepSpec parse(String json, String source) {
        JsonNode root = ConfigLoader.readTree(json, source);
        if (!root.isObject()) {
            throw new ConfigException(source + " is not a sweep spec; a spec is a JSON object with " + String.join(", ",
                    FIELDS) + ".");
        }
        for (Iterator<String> names = root.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!FIELDS.contains(name)) {
                throw new ConfigException(source + ": unknown field \"" + InputFile.shown(name) + "\"; a sweep spec has "
                        + String.join(", ", FIELDS) + ".");
            }
        }
        JsonNode base = root.get("base");
        if (base == null || !base.isTextual() || base.textValue().isBlank()) {
            throw fail(source, "base", base, "is not a preset", "it must name a built-in preset or a preset file");
        }
        List<String> set = strings(source, "set", root.get("set"));
        Map<String, List<String>> grid = grid(source, root.get("grid"));
        List<Long> seeds = seeds(source, root.get("seeds"));
        List<Series> summarise = series(source, root.get("summarise"));
        SweepSpec spec = new SweepSpec(source, base.textValue(), set, grid, seeds, summarise);
        spec.points(); // builds every point's config: a field a run refuses fails here, before anything runs
        return spec;
    }

    /** Every run of the sweep, in a fixed order: grid combinations (the last field fastest), then seeds. */
    public List<SweepPoint> points() {
        ExperimentConfig baseConfig;
        try {
            baseConfig = Presets.load(base, set);
        } catch (ConfigException e) {
            throw new ConfigException(source + ": base or set: " + e.getMessage(), e);
        }
        List<String> fields = new ArrayList<>(grid.keySet());
        long combinations = 1;
        for (List<String> values : grid.values()) {
            combinations *= values.size();
        }
        if (combinations * seeds.size() > MAX_POINTS) {
            throw new ConfigException(source + ": grid x seeds = " + combinations * seeds.size() + " runs, more than "
                    + MAX_POINTS + "; split the sweep.");
        }
        List<SweepPoint> points = new ArrayList<>();
        int[] at = new int[fields.size()];
        for (long c = 0; c < combinations; c++) {
            Map<String, String> values = new LinkedHashMap<>();
            List<String> overrides = new ArrayList<>();
            for (int f = 0; f < fields.size(); f++) {
                String value = grid.get(fields.get(f)).get(at[f]);
                values.put(fields.get(f), value);
                overrides.add(fields.get(f) + "=" + value);
            }
            for (long seed : seeds) {
                List<String> all = new ArrayList<>(overrides);
                all.add("network.seed=" + seed);
                all.add("task.seed=" + seed);
                all.add("training.seed=" + seed);
                ExperimentConfig config;
                try {
                    config = baseConfig.withOverrides(all);
                } catch (ConfigException e) {
                    throw new ConfigException(source + ": grid " + values + " with seed " + seed + ": "
                            + e.getMessage(), e);
                }
                points.add(new SweepPoint(points.size(), values, seed, config));
            }
            for (int f = fields.size() - 1; f >= 0; f--) {
                if (++at[f] < grid.get(fields.get(f)).size()) {
                    break;
                }
                at[f] = 0;
            }
        }
        return points;
    }

    private static List<String> strings(String source, String field, JsonNode node) {
        List<String> out = new ArrayList<>();
        if (node == null) {
            return out;
        }
        if (!node.isArray()) {
            throw fail(source, field, node, "is not a list", "it must be a list of section.field=value strings");
        }
        for (JsonNode item : node) {
            if (!item.isTextual() || !item.textValue().contains("=")) {
                throw fail(source, field, node, "holds " + ConfigLoader.shown(item) + ", which is not an override",
                        "each item must be a section.field=value string");
            }
            out.add(item.textValue());
        }
        return out;
    }

    private static Map<String, List<String>> grid(String source, JsonNode node) {
        Map<String, List<String>> grid = new LinkedHashMap<>();
        if (node == null) {
            return grid;
        }
        if (!node.isObject()) {
            throw fail(source, "grid", node, "is not an object", "it must map config fields to lists of values");
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String field = "grid." + e.getKey();
            if (field.endsWith(".seed")) {
                throw fail(source, field, e.getValue(), "is not allowed", "the seeds come from the spec's seeds");
            }
            JsonNode values = e.getValue();
            if (!values.isArray() || values.isEmpty()) {
                throw fail(source, field, values, values.isArray() ? "is empty" : "is not a list",
                        "it must be a non-empty list of values");
            }
            List<String> list = new ArrayList<>();
            for (JsonNode v : values) {
                if (!v.isValueNode() || v.isNull()) {
                    throw fail(source, field, values, "holds " + ConfigLoader.shown(v) + ", which is not a value",
                            "each value must be a number, a string or true or false");
                }
                list.add(v.asText());
            }
            grid.put(e.getKey(), list);
        }
        return grid;
    }

    private static List<Long> seeds(String source, JsonNode node) {
        List<Long> seeds = new ArrayList<>();
        if (node == null) {
            seeds.add(1L);
        } else if (node.isIntegralNumber() && node.canConvertToLong()) {
            long n = node.longValue();
            if (n < 1 || n > 1000) {
                throw fail(source, "seeds", node, "is out of range", "a count of seeds must be from 1 to 1000");
            }
            for (long s = 1; s <= n; s++) {
                seeds.add(s);
            }
        } else if (node.isArray() && !node.isEmpty()) {
            for (JsonNode s : node) {
                if (!s.isIntegralNumber() || !s.canConvertToLong()) {
                    throw fail(source, "seeds", node, "holds " + ConfigLoader.shown(s) + ", which is not a seed",
                            "each seed must be an integer");
                }
                if (seeds.contains(s.longValue())) {
                    throw fail(source, "seeds", node, "holds " + s.longValue() + " twice", "each seed must be new");
                }
                seeds.add(s.longValue());
            }
        } else {
            throw fail(source, "seeds", node, "is not a count or a list of seeds",
                    "give a count from 1 to 1000 or a non-empty list of integers");
        }
        return seeds;
    }

    private static List<Series> series(String source, JsonNode node) {
        List<Series> out = new ArrayList<>();
        if (node == null) {
            return out;
        }
        if (!node.isArray()) {
            throw fail(source, "summarise", node, "is not a list", "it must be a list of series names");
        }
        for (JsonNode item : node) {
            Series found = null;
            for (Series s : Series.values()) {
                if (item.isTextual() && s.key().equals(item.textValue()) && s != Series.STEP) {
                    found = s;
                }
            }
            if (found == null) {
                throw fail(source, "summarise", node, "holds " + ConfigLoader.shown(item) + ", which is not a series",
                        "each item must be one of the series of metrics.csv, e.g. agingExponent or effectiveNeurons");
            }
            out.add(found);
        }
        return out;
    }

    private static ConfigException fail(String source, String field, JsonNode value, String problem, String allowed) {
        return new ConfigException(source + ": " + field + " = " + (value == null ? "(missing)"
                : ConfigLoader.shown(value)) + " " + problem + "; " + allowed + ".");
    }
}
