package trlab.core;

import java.util.Arrays;

/**
 * One hidden layer: h = W x + b, f = s * A phi(h) + c (SCIENCE.md §1).
 *
 * <p>The parameters live in flat row-major arrays: {@code w[i*d + j]} = W_ij (N rows of d), {@code b[i]},
 * {@code a[k*N + i]} = A_ki (K rows of N), {@code c[k]}. The flat parameter index used by {@link #parameter}
 * runs through W, b, A, c in that order.
 */
public final class Network {
    public final int inputs;
    public final int width;
    public final int outputs;
    public final Activation activation;
    public final Parameterization parameterization;
    /** The output scale s. */
    public final double scale;
    public final double[] w;
    public final double[] b;
    public final double[] a;
    public final double[] c;
    /**
     * 2^-960 (about 1e-289): a parameter smaller than this is set to zero by {@link #zeroNegligible}. Noisy training
     * lets neurons die: their weights, bias and output weight decay together geometrically, by hundreds of decades,
     * into the subnormal numbers below 2^-1022, which the CPU computes in microcode, and IEEE rounding stalls them
     * there (at ±5e-324) where exact arithmetic would take them on to zero. At width 100 the default preset had 97 of
     * its 100 neurons there after 10 million steps and trained at less than half its speed. A neuron all zero stays
     * zero exactly. The bound is 2^62 above the subnormal range, so that a parameter times any factor above 2^-62
     * stays normal, and far below anything that moves an output: over 4e7 steps of the default preset the outputs
     * stayed the same bit for bit, as they do in NegligibleParametersTest.
     */
    public static final double NEGLIGIBLE = 0x1p-960;

    public Network(int inputs, int width, int outputs, Activation activation, Parameterization parameterization) {
        if (inputs < 1 || width < 1 || outputs < 1) {
            throw new IllegalArgumentException("network dimensions must be positive: d=" + inputs + ", N=" + width
                    + ", K=" + outputs);
        }
        this.inputs = inputs;
        this.width = width;
        this.outputs = outputs;
        this.activation = activation;
        this.parameterization = parameterization;
        this.scale = parameterization.outputScale(width);
        this.w = new double[width * inputs];
        this.b = new double[width];
        this.a = new double[outputs * width];
        this.c = new double[outputs];
    }

    /** Sets every parameter of magnitude below {@link #NEGLIGIBLE} to zero (NaN stays). */
    public void zeroNegligible() {
        zeroNegligible(w);
        zeroNegligible(b);
        zeroNegligible(a);
        zeroNegligible(c);
    }

    private static void zeroNegligible(double[] v) {
        for (int i = 0; i < v.length; i++) {
            if (Math.abs(v[i]) < NEGLIGIBLE) {
                v[i] = 0.0;
            }
        }
    }

    /**
     * The initialisation of SCIENCE.md §1, all from one generator seeded with {@code seed}, in this order:
     * W_ij ~ N(0, weightScale²/d), then b_i ~ N(0, biasScale²), then A_ki ~ N(0, 1/N) (standard) or N(0, 1)
     * (ntk); c = 0.
     */
    public static Network initialize(int inputs, int width, int outputs, Activation activation,
                                     Parameterization parameterization, double weightScale, double biasScale,
                                     long seed) {
        Network net = new Network(inputs, width, outputs, activation, parameterization);
        Rng rng = new Rng(seed);
        double wStd = weightScale / Math.sqrt(inputs);
        for (int p = 0; p < net.w.length; p++) {
            net.w[p] = wStd * rng.nextGaussian();
        }
        for (int i = 0; i < width; i++) {
            net.b[i] = biasScale * rng.nextGaussian();
        }
        double aStd = parameterization.outputWeightStd(width);
        for (int p = 0; p < net.a.length; p++) {
            net.a[p] = aStd * rng.nextGaussian();
        }
        return net;
    }

    public Network copy() {
        Network n = new Network(inputs, width, outputs, activation, parameterization);
        n.copyParametersFrom(this);
        return n;
    }

    /** Overwrites this network's parameters with those of a network of the same shape. */
    public void copyParametersFrom(Network other) {
        if (other.inputs != inputs || other.width != width || other.outputs != outputs) {
            throw new IllegalArgumentException("shape mismatch");
        }
        System.arraycopy(other.w, 0, w, 0, w.length);
        System.arraycopy(other.b, 0, b, 0, b.length);
        System.arraycopy(other.a, 0, a, 0, a.length);
        System.arraycopy(other.c, 0, c, 0, c.length);
    }

