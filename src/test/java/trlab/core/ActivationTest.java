package trlab.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ActivationTest {

    /** 1200 points over [-6, 6], offset so that none is within 1e-3 of the relu kink. */
    private static double[] grid() {
        double[] h = new double[1200];
        for (int i = 0; i < h.length; i++) {
            h[i] = -6 + 0.01 * i + 0.00137;
        }
        return h;
    }

    @ParameterizedTest
    @EnumSource(Activation.class)
    void derivativeMatchesCentralFiniteDifferenceOfValue(Activation act) {
        double step = 1e-5;
        for (double h : grid()) {
            assertThat(Math.abs(h)).isGreaterThan(1e-3);
            double fd = (act.value(h + step) - act.value(h - step)) / (2 * step);
            assertThat(act.derivative(h, act.value(h))).as("%s'(%s)", act, h).isCloseTo(fd, within(1e-8));
        }
    }

    @ParameterizedTest
    @EnumSource(Activation.class)
    void evaluateFillsTheFirstNEntriesWithValueAndDerivativeAndLeavesTheRest(Activation act) {
        double[] h = grid();
        int n = h.length - 5;
        double[] phi = new double[h.length];
        double[] dphi = new double[h.length];
        Arrays.fill(phi, 42.0);
        Arrays.fill(dphi, -42.0);
        act.evaluate(h, phi, dphi, n);
        for (int i = 0; i < n; i++) {
            assertThat(phi[i]).isEqualTo(act.value(h[i]));
            assertThat(dphi[i]).isEqualTo(act.derivative(h[i], act.value(h[i])));
        }
        for (int i = n; i < h.length; i++) {
            assertThat(phi[i]).isEqualTo(42.0);
            assertThat(dphi[i]).isEqualTo(-42.0);
        }
    }

    @Test
    void valuesFollowTheirDefinitions() {
        for (double h : grid()) {
            assertThat(Activation.LINEAR.value(h)).isEqualTo(h);
            assertThat(Activation.TANH.value(h)).isCloseTo(Math.tanh(h), within(1e-15));
            assertThat(Activation.SIGMOID.value(h)).isCloseTo(1 / (1 + Math.exp(-h)), within(1e-15));
            assertThat(Activation.RELU.value(h)).isEqualTo(Math.max(h, 0.0));
            assertThat(Activation.LEAKY_RELU.value(h)).isCloseTo(h > 0 ? h : 0.01 * h, within(1e-16));
            assertThat(Activation.SOFTPLUS.value(h)).isCloseTo(Math.log(1 + Math.exp(h)), within(1e-14));
        }
    }

    @Test
    void geluIsHTimesTheNormalDistributionFunction() {
        // references from mpmath at 40 digits: h * Phi(h)
        assertThat(Activation.GELU.value(1)).isCloseTo(0.8413447460685429, within(2e-16));
        assertThat(Activation.GELU.value(-1)).isCloseTo(-0.15865525393145705, within(2e-16));
        assertThat(Activation.GELU.value(2)).isCloseTo(1.9544997361036416, within(4e-16));
        // Phi(-3) = erfc(2.12)/2 comes from 1 - erf below erfc's switch to the continued fraction: 12 digits
        assertThat(Activation.GELU.value(-3)).isCloseTo(-0.0040496940948902835, within(5e-15));
        assertThat(Activation.GELU.value(0)).isEqualTo(0.0);
    }

    @Test
    void reluDerivativeAtZeroIsZero() {
        assertThat(Activation.RELU.derivative(0.0, Activation.RELU.value(0.0))).isEqualTo(0.0);
        assertThat(Activation.RELU.value(0.0)).isEqualTo(0.0);
    }

    @Test
    void leakyReluHasSlopeOneHundredthBelowZero() {
        assertThat(Activation.LEAKY_RELU.value(-2.0)).isCloseTo(-0.02, within(1e-17));
        assertThat(Activation.LEAKY_RELU.derivative(-2.0, -0.02)).isEqualTo(0.01);
        assertThat(Activation.LEAKY_RELU.derivative(2.0, 2.0)).isEqualTo(1.0);
        assertThat(Activation.LEAKY_RELU.value(0.0)).isEqualTo(0.0);
    }

    @Test
    void softplusDoesNotOverflowOrLosePrecisionAtEitherEnd() {
        assertThat(Activation.SOFTPLUS.value(800)).isEqualTo(800.0);
        double low = Activation.SOFTPLUS.value(-800);
        assertThat(low).isGreaterThanOrEqualTo(0.0).isLessThan(1e-300);
        assertThat(Activation.SOFTPLUS.derivative(800, 800)).isEqualTo(1.0);
        assertThat(Activation.SOFTPLUS.derivative(-800, low)).isGreaterThanOrEqualTo(0.0).isLessThan(1e-300);
        // log(1 + e^-30) = 9.357622968839737e-14 (mpmath), where log(1 + exp(h)) would lose all digits
        assertThat(Activation.SOFTPLUS.value(-30)).isCloseTo(9.357622968839737e-14, within(1e-28));
        assertThat(Activation.SOFTPLUS.value(30)).isCloseTo(30.000000000000092, within(4e-15));
        assertThat(Activation.SOFTPLUS.value(0)).isCloseTo(Math.log(2), within(1e-16));
        for (double h : grid()) {
            assertThat(Activation.SOFTPLUS.value(h) - Activation.SOFTPLUS.value(-h)).isCloseTo(h, within(1e-14));
        }
    }

    @Test
    void sigmoidIsFiniteAndSaturatesAtPlusMinus800() {
        assertThat(Activation.SIGMOID.value(800)).isEqualTo(1.0);
        assertThat(Activation.SIGMOID.value(-800)).isGreaterThanOrEqualTo(0.0).isLessThan(1e-300);
        assertThat(Activation.SIGMOID.value(0)).isEqualTo(0.5);
    }

    @ParameterizedTest
    @EnumSource(Activation.class)
    void valueAndDerivativeAreFiniteAtPlusMinus800(Activation act) {
        for (double h : new double[]{-800, 800}) {
            double v = act.value(h);
            assertThat(Double.isFinite(v)).as("%s(%s) = %s", act, h, v).isTrue();
            double dv = act.derivative(h, v);
            assertThat(Double.isFinite(dv)).as("%s'(%s) = %s", act, h, dv).isTrue();
        }
    }

    @ParameterizedTest
    @EnumSource(Activation.class)
    void fromIdRoundTripsTheId(Activation act) {
        assertThat(Activation.fromId(act.id())).isSameAs(act);
        assertThat(act.toString()).isEqualTo(act.id());
    }

    @Test
    void idsAreTheConfigNamesOfScienceMd() {
        assertThat(Arrays.stream(Activation.values()).map(Activation::id))
                .containsExactlyInAnyOrder("linear", "tanh", "sigmoid", "relu", "leaky-relu", "softplus", "gelu");
    }

    @Test
    void unknownIdThrows() {
        assertThatThrownBy(() -> Activation.fromId("swish")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("swish");
        assertThatThrownBy(() -> Activation.fromId("TANH")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void onlyTanhAndSigmoidSaturate() {
        for (Activation act : Activation.values()) {
            assertThat(act.saturating()).as(act.id())
                    .isEqualTo(act == Activation.TANH || act == Activation.SIGMOID);
        }
    }
}
