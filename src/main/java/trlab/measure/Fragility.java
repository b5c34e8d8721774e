package trlab.measure;

import trlab.core.DataSet;
import trlab.core.Loss;
import trlab.core.Network;
import trlab.core.Rng;

/** How much the trained network depends on single pieces of itself (SCIENCE.md §3, fragility). */
public final class Fragility {
    /** The weight-noise draws come from this fixed seed, so every snapshot of a run sees the same noise. */
    public static final long NOISE_SEED = 0x5EED_F4A6L;

    private Fragility() {
    }

    /** Ablation: the largest and the mean increase of the training loss when one neuron's output weights are zeroed. */
    public record Ablation(double largest, double mean) {
    }

    public static Ablation ablation(Network net, Loss loss, DataSet data, HiddenFeatures train) {
        int n = net.width;
        int k = net.outputs;
        int count = data.size();
        double[] f = train.outputs(net);
        double base = meanLoss(loss, f, data);
        double[] ablated = new double[k];
        double largest = Double.NEGATIVE_INFINITY;
        double sum = 0;
        for (int i = 0; i < n; i++) {
            double total = 0;
            for (int p = 0; p < count; p++) {
                double phi = train.phi()[p * n + i];
                for (int o = 0; o < k; o++) {
                    ablated[o] = f[p * k + o] - net.scale * net.a[o * n + i] * phi;
                }
                total += loss.value(ablated, 0, data.y(), p * k, k);
            }
            double increase = total / count - base;
            largest = Math.max(largest, increase);
            sum += increase;
        }
        return new Ablation(largest, sum / n);
    }

    /**
     * Weight noise: the mean increase of the training loss when every parameter is multiplied by (1 + eps xi),
     * xi ~ N(0, 1), over {@code draws} draws from {@link #NOISE_SEED}.
     */
    public static double weightNoise(Network net, Loss loss, DataSet data, double base, double eps, int draws) {
        Network noisy = net.copy();
        Rng rng = new Rng(NOISE_SEED);
        int params = net.parameterCount();
        double sum = 0;
        for (int draw = 0; draw < draws; draw++) {
            for (int p = 0; p < params; p++) {
                noisy.setParameter(p, net.parameter(p) * (1.0 + eps * rng.nextGaussian()));
            }
            sum += noisy.meanLoss(loss, data.x(), data.y(), data.size()) - base;
        }
        return sum / draws;
    }

    /** Input sensitivity: the mean over inputs of the Frobenius norm of df/dx, df_k/dx_j = s sum_i A_ki phi'_i W_ij. */
    public static double inputSensitivity(Network net, HiddenFeatures at) {
        int n = net.width;
        int d = net.inputs;
        int k = net.outputs;
        double total = 0;
        for (int p = 0; p < at.count(); p++) {
            double norm2 = 0;
            for (int o = 0; o < k; o++) {
                for (int j = 0; j < d; j++) {
                    double sum = 0;
                    for (int i = 0; i < n; i++) {
                        sum += net.a[o * n + i] * at.dphi()[p * n + i] * net.w[i * d + j];
                    }
                    double v = net.scale * sum;
                    norm2 += v * v;
                }
            }
            total += Math.sqrt(norm2);
        }
        return total / at.count();
    }

    static double meanLoss(Loss loss, double[] f, DataSet data) {
        int k = data.outputs();
        double sum = 0;
        for (int p = 0; p < data.size(); p++) {
            sum += loss.value(f, p * k, data.y(), p * k, k);
        }
        return sum / data.size();
    }
}
