package trlab.measure;

/**
 * A least-squares fit of log a = log a0 - alpha log t over samples with from <= t <= to (t > 0, a > 0).
 *
 * @param alpha     the aging exponent, minus the slope
 * @param error     the standard error of the slope, sqrt(SSR / (n - 2) / Sxx)
 * @param samples   how many samples the window held
 * @param intercept log a0, so that the fitted line is a0 t^-alpha
 */
public record PowerLawFit(double alpha, double error, int samples, double intercept) {
    /** Fewer samples than this leave the exponent undefined. */
    public static final int MIN_SAMPLES = 3;

    /** The fitted amplitude a0 t^-alpha. */
    public double at(double t) {
        return Math.exp(intercept - alpha * Math.log(t));
    }

    /**
     * Fits the first {@code count} samples (t[i], a[i]) that fall in [from, to]; null when fewer than
     * {@link #MIN_SAMPLES} do.
     */
    public static PowerLawFit fit(double[] t, double[] a, int count, double from, double to) {
        int n = 0;
        double sx = 0;
        double sy = 0;
        for (int i = 0; i < count; i++) {
            if (usable(t[i], a[i], from, to)) {
                n++;
                sx += Math.log(t[i]);
                sy += Math.log(a[i]);
            }
        }
        if (n < MIN_SAMPLES) {
            return null;
        }
        double mx = sx / n;
        double my = sy / n;
        double sxx = 0;
        double sxy = 0;
        for (int i = 0; i < count; i++) {
            if (usable(t[i], a[i], from, to)) {
                double dx = Math.log(t[i]) - mx;
                sxx += dx * dx;
                sxy += dx * (Math.log(a[i]) - my);
            }
        }
        if (sxx == 0) {
            return null;
        }
        double slope = sxy / sxx;
        double intercept = my - slope * mx;
        double ssr = 0;
        for (int i = 0; i < count; i++) {
            if (usable(t[i], a[i], from, to)) {
                double r = Math.log(a[i]) - (intercept + slope * Math.log(t[i]));
                ssr += r * r;
            }
        }
        double error = Math.sqrt(ssr / (n - 2) / sxx);
        return new PowerLawFit(-slope, error, n, intercept);
    }

    private static boolean usable(double t, double a, double from, double to) {
        return t > 0 && a > 0 && t >= from && t <= to && Double.isFinite(a);
    }
}
