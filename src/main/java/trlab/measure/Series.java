package trlab.measure;

import java.util.function.ToDoubleFunction;

/** The measured scalars by the names that files and outside tools use (SCIENCE.md §5), in column order. */
public enum Series {
    STEP("step", s -> s.step()),
    EPOCH("epoch", Snapshot::epoch),
    TRAIN_LOSS("trainLoss", Snapshot::trainLoss),
    TEST_LOSS("testLoss", Snapshot::testLoss),
    KERNEL_AMPLITUDE("kernelAmplitude", Snapshot::kernelAmplitude),
    KERNEL_AMPLITUDE_OUTPUT("kernelAmplitudeOutput", Snapshot::kernelAmplitudeOutput),
    KERNEL_AMPLITUDE_HIDDEN("kernelAmplitudeHidden", Snapshot::kernelAmplitudeHidden),
    KERNEL_DRIFT("kernelDrift", Snapshot::kernelDrift),
    SHAPE_DRIFT("shapeDrift", Snapshot::shapeDrift),
    KERNEL_WIDTH("kernelWidth", Snapshot::kernelWidth),
    AGING_EXPONENT("agingExponent", Snapshot::agingExponent),
    AGING_EXPONENT_ERROR("agingExponentError", Snapshot::agingExponentError),
    FEATURE_DIMENSION("featureDimension", Snapshot::featureDimension),
    EFFECTIVE_NEURONS("effectiveNeurons", Snapshot::effectiveNeurons),
    ABLATION_FRAGILITY("ablationFragility", Snapshot::ablationFragility),
    ABLATION_FRAGILITY_MEAN("ablationFragilityMean", Snapshot::ablationFragilityMean),
    NOISE_FRAGILITY("noiseFragility", Snapshot::noiseFragility),
    INPUT_SENSITIVITY("inputSensitivity", Snapshot::inputSensitivity),
    FROZEN_MODEL_ERROR("frozenModelError", Snapshot::frozenModelError),
    LAW_MODEL_ERROR("lawModelError", Snapshot::lawModelError),
    OUTPUT_RMS("outputRms", Snapshot::outputRms),
    REGIONS("regions", Snapshot::regions),
    PLASTICITY("plasticity", Snapshot::plasticity);

    private final String key;
    private final ToDoubleFunction<Snapshot> value;

    Series(String key, ToDoubleFunction<Snapshot> value) {
        this.key = key;
        this.value = value;
    }

    /** The name in run.json and metrics.csv. */
    public String key() {
        return key;
    }

    /** Whether its values are whole numbers (a step, a count), written without a decimal point. */
    public boolean integral() {
        return this == STEP || this == REGIONS;
    }

    /** The value at a snapshot; NaN where it is not defined. */
    public double of(Snapshot s) {
        return value.applyAsDouble(s);
    }
}
