package trlab.core;

import java.util.Arrays;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * The gradient of a batch loss (SCIENCE.md §1), summed in {@link #CHUNKS} fixed chunks of the batch (fewer for a
 * batch of fewer samples). Each chunk adds its samples in batch order into its own sums; the chunks are then added
 * in chunk order. Chunk boundaries and the order of every addition depend only on the batch, so the result is the
 * same bit for bit whoever computes which chunk, and however many cores there are.
 *
 * <p>With a {@link BatchWorker}, the caller and the worker claim chunks; each computes into its own sums. The
 * caller, done with its claims, waits for the worker's chunks, but only for about as long as a chunk takes it:
 * a chunk still unfinished then (the OS has descheduled the worker: the lab machine shares its two cores with
 * other programs) it takes over and computes itself, and the worker's late result is dropped. Both would be the
 * same numbers, so nothing depends on who wins, and a step is never much slower than on one thread.
 *
 * <p>Each chunk streams over its samples a block at a time: pre-activations of a block of samples, the activation
 * over the whole block (one long vectorised loop), then per sample the output, dl/df and the per-neuron sums
 * <ul>
 *   <li>{@code ga[k][i] = sum_p g_pk phi_pi} (times s: dL/dA),</li>
 *   <li>{@code u[i] = sum_p g_p phi'_pi} for K = 1, {@code sum_p (sum_k g_pk A_ki) phi'_pi} for K > 1
 *       (times s A_i resp. s: dL/db),</li>
 *   <li>{@code v[j][i]} the same with x_pj inside the sum (dL/dW_ij),</li>
 *   <li>{@code gc[k] = sum_p g_pk} (dL/dc),</li>
 * </ul>
 * with g = dl/df already divided by the batch size. Nothing is allocated per step.
 */
final class BatchGradient {
    /** Chunks per batch: a fixed number, so the sums never depend on the machine; eight let two threads balance. */
    static final int CHUNKS = 8;

    // chunk states, in the low two bits of (request serial << 2 | state): a stale claim fails on the serial
    private static final int FREE = 0;
    private static final int HELPER = 1;
    private static final int HELPER_DONE = 2;
    private static final int MINE = 3;

    private final Network net;
    private final double[] x;
    private final Loss loss;
    /** W transposed (d rows of N), refreshed each step when d > 1, so pre-activations run over neurons. */
    private final double[][] wT;
    private final Sums[] sums = new Sums[CHUNKS];
    private final Sums[] helperSums = new Sums[CHUNKS];
    private final AtomicLongArray state = new AtomicLongArray(CHUNKS);
    private final Scratch mine;
    private final Scratch helpers;
    private long serial;
    /** How long the caller last took for one chunk: its patience with the worker. */
    private long chunkNanos = 1_000_000;
    /** Whether the worker helped in the last step: finished a chunk, and had none taken over. */
    private boolean helped;

    // The step being computed: written by the owner before it publishes the chunk states, read by whoever
    // claims a chunk after that.
    private int[] order;
    private int from;
    private int to;
    private int chunks;
    private double[] targets;
    private double factor;

    BatchGradient(Network net, DataSet data, Loss loss) {
        this.net = net;
        this.x = data.x();
        this.loss = loss;
        this.wT = net.inputs > 1 ? new double[net.inputs][net.width] : null;
        for (int c = 0; c < CHUNKS; c++) {
            sums[c] = new Sums(net);
            helperSums[c] = new Sums(net);
        }
        // blocks of a multiple of four samples (the K = 1 sums take four at a time), at most a chunk
        int rows = Math.min(4 * ((Network.rowsPerBlock(net.width) + 3) / 4),
                Math.max(1, (data.size() + CHUNKS - 1) / CHUNKS));
        this.mine = new Scratch(net, rows);
        this.helpers = new Scratch(net, rows);
    }

