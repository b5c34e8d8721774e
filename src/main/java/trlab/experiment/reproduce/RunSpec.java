package trlab.experiment.reproduce;

import trlab.experiment.config.ExperimentConfig;
import trlab.experiment.config.Presets;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One run that a claim needs: a preset and the {@code --set} overrides that turn it into a twin (a full-batch twin,
 * another width, another activation). A twin keeps every seed of its preset, so it starts from the same initial
 * network. {@code trlab run PRESET --set ...} with the same overrides repeats the run exactly.
 *
 * @param preset    the preset's name
 * @param label     "" for the preset itself, otherwise a short name of the twin (a folder name)
 * @param overrides {@code section.field=value} overrides applied to the preset
 */
public record RunSpec(String preset, String label, List<String> overrides) {

    public RunSpec {
        Objects.requireNonNull(preset, "preset");
        label = label == null ? "" : label;
        overrides = List.copyOf(overrides);
    }

    /** The preset itself, unchanged. */
    public static RunSpec of(String preset) {
        return new RunSpec(preset, "", List.of());
    }

    /** A twin of the preset. */
    public static RunSpec twin(String preset, String label, String... overrides) {
        return new RunSpec(preset, label, List.of(overrides));
    }

    /** "preset" for the preset itself, "preset/label" for a twin: unique among the runs of a reproduction. */
    public String key() {
        return label.isEmpty() ? preset : preset + "/" + label;
    }

    /** Where the run's files go, relative to the output folder: the preset's folder, a twin in a sub-folder. */
    public Path folder() {
        return label.isEmpty() ? Path.of(preset) : Path.of(preset, label);
    }

    /** The same run with more overrides after its own (a shortened run for a test, say). */
    public RunSpec withExtra(List<String> extra) {
        List<String> all = new ArrayList<>(overrides);
        all.addAll(extra);
        return new RunSpec(preset, label, all);
    }

    /** The config: the preset (a file in presets/ or the packaged one) with the overrides applied. */
    public ExperimentConfig config() {
        return Presets.load(preset, overrides);
    }

    @Override
    public String toString() {
        return key() + (overrides.isEmpty() ? "" : " " + String.join(" ", overrides));
    }
}
