package trlab.theory;

import trlab.core.Loss;
import trlab.core.Network;

/**
 * The test's oracle for the frozen-kernel model, built from SCIENCE.md §1 alone: the network linearised at theta0,
 * f(x) = f0(x) + J0(x) (theta - theta0), with the Jacobian J0 written out from the model's formula (exact
 * activations, no kernel code), stepped by gradient descent on its own parameter offset theta - theta0.
 */
public final class LinearisedNetwork {
    private final Network net;
    private final double[] offset;

    LinearisedNetwork(Network atStart) {
        net = atStart.copy();
        offset = new double[net.parameterCount()];
    }

    /** df_k/dtheta_p at x, K rows, in the flat order W, b, A, c of {@link Network#parameter}. */
    public static double[][] jacobian(Network net, double[] x, int xo) {
        int n = net.width;
        int d = net.inputs;
        int k = net.outputs;
        double s = net.scale;
        double[][] jac = new double[k][net.parameterCount()];
        int bStart = n * d;
        int aStart = bStart + n;
        int cStart = aStart + k * n;
        for (int i = 0; i < n; i++) {
            double h = net.b[i];
            for (int j = 0; j < d; j++) {
                h += net.w[i * d + j] * x[xo + j];
            }
            double phi = net.activation.value(h);
            double dphi = net.activation.derivative(h, phi);
            for (int o = 0; o < k; o++) {
                double back = s * net.a[o * n + i] * dphi;
                for (int j = 0; j < d; j++) {
                    jac[o][i * d + j] = back * x[xo + j];
                }
                jac[o][bStart + i] = back;
                jac[o][aStart + o * n + i] = s * phi;
            }
        }
        for (int o = 0; o < k; o++) {
            jac[o][cStart + o] = 1.0;
        }
        return jac;
    }

    /** f(x) of the linearised network at input row n of x. */
    double[] outputs(double[] x, int n) {
        int d = net.inputs;
        int k = net.outputs;
        double[] f = new double[k];
        double[] point = new double[d];
        System.arraycopy(x, n * d, point, 0, d);
        net.outputs(point, 1, f);
        double[][] jac = jacobian(net, x, n * d);
        for (int o = 0; o < k; o++) {
            for (int p = 0; p < offset.length; p++) {
                f[o] += jac[o][p] * offset[p];
            }
        }
        return f;
    }

    /** One gradient step on the mean loss over the batch (training rows of x, their targets rows of y). */
    void step(Loss loss, double[] x, int[] batch, double[][] targets, double eta) {
        int k = net.outputs;
        double[] gradient = new double[offset.length];
        double[] dl = new double[k];
        for (int j = 0; j < batch.length; j++) {
            double[] f = outputs(x, batch[j]);
            loss.gradient(f, 0, targets[j], 0, k, 1.0 / batch.length, dl, 0);
            double[][] jac = jacobian(net, x, batch[j] * net.inputs);
            for (int o = 0; o < k; o++) {
                for (int p = 0; p < offset.length; p++) {
                    gradient[p] += jac[o][p] * dl[o];
                }
            }
        }
        for (int p = 0; p < offset.length; p++) {
            offset[p] -= eta * gradient[p];
        }
    }
}
