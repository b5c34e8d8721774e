package trlab.core;

import java.util.Arrays;

/**
 * The gradient of a batch loss (SCIENCE.md §1), summed in {@link #CHUNKS} fixed chunks of the batch (fewer for a
 * batch of fewer samples). Each chunk adds its samples in batch order into its own sums; the chunks are then added
 * in chunk order. Chunk boundaries and the order of every addition depend only on the batch, so the result is the
 * same bit for bit whoever computes which chunk, and however many cores there are.
 *
 * <p>With a {@link BatchWorker}, the caller and the worker claim chunks one at a time from a shared counter; the
 * caller waits only for chunks the worker has claimed and is computing. A worker that is not scheduled therefore
 * never holds a step up: the caller takes its chunks.
 *
 * <p>Each chunk streams over its samples a block at a time: pre-activations of a block of samples, the activation
 * over the whole block (one long vectorised loop), then per sample the output, dl/df and the per-neuron sums
 * <ul>
 *   <li>{@code ga[k*N + i] = sum_p g_pk phi_pi} (times s: dL/dA),</li>
 *   <li>{@code u[i] = sum_p g_p phi'_pi} for K = 1, {@code sum_p (sum_k g_pk A_ki) phi'_pi} for K > 1
 *       (times s A_i resp. s: dL/db),</li>
 *   <li>{@code v[j*N + i]} the same with x_pj inside the sum (dL/dW_ij, stored input-major so every loop runs
 *       over neurons),</li>
 *   <li>{@code gc[k] = sum_p g_pk} (dL/dc),</li>
 * </ul>
 * with g = dl/df already divided by the batch size. Nothing is allocated per step.
 */
final class BatchGradient {
    /** Chunks per batch: a fixed number, so the sums never depend on the machine; four lets two threads balance. */
    static final int CHUNKS = 4;
    private static final int SPINS_BEFORE_YIELD = 1 << 12;

    private final Network net;
    private final double[] x;
    private final Loss loss;
    /** W transposed (d rows of N), refreshed each step when d > 1, so pre-activations run over neurons. */
    private final double[] wT;
    private final Sums[] sums = new Sums[CHUNKS];
    private final Scratch mine;
    private final Scratch helpers;

    // The step being computed: written by the owner before it publishes the claim counter, read by whoever
    // claims a chunk after that.
    private int[] order;
    private int from;
    private int to;
    private int chunks;
    private double[] targets;
    private double factor;

    /** (serial << 8) | next unclaimed chunk: claims of an old request fail on the serial. */
    private final java.util.concurrent.atomic.AtomicLong claims = new java.util.concurrent.atomic.AtomicLong();
    private final java.util.concurrent.atomic.AtomicInteger finished = new java.util.concurrent.atomic.AtomicInteger();
    private volatile Throwable failure;
    private long serial;

    BatchGradient(Network net, DataSet data, Loss loss) {
        this.net = net;
        this.x = data.x();
        this.loss = loss;
        this.wT = net.inputs > 1 ? new double[net.w.length] : null;
        for (int c = 0; c < CHUNKS; c++) {
            sums[c] = new Sums(net);
        }
        int rows = Math.min(Network.rowsPerBlock(net.width), Math.max(1, (data.size() + CHUNKS - 1) / CHUNKS));
        this.mine = new Scratch(net, rows);
        this.helpers = new Scratch(net, rows);
    }

    /** What a worker does on a request: claim and compute chunks of that request until none is left. */
    void help(long request) {
        work(request, helpers);
    }