    /** Number of parameters: N d + N + K N + K. */
    public int parameterCount() {
        return w.length + b.length + a.length + c.length;
    }

    /** Parameter p of the flat order W, b, A, c. */
    public double parameter(int p) {
        if (p < w.length) {
            return w[p];
        }
        p -= w.length;
        if (p < b.length) {
            return b[p];
        }
        p -= b.length;
        if (p < a.length) {
            return a[p];
        }
        return c[p - a.length];
    }

    public void setParameter(int p, double value) {
        if (p < w.length) {
            w[p] = value;
            return;
        }
        p -= w.length;
        if (p < b.length) {
            b[p] = value;
            return;
        }
        p -= b.length;
        if (p < a.length) {
            a[p] = value;
            return;
        }
        c[p - a.length] = value;
    }

    /** True when every parameter is finite. */
    public boolean isFinite() {
        return allFinite(w) && allFinite(b) && allFinite(a) && allFinite(c);
    }

    private static boolean allFinite(double[] v) {
        for (double x : v) {
            if (!Double.isFinite(x)) {
                return false;
            }
        }
        return true;
    }

    /**
     * How many inputs a batched evaluation takes at a time: enough that the activation runs over a few thousand
     * contiguous entries (C2's vector loops pay off on long rows), few enough that the block stays in L1/L2.
     */
    public static int rowsPerBlock(int width) {
        return Math.max(1, BLOCK_ENTRIES / width);
    }

    private static final int BLOCK_ENTRIES = 2048;

    /**
     * Pre-activations h_i(x) for the input starting at {@code x[offset]}, into h[0..N).
     *
     * <p>Hot loops index every array by the same i: C2 (JDK 17) does not vectorise a loop that mixes b[i] with
     * h[offset + i]. Callers that fill rows of a block compute a row here and copy it (System.arraycopy).
     */
    public void preActivations(double[] x, int offset, double[] h) {
        int d = inputs;
        if (d == 1) {
            // b + w x rounds exactly like the general loop below
            double x0 = x[offset];
            for (int i = 0; i < width; i++) {
                h[i] = b[i] + w[i] * x0;
            }
            return;
        }
        for (int i = 0; i < width; i++) {
            double sum = b[i];
            int row = i * d;
            for (int j = 0; j < d; j++) {
                sum += w[row + j] * x[offset + j];
            }
            h[i] = sum;
        }
    }

    /** Outputs f_k = s sum_i A_ki phi_i + c_k from hidden features phi, written at {@code f[fOffset]}. */
    public void outputsFromFeatures(double[] phi, double[] f, int fOffset) {
        outputsFromFeatures(phi, 0, f, fOffset);
    }

    /** Outputs from the hidden features starting at {@code phi[phiOffset]}, written at {@code f[fOffset]}. */
    public void outputsFromFeatures(double[] phi, int phiOffset, double[] f, int fOffset) {
        for (int k = 0; k < outputs; k++) {
            f[fOffset + k] = scale * Linalg.dot(a, k * width, phi, phiOffset, width) + c[k];
        }
    }

    /**
     * Computes h, phi, phi' and f for one input; the buffers hold at least N (and K) entries. Uses the fast
     * activation path ({@link Activation#evaluateFast}).
     */
    public void forward(double[] x, int offset, double[] h, double[] phi, double[] dphi, double[] f, int fOffset) {
        preActivations(x, offset, h);
        activation.evaluateFast(h, phi, dphi, 0, width);
        outputsFromFeatures(phi, f, fOffset);
    }

    /**
     * Outputs for {@code count} inputs stored one after another in x, written K per input into out, through the
     * fast activation. Many inputs go neuron by neuron ({@link #NEURON_MAJOR_MIN_INPUTS}), few a block of inputs
     * at a time; both give the same numbers bit for bit as {@link #forward} on each input.
     */
    public void outputs(double[] x, int count, double[] out) {
        if (count >= NEURON_MAJOR_MIN_INPUTS) {
            outputsByNeuron(x, count, out);
            return;
        }
        int rows = rowsPerBlock(width);
        Buffers buffers = Buffers.OF_THREAD.get().fitBlock(Math.min(rows, Math.max(count, 1)) * width, width);
        double[] h = buffers.blockH;
        double[] phi = buffers.blockPhi;
        double[] row = buffers.row;
        for (int start = 0; start < count; start += rows) {
            int block = Math.min(rows, count - start);
            for (int r = 0; r < block; r++) {
                preActivations(x, (start + r) * inputs, row);
                System.arraycopy(row, 0, h, r * width, width);
            }
            activation.valuesFast(h, phi, h, 0, block * width);
            for (int r = 0; r < block; r++) {
                outputsFromFeatures(phi, r * width, out, (start + r) * outputs);
            }
        }
    }

