package trlab.core;

/**
 * The hidden-layer nonlinearities phi with their exact derivatives (SCIENCE.md §1).
 *
 * <p>{@link #derivative(double, double)} takes both the pre-activation h and phi(h) because several derivatives
 * are cheapest from the value (tanh: 1 - phi², sigmoid: phi(1 - phi)).
 *
 * <p>Two paths: {@link #value}, {@link #derivative} and {@link #evaluate} are the exact reference (Math.tanh and
 * friends), used by gradient checks; {@link #evaluateFast} and {@link #valuesFast} are the hot path of training
 * and measuring. They are identical except for tanh, whose fast path ({@link FastTanh}) vectorises and stays within
 * 1e-12 relative of Math.tanh (FastTanhTest; about 1e-15 in fact).
 */
public enum Activation {
    LINEAR("linear") {
        @Override public double value(double h) { return h; }
        @Override public double derivative(double h, double phi) { return 1.0; }
        @Override public void evaluateFast(double[] h, double[] phi, double[] dphi, int from, int to) {
            for (int i = from; i < to; i++) {
                phi[i] = h[i];
                dphi[i] = 1.0;
            }
        }
    },
    TANH("tanh") {
        @Override public double value(double h) { return Math.tanh(h); }
        @Override public double derivative(double h, double phi) { return 1.0 - phi * phi; }
        @Override public void evaluateFast(double[] h, double[] phi, double[] dphi, int from, int to) {
            FastTanh.evaluate(h, phi, dphi, from, to);
        }
        @Override public void valuesFast(double[] h, double[] phi, double[] scratch, int from, int to) {
            FastTanh.values(h, phi, scratch, from, to);
        }
    },
    SIGMOID("sigmoid") {
        @Override public double value(double h) { return Special.logistic(h); }
        @Override public double derivative(double h, double phi) { return phi * (1.0 - phi); }
    },
    /** phi'(0) = 0 by convention. */
    RELU("relu") {
        @Override public double value(double h) { return h > 0 ? h : 0.0; }
        @Override public double derivative(double h, double phi) { return h > 0 ? 1.0 : 0.0; }
        @Override public void evaluateFast(double[] h, double[] phi, double[] dphi, int from, int to) {
            for (int i = from; i < to; i++) {
                double x = h[i];
                phi[i] = x > 0 ? x : 0.0;
                dphi[i] = x > 0 ? 1.0 : 0.0;
            }
        }
    },
    /** Slope 0.01 for h <= 0, the same side convention as relu. */
    LEAKY_RELU("leaky-relu") {
        @Override public double value(double h) { return h > 0 ? h : LEAK * h; }
        @Override public double derivative(double h, double phi) { return h > 0 ? 1.0 : LEAK; }
        @Override public void evaluateFast(double[] h, double[] phi, double[] dphi, int from, int to) {
            for (int i = from; i < to; i++) {
                double x = h[i];
                phi[i] = x > 0 ? x : LEAK * x;
                dphi[i] = x > 0 ? 1.0 : LEAK;
            }
        }
    },
    /** log(1 + e^h), evaluated without overflow or loss of precision at either end. */
    SOFTPLUS("softplus") {
        @Override public double value(double h) { return h > 0 ? h + Math.log1p(Math.exp(-h)) : Math.log1p(Math.exp(h)); }
        @Override public double derivative(double h, double phi) { return Special.logistic(h); }
    },
    /** Exact GELU h * Phi(h), with Phi the standard normal distribution function. */
    GELU("gelu") {
        @Override public double value(double h) { return h * Special.normalCdf(h); }
        @Override public double derivative(double h, double phi) { return Special.normalCdf(h) + h * Special.normalPdf(h); }
    };

    static final double LEAK = 0.01;

    private final String id;

    Activation(String id) {
        this.id = id;
    }

    /** phi(h). */
    public abstract double value(double h);

    /** phi'(h), given h and phi = phi(h). */
    public abstract double derivative(double h, double phi);

    /** The name used in configs and files. */
    public String id() {
        return id;
    }

    /** Whether the activation saturates (bounded output): the kind that loses features under noisy SGD. */
    public boolean saturating() {
        return this == TANH || this == SIGMOID;
    }

    /**
     * phi and phi' over the first n entries of h. The training step calls this once per sample, so a faster
     * evaluation of one activation goes here without touching the step.
     */
    public void evaluate(double[] h, double[] phi, double[] dphi, int n) {
        for (int i = 0; i < n; i++) {
            double v = value(h[i]);
            phi[i] = v;
            dphi[i] = derivative(h[i], v);
        }
    }

    /**
     * The hot path: phi and phi' over entries [from, to) of h into the same entries of phi and dphi. Equal to
     * {@link #evaluate} except for tanh (see the class comment). h may be the same array as dphi (it is then
     * overwritten, which saves the training step a buffer); it must not be phi.
     */
    public void evaluateFast(double[] h, double[] phi, double[] dphi, int from, int to) {
        for (int i = from; i < to; i++) {
            double x = h[i];
            double v = value(x);
            phi[i] = v;
            dphi[i] = derivative(x, v);
        }
    }

    /**
     * phi alone over entries [from, to) of h, for forward passes that need no derivative; scratch's entries may be
     * overwritten, and h may be scratch itself.
     */
    public void valuesFast(double[] h, double[] phi, double[] scratch, int from, int to) {
        evaluateFast(h, phi, scratch, from, to);
    }

    public static Activation fromId(String id) {
        for (Activation a : values()) {
            if (a.id.equals(id)) {
                return a;
            }
        }
        throw new IllegalArgumentException("unknown activation '" + id + "'");
    }

    @Override
    public String toString() {
        return id;
    }
}
