package trlab.experiment.config;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The {@code measure} section: where and how often the measurements of SCIENCE.md §3 are taken.
 *
 * @param probePoints      M, probe points over the input range of a 1-D task
 * @param gridPoints       G of the G x G probe grid of a 2-D task
 * @param samplesPerDecade log-spaced recording steps per factor of ten (see {@code trlab.experiment.Schedule})
 * @param rankTolerance    tol of the feature dimension
 * @param references       indices of the training samples used as reference inputs; empty means first,
 *                         middle and last (see {@link #referenceIndices(int)})
 * @param noiseEpsilon     eps of the weight-noise fragility
 * @param noiseDraws       draws of the weight-noise fragility
 */
public record MeasureConfig(int probePoints, int gridPoints, int samplesPerDecade, double rankTolerance,
                            int[] references, double noiseEpsilon, int noiseDraws) {

    private static final MeasureConfig DEFAULTS = new MeasureConfig(101, 41, 20, 1e-3, new int[0], 0.05, 16);

    /** The array is copied in and out: the record stays immutable. */
    public MeasureConfig {
        references = references == null ? new int[0] : references.clone();
    }

    public static MeasureConfig defaults() {
        return DEFAULTS;
    }

    /** A copy of the configured reference indices (empty means the default three). */
    @Override
    public int[] references() {
        return references.clone();
    }

    /**
     * The reference sample indices for a data set of {@code p} samples: the configured ones, or by default the
     * first, middle ((p - 1) / 2) and last sample, without repeats (p = 2 gives 0 and 1).
     */
    public int[] referenceIndices(int p) {
        if (references.length > 0) {
            return references.clone();
        }
        Set<Integer> picked = new LinkedHashSet<>();
        picked.add(0);
        picked.add((p - 1) / 2);
        picked.add(p - 1);
        return picked.stream().mapToInt(Integer::intValue).toArray();
    }

    public MeasureConfig withProbePoints(int v) { return new MeasureConfig(v, gridPoints, samplesPerDecade, rankTolerance, references, noiseEpsilon, noiseDraws); }
    public MeasureConfig withGridPoints(int v) { return new MeasureConfig(probePoints, v, samplesPerDecade, rankTolerance, references, noiseEpsilon, noiseDraws); }
    public MeasureConfig withSamplesPerDecade(int v) { return new MeasureConfig(probePoints, gridPoints, v, rankTolerance, references, noiseEpsilon, noiseDraws); }
    public MeasureConfig withRankTolerance(double v) { return new MeasureConfig(probePoints, gridPoints, samplesPerDecade, v, references, noiseEpsilon, noiseDraws); }
    public MeasureConfig withReferences(int... v) { return new MeasureConfig(probePoints, gridPoints, samplesPerDecade, rankTolerance, v, noiseEpsilon, noiseDraws); }
    public MeasureConfig withNoiseEpsilon(double v) { return new MeasureConfig(probePoints, gridPoints, samplesPerDecade, rankTolerance, references, v, noiseDraws); }
    public MeasureConfig withNoiseDraws(int v) { return new MeasureConfig(probePoints, gridPoints, samplesPerDecade, rankTolerance, references, noiseEpsilon, v); }

    @Override
    public boolean equals(Object o) {
        return o instanceof MeasureConfig m
                && probePoints == m.probePoints && gridPoints == m.gridPoints
                && samplesPerDecade == m.samplesPerDecade
                && Double.compare(rankTolerance, m.rankTolerance) == 0
                && Arrays.equals(references, m.references)
                && Double.compare(noiseEpsilon, m.noiseEpsilon) == 0 && noiseDraws == m.noiseDraws;
    }

    @Override
    public int hashCode() {
        int h = Integer.hashCode(probePoints);
        h = 31 * h + Integer.hashCode(gridPoints);
        h = 31 * h + Integer.hashCode(samplesPerDecade);
        h = 31 * h + Double.hashCode(rankTolerance);
        h = 31 * h + Arrays.hashCode(references);
        h = 31 * h + Double.hashCode(noiseEpsilon);
        return 31 * h + Integer.hashCode(noiseDraws);
    }

    @Override
    public String toString() {
        return "MeasureConfig[probePoints=" + probePoints + ", gridPoints=" + gridPoints
                + ", samplesPerDecade=" + samplesPerDecade + ", rankTolerance=" + rankTolerance
                + ", references=" + Arrays.toString(references) + ", noiseEpsilon=" + noiseEpsilon
                + ", noiseDraws=" + noiseDraws + "]";
    }
}