    /**
     * What a worker does on a request: claim and compute chunks of that request until none is left, from the last
     * chunk down while the caller goes up, so the two rarely contend for one.
     */
    void help(long request) {
        for (int c = CHUNKS - 1; c >= 0; c--) {
            long free = request << 2 | FREE;
            if (state.get(c) >>> 2 != request) {
                return; // a newer request, or the caller reset the states for one
            }
            if (!state.compareAndSet(c, free, request << 2 | HELPER)) {
                continue;
            }
            try {
                chunk(c, helperSums[c], helpers);
                state.compareAndSet(c, request << 2 | HELPER, request << 2 | HELPER_DONE);
            } catch (Throwable t) {
                // leave the chunk claimed: the caller takes it over and meets the same error on its own thread
            }
        }
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
                    wT[j][i] = net.w[i * d + j];
                }
            }
        }
        this.order = order;
        this.from = from;
        this.to = to;
        this.chunks = Math.min(CHUNKS, to - from);
        this.targets = targets;
        this.factor = factor;
        long request = ++serial;
        for (int c = 0; c < CHUNKS; c++) {
            // chunks past the batch's count are marked as the caller's, so the worker never takes them
            state.set(c, request << 2 | (c < chunks ? FREE : MINE));
        }
        if (worker != null) {
            worker.start(request);
        }
        long mineStart = System.nanoTime();
        int done = 0;
        for (int c = 0; c < chunks; c++) {
            if (state.compareAndSet(c, request << 2 | FREE, request << 2 | MINE)) {
                chunk(c, sums[c], mine);
                done++;
            }
        }
        if (done > 0) {
            chunkNanos = Math.max(1, (System.nanoTime() - mineStart) / done);
        }
        if (worker != null) {
            helped = true;
            for (int c = 0; c < chunks; c++) {
                helped &= awaitOrTakeOver(c, request);
            }
            helped &= done < chunks;
        }
        Sums total = sums[0];
        if ((int) (state.get(0) & 3) == HELPER_DONE) {
            total.copyFrom(helperSums[0]);
        }
        for (int c = 1; c < chunks; c++) {
            total.add((int) (state.get(c) & 3) == HELPER_DONE ? helperSums[c] : sums[c]);
        }
    }

    /**
     * Waits for the worker's chunk c about as long as a chunk takes here; then computes it here instead.
     *
     * @return false when the chunk had to be taken over
     */
    private boolean awaitOrTakeOver(int c, long request) {
        long deadline = 0;
        int spins = 0;
        while (true) {
            long st = state.get(c);
            int code = (int) (st & 3);
            if (code == MINE || code == HELPER_DONE) {
                return true;
            }
            if ((++spins & 63) == 0) {
                long now = System.nanoTime();
                if (deadline == 0) {
                    deadline = now + chunkNanos;
                } else if (now > deadline && state.compareAndSet(c, st, request << 2 | MINE)) {
                    chunk(c, sums[c], mine);
                    return false;
                }
            }
            Thread.onSpinWait();
        }
    }

    /** Whether the worker, given the last step, computed a chunk and had none taken over. */
    boolean workerHelped() {
        return helped;
    }

    /** The sums of the last {@link #compute}, chunks added in order. */
    Sums total() {
        return sums[0];
    }

    private void chunk(int c, Sums into, Scratch scratch) {
        int count = to - from;
        int start = from + (int) ((long) count * c / chunks);
        int end = from + (int) ((long) count * (c + 1) / chunks);
        into.accumulate(this, scratch, start, end);
    }

    /** One chunk's sums, one array per output (ga) and per input (v), so every loop indexes them by neuron alone. */
    static final class Sums {
        final double[][] ga;
        final double[] u;
        final double[][] v;
        final double[] gc;

        Sums(Network net) {
            int n = net.width;
            ga = new double[net.outputs][n];
            u = new double[n];
            v = new double[net.inputs][n];
            gc = new double[net.outputs];
        }

        void copyFrom(Sums o) {
            for (int k = 0; k < ga.length; k++) {
                System.arraycopy(o.ga[k], 0, ga[k], 0, ga[k].length);
            }
            System.arraycopy(o.u, 0, u, 0, u.length);
            for (int j = 0; j < v.length; j++) {
                System.arraycopy(o.v[j], 0, v[j], 0, v[j].length);
            }
            System.arraycopy(o.gc, 0, gc, 0, gc.length);
        }

        void add(Sums o) {
            for (int k = 0; k < ga.length; k++) {
                addTo(ga[k], o.ga[k]);
            }
            addTo(u, o.u);
            for (int j = 0; j < v.length; j++) {
                addTo(v[j], o.v[j]);
            }
            addTo(gc, o.gc);
        }

        private void clear() {
            for (double[] row : ga) {
                Arrays.fill(row, 0.0);
            }
            Arrays.fill(u, 0.0);
            for (double[] row : v) {
                Arrays.fill(row, 0.0);
            }
            Arrays.fill(gc, 0.0);
        }

        private static void addTo(double[] y, double[] x) {
            for (int i = 0; i < y.length; i++) {
                y[i] += x[i];
            }
        }

        /*
         * C2 (JDK 17) vectorises a loop only when every array in it is indexed by the same expression: y[i] and
         * x[ro + i] in one loop keep it scalar (timed 4x slower). So the block's rows are copied to row buffers
         * (System.arraycopy is cheap) before the per-neuron loops, and the sums are one array per row of ga and v.
         */
        void accumulate(BatchGradient job, Scratch scratch, int from, int to) {
            Network net = job.net;
            int n = net.width;
            int d = net.inputs;
            int k = net.outputs;
            double[] x = job.x;
            int[] order = job.order;
            double[] b = net.b;
            int rows = scratch.rows;
            double[] phi = scratch.phi;
            double[] dphi = scratch.dphi;
            double[] row = scratch.row;
            clear();
            for (int start = from; start < to; start += rows) {
                int block = Math.min(rows, to - start);
                // pre-activations of the block's samples into dphi, which the activation overwrites with phi'
                for (int r = 0; r < block; r++) {
                    int sample = order == null ? start + r : order[start + r];
                    if (d == 1) {
                        net.preActivations(x, sample, row);
                    } else {
                        System.arraycopy(b, 0, row, 0, n);
                        for (int j = 0; j < d; j++) {
                            double xj = x[sample * d + j];
                            double[] wj = job.wT[j];
                            for (int i = 0; i < n; i++) {
                                row[i] += wj[i] * xj;
                            }
                        }
                    }
                    System.arraycopy(row, 0, dphi, r * n, n);
                }
                net.activation.evaluateFast(dphi, phi, dphi, 0, block * n);
                int r = 0;
                if (k == 1) {
                    // four samples per pass over the neurons: one load and store of each sum per four samples
                    for (; r + 3 < block; r += 4) {
                        accumulateFour(job, scratch, start, r);
                    }
                }
                for (; r < block; r++) {
                    accumulateOne(job, scratch, start, r);
                }
            }
        }

        /** dl/df of the sample in row r of the block (K of them in scratch.g), and its share of gc. */
        private void outputError(BatchGradient job, Scratch scratch, int pos, int r) {
            Network net = job.net;
            int n = net.width;
            int k = net.outputs;
            double[] f = scratch.f;
            for (int o = 0; o < k; o++) {
                f[o] = net.scale * Linalg.dot(net.a, o * n, scratch.phi, r * n, n) + net.c[o];
            }
            errorOfOutputs(job, scratch, pos);
        }

        /** dl/df of sample pos from its outputs in scratch.f (K of them into scratch.g), and its share of gc. */
        private void errorOfOutputs(BatchGradient job, Scratch scratch, int pos) {
            int k = job.net.outputs;
            job.loss.gradient(scratch.f, 0, job.targets, (pos - job.from) * k, k, job.factor, scratch.g, 0);
            for (int o = 0; o < k; o++) {
                gc[o] += scratch.g[o];
            }
        }

        /**
         * K = 1: dl/df of the samples in rows r..r+3 of the block into scratch.four, and their shares of gc in that
         * order: the same numbers as {@link #outputError} on each row, the four dots side by side.
         */
        private void outputErrorsOfFour(BatchGradient job, Scratch scratch, int start, int r) {
            Network net = job.net;
            int n = net.width;
            double[] dots = scratch.four;
            Linalg.dot4(net.a, 0, scratch.phi, r * n, (r + 1) * n, (r + 2) * n, (r + 3) * n, n, dots);
            double[] f = scratch.f;
            for (int q = 0; q < 4; q++) {
                f[0] = net.scale * dots[q] + net.c[0];
                errorOfOutputs(job, scratch, start + r + q);
                dots[q] = scratch.g[0];
            }
        }

        /**
         * K = 1: rows r..r+3 of the block, added to each sum one sample after another, as accumulateOne would, but
         * with one load and store of the sum per four samples. (One loop per sum: a single loop over all of them
         * was not vectorised and ran slower than one sample at a time.)
         */
        private void accumulateFour(BatchGradient job, Scratch scratch, int start, int r) {
            Network net = job.net;
            int n = net.width;
            int d = net.inputs;
            double[] x = job.x;
            outputErrorsOfFour(job, scratch, start, r);
            double[] gs = scratch.four;
            for (int q = 0; q < 4; q++) {
                System.arraycopy(scratch.phi, (r + q) * n, scratch.phiRows[q], 0, n);
                System.arraycopy(scratch.dphi, (r + q) * n, scratch.dphiRows[q], 0, n);
            }
            double g0 = gs[0];
            double g1 = gs[1];
            double g2 = gs[2];
            double g3 = gs[3];
            double[] p0 = scratch.phiRows[0];
            double[] p1 = scratch.phiRows[1];
            double[] p2 = scratch.phiRows[2];
            double[] p3 = scratch.phiRows[3];
            double[] d0 = scratch.dphiRows[0];
            double[] d1 = scratch.dphiRows[1];
            double[] d2 = scratch.dphiRows[2];
            double[] d3 = scratch.dphiRows[3];
            double[] ga0 = ga[0];
            double[] u = this.u;
            for (int i = 0; i < n; i++) {
                double a = ga0[i];
                a += g0 * p0[i];
                a += g1 * p1[i];
                a += g2 * p2[i];
                a += g3 * p3[i];
                ga0[i] = a;
            }
            for (int i = 0; i < n; i++) {
                double b = u[i];
                b += g0 * d0[i];
                b += g1 * d1[i];
                b += g2 * d2[i];
                b += g3 * d3[i];
                u[i] = b;
            }
            int[] order = job.order;
            for (int j = 0; j < d; j++) {
                double x0 = g0 * x[sampleAt(order, start + r) * d + j];
                double x1 = g1 * x[sampleAt(order, start + r + 1) * d + j];
                double x2 = g2 * x[sampleAt(order, start + r + 2) * d + j];
                double x3 = g3 * x[sampleAt(order, start + r + 3) * d + j];
                double[] vj = v[j];
                for (int i = 0; i < n; i++) {
                    double c = vj[i];
                    c += x0 * d0[i];
                    c += x1 * d1[i];
                    c += x2 * d2[i];
                    c += x3 * d3[i];
                    vj[i] = c;
                }
            }
        }

        private static int sampleAt(int[] order, int pos) {
            return order == null ? pos : order[pos];
        }

        /** Row r of the block, any K. */
        private void accumulateOne(BatchGradient job, Scratch scratch, int start, int r) {
            Network net = job.net;
            int n = net.width;
            int d = net.inputs;
            int k = net.outputs;
            double[] x = job.x;
            int sample = sampleAt(job.order, start + r);
            double[] rowPhi = scratch.rowPhi;
            double[] rowDphi = scratch.rowDphi;
            double[] row = scratch.row;
            outputError(job, scratch, start + r, r);
            double[] g = scratch.g;
            System.arraycopy(scratch.phi, r * n, rowPhi, 0, n);
            System.arraycopy(scratch.dphi, r * n, rowDphi, 0, n);
            double[] u = this.u;
            if (k == 1) {
                double gv = g[0];
                double[] ga0 = ga[0];
                for (int i = 0; i < n; i++) {
                    ga0[i] += gv * rowPhi[i];
                    u[i] += gv * rowDphi[i];
                }
                for (int j = 0; j < d; j++) {
                    double gx = gv * x[sample * d + j];
                    double[] vj = v[j];
                    for (int i = 0; i < n; i++) {
                        vj[i] += gx * rowDphi[i];
                    }
                }
                return;
            }
            // row := phi'_i sum_k g_k A_ki, the error reaching neuron i's pre-activation
            Arrays.fill(row, 0.0);
            double[] aRow = scratch.aRow;
            for (int o = 0; o < k; o++) {
                double go = g[o];
                System.arraycopy(net.a, o * n, aRow, 0, n);
                double[] gao = ga[o];
                for (int i = 0; i < n; i++) {
                    row[i] += go * aRow[i];
                    gao[i] += go * rowPhi[i];
                }
            }
            for (int i = 0; i < n; i++) {
                double delta = row[i] * rowDphi[i];
                row[i] = delta;
                u[i] += delta;
            }
            for (int j = 0; j < d; j++) {
                double xj = x[sample * d + j];
                double[] vj = v[j];
                for (int i = 0; i < n; i++) {
                    vj[i] += xj * row[i];
                }
            }
        }
    }

    /** Blocks and rows one thread works in. */
    private static final class Scratch {
        final int rows;
        final double[] phi;
        final double[] dphi;
        final double[] row;
        final double[] rowPhi;
        final double[] rowDphi;
        final double[] aRow;
        final double[][] phiRows;
        final double[][] dphiRows;
        final double[] four = new double[4];
        final double[] f;
        final double[] g;

        Scratch(Network net, int rows) {
            int n = net.width;
            this.rows = rows;
            phi = new double[rows * n];
            dphi = new double[rows * n];
            row = new double[n];
            rowPhi = new double[n];
            rowDphi = new double[n];
            aRow = new double[n];
            phiRows = new double[4][n];
            dphiRows = new double[4][n];
            f = new double[net.outputs];
            g = new double[net.outputs];
        }
    }
}
