package trlab.core;

/** Special functions to full double precision, which java.lang.Math lacks. */
public final class Special {
    private static final double SQRT_PI = Math.sqrt(Math.PI);
    private static final double INV_SQRT_2PI = 1.0 / Math.sqrt(2.0 * Math.PI);
    private static final double SQRT_HALF = Math.sqrt(0.5);

    private Special() {
    }

    /** The logistic function 1 / (1 + e^-h), without overflow for large |h|. */
    public static double logistic(double h) {
        if (h >= 0) {
            return 1.0 / (1.0 + Math.exp(-h));
        }
        double e = Math.exp(h);
        return e / (1.0 + e);
    }

    /** Standard normal density. */
    public static double normalPdf(double h) {
        return INV_SQRT_2PI * Math.exp(-0.5 * h * h);
    }

    /** Standard normal distribution function Phi(h) = erfc(-h / sqrt 2) / 2. */
    public static double normalCdf(double h) {
        return 0.5 * erfc(-h * SQRT_HALF);
    }

    /** erf(x), accurate to a few ulps: the series below |x| = 1, the continued fraction of erfc from there on. */
    public static double erf(double x) {
        if (Math.abs(x) < 1.0) {
            return erfSeries(x);
        }
        return x > 0 ? 1.0 - erfcFraction(x) : erfcFraction(-x) - 1.0;
    }

    /**
     * erfc(x) = 1 - erf(x), without cancellation in the tail: from |x| >= 1 on the continued fraction, which
     * converges there to full precision; nearer 0, 1 - erf(x) loses nothing because erfc(x) > 0.15.
     */
    public static double erfc(double x) {
        if (x >= 1.0) {
            return erfcFraction(x);
        }
        if (x <= -1.0) {
            return 2.0 - erfcFraction(-x);
        }
        return 1.0 - erfSeries(x);
    }

    /**
     * erf(x) = 2/sqrt(pi) e^{-x²} sum_n 2^n x^{2n+1} / (1·3···(2n+1)). Every term is positive, so there is no
     * cancellation; for |x| < 1 it converges within about 25 terms.
     */
    private static double erfSeries(double x) {
        double x2 = x * x;
        double term = x;
        double sum = x;
        for (int n = 1; n < 200; n++) {
            term *= 2.0 * x2 / (2 * n + 1);
            sum += term;
            if (Math.abs(term) < 1e-17 * Math.abs(sum)) {
                break;
            }
        }
        return 2.0 / SQRT_PI * Math.exp(-x2) * sum;
    }

    /** erfc(x) for x >= 1 by the continued fraction of Laplace, evaluated with the modified Lentz method. */
    private static double erfcFraction(double x) {
        // erfc(x) = e^{-x²}/sqrt(pi) * 1/(x + (1/2)/(x + 1/(x + (3/2)/(x + 2/(x + ...)))))
        final double tiny = 1e-300;
        double f = x;
        double c = x;
        double d = 0.0;
        for (int n = 1; n < 500; n++) {
            double an = 0.5 * n;
            d = x + an * d;
            d = d == 0 ? tiny : d;
            c = x + an / c;
            c = c == 0 ? tiny : c;
            d = 1.0 / d;
            double delta = c * d;
            f *= delta;
            if (Math.abs(delta - 1.0) < 1e-16) {
                break;
            }
        }
        return Math.exp(-x * x) / (SQRT_PI * f);
    }
}
