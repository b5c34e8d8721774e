package trlab.measure;

/**
 * Everything measured on the network at one time t (SCIENCE.md §3). Immutable; NaN marks a value that is not
 * defined at this sample (the test loss of a task without a clean target, alpha before its window holds three
 * samples).
 */
public record Snapshot(long step, double epoch, double trainLoss, double testLoss, double kernelAmplitude,
                       double kernelAmplitudeOutput, double kernelAmplitudeHidden, double kernelDrift,
                       double shapeDrift, double kernelWidth, double agingExponent, double agingExponentError,
                       double featureDimension, double effectiveNeurons, double ablationFragility,
                       double ablationFragilityMean, double noiseFragility, double inputSensitivity, Curves curves) {
}
