package trlab.app;

import trlab.experiment.config.ExperimentConfig;
import trlab.experiment.config.NetworkConfig;
import trlab.experiment.config.TaskConfig;
import trlab.experiment.config.TrainingConfig;

import java.util.ArrayList;
import java.util.List;

/** Which settings differ between two configs, named as the controls name them, for a hint a student can read. */
final class SettingsDiff {
    /** The settings a run can take between two steps; every other change waits for Reset. */
    static final List<String> LIVE = List.of("learning rate", "method", "batch size", "label noise");

    private SettingsDiff() {
    }

    /** The names of the settings in which {@code a} differs from {@code b}, in the order of the controls. */
    static List<String> between(ExperimentConfig a, ExperimentConfig b) {
        List<String> what = new ArrayList<>();
        TaskConfig ta = a.task();
        TaskConfig tb = b.task();
        add(what, "data", ta.kind() != tb.kind() || !java.util.Objects.equals(ta.file(), tb.file())
                || ta.omega() != tb.omega() || ta.regions() != tb.regions() || ta.noise() != tb.noise());
        add(what, "points", ta.points() != tb.points());
        NetworkConfig na = a.network();
        NetworkConfig nb = b.network();
        add(what, "width", na.width() != nb.width());
        add(what, "activation", na.activation() != nb.activation());
        add(what, "parameterisation", na.parameterization() != nb.parameterization());
        add(what, "initial weight scales", na.weightScale() != nb.weightScale() || na.biasScale() != nb.biasScale());
        TrainingConfig ra = a.training();
        TrainingConfig rb = b.training();
        add(what, "learning rate", ra.learningRate() != rb.learningRate());
        add(what, "method", ra.method() != rb.method());
        add(what, "batch size", ra.batchSize() != rb.batchSize());
        add(what, "label noise", ra.labelNoise() != rb.labelNoise());
        add(what, "loss", ra.loss() != rb.loss());
        add(what, "steps", ra.steps() != rb.steps());
        add(what, "task seed", ta.seed() != tb.seed());
        add(what, "network seed", na.seed() != nb.seed());
        add(what, "training seed", ra.seed() != rb.seed());
        add(what, "measurements", !a.measure().equals(b.measure()));
        return what;
    }

    /** "a", "a and b", "a, b and c". */
    static String words(List<String> parts) {
        if (parts.size() <= 1) {
            return String.join("", parts);
        }
        return String.join(", ", parts.subList(0, parts.size() - 1)) + " and " + parts.get(parts.size() - 1);
    }

    private static void add(List<String> what, String name, boolean differs) {
        if (differs) {
            what.add(name);
        }
    }
}
