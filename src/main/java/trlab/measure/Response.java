package trlab.measure;

import trlab.core.DataSet;
import trlab.core.Loss;
import trlab.core.Method;
import trlab.core.Network;
import trlab.core.Trainer;

/**
 * The measured training response R(x'; x_r) = [f(x'; theta - eta grad l(x_r, y_r)) - f(x'; theta)] / eta: one probe
 * step on a single reference sample with its clean target, taken on a copy that is then thrown away.
 *
 * <p>The probe step is a real {@link Trainer} step on a one-sample data set, so it is the same arithmetic as
 * training. For small eta, R = -Theta(x', x_r) dl/df(x_r) + O(eta).
 */
public final class Response {
    private Response() {
    }

    /**
     * @param references the reference samples (inputs and clean targets)
     * @return R for every reference, probe and output: index {@code (r * probeCount + m) * K + k}
     */
    public static double[] measure(Network net, Loss loss, double[] probe, int probeCount, DataSet references,
                                   double eta) {
        int k = net.outputs;
        int d = net.inputs;
        double[] base = new double[probeCount * k];
        net.outputs(probe, probeCount, base);
        double[] moved = new double[probeCount * k];
        double[] response = new double[references.size() * probeCount * k];
        Network copy = net.copy();
        for (int r = 0; r < references.size(); r++) {
            copy.copyParametersFrom(net);
            double[] x = new double[d];
            double[] y = new double[k];
            System.arraycopy(references.x(), r * d, x, 0, d);
            System.arraycopy(references.y(), r * k, y, 0, k);
            DataSet one = new DataSet(d, k, 1, x, y);
            new Trainer(copy, one, loss, Method.FULL_BATCH, 1, eta, 0.0, 0, 0).step();
            copy.outputs(probe, probeCount, moved);
            int offset = r * probeCount * k;
            for (int i = 0; i < probeCount * k; i++) {
                response[offset + i] = (moved[i] - base[i]) / eta;
            }
        }
        return response;
    }
}
