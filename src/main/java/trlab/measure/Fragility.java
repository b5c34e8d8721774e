package trlab.measure;

import trlab.core.DataSet;
import trlab.core.Linalg;
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
        double[] total = new double[n];
        if (loss == Loss.MSE) {
            // l = 1/2 sum_k (r_k - s A_ki phi_i)² with r = f - y, for every neuron i at once: loops over neurons,
            // each array indexed by i alone (row copies), which C2 vectorises
            double[][] sa = new double[k][n];
            for (int o = 0; o < k; o++) {
                for (int i = 0; i < n; i++) {
                    sa[o][i] = net.scale * net.a[o * n + i];
                }
            }
            double[] row = new double[n];
            for (int p = 0; p < count; p++) {
                System.arraycopy(train.phi(), p * n, row, 0, n);
                for (int o = 0; o < k; o++) {
                    double r = f[p * k + o] - data.y()[p * k + o];
                    double[] sao = sa[o];
                    for (int i = 0; i < n; i++) {
                        double e = r - sao[i] * row[i];
                        total[i] += 0.5 * (e * e);
                    }
                }
            }
        } else {
            double[] ablated = new double[k];
            for (int i = 0; i < n; i++) {
                for (int p = 0; p < count; p++) {
                    double phi = train.phi()[p * n + i];
                    for (int o = 0; o < k; o++) {
                        ablated[o] = f[p * k + o] - net.scale * net.a[o * n + i] * phi;
                    }
                    total[i] += loss.value(ablated, 0, data.y(), p * k, k);
                }
            }
        }
        double largest = Double.NEGATIVE_INFINITY;
        double sum = 0;
        for (int i = 0; i < n; i++) {
            double increase = total[i] / count - base;
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
        NoiseFactors factors = NoiseFactors.of(net.parameterCount(), eps, draws);
        return meanIncrease(noisyLosses(net, loss, data, factors, 0, draws), base);
    }

    /** sum_d (L_d - base) / draws, in draw order. */
    static double meanIncrease(double[] noisyLosses, double base) {
        double sum = 0;
        for (double l : noisyLosses) {
            sum += l - base;
        }
        return sum / noisyLosses.length;
    }

    /**
     * The training loss under draws [from, to) of the noise, element d - from for draw d. Draws are independent,
     * so ranges may run on different threads; the mean is then formed in draw order.
     */
    static double[] noisyLosses(Network net, Loss loss, DataSet data, NoiseFactors factors, int from, int to) {
        double[] out = new double[to - from];
        Network noisy = Scratch.ofThread().network(net); // every parameter is overwritten below
        double[][] own = {net.w, net.b, net.a, net.c};
        double[][] target = {noisy.w, noisy.b, noisy.a, noisy.c};
        int count = data.size();
        double[] f = new double[count * net.outputs];
        for (int draw = from; draw < to; draw++) {
            int p = draw * factors.params;
            for (int g = 0; g < own.length; g++) {
                double[] src = own[g];
                double[] dst = target[g];
                for (int i = 0; i < src.length; i++) {
                    dst[i] = src[i] * factors.table[p + i];
                }
                p += src.length;
            }
            noisy.outputs(data.x(), count, f);
            out[draw - from] = meanLoss(loss, f, data);
        }
        return out;
    }

    /**
     * The factors 1 + eps xi of every draw, parameters in flat order, draw after draw: the same numbers at every
     * snapshot (a fixed seed), so they are drawn once and kept for the last shape asked for.
     */
    static final class NoiseFactors {
        private static volatile NoiseFactors last;

        final int params;
        final double eps;
        final int draws;
        final double[] table;

        private NoiseFactors(int params, double eps, int draws) {
            this.params = params;
            this.eps = eps;
            this.draws = draws;
            this.table = new double[params * draws];
            Rng rng = new Rng(NOISE_SEED);
            for (int i = 0; i < table.length; i++) {
                table[i] = 1.0 + eps * rng.nextGaussian();
            }
        }

        static NoiseFactors of(int params, double eps, int draws) {
            NoiseFactors f = last;
            if (f == null || f.params != params || Double.compare(f.eps, eps) != 0 || f.draws != draws) {
                f = new NoiseFactors(params, eps, draws);
                last = f;
            }
            return f;
        }
    }

    /** Input sensitivity: the mean over inputs of the Frobenius norm of df/dx, df_k/dx_j = s sum_i A_ki phi'_i W_ij. */
    public static double inputSensitivity(Network net, HiddenFeatures at) {
        int n = net.width;
        int d = net.inputs;
        int k = net.outputs;
        // aw[(o*d + j)*N + i] = A_oi W_ij, so each entry of df/dx is one dot product with a row of phi'
        double[] aw = new double[k * d * n];
        for (int o = 0; o < k; o++) {
            for (int j = 0; j < d; j++) {
                for (int i = 0; i < n; i++) {
                    aw[(o * d + j) * n + i] = net.a[o * n + i] * net.w[i * d + j];
                }
            }
        }
        double total = 0;
        for (int p = 0; p < at.count(); p++) {
            double norm2 = 0;
            for (int q = 0; q < k * d; q++) {
                double v = net.scale * Linalg.dot(aw, q * n, at.dphi(), p * n, n);
                norm2 += v * v;
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
