package trlab.measure;

import trlab.core.Network;

/**
 * The hidden features phi(h_i(x)) and their slopes phi'(h_i(x)) at a set of inputs, row n for input n
 * ({@code count} rows of N, row-major).
 */
public record HiddenFeatures(int count, int width, double[] phi, double[] dphi) {

    public static HiddenFeatures of(Network net, double[] x, int count) {
        int n = net.width;
        double[] phi = new double[count * n];
        double[] dphi = new double[count * n];
        double[] h = new double[n];
        double[] rowPhi = new double[n];
        double[] rowDphi = new double[n];
        for (int p = 0; p < count; p++) {
            net.preActivations(x, p * net.inputs, h);
            net.activation.evaluate(h, rowPhi, rowDphi, n);
            System.arraycopy(rowPhi, 0, phi, p * n, n);
            System.arraycopy(rowDphi, 0, dphi, p * n, n);
        }
        return new HiddenFeatures(count, n, phi, dphi);
    }

    /** Network outputs f_k at every input, K per row. */
    public double[] outputs(Network net) {
        double[] f = new double[count * net.outputs];
        double[] row = new double[width];
        for (int p = 0; p < count; p++) {
            System.arraycopy(phi, p * width, row, 0, width);
            net.outputsFromFeatures(row, f, p * net.outputs);
        }
        return f;
    }
}
