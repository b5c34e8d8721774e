package trlab.measure;

import java.util.Arrays;
import trlab.core.Network;
import trlab.core.Rng;

/**
 * Test oracles built only from {@link Network#outputs}, {@link Network#parameter} and {@link Network#setParameter}:
 * central finite-difference Jacobians of the outputs with respect to the parameters and to the inputs, and the
 * kernels built from them by the definition Theta(x', x) = (1/K) sum_k J_k(x') . J_k(x).
 */
final class FiniteDifferences {
    /** Step of the central differences; truncation ~ h², roundoff ~ 1e-16 / h, both ~ 1e-11 here. */
    static final double STEP = 1e-5;

    /** Which block of the network a flat parameter index belongs to. */
    enum Group { W, B, A, C }

    private FiniteDifferences() {
    }

    /** df_k/dtheta_p at the input x (d values): K rows of parameterCount. */
    static double[][] parameterJacobian(Network net, double[] x) {
        Network probe = net.copy();
        int count = net.parameterCount();
        int k = net.outputs;
        double[][] jac = new double[k][count];
        double[] plus = new double[k];
        double[] minus = new double[k];
        for (int p = 0; p < count; p++) {
            double theta = net.parameter(p);
            double up = theta + STEP;
            double down = theta - STEP;
            probe.setParameter(p, up);
            probe.outputs(x, 1, plus);
            probe.setParameter(p, down);
            probe.outputs(x, 1, minus);
            probe.setParameter(p, theta);
            for (int o = 0; o < k; o++) {
                jac[o][p] = (plus[o] - minus[o]) / (up - down);
            }
        }
        return jac;
    }

    /** df_k/dx_j at the input x: K rows of d. */
    static double[][] inputJacobian(Network net, double[] x) {
        int d = net.inputs;
        int k = net.outputs;
        double[][] jac = new double[k][d];
        double[] plus = new double[k];
        double[] minus = new double[k];
        for (int j = 0; j < d; j++) {
            double[] xp = x.clone();
            double[] xm = x.clone();
            xp[j] = x[j] + STEP;
            xm[j] = x[j] - STEP;
            net.outputs(xp, 1, plus);
            net.outputs(xm, 1, minus);
            for (int o = 0; o < k; o++) {
                jac[o][j] = (plus[o] - minus[o]) / (xp[j] - xm[j]);
            }
        }
        return jac;
    }

    /** The block of every flat parameter index, found by moving the parameter and seeing which array changed. */
    static Group[] groups(Network net) {
        Group[] g = new Group[net.parameterCount()];
        for (int p = 0; p < g.length; p++) {
            Network moved = net.copy();
            moved.setParameter(p, net.parameter(p) + 1.0);
            if (!Arrays.equals(moved.w, net.w)) {
                g[p] = Group.W;
            } else if (!Arrays.equals(moved.b, net.b)) {
                g[p] = Group.B;
            } else if (!Arrays.equals(moved.a, net.a)) {
                g[p] = Group.A;
            } else if (!Arrays.equals(moved.c, net.c)) {
                g[p] = Group.C;
            } else {
                throw new AssertionError("parameter " + p + " changes no array");
            }
        }
        return g;
    }

    /** (1/K) sum_k sum_{p in groups} J_k(x')_p J_k(x)_p. */
    static double kernel(double[][] left, double[][] right, Group[] groups, Group... include) {
        int k = left.length;
        double sum = 0;
        for (int o = 0; o < k; o++) {
            for (int p = 0; p < groups.length; p++) {
                if (contains(include, groups[p])) {
                    sum += left[o][p] * right[o][p];
                }
            }
        }
        return sum / k;
    }

    /** The matrix kernel Theta_{kk'}(x', x) = J_k(x') . J_k'(x) over all parameters. */
    static double[][] matrixKernel(double[][] left, double[][] right) {
        int k = left.length;
        double[][] m = new double[k][k];
        for (int a = 0; a < k; a++) {
            for (int b = 0; b < k; b++) {
                double sum = 0;
                for (int p = 0; p < left[a].length; p++) {
                    sum += left[a][p] * right[b][p];
                }
                m[a][b] = sum;
            }
        }
        return m;
    }

    private static boolean contains(Group[] set, Group g) {
        for (Group s : set) {
            if (s == g) {
                return true;
            }
        }
        return false;
    }

    /** Row n of a row-major array of rows of length d. */
    static double[] row(double[] x, int n, int d) {
        return Arrays.copyOfRange(x, n * d, (n + 1) * d);
    }

    /** count points uniform in [-1, 1]^d. */
    static double[] uniformPoints(Rng rng, int count, int d) {
        double[] x = new double[count * d];
        for (int i = 0; i < x.length; i++) {
            x[i] = rng.uniform(-1, 1);
        }
        return x;
    }

    /** The smallest |h_i(x)| over all neurons and the given inputs. */
    static double smallestPreActivation(Network net, double[] x, int count) {
        double[] h = new double[net.width];
        double min = Double.POSITIVE_INFINITY;
        for (int n = 0; n < count; n++) {
            net.preActivations(x, n * net.inputs, h);
            for (double v : h) {
                min = Math.min(min, Math.abs(v));
            }
        }
        return min;
    }
}
