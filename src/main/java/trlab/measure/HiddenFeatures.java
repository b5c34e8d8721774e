package trlab.measure;

import trlab.core.Network;

/**
 * The hidden features phi(h_i(x)) and their slopes phi'(h_i(x)) at a set of inputs, row n for input n
 * ({@code count} rows of N, row-major). Computed with the fast activation path ({@link
 * trlab.core.Activation#evaluateFast}), a block of rows at a time.
 */
public record HiddenFeatures(int count, int width, double[] phi, double[] dphi) {

    public static HiddenFeatures of(Network net, double[] x, int count) {
        HiddenFeatures f = allocate(net, count);
        f.fill(net, x, 0, count);
        return f;
    }

    /** Room for {@code count} rows; fill them with {@link #fill}. */
    static HiddenFeatures allocate(Network net, int count) {
        return new HiddenFeatures(count, net.width, new double[count * net.width], new double[count * net.width]);
    }

    /**
     * Computes rows [from, to). Rows are independent, so disjoint ranges may be filled on different threads. Each
     * block is computed in the thread's own buffers ({@link Scratch}) and only then copied in: the activation uses
     * its output arrays as scratch, and a second thread filling the same rows (see {@link Parallel}) must never
     * show a reader anything but the final numbers, which are the same from either thread.
     *
     * @return this
     */
    HiddenFeatures fill(Network net, double[] x, int from, int to) {
        int n = width;
        int block = Network.rowsPerBlock(n);
        Scratch scratch = Scratch.ofThread();
        double[] row = scratch.row(n);
        double[] blockPhi = scratch.blockPhi(block * n);
        double[] blockDphi = scratch.blockDphi(block * n);
        for (int start = from; start < to; start += block) {
            int end = Math.min(to, start + block);
            for (int p = start; p < end; p++) {
                // a row buffer and a copy: C2 vectorises a loop only when all its arrays share one index
                net.preActivations(x, p * net.inputs, row);
                System.arraycopy(row, 0, blockDphi, (p - start) * n, n);
            }
            // the pre-activations sit in blockDphi, which the activation overwrites with phi'
            int entries = (end - start) * n;
            net.activation.evaluateFast(blockDphi, blockPhi, blockDphi, 0, entries);
            System.arraycopy(blockPhi, 0, phi, start * n, entries);
            System.arraycopy(blockDphi, 0, dphi, start * n, entries);
        }
        return this;
    }

    /** Network outputs f_k at every input, K per row. */
    public double[] outputs(Network net) {
        double[] f = new double[count * net.outputs];
        for (int p = 0; p < count; p++) {
            net.outputsFromFeatures(phi, p * width, f, p * net.outputs);
        }
        return f;
    }
}
