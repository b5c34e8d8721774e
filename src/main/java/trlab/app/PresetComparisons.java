package trlab.app;

import trlab.experiment.Comparison;
import trlab.experiment.config.ExperimentConfig;

import java.util.List;
import java.util.Map;

/**
 * The comparisons that built-in presets are about, which the window opens with the preset in one click: the arms
 * beside the preset, written as {@code gui --compare} writes them. A preset whose description speaks of a twin or of
 * other activations would otherwise open a lone run and leave the student to build the rest.
 */
final class PresetComparisons {
    private static final List<String> FULL_BATCH_TWIN = List.of(String.join(",", Comparison.FULL_BATCH_TWIN));
    private static final Map<String, List<String>> ARMS = Map.of(
            "activation", List.of("network.activation=relu", "network.activation=sigmoid"),
            "method", FULL_BATCH_TWIN,
            "feature-space", FULL_BATCH_TWIN,
            "fragility", FULL_BATCH_TWIN,
            "plasticity", FULL_BATCH_TWIN);

    private PresetComparisons() {
    }

    /** The runs a preset opens: itself, then the arms it compares with (none for most presets). */
    static List<ExperimentConfig> runs(ExperimentConfig preset) {
        return Comparison.arms(preset, ARMS.getOrDefault(preset.name(), List.of()));
    }

    /** Opens a preset in the lab with the runs it compares, paused. */
    static void open(Lab lab, ExperimentConfig preset) {
        List<ExperimentConfig> runs = runs(preset);
        if (runs.size() > 1) {
            lab.compare(runs);
        } else {
            lab.load(preset);
        }
    }
}
