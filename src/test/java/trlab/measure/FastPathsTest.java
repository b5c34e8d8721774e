package trlab.measure;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import trlab.core.Activation;
import trlab.core.DataSet;
import trlab.core.Loss;
import trlab.core.Network;
import trlab.core.Parameterization;
import trlab.core.Rng;

/**
 * The restructured measurement kernels compute the same sums as the plain loops they replace, in the same order,
 * so they agree bit for bit: the Gram matrices (blocked, row arrays) and the neuron-at-a-time forward pass of
 * {@link Network#outputs} for many inputs (the weight-noise fragility, the measured response).
 */
class FastPathsTest {

    @ParameterizedTest(name = "{0} x {1}")
    @CsvSource({"7, 30", "30, 7", "101, 100", "100, 101", "5, 5", "1, 9", "9, 1", "13, 64"})
    void smallerGramEqualsTheSequentialSumsBitForBit(int rows, int cols) {
        Rng rng = new Rng(rows * 1000L + cols);
        double[] x = new double[rows * cols];
        for (int i = 0; i < x.length; i++) {
            x[i] = rng.nextGaussian();
        }
        double[] g = SymmetricEigen.smallerGram(x, rows, cols);
        if (rows <= cols) {
            assertThat(g).hasSize(rows * rows);
            for (int p = 0; p < rows; p++) {
                for (int q = 0; q < rows; q++) {
                    double sum = 0;
                    int a = Math.min(p, q);
                    int b = Math.max(p, q);
                    for (int i = 0; i < cols; i++) {
                        sum += x[a * cols + i] * x[b * cols + i];
                    }
                    assertThat(g[p * rows + q]).as("G[%d][%d]", p, q).isEqualTo(sum);
                }
            }
        } else {
            assertThat(g).hasSize(cols * cols);
            for (int i = 0; i < cols; i++) {
                for (int j = 0; j < cols; j++) {
                    double sum = 0;
                    int a = Math.min(i, j);
                    int b = Math.max(i, j);
                    for (int p = 0; p < rows; p++) {
                        sum += x[p * cols + a] * x[p * cols + b];
                    }
                    assertThat(g[i * cols + j]).as("G[%d][%d]", i, j).isEqualTo(sum);
                }
            }
        }
    }

    @ParameterizedTest(name = "{0} d={1} K={2} N={3} P={4}")
    @CsvSource({"TANH, 1, 1, 100, 64", "TANH, 2, 3, 37, 100", "RELU, 1, 2, 9, 70", "GELU, 2, 1, 6, 65",
            "SIGMOID, 1, 1, 1000, 256", "TANH, 1, 1, 1000, 63", "TANH, 2, 2, 5, 3"})
    void outputsOfManyInputsEqualTheForwardPassOfEachInputBitForBit(Activation act, int d, int k, int n, int p) {
        Rng rng = new Rng(7L * n + p);
        Network net = Network.initialize(d, n, k, act, Parameterization.NTK, 1.3, 0.7, rng.nextLong());
        for (int o = 0; o < k; o++) {
            net.c[o] = rng.uniform(-1, 1);
        }
        double[] x = new double[p * d];
        for (int i = 0; i < x.length; i++) {
            x[i] = rng.uniform(-1, 1);
        }
        double[] expected = new double[p * k];
        double[] h = new double[n];
        double[] phi = new double[n];
        double[] dphi = new double[n];
        for (int m = 0; m < p; m++) {
            net.forward(x, m * d, h, phi, dphi, expected, m * k);
        }
        double[] f = new double[p * k];
        net.outputs(x, p, f);
        assertThat(f).containsExactly(expected);
        // so the weight noise with eps = 0 is exactly zero on either path
        DataSet data = new DataSet(d, k, p, x, new double[p * k]);
        double base = net.meanLoss(Loss.MSE, x, data.y(), p);
        assertThat(Fragility.weightNoise(net, Loss.MSE, data, base, 0.0, 3)).isEqualTo(0.0);
    }
}
