package trlab.experiment.config;

import trlab.core.TaskKind;

import java.util.Objects;

/**
 * The {@code task} section: which data set (SCIENCE.md §2) and how it is generated.
 *
 * @param kind   the data set
 * @param points P, the number of training samples (ignored by {@code csv}, whose file decides)
 * @param seed   seed of the data generator: the data is a pure function of the task
 * @param omega  frequency of the {@code sine} task, y = sin(omega x)
 * @param regions number of one-hot classes of the {@code encoding} task
 * @param noise  input-noise level of the planar tasks
 * @param file   path of the CSV file of the {@code csv} task, or null
 */
public record TaskConfig(TaskKind kind, int points, long seed, double omega, int regions, double noise, String file) {

    private static final TaskConfig DEFAULTS = new TaskConfig(TaskKind.SINE, 16, 1, 3.0, 4, 0.0, null);

    public TaskConfig {
        Objects.requireNonNull(kind, "task.kind");
    }

    public static TaskConfig defaults() {
        return DEFAULTS;
    }

    /** Whether the targets are one-hot vectors (what cross-entropy needs); a CSV file may hold them. */
    public boolean mayHaveOneHotTargets() {
        return kind == TaskKind.ENCODING || kind == TaskKind.CSV;
    }

    public TaskConfig withKind(TaskKind v) { return new TaskConfig(v, points, seed, omega, regions, noise, file); }
    public TaskConfig withPoints(int v) { return new TaskConfig(kind, v, seed, omega, regions, noise, file); }
    public TaskConfig withSeed(long v) { return new TaskConfig(kind, points, v, omega, regions, noise, file); }
    public TaskConfig withOmega(double v) { return new TaskConfig(kind, points, seed, v, regions, noise, file); }
    public TaskConfig withRegions(int v) { return new TaskConfig(kind, points, seed, omega, v, noise, file); }
    public TaskConfig withNoise(double v) { return new TaskConfig(kind, points, seed, omega, regions, v, file); }
    public TaskConfig withFile(String v) { return new TaskConfig(kind, points, seed, omega, regions, noise, v); }
}
