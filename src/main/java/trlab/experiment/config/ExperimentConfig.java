package trlab.experiment.config;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * One experiment: a name, a description for a student (what to look at) and the sections of SCIENCE.md §5 and §6.
 *
 * <p>Immutable, and valid by construction: the constructor runs the same checks as loading (ranges, the batch
 * against the data, the memory guard, ...) and throws {@link ConfigException} naming the field. Configs come from
 * {@link #defaults()}, from preset files ({@link #load}, {@link Presets}), from {@code --set} overrides
 * ({@link #withOverrides}) or from the typed {@code with...} methods. JSON goes through {@link ConfigLoader}; to
 * embed a config in another Jackson document register {@link ConfigModule}.
 */
public record ExperimentConfig(String name, String description, TaskConfig task, NetworkConfig network,
                               TrainingConfig training, MeasureConfig measure, TheoryConfig theory) {

    private static final ExperimentConfig DEFAULTS = new ExperimentConfig("custom", "",
            TaskConfig.defaults(), NetworkConfig.defaults(), TrainingConfig.defaults(), MeasureConfig.defaults(),
            TheoryConfig.defaults());

    public ExperimentConfig {
        Objects.requireNonNull(name, "name");
        description = description == null ? "" : description;
        Objects.requireNonNull(task, "task");
        Objects.requireNonNull(network, "network");
        Objects.requireNonNull(training, "training");
        Objects.requireNonNull(measure, "measure");
        Objects.requireNonNull(theory, "theory");
        ConfigSchema.validate(new ConfigSchema.Sections(task, network, training, measure, theory),
                ConfigSchema.Origins.all("config"));
    }

    /** Every field at its default (name "custom", empty description). */
    public static ExperimentConfig defaults() {
        return DEFAULTS;
    }

    /** Reads a preset file, fills in defaults, applies {@code section.field=value} overrides and validates. */
    public static ExperimentConfig load(Path presetFile, List<String> overrides) {
        return ConfigLoader.load(presetFile, overrides);
    }

    /** As {@link #load} for JSON text; {@code sourceName} (e.g. a file name) starts every error message. */
    public static ExperimentConfig parse(String json, String sourceName, List<String> overrides) {
        return ConfigLoader.parse(json, sourceName, overrides);
    }

    /** This config with {@code section.field=value} overrides applied (the {@code --set} syntax without "--set"). */
    public ExperimentConfig withOverrides(List<String> overrides) {
        return ConfigLoader.withOverrides(this, overrides);
    }

    /** This config with one override, e.g. {@code with("network.width=256")}. */
    public ExperimentConfig with(String override) {
        return withOverrides(List.of(override));
    }

    /** Pretty JSON with every field, which {@link #parse} reads back to an equal config. */
    public String toJson() {
        return ConfigLoader.toJson(this);
    }

    /** The JSON tree with every field (enums by their ids). */
    public ObjectNode toJsonTree() {
        return ConfigLoader.toTree(this);
    }

    public ExperimentConfig withName(String v) { return new ExperimentConfig(v, description, task, network, training, measure, theory); }
    public ExperimentConfig withDescription(String v) { return new ExperimentConfig(name, v, task, network, training, measure, theory); }
    public ExperimentConfig withTask(TaskConfig v) { return new ExperimentConfig(name, description, v, network, training, measure, theory); }
    public ExperimentConfig withNetwork(NetworkConfig v) { return new ExperimentConfig(name, description, task, v, training, measure, theory); }
    public ExperimentConfig withTraining(TrainingConfig v) { return new ExperimentConfig(name, description, task, network, v, measure, theory); }
    public ExperimentConfig withMeasure(MeasureConfig v) { return new ExperimentConfig(name, description, task, network, training, v, theory); }
    public ExperimentConfig withTheory(TheoryConfig v) { return new ExperimentConfig(name, description, task, network, training, measure, v); }
}
