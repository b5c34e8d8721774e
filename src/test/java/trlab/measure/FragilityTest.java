package trlab.measure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

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

/** {@link Fragility} against brute force on copies of the network and finite differences in the input. */
class FragilityTest {

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of(Activation.TANH, Parameterization.STANDARD, Loss.MSE, 1, 1),
                Arguments.of(Activation.RELU, Parameterization.NTK, Loss.MSE, 2, 2),
                Arguments.of(Activation.GELU, Parameterization.STANDARD, Loss.CROSS_ENTROPY, 2, 3),
                Arguments.of(Activation.SIGMOID, Parameterization.NTK, Loss.CROSS_ENTROPY, 1, 3));
    }

    private static DataSet data(Rng rng, int count, int d, int k, Loss loss) {
        double[] x = FiniteDifferences.uniformPoints(rng, count, d);
        double[] y = new double[count * k];
        for (int p = 0; p < count; p++) {
            if (loss == Loss.CROSS_ENTROPY) {
                y[p * k + rng.nextInt(k)] = 1.0;
            } else {
                for (int o = 0; o < k; o++) {
                    y[p * k + o] = rng.uniform(-1, 1);
                }
            }
        }
        return new DataSet(d, k, count, x, y);
    }

    private static Network network(Rng rng, Activation act, Parameterization par, int d, int k, int width) {
        Network net = Network.initialize(d, width, k, act, par, 1.5, 0.5, rng.nextLong());
        for (int o = 0; o < k; o++) {
            net.c[o] = rng.uniform(-0.5, 0.5);
        }
        return net;
    }

    @ParameterizedTest(name = "{0} {1} {2} d={3} K={4}")
    @MethodSource("cases")
    void ablationIsTheLossIncreaseOfZeroingEachNeuronsOutputWeights(Activation act, Parameterization par, Loss loss,
                                                                      int d, int k) {
        Rng rng = new Rng(11L * d + k + act.ordinal());
        int width = 7;
        Network net = network(rng, act, par, d, k, width);
        DataSet data = data(rng, 9, d, k, loss);
        double base = net.meanLoss(loss, data.x(), data.y(), data.size());
        double largest = Double.NEGATIVE_INFINITY;
        double sum = 0;
        for (int i = 0; i < width; i++) {
            Network ablated = net.copy();
            for (int o = 0; o < k; o++) {
                ablated.a[o * width + i] = 0.0;
            }
            double increase = ablated.meanLoss(loss, data.x(), data.y(), data.size()) - base;
            largest = Math.max(largest, increase);
            sum += increase;
        }
        Network before = net.copy();

        Fragility.Ablation ablation = Fragility.ablation(net, loss, data, HiddenFeatures.of(net, data.x(),
                data.size()));

        assertThat(ablation.largest()).isCloseTo(largest, within(1e-12 * (1 + base)));
        assertThat(ablation.mean()).isCloseTo(sum / width, within(1e-12 * (1 + base)));
        assertThat(net.sameParameters(before)).isTrue();
    }

    @Test
    void weightNoiseWithZeroEpsilonIsExactlyZero() {
        Rng rng = new Rng(8);
        Network net = network(rng, Activation.TANH, Parameterization.STANDARD, 1, 1, 6);
        DataSet data = data(rng, 8, 1, 1, Loss.MSE);
        double base = net.meanLoss(Loss.MSE, data.x(), data.y(), data.size());

        assertThat(Fragility.weightNoise(net, Loss.MSE, data, base, 0.0, 16)).isEqualTo(0.0);
    }

    @ParameterizedTest(name = "{0} {1} {2} d={3} K={4}")
    @MethodSource("cases")
    void weightNoiseIsTheMeanLossIncreaseOverDrawsFromTheFixedSeedInParameterOrder(
            Activation act, Parameterization par, Loss loss, int d, int k) {
        Rng rng = new Rng(300L + 11L * d + k + act.ordinal());
        Network net = network(rng, act, par, d, k, 6);
        DataSet data = data(rng, 8, d, k, loss);
        double base = net.meanLoss(loss, data.x(), data.y(), data.size());
        double eps = 0.05;
        int draws = 16;
        Rng noise = new Rng(Fragility.NOISE_SEED);
        double sum = 0;
        for (int draw = 0; draw < draws; draw++) {
            Network noisy = net.copy();
            for (int p = 0; p < net.parameterCount(); p++) {
                noisy.setParameter(p, net.parameter(p) * (1 + eps * noise.nextGaussian()));
            }
            sum += noisy.meanLoss(loss, data.x(), data.y(), data.size()) - base;
        }
        double expected = sum / draws;
        Network before = net.copy();

        double measured = Fragility.weightNoise(net, loss, data, base, eps, draws);

        assertThat(expected).isNotZero();
        assertThat(measured).isCloseTo(expected, within(1e-12 * (1 + Math.abs(base))));
        assertThat(net.sameParameters(before)).isTrue();
        // the same seed every call: a second measurement repeats the first exactly
        assertThat(Fragility.weightNoise(net, loss, data, base, eps, draws)).isEqualTo(measured);
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("activationsAndParameterizations")
    void inputSensitivityIsTheMeanFrobeniusNormOfTheFiniteDifferenceInputJacobian(Activation act,
                                                                                  Parameterization par) {
        int d = 2;
        int k = 2;
        int count = 6;
        Rng rng = new Rng(55L + act.ordinal() * 3L + par.ordinal());
        Network net = network(rng, act, par, d, k, 7);
        double[] x = FiniteDifferences.uniformPoints(rng, count, d);
        double expected = 0;
        for (int p = 0; p < count; p++) {
            double[][] jac = FiniteDifferences.inputJacobian(net, FiniteDifferences.row(x, p, d));
            double norm2 = 0;
            for (double[] rowK : jac) {
                for (double v : rowK) {
                    norm2 += v * v;
                }
            }
            expected += Math.sqrt(norm2) / count;
        }

        double measured = Fragility.inputSensitivity(net, HiddenFeatures.of(net, x, count));

        assertThat(expected).isPositive();
        assertThat(measured).isCloseTo(expected, within(1e-7 * expected));
    }

    static Stream<Arguments> activationsAndParameterizations() {
        return Stream.of(
                Arguments.of(Activation.TANH, Parameterization.STANDARD),
                Arguments.of(Activation.TANH, Parameterization.NTK),
                Arguments.of(Activation.SOFTPLUS, Parameterization.STANDARD),
                Arguments.of(Activation.GELU, Parameterization.NTK));
    }
}
