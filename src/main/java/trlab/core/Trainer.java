package trlab.core;

import java.util.Arrays;

/**
 * Takes training steps theta <- theta - eta * grad L_B on a network (SCIENCE.md §1).
 *
 * <p>The randomness of step t (the permutation of its epoch, the label noise of its targets) is re-created from
 * (seed, t) alone, so a trainer started at step t from saved parameters continues exactly as the uninterrupted
 * run would. All buffers are allocated once; a step allocates nothing.
 */
public final class Trainer {
    private static final long PERMUTATION_STREAM = 1;
    private static final long LABEL_NOISE_STREAM = 2;

    private final Network net;
    private final DataSet data;
    private final Loss loss;
    private final long seed;
    private Method method;
    private int batchSize;
    private double learningRate;
    private double labelNoise;
    private long step;

    private final int[] order;
    private long orderEpoch = -1;
    private final Rng permutationRng = new Rng(0);
    private final Rng noiseRng = new Rng(0);

    private final double[] h;
    private final double[] phi;
    private final double[] dphi;
    private final double[] f;
    private final double[] target;
    private final double[] g;
    private final double[] gW;
    private final double[] gB;
    private final double[] gA;
    private final double[] gC;

    /**
     * @param startStep the time t of the network's current parameters (0 for a fresh network, the saved step for
     *                  a resumed one)
     */
    public Trainer(Network net, DataSet data, Loss loss, Method method, int batchSize, double learningRate,
                   double labelNoise, long seed, long startStep) {
        if (data.inputs() != net.inputs || data.outputs() != net.outputs) {
            throw new IllegalArgumentException("data has " + data.inputs() + " inputs and " + data.outputs()
                    + " outputs; the network has " + net.inputs + " and " + net.outputs);
        }
        this.net = net;
        this.data = data;
        this.loss = loss;
        this.seed = seed;
        this.step = startStep;
        this.order = new int[data.size()];
        int n = net.width;
        int k = net.outputs;
        h = new double[n];
        phi = new double[n];
        dphi = new double[n];
        f = new double[k];
        target = new double[k];
        g = new double[k];
        gW = new double[net.w.length];
        gB = new double[n];
        gA = new double[net.a.length];
        gC = new double[k];
        setMethod(method, batchSize);
        setLearningRate(learningRate);
        setLabelNoise(labelNoise);
    }

    public Network network() {
        return net;
    }

    public DataSet data() {
        return data;
    }

    public Loss loss() {
        return loss;
    }

    /** Steps taken so far: the time t. */
    public long time() {
        return step;
    }

    public Method method() {
        return method;
    }

    public int batchSize() {
        return method == Method.FULL_BATCH ? data.size() : batchSize;
    }

    public double learningRate() {
        return learningRate;
    }

    public double labelNoise() {
        return labelNoise;
    }

    /** Steps per epoch: ceil(P / batchSize), 1 for full batch. */
    public int stepsPerEpoch() {
        int b = batchSize();
        return (data.size() + b - 1) / b;
    }

    /** Time in epochs, t / stepsPerEpoch. */
    public double epoch() {
        return (double) step / stepsPerEpoch();
    }

    public void setMethod(Method method, int batchSize) {
        if (method == Method.SGD && (batchSize < 1 || batchSize > data.size())) {
            throw new IllegalArgumentException("batch size " + batchSize + " is not in 1.." + data.size());
        }
        this.method = method;
        this.batchSize = method == Method.SGD ? batchSize : data.size();
        this.orderEpoch = -1;
    }

    public void setLearningRate(double learningRate) {
        if (!(learningRate > 0) || !Double.isFinite(learningRate)) {
            throw new IllegalArgumentException("learning rate must be a positive finite number: " + learningRate);
        }
        this.learningRate = learningRate;
    }

    public void setLabelNoise(double labelNoise) {
        if (!(labelNoise >= 0) || !Double.isFinite(labelNoise)) {
            throw new IllegalArgumentException("label noise must be a finite number >= 0: " + labelNoise);
        }
        this.labelNoise = labelNoise;
    }

