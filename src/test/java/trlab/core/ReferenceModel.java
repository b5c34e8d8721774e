package trlab.core;

/**
 * An independent, deliberately naive re-implementation of SCIENCE.md §1 for the tests: h = W x + b,
 * f = s A phi(h) + c, per-sample mse and softmax cross-entropy, the batch loss and its central
 * finite-difference gradient. It reads the network's parameter arrays but shares no code with the engine
 * except {@link Activation#value}.
 */
final class ReferenceModel {
    private ReferenceModel() {
    }

    /** s = 1 (standard) or 1/sqrt(N) (ntk), from the definition rather than from the engine. */
    static double outputScale(Parameterization p, int width) {
        return p == Parameterization.NTK ? 1.0 / Math.sqrt(width) : 1.0;
    }

    /** Pre-activations h_i = sum_j W_ij x_j + b_i for sample n of x (rows of d). */
    static double[] hidden(Network net, double[] x, int n) {
        int d = net.inputs;
        double[] h = new double[net.width];
        for (int i = 0; i < net.width; i++) {
            double sum = net.b[i];
            for (int j = 0; j < d; j++) {
                sum += net.w[i * d + j] * x[n * d + j];
            }
            h[i] = sum;
        }
        return h;
    }

    /** Outputs f_k for sample n of x. */
    static double[] forward(Network net, double[] x, int n) {
        double[] h = hidden(net, x, n);
        double s = outputScale(net.parameterization, net.width);
        double[] f = new double[net.outputs];
        for (int k = 0; k < net.outputs; k++) {
            double sum = 0;
            for (int i = 0; i < net.width; i++) {
                sum += net.a[k * net.width + i] * net.activation.value(h[i]);
            }
            f[k] = s * sum + net.c[k];
        }
        return f;
    }

    /** Per-sample loss l(f, y) for target row n of y. */
    static double sampleLoss(Loss loss, double[] f, double[] y, int n) {
        int k = f.length;
        if (loss == Loss.MSE) {
            double sum = 0;
            for (int o = 0; o < k; o++) {
                double r = f[o] - y[n * k + o];
                sum += r * r;
            }
            return 0.5 * sum;
        }
        double max = Double.NEGATIVE_INFINITY;
        for (double v : f) {
            max = Math.max(max, v);
        }
        double z = 0;
        for (double v : f) {
            z += Math.exp(v - max);
        }
        double logZ = max + Math.log(z);
        double sum = 0;
        for (int o = 0; o < k; o++) {
            sum -= y[n * k + o] * (f[o] - logZ);
        }
        return sum;
    }

    /** L_B = (1/|B|) sum over the samples of the batch of l. */
    static double batchLoss(Network net, Loss loss, DataSet data, int[] batch) {
        double sum = 0;
        for (int n : batch) {
            sum += sampleLoss(loss, forward(net, data.x(), n), data.y(), n);
        }
        return sum / batch.length;
    }

    /** Central finite differences of L_B in the flat order W, b, A, c, on a copy of the network. */
    static double[] finiteDifferenceGradient(Network net, Loss loss, DataSet data, int[] batch) {
        Network probe = net.copy();
        int count = net.w.length + net.b.length + net.a.length + net.c.length;
        double[] grad = new double[count];
        for (int p = 0; p < count; p++) {
            double[] arr = array(probe, p);
            int idx = index(probe, p);
            double theta = arr[idx];
            double step = 1e-6 * Math.max(1.0, Math.abs(theta));
            arr[idx] = theta + step;
            double up = batchLoss(probe, loss, data, batch);
            arr[idx] = theta - step;
            double down = batchLoss(probe, loss, data, batch);
            arr[idx] = theta;
            grad[p] = (up - down) / (2 * step);
        }
        return grad;
    }

    /** All parameters in the flat order W, b, A, c, read straight from the arrays. */
    static double[] flatten(Network net) {
        int count = net.w.length + net.b.length + net.a.length + net.c.length;
        double[] out = new double[count];
        for (int p = 0; p < count; p++) {
            out[p] = array(net, p)[index(net, p)];
        }
        return out;
    }

    private static double[] array(Network net, int p) {
        if (p < net.w.length) {
            return net.w;
        }
        p -= net.w.length;
        if (p < net.b.length) {
            return net.b;
        }
        p -= net.b.length;
        return p < net.a.length ? net.a : net.c;
    }

    private static int index(Network net, int p) {
        if (p < net.w.length) {
            return p;
        }
        p -= net.w.length;
        if (p < net.b.length) {
            return p;
        }
        p -= net.b.length;
        return p < net.a.length ? p : p - net.a.length;
    }
}
