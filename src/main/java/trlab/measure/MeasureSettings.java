package trlab.measure;

/**
 * What a {@link Measurer} needs beyond the task.
 *
 * @param references      training-sample indices whose response curves are drawn
 * @param rankTolerance   tol of the feature dimension
 * @param noiseEpsilon    eps of the weight-noise fragility
 * @param noiseDraws      draws of the weight-noise fragility
 * @param plasticitySteps gradient steps of the plasticity probe (SCIENCE.md §6)
 */
public record MeasureSettings(int[] references, double rankTolerance, double noiseEpsilon, int noiseDraws,
                              int plasticitySteps) {
}