    /** From this many inputs on, {@link #outputs} loops over inputs for one neuron at a time. */
    public static final int NEURON_MAJOR_MIN_INPUTS = 64;

    /**
     * Neuron by neuron: every loop runs over the inputs, and the output sums are axpy loops, which C2 vectorises,
     * instead of a dot product per input, which it does not. Four partial sums by neuron index mod 4, added as
     * {@link Linalg#dot} adds its own, keep the numbers bit for bit those of the input-by-input path.
     */
    private void outputsByNeuron(double[] x, int count, double[] out) {
        int n = width;
        int d = inputs;
        int k = outputs;
        Buffers buffers = Buffers.OF_THREAD.get().fitByNeuron(d, count, k);
        double[][] xT = buffers.xT;
        for (int p = 0; p < count; p++) {
            for (int j = 0; j < d; j++) {
                xT[j][p] = x[p * d + j];
            }
        }
        double[] h = buffers.h;
        double[] phi = buffers.phi;
        double[][][] partial = buffers.partial;
        int full = n - n % 4;
        for (int i = 0; i < n; i++) {
            // h = b_i + sum_j W_ij x_j in j order, as preActivations rounds it
            double bi = b[i];
            double w0 = w[i * d];
            double[] x0 = xT[0];
            for (int p = 0; p < count; p++) {
                h[p] = bi + w0 * x0[p];
            }
            for (int j = 1; j < d; j++) {
                double wj = w[i * d + j];
                double[] xj = xT[j];
                for (int p = 0; p < count; p++) {
                    h[p] += wj * xj[p];
                }
            }
            activation.valuesFast(h, phi, h, 0, count);
            int lane = i < full ? i % 4 : 0;
            for (int o = 0; o < k; o++) {
                double ai = a[o * n + i];
                double[] sums = partial[o][lane];
                for (int p = 0; p < count; p++) {
                    sums[p] += ai * phi[p];
                }
            }
        }
        for (int o = 0; o < k; o++) {
            double[][] s = partial[o];
            double co = c[o];
            for (int p = 0; p < count; p++) {
                out[p * k + o] = scale * ((s[0][p] + s[1][p]) + (s[2][p] + s[3][p])) + co;
            }
        }
    }

    /**
     * The work arrays of {@link #outputs}, kept per thread: a snapshot evaluates the network many times (the
     * weight-noise draws), and fresh memory is slow the first time it is touched. They only grow: one thread
     * evaluates data sets of different sizes (training set, probe grid) in turn.
     */
    private static final class Buffers {
        static final ThreadLocal<Buffers> OF_THREAD = ThreadLocal.withInitial(Buffers::new);
        double[] blockH = new double[0];
        double[] blockPhi = new double[0];
        double[] row = new double[0];
        double[][] xT = new double[0][0];
        double[] h = new double[0];
        double[] phi = new double[0];
        double[][][] partial = new double[0][4][0];

        /** Blocks of at least {@code entries} and a row of at least {@code width}, of any value. */
        Buffers fitBlock(int entries, int width) {
            if (blockH.length < entries) {
                blockH = new double[entries];
                blockPhi = new double[entries];
            }
            if (row.length < width) {
                row = new double[width];
            }
            return this;
        }

        /** Arrays for d inputs of at least {@code count} entries and K outputs, the partial sums zero up to count. */
        Buffers fitByNeuron(int d, int count, int k) {
            if (xT.length != d || h.length < count || partial.length != k) {
                int capacity = Math.max(count, h.length);
                xT = new double[d][capacity];
                h = new double[capacity];
                phi = new double[capacity];
                partial = new double[k][4][capacity];
            } else {
                for (double[][] lanes : partial) {
                    for (double[] lane : lanes) {
                        Arrays.fill(lane, 0, count, 0.0);
                    }
                }
            }
            return this;
        }
    }

    /** Mean per-sample loss over a data set with its stored (clean) targets. */
    public double meanLoss(Loss loss, double[] x, double[] y, int count) {
        double[] f = new double[count * outputs];
        outputs(x, count, f);
        double sum = 0;
        for (int n = 0; n < count; n++) {
            sum += loss.value(f, n * outputs, y, n * outputs, outputs);
        }
        return sum / count;
    }

    public boolean sameParameters(Network other) {
        return Arrays.equals(w, other.w) && Arrays.equals(b, other.b) && Arrays.equals(a, other.a)
                && Arrays.equals(c, other.c);
    }
}
