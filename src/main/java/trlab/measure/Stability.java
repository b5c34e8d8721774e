package trlab.measure;

import trlab.core.DataSet;
import trlab.core.Network;

/**
 * The largest stable learning rate of the linearised dynamics. A step on a batch B moves its outputs by
 * -eta (1/|B|) Theta_BB (f_B - y_B) (mse), which stays bounded when eta < 2|B| / lambda_max(Theta_BB). For full batch
 * that is eta < 2P / lambda_max of the kernel over the data; for smaller batches lambda_max(Theta_BB) is at most
 * min(lambda_max, |B| max_x Theta(x, x)), which gives a bound that holds for every batch.
 */
public final class Stability {
    private Stability() {
    }

    /** The learning rate below which training with batches of {@code batch} samples is stable near this network. */
    public static double maxLearningRate(Network net, DataSet data, int batch) {
        HiddenFeatures at = HiddenFeatures.of(net, data.x(), data.size());
        Kernel.Parts gram = Kernel.between(net, at, data.x(), at, data.x());
        int p = data.size();
        double[] theta = gram.total();
        double largest = SymmetricEigen.of(theta, p, 0).values()[0];
        double diagonal = 0;
        for (int i = 0; i < p; i++) {
            diagonal = Math.max(diagonal, theta[i * p + i]);
        }
        double batchLargest = batch >= p ? largest : Math.min(largest, batch * diagonal);
        return 2.0 * Math.min(batch, p) / batchLargest;
    }
}
