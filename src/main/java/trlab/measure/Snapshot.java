package trlab.measure;

/**
 * Everything measured on the network at one time t (SCIENCE.md §3 and §6). Immutable; NaN marks a value that is not
 * defined at this sample (the test loss of a task without a clean target, alpha before its window holds three
 * samples, the kernel models' errors while the models are off or before they start).
 */
public record Snapshot(long step, double epoch, double trainLoss, double testLoss, double kernelAmplitude,
                       double kernelAmplitudeOutput, double kernelAmplitudeHidden, double kernelDrift,
                       double shapeDrift, double kernelWidth, double agingExponent, double agingExponentError,
                       double featureDimension, double effectiveNeurons, double ablationFragility,
                       double ablationFragilityMean, double noiseFragility, double inputSensitivity,
                       double outputRms, double regions, double plasticity, double frozenModelError,
                       double lawModelError, Curves curves) {

    /**
     * This snapshot with the kernel models' errors and outputs on the probe part (SCIENCE.md §6), which the run
     * that steps the models adds.
     */
    public Snapshot withModels(double frozenError, double lawError, double[] frozenOutput, double[] lawOutput) {
        return new Snapshot(step, epoch, trainLoss, testLoss, kernelAmplitude, kernelAmplitudeOutput,
                kernelAmplitudeHidden, kernelDrift, shapeDrift, kernelWidth, agingExponent, agingExponentError,
                featureDimension, effectiveNeurons, ablationFragility, ablationFragilityMean, noiseFragility,
                inputSensitivity, outputRms, regions, plasticity, frozenError, lawError,
                curves.withModels(frozenOutput, lawOutput));
    }
}
