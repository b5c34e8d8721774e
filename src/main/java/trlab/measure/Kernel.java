package trlab.measure;

import trlab.core.Linalg;
import trlab.core.Network;

/**
 * The empirical NTK Theta(x', x) = (1/K) sum_k grad f_k(x') . grad f_k(x) of a one-hidden-layer network, in its
 * two exact parts (SCIENCE.md §3):
 * <ul>
 *   <li>output layer (A and c): s² sum_i phi_i(x') phi_i(x) + 1</li>
 *   <li>hidden layer (W and b): s² sum_i v_i phi'_i(x') phi'_i(x) (x'.x + 1), with v_i = (1/K) sum_k A_ki²</li>
 * </ul>
 */
public final class Kernel {
    private Kernel() {
    }

    /**
     * Kernel parts between every left input and every right input, stored right-major: entry
     * {@code r * left.count() + m} is Theta(xLeft_m, xRight_r).
     */
    public record Parts(int rows, int columns, double[] output, double[] hidden) {
        public double total(int index) {
            return output[index] + hidden[index];
        }

        public double[] total() {
            double[] t = new double[output.length];
            for (int i = 0; i < t.length; i++) {
                t[i] = output[i] + hidden[i];
            }
            return t;
        }
    }

    /** v_i = (1/K) sum_k A_ki², the weight of neuron i in the hidden-layer part. */
    static double[] hiddenWeights(Network net) {
        int n = net.width;
        double[] v = new double[n];
        for (int k = 0; k < net.outputs; k++) {
            for (int i = 0; i < n; i++) {
                double a = net.a[k * n + i];
                v[i] += a * a;
            }
        }
        for (int i = 0; i < n; i++) {
            v[i] /= net.outputs;
        }
        return v;
    }

    /**
     * @return parts with {@code rows = right.count()} blocks of {@code columns = left.count()} entries
     */
    public static Parts between(Network net, HiddenFeatures left, double[] xLeft, HiddenFeatures right,
                                double[] xRight) {
        int n = net.width;
        int d = net.inputs;
        double s2 = net.scale * net.scale;
        double[] v = hiddenWeights(net);
        int m = left.count();
        int r = right.count();
        double[] out = new double[r * m];
        double[] hid = new double[r * m];
        double[] weighted = new double[n];
        double[] lp = left.phi();
        double[] ld = left.dphi();
        double[] rp = right.phi();
        double[] rd = right.dphi();
        for (int q = 0; q < r; q++) {
            int ro = q * n;
            for (int i = 0; i < n; i++) {
                weighted[i] = v[i] * rd[ro + i];
            }
            for (int p = 0; p < m; p++) {
                int lo = p * n;
                double so = Linalg.dot(lp, lo, rp, ro, n);
                double sh = Linalg.dot(ld, lo, weighted, 0, n);
                double dot = 1.0;
                for (int j = 0; j < d; j++) {
                    dot += xLeft[p * d + j] * xRight[q * d + j];
                }
                out[q * m + p] = s2 * so + 1.0;
                hid[q * m + p] = s2 * sh * dot;
            }
        }
        return new Parts(r, m, out, hid);
    }

    /**
     * The kernel amplitude a(t) = (1/P) sum over inputs of Theta(x, x): {total, output part, hidden part}.
     */
    public static double[] amplitude(Network net, HiddenFeatures at, double[] x) {
        int n = net.width;
        int d = net.inputs;
        double s2 = net.scale * net.scale;
        double[] v = hiddenWeights(net);
        double out = 0;
        double hid = 0;
        double[] phi = at.phi();
        double[] dphi = at.dphi();
        double[] weighted = new double[n];
        for (int p = 0; p < at.count(); p++) {
            int o = p * n;
            for (int i = 0; i < n; i++) {
                weighted[i] = v[i] * dphi[o + i];
            }
            double so = Linalg.dot(phi, o, phi, o, n);
            double sh = Linalg.dot(dphi, o, weighted, 0, n);
            double norm = 1.0;
            for (int j = 0; j < d; j++) {
                norm += x[p * d + j] * x[p * d + j];
            }
            out += s2 * so + 1.0;
            hid += s2 * sh * norm;
        }
        int count = at.count();
        return new double[]{(out + hid) / count, out / count, hid / count};
    }
}
