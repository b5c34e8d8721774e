package trlab.theory;

/**
 * Both kernel models' values on the probe part of the model grid at one step, sample-major (K per point) like the
 * network's {@code output}, and how far each is from the network: the RMS of the difference over the probe part and
 * the outputs (judged against the network's own RMS there, the series {@code outputRms}).
 */
public record ModelOutputs(double[] frozen, double[] law, int outputs) {

    /** frozenModelError: RMS of g - f for the frozen-kernel model; f as {@link #frozen}, sample-major. */
    public double frozenError(double[] f) {
        return rmsDifference(frozen, f);
    }

    /** lawModelError: RMS of g - f for the response-law model. */
    public double lawError(double[] f) {
        return rmsDifference(law, f);
    }

    private static double rmsDifference(double[] g, double[] f) {
        if (g.length != f.length) {
            throw new IllegalArgumentException("model has " + g.length + " values, the network " + f.length);
        }
        double sum = 0;
        for (int i = 0; i < g.length; i++) {
            double r = g[i] - f[i];
            sum += r * r;
        }
        return Math.sqrt(sum / g.length);
    }
}
