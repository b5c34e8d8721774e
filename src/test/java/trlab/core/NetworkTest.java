package trlab.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

class NetworkTest {

    @ParameterizedTest
    @EnumSource(Parameterization.class)
    void initialisationDrawsWThenBThenAFromOneGeneratorWithTheScalesOfScienceMd(Parameterization par) {
        int d = 2;
        int n = 5;
        int k = 3;
        double weightScale = 1.7;
        double biasScale = 0.3;
        long seed = 2718;
        Network net = Network.initialize(d, n, k, Activation.TANH, par, weightScale, biasScale, seed);

        Rng rng = new Rng(seed);
        double wStd = weightScale / Math.sqrt(d);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < d; j++) {
                assertThat(net.w[i * d + j]).as("W[%d][%d]", i, j).isEqualTo(wStd * rng.nextGaussian());
            }
        }
        for (int i = 0; i < n; i++) {
            assertThat(net.b[i]).as("b[%d]", i).isEqualTo(biasScale * rng.nextGaussian());
        }
        double aStd = par == Parameterization.STANDARD ? 1.0 / Math.sqrt(n) : 1.0;
        for (int o = 0; o < k; o++) {
            for (int i = 0; i < n; i++) {
                assertThat(net.a[o * n + i]).as("A[%d][%d]", o, i).isEqualTo(aStd * rng.nextGaussian());
            }
        }
        assertThat(net.c).containsOnly(0.0);
        assertThat(net.scale).isEqualTo(ReferenceModel.outputScale(par, n));
        assertThat(net.scale).isEqualTo(par == Parameterization.NTK ? 1.0 / Math.sqrt(5) : 1.0);
    }

    @Test
    void differentSeedsGiveDifferentInitialisations() {
        Network a = Network.initialize(1, 8, 1, Activation.TANH, Parameterization.STANDARD, 1, 1, 1);
        Network b = Network.initialize(1, 8, 1, Activation.TANH, Parameterization.STANDARD, 1, 1, 2);
        Network a2 = Network.initialize(1, 8, 1, Activation.TANH, Parameterization.STANDARD, 1, 1, 1);
        assertThat(a.sameParameters(b)).isFalse();
        assertThat(a.sameParameters(a2)).isTrue();
    }

    @Test
    void flatParameterIndexWalksWThenBThenAThenC() {
        int d = 2;
        int n = 3;
        int k = 2;
        Network net = new Network(d, n, k, Activation.RELU, Parameterization.STANDARD);
        assertThat(net.parameterCount()).isEqualTo(n * d + n + k * n + k);
        for (int p = 0; p < net.parameterCount(); p++) {
            net.setParameter(p, 100 + p);
        }
        int p = 0;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < d; j++) {
                assertThat(net.w[i * d + j]).isEqualTo(100 + p++);
            }
        }
        for (int i = 0; i < n; i++) {
            assertThat(net.b[i]).isEqualTo(100 + p++);
        }
        for (int o = 0; o < k; o++) {
            for (int i = 0; i < n; i++) {
                assertThat(net.a[o * n + i]).isEqualTo(100 + p++);
            }
        }
        for (int o = 0; o < k; o++) {
            assertThat(net.c[o]).isEqualTo(100 + p++);
        }
        for (int q = 0; q < net.parameterCount(); q++) {
            assertThat(net.parameter(q)).isEqualTo(100 + q);
        }
    }

    @Test
    void copyIsEqualButIndependent() {
        Network net = Network.initialize(2, 4, 2, Activation.GELU, Parameterization.NTK, 1, 0.5, 9);
        net.c[1] = 0.25;
        Network copy = net.copy();
        assertThat(copy.sameParameters(net)).isTrue();
        assertThat(copy.activation).isEqualTo(net.activation);
        assertThat(copy.parameterization).isEqualTo(net.parameterization);
        assertThat(copy.scale).isEqualTo(net.scale);
        assertThat(copy.w).isNotSameAs(net.w);
        Network original = net.copy();
        for (int p = 0; p < copy.parameterCount(); p++) {
            copy.setParameter(p, copy.parameter(p) + 1);
        }
        assertThat(net.sameParameters(original)).isTrue();
        for (int p = 0; p < copy.parameterCount(); p++) {
            assertThat(copy.parameter(p)).isNotEqualTo(net.parameter(p));
        }
        net.w[0] = 123;
        assertThat(copy.w[0]).isNotEqualTo(123.0);
    }

    @Test
    void copyParametersFromRejectsAnotherShape() {
        Network a = new Network(1, 4, 1, Activation.TANH, Parameterization.STANDARD);
        assertThatThrownBy(() -> a.copyParametersFrom(new Network(1, 5, 1, Activation.TANH,
                Parameterization.STANDARD))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> a.copyParametersFrom(new Network(2, 4, 1, Activation.TANH,
                Parameterization.STANDARD))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> a.copyParametersFrom(new Network(1, 4, 2, Activation.TANH,
                Parameterization.STANDARD))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void constructorRejectsNonPositiveDimensions() {
        assertThatThrownBy(() -> new Network(0, 4, 1, Activation.TANH, Parameterization.STANDARD))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Network(1, 0, 1, Activation.TANH, Parameterization.STANDARD))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Network(1, 4, 0, Activation.TANH, Parameterization.STANDARD))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @EnumSource(Activation.class)
    void outputsAndMeanLossMatchAnIndependentForwardPass(Activation act) {
        for (Parameterization par : Parameterization.values()) {
            Random r = new Random(act.ordinal() * 7L + par.ordinal());
            int d = 2;
            int k = 3;
            int p = 6;
            Network net = Network.initialize(d, 9, k, act, par, 1.3, 0.4, 77);
            for (int o = 0; o < k; o++) {
                net.c[o] = r.nextGaussian();
            }
            double[] x = new double[p * d];
            for (int i = 0; i < x.length; i++) {
                x[i] = 2 * r.nextDouble() - 1;
            }
            double[] y = new double[p * k];
            for (int i = 0; i < p; i++) {
                y[i * k + r.nextInt(k)] = 1.0;
            }
            double[] out = new double[p * k];
            net.outputs(x, p, out);
            for (int i = 0; i < p; i++) {
                double[] f = ReferenceModel.forward(net, x, i);
                for (int o = 0; o < k; o++) {
                    assertThat(out[i * k + o]).isCloseTo(f[o], within(1e-13));
                }
            }
            DataSet data = new DataSet(d, k, p, x, y);
            int[] all = {0, 1, 2, 3, 4, 5};
            for (Loss loss : Loss.values()) {
                assertThat(net.meanLoss(loss, x, y, p))
                        .isCloseTo(ReferenceModel.batchLoss(net, loss, data, all), within(1e-13));
            }
        }
    }

    @Test
    void isFiniteDetectsANonFiniteParameterAnywhere() {
        Network net = Network.initialize(1, 3, 2, Activation.TANH, Parameterization.STANDARD, 1, 1, 1);
        assertThat(net.isFinite()).isTrue();
        for (int p = 0; p < net.parameterCount(); p++) {
            Network broken = net.copy();
            broken.setParameter(p, p % 2 == 0 ? Double.NaN : Double.POSITIVE_INFINITY);
            assertThat(broken.isFinite()).as("parameter %d", p).isFalse();
        }
    }
}
