package trlab.core;

import java.lang.ref.Cleaner;

/**
 * Takes training steps theta <- theta - eta * grad L_B on a network (SCIENCE.md §1).
 *
 * <p>The randomness of step t (the permutation of its epoch, the label noise of its targets) is re-created from
 * (seed, t) alone, so a trainer started at step t from saved parameters continues exactly as the uninterrupted
 * run would. All buffers are allocated once; a step allocates nothing.
 *
 * <p>A batch of more than one sample is summed in fixed chunks ({@link BatchGradient}); when the batch is large
 * enough for it to pay and the machine has a second core, a helper thread, started on first need, takes chunks
 * too. The numbers do not depend on whether it does. {@link #close()} ends that thread; a trainer
 * that is dropped without closing ends it when it is garbage collected (the thread is a daemon and does not keep
 * the trainer alive), so closing is good manners, not a must. A closed trainer still steps, on its caller's
 * thread alone.
 */
public final class Trainer implements AutoCloseable {
    /**
     * Batches with fewer entries (samples x width) than this are summed on the calling thread alone. Measured with
     * the second core free (N = 100, average over 3 s): 1.36x at 3,200 entries (P = 32, a 7 us step), 1.48x at
     * 4,800, 1.58x at 6,400 to 12,800; at N = 1000, 1.53x at P = 16 and 1.9x at P = 256.
     */
    static final int PARALLEL_MIN_ENTRIES = 4096;
    private static final int CORES = Runtime.getRuntime().availableProcessors();
    private static final Cleaner CLEANER = Cleaner.create();
    /**
     * When the helper fails to help a few steps in a row (the OS does not give it a core: the machine is busy),
     * the trainer steps alone for this long, doubling up to {@link #HELPER_PAUSE_MAX_NANOS} while that goes on,
     * and then tries again; the helper parks meanwhile. A helper that cannot run costs the trainer's own thread
     * its core share and duplicated chunks: measured 0.55x of one thread without this.
     */
    private static final long HELPER_PAUSE_NANOS = 50_000_000L;
    private static final long HELPER_PAUSE_MAX_NANOS = 1_600_000_000L;
    /** Misses in a row that pause the helper; a parked helper needs a step or two to wake, which are misses too. */
    private static final int HELPER_MISSES = 16;
    /**
     * Steps between two passes of {@link Network#zeroNegligible}. A pass costs less than a step of batch 1, yet
     * it runs rarely: a parameter that falls into the subnormal range between two passes costs only the steps
     * until the next one.
     */
    private static final int ZEROING_PERIOD = 32;

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
    /** The last step's batch: positions [lastFrom, lastTo) of the epoch's order, or of the data if not permuted. */
    private int lastFrom;
    private int lastTo;
    private boolean lastPermuted;

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
    private final double[] batchTargets;
    /** Made on the first step with a batch of more than one sample (a one-sample trainer never needs it). */
    private BatchGradient gradient;
    private BatchWorker worker;
    private Cleaner.Cleanable workerCleanup;
    private boolean closed;
    /** Steps in a row in which the helper did not help (it was late, or a chunk had to be taken from it). */
    private int helperMisses;
    private long helperPause = HELPER_PAUSE_NANOS;
    private long sequentialUntil;
    private boolean zeroing = true;

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
        batchTargets = new double[data.size() * k];
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
        this.lastTo = lastFrom; // a new method has no last step
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
        boolean permuted = permuted();
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
        lastFrom = from;
        lastTo = to;
        lastPermuted = permuted;
        step++;
        if (zeroing && step % ZEROING_PERIOD == 0) {
            net.zeroNegligible();
        }
    }

    /** Off: the parameters keep every value IEEE arithmetic gives them, however small (for tests of the zeroing). */
    void setZeroing(boolean on) {
        zeroing = on;
    }

    /**
     * How many samples the last step trained on. With {@link #lastBatchSample} and {@link #lastTarget} this is the
     * trainer's record of its last step, for whatever must take the same step beside the network (the theory
     * models): the batch's place in its epoch's order and the targets the step drew. It holds until the next step
     * or change of method.
     */
    public int lastBatchSize() {
        return lastTo - lastFrom;
    }

    /** The training sample at position j (in visiting order) of the last step's batch. */
    public int lastBatchSample(int j) {
        // a permuted order is still that of the last step's epoch: it is drawn anew only at the start of a step
        return lastPermuted ? order[lastFrom + j] : lastFrom + j;
    }

    /** Output k of the target the last step used at batch position j, label noise included. */
    public double lastTarget(int j, int k) {
        return lastTo - lastFrom == 1 ? target[k] : batchTargets[j * net.outputs + k];
    }

    private boolean permuted() {
        return method == Method.SGD && batchSize < data.size();
    }

    /** Targets for this step: the stored y, plus fresh N(0, sigma²) noise when label noise is on. */
    private void targets(int sample, double[] out, int offset) {
        int k = net.outputs;
        for (int o = 0; o < k; o++) {
            double noise = labelNoise > 0 ? labelNoise * noiseRng.nextGaussian() : 0.0;
            out[offset + o] = data.y()[sample * k + o] + noise;
        }
    }

    /**
     * Ends the helper thread, if one was started (idempotent). The trainer stays usable and gives the same numbers,
     * computed on the caller's thread alone.
     */
    @Override
    public void close() {
        closed = true;
        if (workerCleanup != null) {
            workerCleanup.clean();
            workerCleanup = null;
            worker = null;
        }
    }

    /** The helper thread, or null when none was started or the trainer is closed (for tests). */
    Thread helperThread() {
        return worker == null ? null : worker.thread();
    }

    /** The helper thread that takes chunks of big batches, or null when it would not pay. */
    private BatchWorker workerFor(int batch) {
        if (closed || CORES < 2 || (long) batch * net.width < PARALLEL_MIN_ENTRIES) {
            return null;
        }
        if (sequentialUntil != 0) {
            if (System.nanoTime() - sequentialUntil < 0) {
                return null;
            }
            sequentialUntil = 0;
        }
        if (worker == null) {
            worker = new BatchWorker(gradient::help, "trlab-batch-helper");
            workerCleanup = CLEANER.register(this, new StopWorker(worker));
        }
        return worker;
    }

    /** After a step with the helper: after a few misses in a row, step alone for a while (see HELPER_PAUSE_NANOS). */
    private void judgeHelper() {
        if (gradient.workerHelped()) {
            helperMisses = 0;
            helperPause = HELPER_PAUSE_NANOS;
            return;
        }
        if (++helperMisses >= HELPER_MISSES) {
            helperMisses = 0;
            sequentialUntil = System.nanoTime() + helperPause;
            helperPause = Math.min(2 * helperPause, HELPER_PAUSE_MAX_NANOS);
        }
    }

    /** The cleaning action: it holds the worker, never the trainer, or the trainer could not become garbage. */
    private record StopWorker(BatchWorker worker) implements Runnable {
        @Override
        public void run() {
            worker.stop();
        }
    }

    /**
     * Batch of one: the gradient of each parameter depends only on values computed before any parameter moves,
     * so the update is fused into the backward pass: no gradient buffers are zeroed, filled and read back. The
     * loops run over neurons with no calls inside, so C2 vectorises them.
     */
    private void singleSampleStep(int sample) {
        int n = net.width;
        int d = net.inputs;
        int k = net.outputs;
        double[] x = data.x();
        int xo = sample * d;
        // the pre-activations go into dphi, which the activation overwrites with phi'
        net.preActivations(x, xo, dphi);
        net.activation.evaluateFast(dphi, phi, dphi, 0, n);
        net.outputsFromFeatures(phi, 0, f, 0);
        targets(sample, target, 0);
        loss.gradient(f, 0, target, 0, k, 1.0, g, 0);
        double s = net.scale;
        double eta = learningRate;
        double[] w = net.w;
        double[] b = net.b;
        double[] a = net.a;
        if (k == 1) {
            // dl/dA_i = s g phi_i, dl/db_i = s g A_i phi'_i, dl/dW_ij = dl/db_i x_j, all with the old A_i
            double esg = eta * s * g[0];
            if (d == 1) {
                double x0 = x[xo];
                for (int i = 0; i < n; i++) {
                    double ai = a[i];
                    double db = esg * ai * dphi[i];
                    a[i] = ai - esg * phi[i];
                    b[i] -= db;
                    w[i] -= db * x0;
                }
            } else {
                for (int i = 0; i < n; i++) {
                    double ai = a[i];
                    double db = esg * ai * dphi[i];
                    a[i] = ai - esg * phi[i];
                    b[i] -= db;
                    dphi[i] = db;
                }
                descendW(w, x, xo, d, n);
            }
        } else {
            // back_i = sum_k g_k A_ki with the old A, in h
            double g0 = g[0];
            for (int i = 0; i < n; i++) {
                h[i] = g0 * a[i];
            }
            for (int o = 1; o < k; o++) {
                Linalg.axpy(g[o], a, o * n, h, 0, n);
            }
            for (int o = 0; o < k; o++) {
                Linalg.axpy(-eta * s * g[o], phi, 0, a, o * n, n);
            }
            double es = eta * s;
            for (int i = 0; i < n; i++) {
                double db = es * h[i] * dphi[i];
                b[i] -= db;
                dphi[i] = db;
            }
            descendW(w, x, xo, d, n);
        }
        for (int o = 0; o < k; o++) {
            net.c[o] -= eta * g[o];
        }
    }

    /** W_ij -= step_i x_j with the per-neuron steps in dphi. */
    private void descendW(double[] w, double[] x, int xo, int d, int n) {
        for (int i = 0; i < n; i++) {
            double db = dphi[i];
            int row = i * d;
            for (int j = 0; j < d; j++) {
                w[row + j] -= db * x[xo + j];
            }
        }
    }

    private void batchStep(int from, int to, boolean permuted) {
        int n = net.width;
        int d = net.inputs;
        int k = net.outputs;
        // targets in visiting order, so the label noise is drawn exactly as one sequential pass would draw it
        for (int pos = from; pos < to; pos++) {
            targets(permuted ? order[pos] : pos, batchTargets, (pos - from) * k);
        }
        if (gradient == null) {
            gradient = new BatchGradient(net, data, loss);
        }
        BatchWorker helper = workerFor(to - from);
        gradient.compute(permuted ? order : null, from, to, batchTargets, 1.0 / (to - from), helper);
        if (helper != null) {
            judgeHelper();
        }
        BatchGradient.Sums sum = gradient.total();
        double es = learningRate * net.scale;
        double[] w = net.w;
        double[] b = net.b;
        double[] a = net.a;
        double[] u = sum.u;
        if (k == 1) {
            // dL/dW_ij = s A_i v_ij, dL/db_i = s A_i u_i, dL/dA_i = s ga_i: W and b first, they need the old A
            double[] ga = sum.ga[0];
            if (d == 1) {
                double[] v = sum.v[0];
                for (int i = 0; i < n; i++) {
                    double ai = a[i];
                    double sa = es * ai;
                    w[i] -= sa * v[i];
                    b[i] -= sa * u[i];
                    a[i] = ai - es * ga[i];
                }
            } else {
                for (int i = 0; i < n; i++) {
                    double ai = a[i];
                    double sa = es * ai;
                    b[i] -= sa * u[i];
                    for (int j = 0; j < d; j++) {
                        w[i * d + j] -= sa * sum.v[j][i];
                    }
                    a[i] = ai - es * ga[i];
                }
            }
        } else {
            for (int i = 0; i < n; i++) {
                b[i] -= es * u[i];
                for (int j = 0; j < d; j++) {
                    w[i * d + j] -= es * sum.v[j][i];
                }
            }
            for (int o = 0; o < k; o++) {
                double[] ga = sum.ga[o];
                for (int i = 0; i < n; i++) {
                    a[o * n + i] -= es * ga[i];
                }
            }
        }
        for (int o = 0; o < k; o++) {
            net.c[o] -= learningRate * sum.gc[o];
        }
    }
}
