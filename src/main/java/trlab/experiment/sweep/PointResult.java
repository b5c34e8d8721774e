package trlab.experiment.sweep;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import trlab.experiment.Experiment;
import trlab.experiment.RunRecord;
import trlab.measure.PowerLawFit;
import trlab.measure.Series;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What one sweep point leaves: its grid values and seed, the summaries of its run (for each summarised series the
 * last value and the mean over [T/2, T], then the aging fit over the last two decades), whether it diverged and
 * where, and its wall time. Every value but the wall time is a pure function of the point's config.
 */
public record PointResult(String key, Map<String, String> values, long seed, Map<String, Double> summaries,
                          long divergedAtStep, double wallSeconds) {

    public boolean diverged() {
        return divergedAtStep >= 0;
    }

    /** The summary columns a spec asks for, in order. */
    public static List<String> summaryNames(List<Series> summarise) {
        List<String> names = new java.util.ArrayList<>();
        for (Series s : summarise) {
            names.add(s.key() + ".last");
            names.add(s.key() + ".lateMean");
        }
        names.add("agingFit.alpha");
        names.add("agingFit.error");
        return names;
    }

    /** Summarises a finished run of a point. */
    static PointResult of(SweepPoint point, Experiment run, List<Series> summarise, double wallSeconds) {
        RunRecord record = run.record();
        Map<String, Double> summaries = new LinkedHashMap<>();
        for (Series s : summarise) {
            summaries.put(s.key() + ".last", record.last(s));
            summaries.put(s.key() + ".lateMean", record.lateMean(s));
        }
        PowerLawFit fit = run.diverged() ? null : run.agingFit();
        summaries.put("agingFit.alpha", fit == null ? Double.NaN : fit.alpha());
        summaries.put("agingFit.error", fit == null ? Double.NaN : fit.error());
        return new PointResult(point.key(), point.values(), point.seed(), summaries, run.divergedAt(), wallSeconds);
    }

    ObjectNode toTree() {
        JsonNodeFactory f = JsonNodeFactory.instance;
        ObjectNode root = f.objectNode();
        root.put("key", key);
        ObjectNode grid = root.putObject("grid");
        values.forEach(grid::put);
        root.put("seed", seed);
        ObjectNode s = root.putObject("summaries");
        summaries.forEach((name, v) -> {
            if (Double.isFinite(v)) {
                s.put(name, v);
            } else {
                s.putNull(name);
            }
        });
        root.put("diverged", diverged());
        if (diverged()) {
            root.put("divergedAtStep", divergedAtStep);
        }
        root.put("wallSeconds", wallSeconds);
        return root;
    }

    static PointResult fromTree(JsonNode root) {
        Map<String, String> values = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = root.get("grid").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            values.put(e.getKey(), e.getValue().asText());
        }
        Map<String, Double> summaries = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = root.get("summaries").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            summaries.put(e.getKey(), e.getValue().isNull() ? Double.NaN : e.getValue().doubleValue());
        }
        long diverged = root.path("diverged").asBoolean() ? root.get("divergedAtStep").asLong() : -1;
        return new PointResult(root.get("key").asText(), values, root.get("seed").asLong(), summaries, diverged,
                root.get("wallSeconds").asDouble());
    }
}
