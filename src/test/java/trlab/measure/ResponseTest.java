package trlab.measure;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import trlab.core.Activation;
import trlab.core.DataSet;
import trlab.core.Loss;
import trlab.core.Network;
import trlab.core.Parameterization;
import trlab.core.Rng;

/**
 * The measured probe-step response R(x'; x_r) converges like O(eta) to the kernel prediction
 * -sum_k' Theta_{kk'}(x', x_r) dl/df_k'(x_r), with Theta_{kk'} = J_k(x') . J_k'(x_r) from finite differences.
 */
class ResponseTest {
    private static final int WIDTH = 8;
    private static final int PROBES = 9;

    static Stream<Arguments> mseCases() {
        return Stream.of(
                Arguments.of(Activation.TANH, Parameterization.STANDARD, 1),
                Arguments.of(Activation.TANH, Parameterization.NTK, 2),
                Arguments.of(Activation.SOFTPLUS, Parameterization.NTK, 1),
                Arguments.of(Activation.GELU, Parameterization.STANDARD, 2));
    }

    static Stream<Arguments> crossEntropyCases() {
        return Stream.of(
                Arguments.of(Activation.TANH, Parameterization.STANDARD, 1),
                Arguments.of(Activation.GELU, Parameterization.NTK, 2),
                Arguments.of(Activation.SOFTPLUS, Parameterization.STANDARD, 2));
    }

    @ParameterizedTest(name = "{0} {1} d={2}")
    @MethodSource("mseCases")
    void mseResponseConvergesLinearlyInEtaToMinusKernelTimesResidual(Activation act, Parameterization par, int d) {
        Rng rng = new Rng(17 + 3L * d + act.ordinal());
        Network net = Network.initialize(d, WIDTH, 1, act, par, 1.5, 0.5, rng.nextLong());
        net.c[0] = 0.3;
        double[] probe = FiniteDifferences.uniformPoints(rng, PROBES, d);
        int refs = 2;
        double[] rx = FiniteDifferences.uniformPoints(rng, refs, d);
        double[] ry = {1.5, -2.0};
        DataSet references = new DataSet(d, 1, refs, rx, ry);

        double[] expected = new double[refs * PROBES];
        for (int r = 0; r < refs; r++) {
            double[] xr = FiniteDifferences.row(rx, r, d);
            double[] f = new double[1];
            net.outputs(xr, 1, f);
            double dldf = f[0] - ry[r];
            double[][] jr = FiniteDifferences.parameterJacobian(net, xr);
            for (int m = 0; m < PROBES; m++) {
                double[][] jm = FiniteDifferences.parameterJacobian(net, FiniteDifferences.row(probe, m, d));
                expected[r * PROBES + m] = -FiniteDifferences.matrixKernel(jm, jr)[0][0] * dldf;
            }
        }

        assertConvergesLinearly(net, Loss.MSE, probe, references, expected);
    }

    @ParameterizedTest(name = "{0} {1} d={2}")
    @MethodSource("crossEntropyCases")
    void crossEntropyResponsePerOutputConvergesLinearlyInEtaToMinusMatrixKernelTimesGradient(
            Activation act, Parameterization par, int d) {
        int k = 3;
        Rng rng = new Rng(71 + 3L * d + act.ordinal());
        Network net = Network.initialize(d, WIDTH, k, act, par, 1.5, 0.5, rng.nextLong());
        net.c[0] = 0.2;
        net.c[2] = -0.4;
        double[] probe = FiniteDifferences.uniformPoints(rng, PROBES, d);
        int refs = 3;
        double[] rx = FiniteDifferences.uniformPoints(rng, refs, d);
        double[] ry = new double[refs * k];
        for (int r = 0; r < refs; r++) {
            ry[r * k + r % k] = 1.0;
        }
        DataSet references = new DataSet(d, k, refs, rx, ry);

        double[] expected = new double[refs * PROBES * k];
        for (int r = 0; r < refs; r++) {
            double[] xr = FiniteDifferences.row(rx, r, d);
            double[] f = new double[k];
            net.outputs(xr, 1, f);
            double[] g = softmaxGradient(f, Arrays.copyOfRange(ry, r * k, r * k + k));
            double[][] jr = FiniteDifferences.parameterJacobian(net, xr);
            for (int m = 0; m < PROBES; m++) {
                double[][] jm = FiniteDifferences.parameterJacobian(net, FiniteDifferences.row(probe, m, d));
                double[][] theta = FiniteDifferences.matrixKernel(jm, jr);
                for (int o = 0; o < k; o++) {
                    double sum = 0;
                    for (int o2 = 0; o2 < k; o2++) {
                        sum += theta[o][o2] * g[o2];
                    }
                    expected[(r * PROBES + m) * k + o] = -sum;
                }
            }
        }

        assertConvergesLinearly(net, Loss.CROSS_ENTROPY, probe, references, expected);
    }

    @Test
    void measureLeavesTheNetworkBitIdentical() {
        Rng rng = new Rng(5);
        Network net = Network.initialize(2, WIDTH, 3, Activation.TANH, Parameterization.STANDARD, 1.5, 0.5, 99);
        net.c[1] = 0.7;
        Network before = net.copy();
        double[] probe = FiniteDifferences.uniformPoints(rng, PROBES, 2);
        double[] rx = FiniteDifferences.uniformPoints(rng, 2, 2);
        DataSet references = new DataSet(2, 3, 2, rx, new double[]{1, 0, 0, 0, 0, 1});

        double[] response = Response.measure(net, Loss.CROSS_ENTROPY, probe, PROBES, references, 0.5);

        assertThat(response).hasSize(2 * PROBES * 3);
        assertThat(maxAbs(response)).isPositive();
        assertThat(net.w).isEqualTo(before.w);
        assertThat(net.b).isEqualTo(before.b);
        assertThat(net.a).isEqualTo(before.a);
        assertThat(net.c).isEqualTo(before.c);
    }

    /** dl/df for softmax cross-entropy with a one-hot target: softmax(f) - y. */
    private static double[] softmaxGradient(double[] f, double[] y) {
        double max = Arrays.stream(f).max().orElseThrow();
        double norm = 0;
        for (double v : f) {
            norm += Math.exp(v - max);
        }
        double[] g = new double[f.length];
        for (int o = 0; o < f.length; o++) {
            g[o] = Math.exp(f[o] - max) / norm - y[o];
        }
        return g;
    }

    private static void assertConvergesLinearly(Network net, Loss loss, double[] probe, DataSet references,
                                                double[] expected) {
        double[] coarse = Response.measure(net, loss, probe, PROBES, references, 1e-3);
        double[] fine = Response.measure(net, loss, probe, PROBES, references, 1e-4);

        assertThat(coarse).hasSize(expected.length);
        assertThat(fine).hasSize(expected.length);
        double scale = maxAbs(expected);
        assertThat(scale).isPositive();
        double errCoarse = maxDifference(coarse, expected);
        double errFine = maxDifference(fine, expected);
        assertThat(errFine).as("error at eta = 1e-4 relative to |Theta dl/df|").isLessThan(1e-3 * scale);
        assertThat(errCoarse / errFine).as("error ratio between eta = 1e-3 and 1e-4").isBetween(5.0, 20.0);
    }

    private static double maxDifference(double[] u, double[] v) {
        double m = 0;
        for (int i = 0; i < u.length; i++) {
            m = Math.max(m, Math.abs(u[i] - v[i]));
        }
        return m;
    }

    private static double maxAbs(double[] v) {
        double m = 0;
        for (double x : v) {
            m = Math.max(m, Math.abs(x));
        }
        return m;
    }
}
