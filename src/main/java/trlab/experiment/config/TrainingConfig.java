package trlab.experiment.config;

import trlab.core.Loss;
import trlab.core.Method;

import java.util.Objects;

/**
 * The {@code training} section: how steps are taken (SCIENCE.md §1).
 *
 * @param method       full batch or SGD
 * @param batchSize    samples per SGD step (unused by full batch)
 * @param learningRate eta
 * @param labelNoise   sigma of the fresh N(0, sigma²) noise added to each step's targets
 * @param loss         per-sample loss
 * @param steps        how many steps a run takes
 * @param seed         seed of the batch order and the label noise
 */
public record TrainingConfig(Method method, int batchSize, double learningRate, double labelNoise, Loss loss,
                             long steps, long seed) {

    private static final TrainingConfig DEFAULTS =
            new TrainingConfig(Method.SGD, 1, 0.02, 0.0, Loss.MSE, 100_000, 1);

    public TrainingConfig {
        Objects.requireNonNull(method, "training.method");
        Objects.requireNonNull(loss, "training.loss");
    }

    public static TrainingConfig defaults() {
        return DEFAULTS;
    }

    public TrainingConfig withMethod(Method v) { return new TrainingConfig(v, batchSize, learningRate, labelNoise, loss, steps, seed); }
    public TrainingConfig withBatchSize(int v) { return new TrainingConfig(method, v, learningRate, labelNoise, loss, steps, seed); }
    public TrainingConfig withLearningRate(double v) { return new TrainingConfig(method, batchSize, v, labelNoise, loss, steps, seed); }
    public TrainingConfig withLabelNoise(double v) { return new TrainingConfig(method, batchSize, learningRate, v, loss, steps, seed); }
    public TrainingConfig withLoss(Loss v) { return new TrainingConfig(method, batchSize, learningRate, labelNoise, v, steps, seed); }
    public TrainingConfig withSteps(long v) { return new TrainingConfig(method, batchSize, learningRate, labelNoise, loss, v, seed); }
    public TrainingConfig withSeed(long v) { return new TrainingConfig(method, batchSize, learningRate, labelNoise, loss, steps, v); }
}
