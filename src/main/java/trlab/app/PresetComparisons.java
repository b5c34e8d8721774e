package trlab.app;

import trlab.experiment.Comparison;
import trlab.experiment.config.ExperimentConfig;

import java.util.List;
import java.util.Map;

/**
 * What built-in presets open beside themselves, in one click: the comparisons they are about (the arms beside the
 * preset, written as {@code gui --compare} writes them), and the theory's page for those about the theory. A preset
 * whose description speaks of a twin or of other activations would otherwise open a lone run and leave the student
 * to build the rest.
 */
final class PresetComparisons {
    private static final List<String> FULL_BATCH_TWIN = List.of(String.join(",", Comparison.FULL_BATCH_TWIN));
    private static final Map<String, List<String>> ARMS = Map.of(
            "activation", List.of("network.activation=relu", "network.activation=sigmoid"),
            "method", FULL_BATCH_TWIN,
            "feature-space", FULL_BATCH_TWIN,
            "fragility", FULL_BATCH_TWIN,
            "plasticity", FULL_BATCH_TWIN);

    /** The presets about the theory's charts that do not run the kernel models themselves. */
    private static final List<String> THEORY = List.of("sub-spaces", "plasticity");

    private PresetComparisons() {
    }

    /** The runs a preset opens: itself, then the arms it compares with (none for most presets). */
    static List<ExperimentConfig> runs(ExperimentConfig preset) {
        return Comparison.arms(preset, ARMS.getOrDefault(preset.name(), List.of()));
    }

    /** Whether the preset is about the theory's page: it runs the kernel models, or shows regions or plasticity. */
    static boolean aboutTheory(ExperimentConfig preset) {
        return preset.theory().models() || THEORY.contains(preset.name());
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