    /**
     * Sums the gradient of the batch at positions [from, to) (through {@code order} when not null); the total is
     * then in {@link #total()}.
     *
     * @param targets the targets of the batch, K per position from {@code from} on
     * @param factor  1 / batch size, applied to dl/df
     * @param worker  the thread that may take chunks, or null to compute all of them here
     */
    void compute(int[] order, int from, int to, double[] targets, double factor, BatchWorker worker) {
        if (wT != null) {
            int n = net.width;
            int d = net.inputs;
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < d; j++) {
                    wT[j * n + i] = net.w[i * d + j];
                }
            }
        }
        this.order = order;
        this.from = from;
        this.to = to;
        this.chunks = Math.min(CHUNKS, to - from);
        this.targets = targets;
        this.factor = factor;
        if (worker == null) {
            for (int c = 0; c < chunks; c++) {
                chunk(c, mine);
            }
        } else {
            finished.set(0);
            long request = ++serial;
            claims.set(request << 8);
            worker.start(request);
            work(request, mine);
            int spins = 0;
            while (finished.get() < chunks) {
                if (++spins < SPINS_BEFORE_YIELD) {
                    Thread.onSpinWait();
                } else {
                    Thread.yield();
                }
            }
            Throwable t = failure;
            if (t != null) {
                failure = null;
                throw new IllegalStateException("the batch helper thread failed", t);
            }
        }
        Sums total = sums[0];
        for (int c = 1; c < chunks; c++) {
            total.add(sums[c]);
        }
    }

    /** The sums of the last {@link #compute}, chunks added in order. */
    Sums total() {
        return sums[0];
    }

    private void work(long request, Scratch scratch) {
        while (true) {
            long state = claims.get();
            int c = (int) (state & 255);
            if (state >>> 8 != request || c >= chunks) {
                return;
            }
            if (claims.compareAndSet(state, state + 1)) {
                try {
                    chunk(c, scratch);
                } catch (Throwable t) {
                    failure = t;
                }
                finished.incrementAndGet();
            }
        }
    }

    private void chunk(int c, Scratch scratch) {
        int count = to - from;
        int start = from + (int) ((long) count * c / chunks);
        int end = from + (int) ((long) count * (c + 1) / chunks);
        sums[c].accumulate(this, scratch, start, end);
    }

    /** One chunk's sums. */
    static final class Sums {
        final double[] ga;
        final double[] u;
        final double[] v;
        final double[] gc;

        Sums(Network net) {
            int n = net.width;
            ga = new double[net.outputs * n];
            u = new double[n];
            v = new double[net.inputs * n];
            gc = new double[net.outputs];
        }

        void add(Sums o) {
            addTo(ga, o.ga);
            addTo(u, o.u);
            addTo(v, o.v);
            addTo(gc, o.gc);
        }

        private static void addTo(double[] y, double[] x) {
            for (int i = 0; i < y.length; i++) {
                y[i] += x[i];
            }
        }

        void accumulate(BatchGradient job, Scratch scratch, int from, int to) {
            Network net = job.net;
            int rows = scratch.rows;
            double[] phi = scratch.phi;
            double[] dphi = scratch.dphi;
            double[] back = scratch.back;
            double[] f = scratch.f;
            double[] g = scratch.g;
            int n = net.width;
            int d = net.inputs;
            int k = net.outputs;
            double[] x = job.x;
            int[] order = job.order;
            double[] a = net.a;
            double s = net.scale;
            Arrays.fill(ga, 0.0);
            Arrays.fill(u, 0.0);
            Arrays.fill(v, 0.0);
            Arrays.fill(gc, 0.0);
            for (int start = from; start < to; start += rows) {
                int block = Math.min(rows, to - start);
                // pre-activations into dphi, which the activation then overwrites with phi'
                for (int r = 0; r < block; r++) {
                    int sample = order == null ? start + r : order[start + r];
                    if (d == 1) {
                        net.preActivations(x, sample, dphi, r * n);
                    } else {
                        preActivations(job.wT, net.b, x, sample * d, d, n, dphi, r * n);
                    }
                }
                net.activation.evaluateFast(dphi, phi, dphi, 0, block * n);
                for (int r = 0; r < block; r++) {
                    int pos = start + r;
                    int sample = order == null ? pos : order[pos];
                    int ro = r * n;
                    net.outputsFromFeatures(phi, ro, f, 0);
                    job.loss.gradient(f, 0, job.targets, (pos - job.from) * k, k, job.factor, g, 0);
                    for (int o = 0; o < k; o++) {
                        gc[o] += g[o];
                    }
                    if (k == 1) {
                        double gv = g[0];
                        if (d == 1) {
                            double gx = gv * x[sample];
                            for (int i = 0; i < n; i++) {
                                double p = dphi[ro + i];
                                ga[i] += gv * phi[ro + i];
                                u[i] += gv * p;
                                v[i] += gx * p;
                            }
                        } else {
                            for (int i = 0; i < n; i++) {
                                ga[i] += gv * phi[ro + i];
                                u[i] += gv * dphi[ro + i];
                            }
                            for (int j = 0; j < d; j++) {
                                Linalg.axpy(gv * x[sample * d + j], dphi, ro, v, j * n, n);
                            }
                        }
                    } else {
                        // back_i = sum_k g_k A_ki, the output error seen by neuron i
                        double g0 = g[0];
                        for (int i = 0; i < n; i++) {
                            back[i] = g0 * a[i];
                        }
                        for (int o = 1; o < k; o++) {
                            Linalg.axpy(g[o], a, o * n, back, 0, n);
                        }
                        for (int o = 0; o < k; o++) {
                            Linalg.axpy(g[o], phi, ro, ga, o * n, n);
                        }
                        for (int i = 0; i < n; i++) {
                            double delta = back[i] * dphi[ro + i];
                            back[i] = delta;
                            u[i] += delta;
                        }
                        for (int j = 0; j < d; j++) {
                            Linalg.axpy(x[sample * d + j], back, 0, v, j * n, n);
                        }
                    }
                }
            }
        }

        /** h = b + sum_j W_ij x_j in j order (the rounding of {@link Network#preActivations}), over neurons. */
        private static void preActivations(double[] wT, double[] b, double[] x, int xo, int d, int n, double[] h,
                                           int ho) {
            System.arraycopy(b, 0, h, ho, n);
            for (int j = 0; j < d; j++) {
                Linalg.axpy(x[xo + j], wT, j * n, h, ho, n);
            }
        }
    }

    /** Blocks one thread works in. */
    private static final class Scratch {
        final int rows;
        final double[] phi;
        final double[] dphi;
        final double[] back;
        final double[] f;
        final double[] g;

        Scratch(Network net, int rows) {
            int n = net.width;
            this.rows = rows;
            phi = new double[rows * n];
            dphi = new double[rows * n];
            back = new double[n];
            f = new double[net.outputs];
            g = new double[net.outputs];
        }
    }
}
