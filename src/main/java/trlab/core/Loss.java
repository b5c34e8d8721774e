package trlab.core;

/** The per-sample loss l(f, y) and its gradient dl/df (SCIENCE.md §1). */
public enum Loss {
    /** l = 1/2 sum_k (f_k - y_k)². */
    MSE("mse") {
        @Override
        public double value(double[] f, int fOffset, double[] y, int yOffset, int outputs) {
            double sum = 0;
            for (int k = 0; k < outputs; k++) {
                double r = f[fOffset + k] - y[yOffset + k];
                sum += r * r;
            }
            return 0.5 * sum;
        }

        @Override
        public void gradient(double[] f, int fOffset, double[] y, int yOffset, int outputs, double factor,
                             double[] out, int outOffset) {
            for (int k = 0; k < outputs; k++) {
                out[outOffset + k] = factor * (f[fOffset + k] - y[yOffset + k]);
            }
        }
    },
    /**
     * Softmax cross-entropy l = -sum_k y_k log softmax(f)_k. Its gradient (sum_k y_k) p - y is exact also when
     * label noise makes the targets no longer sum to one.
     */
    CROSS_ENTROPY("cross-entropy") {
        @Override
        public double value(double[] f, int fOffset, double[] y, int yOffset, int outputs) {
            double logNorm = logSumExp(f, fOffset, outputs);
            double sum = 0;
            for (int k = 0; k < outputs; k++) {
                sum -= y[yOffset + k] * (f[fOffset + k] - logNorm);
            }
            return sum;
        }

        @Override
        public void gradient(double[] f, int fOffset, double[] y, int yOffset, int outputs, double factor,
                             double[] out, int outOffset) {
            double logNorm = logSumExp(f, fOffset, outputs);
            double targetMass = 0;
            for (int k = 0; k < outputs; k++) {
                targetMass += y[yOffset + k];
            }
            for (int k = 0; k < outputs; k++) {
                double p = Math.exp(f[fOffset + k] - logNorm);
                out[outOffset + k] = factor * (targetMass * p - y[yOffset + k]);
            }
        }
    };

    private final String id;

    Loss(String id) {
        this.id = id;
    }

    /** l(f, y) for one sample whose K outputs start at the offsets. */
    public abstract double value(double[] f, int fOffset, double[] y, int yOffset, int outputs);

    /** Writes factor * dl/df for one sample into out. */
    public abstract void gradient(double[] f, int fOffset, double[] y, int yOffset, int outputs, double factor,
                                  double[] out, int outOffset);

    public String id() {
        return id;
    }

    private static double logSumExp(double[] f, int offset, int n) {
        double max = Double.NEGATIVE_INFINITY;
        for (int k = 0; k < n; k++) {
            max = Math.max(max, f[offset + k]);
        }
        double sum = 0;
        for (int k = 0; k < n; k++) {
            sum += Math.exp(f[offset + k] - max);
        }
        return max + Math.log(sum);
    }

    public static Loss fromId(String id) {
        for (Loss l : values()) {
            if (l.id.equals(id)) {
                return l;
            }
        }
        throw new IllegalArgumentException("unknown loss '" + id + "'");
    }

    @Override
    public String toString() {
        return id;
    }
}