    /** One training step on the batch of the current time t; then t advances by one. */
    public void step() {
        int p = data.size();
        int from;
        int to;
        boolean permuted = method == Method.SGD && batchSize < p;
        if (permuted) {
            int perEpoch = stepsPerEpoch();
            long epoch = step / perEpoch;
            if (epoch != orderEpoch) {
                permutationRng.reseed(seed, PERMUTATION_STREAM, epoch);
                permutationRng.permutation(order);
                orderEpoch = epoch;
            }
            from = (int) (step % perEpoch) * batchSize;
            to = Math.min(from + batchSize, p);
        } else {
            from = 0;
            to = p;
        }
        if (labelNoise > 0) {
            noiseRng.reseed(seed, LABEL_NOISE_STREAM, step);
        }
        if (to - from == 1) {
            singleSampleStep(permuted ? order[from] : from);
        } else {
            batchStep(from, to, permuted);
        }
        step++;
    }

    /** Targets for this step: the stored y, plus fresh N(0, sigma²) noise when label noise is on. */
    private void targets(int sample) {
        int k = net.outputs;
        for (int o = 0; o < k; o++) {
            double noise = labelNoise > 0 ? labelNoise * noiseRng.nextGaussian() : 0.0;
            target[o] = data.y()[sample * k + o] + noise;
        }
    }

    /**
     * Batch of one: the gradient of each parameter depends only on values computed before any parameter moves,
     * so the update is fused into the backward pass: no gradient buffers are zeroed, filled and read back.
     */
    private void singleSampleStep(int sample) {
        int n = net.width;
        int d = net.inputs;
        int k = net.outputs;
        double[] x = data.x();
        int xo = sample * d;
        net.forward(x, xo, h, phi, dphi, f, 0);
        targets(sample);
        loss.gradient(f, 0, target, 0, k, 1.0, g, 0);
        double s = net.scale;
        double eta = learningRate;
        double[] w = net.w;
        double[] b = net.b;
        double[] a = net.a;
        if (k == 1) {
            double sg = s * g[0];
            for (int i = 0; i < n; i++) {
                double delta = sg * a[i] * dphi[i];
                a[i] -= eta * (sg * phi[i]);
                b[i] -= eta * delta;
                int row = i * d;
                for (int j = 0; j < d; j++) {
                    w[row + j] -= eta * (delta * x[xo + j]);
                }
            }
        } else {
            for (int i = 0; i < n; i++) {
                double back = 0;
                for (int o = 0; o < k; o++) {
                    back += g[o] * a[o * n + i];
                }
                double delta = s * back * dphi[i];
                for (int o = 0; o < k; o++) {
                    a[o * n + i] -= eta * (s * g[o] * phi[i]);
                }
                b[i] -= eta * delta;
                int row = i * d;
                for (int j = 0; j < d; j++) {
                    w[row + j] -= eta * (delta * x[xo + j]);
                }
            }
        }
        for (int o = 0; o < k; o++) {
            net.c[o] -= eta * g[o];
        }
    }

    private void batchStep(int from, int to, boolean permuted) {
        int n = net.width;
        int d = net.inputs;
        int k = net.outputs;
        double[] x = data.x();
        double s = net.scale;
        double[] a = net.a;
        Arrays.fill(gW, 0.0);
        Arrays.fill(gB, 0.0);
        Arrays.fill(gA, 0.0);
        Arrays.fill(gC, 0.0);
        double factor = 1.0 / (to - from);
        for (int pos = from; pos < to; pos++) {
            int sample = permuted ? order[pos] : pos;
            int xo = sample * d;
            net.forward(x, xo, h, phi, dphi, f, 0);
            targets(sample);
            loss.gradient(f, 0, target, 0, k, factor, g, 0);
            for (int o = 0; o < k; o++) {
                gC[o] += g[o];
            }
            for (int i = 0; i < n; i++) {
                double back = 0;
                for (int o = 0; o < k; o++) {
                    back += g[o] * a[o * n + i];
                    gA[o * n + i] += s * g[o] * phi[i];
                }
                double delta = s * back * dphi[i];
                gB[i] += delta;
                int row = i * d;
                for (int j = 0; j < d; j++) {
                    gW[row + j] += delta * x[xo + j];
                }
            }
        }
        descend(net.w, gW);
        descend(net.b, gB);
        descend(net.a, gA);
        descend(net.c, gC);
    }

    private void descend(double[] theta, double[] grad) {
        double eta = learningRate;
        for (int p = 0; p < theta.length; p++) {
            theta[p] -= eta * grad[p];
        }
    }
}
