package trlab.core;

/**
 * What a task needs to build its data: the kind, the number of points P, the task's seed, the sine frequency
 * omega, the number of encoding regions, the input noise of the planar sets and the path of a CSV file.
 */
public record TaskSpec(TaskKind kind, int points, long seed, double omega, int regions, double noise, String file) {
}
