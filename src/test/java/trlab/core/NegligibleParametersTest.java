package trlab.core;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * {@link Network#zeroNegligible} and the trainer's use of it: parameters below {@link Network#NEGLIGIBLE} become
 * zero, nothing else changes, and a run in which neurons die keeps every output bit for bit while its dead
 * parameters leave the subnormal range.
 */
class NegligibleParametersTest {

    @Test
    void zeroesExactlyTheParametersBelowTheBound() {
        Network net = new Network(1, 4, 1, Activation.TANH, Parameterization.STANDARD);
        double below = Math.nextDown(Network.NEGLIGIBLE);
        net.w[0] = below;
        net.w[1] = -Double.MIN_VALUE;
        net.w[2] = Network.NEGLIGIBLE;
        net.w[3] = -1.5;
        net.b[0] = Double.NaN;
        net.b[1] = -below;
        net.b[2] = Double.MIN_NORMAL;
        net.b[3] = 1e-300;
        net.a[0] = 0.25;
        net.a[1] = Double.POSITIVE_INFINITY;
        net.a[2] = -Network.NEGLIGIBLE;
        net.a[3] = 2e-289;
        net.c[0] = 1e-289;
        net.zeroNegligible();
        assertThat(net.w).containsExactly(0.0, 0.0, Network.NEGLIGIBLE, -1.5);
        assertThat(Double.isNaN(net.b[0])).isTrue();
        assertThat(net.b[1]).isZero();
        assertThat(net.b[2]).isZero();
        assertThat(net.b[3]).isZero();
        assertThat(net.a).containsExactly(0.25, Double.POSITIVE_INFINITY, -Network.NEGLIGIBLE, 2e-289);
        assertThat(net.c[0]).as("1e-289 is below 2^-960").isZero();
    }

    /**
     * The default preset's network (sine, 16 points, width 100, SGD with label noise) at a learning rate of 0.05,
     * at which neurons die within two million steps: beside a trainer that keeps every IEEE value, the zeroing
     * trainer's outputs on every training input and every parameter it did not zero stay the same bit for bit; the
     * parameters it zeroed are negligible in the other, which has subnormal ones.
     */
    @Test
    void deadNeuronsLeaveTheSubnormalRangeAndEveryOutputStaysTheSame() {
        DataSet data = SineData.of(16);
        Network zeroed = Network.initialize(1, 100, 1, Activation.TANH, Parameterization.STANDARD, 1.0, 1.0, 1);
        Network exact = zeroed.copy();
        Trainer zeroing = new Trainer(zeroed, data, Loss.MSE, Method.SGD, 1, 0.05, 1.0, 1, 0);
        Trainer keeping = new Trainer(exact, data, Loss.MSE, Method.SGD, 1, 0.05, 1.0, 1, 0);
        keeping.setZeroing(false);
        for (int t = 0; t < 2_000_000; t++) {
            zeroing.step();
            keeping.step();
        }
        int subnormal = 0;
        int dead = 0;
        double[] z = ReferenceModel.flatten(zeroed);
        double[] e = ReferenceModel.flatten(exact);
        for (int i = 0; i < z.length; i++) {
            if (e[i] != 0 && Math.abs(e[i]) < Double.MIN_NORMAL) {
                subnormal++;
            }
            assertThat(Math.abs(z[i]) < Double.MIN_NORMAL && z[i] != 0).as("parameter %d is subnormal", i).isFalse();
            if (z[i] == 0 && e[i] != 0) {
                dead++;
                assertThat(Math.abs(e[i])).as("parameter %d", i).isLessThan(Network.NEGLIGIBLE);
            } else {
                assertThat(z[i]).as("parameter %d", i).isEqualTo(e[i]);
            }
        }
        assertThat(subnormal).as("subnormal parameters without the zeroing").isGreaterThan(100);
        assertThat(dead).as("parameters zeroed").isGreaterThanOrEqualTo(subnormal);
        for (int n = 0; n < data.size(); n++) {
            assertThat(ReferenceModel.forward(zeroed, data.x(), n)).as("output at sample %d", n)
                    .containsExactly(ReferenceModel.forward(exact, data.x(), n));
        }
        assertThat(zeroed.isFinite()).isTrue();
    }
}
