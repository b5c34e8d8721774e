package trlab.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Reproducibility, resumption, batching and label noise of {@link Trainer}. (The step's gradient itself is
 * checked against finite differences in {@link GradientTest}.)
 */
class TrainerTest {

    private static Network tanhNet() {
        return Network.initialize(1, 16, 1, Activation.TANH, Parameterization.STANDARD, 1.0, 1.0, 11);
    }

    @Test
    void sameSeedGivesBitIdenticalParametersAfter500NoisySgdSteps() {
        DataSet data = SineData.of(10);
        Network initial = tanhNet();
        Network a = initial.copy();
        Network b = initial.copy();
        Network other = initial.copy();
        Trainer ta = new Trainer(a, data, Loss.MSE, Method.SGD, 1, 0.05, 0.5, 99, 0);
        Trainer tb = new Trainer(b, data, Loss.MSE, Method.SGD, 1, 0.05, 0.5, 99, 0);
        Trainer tOther = new Trainer(other, data, Loss.MSE, Method.SGD, 1, 0.05, 0.5, 100, 0);
        for (int i = 0; i < 500; i++) {
            ta.step();
            tb.step();
            tOther.step();
        }
        assertThat(a.sameParameters(initial)).as("training moved the parameters").isFalse();
        assertThat(a.sameParameters(b)).as("same seed").isTrue();
        assertThat(a.sameParameters(other)).as("different training seed").isFalse();
        assertThat(a.isFinite()).isTrue();
    }

    static Stream<Arguments> splitCases() {
        return Stream.of(
                Arguments.of(Method.SGD, 1, 0.0),
                Arguments.of(Method.SGD, 1, 0.5),
                Arguments.of(Method.SGD, 3, 0.0),
                Arguments.of(Method.SGD, 3, 0.5),
                Arguments.of(Method.FULL_BATCH, 10, 0.5));
    }

    @ParameterizedTest(name = "{0} batch {1} noise {2}")
    @MethodSource("splitCases")
    void runSplitAtStep137AndResumedOnACopyIsBitIdenticalToTheUninterruptedRun(Method method, int batch,
                                                                                 double noise) {
        DataSet data = SineData.of(10);
        Network whole = tanhNet();
        Trainer uninterrupted = new Trainer(whole, data, Loss.MSE, method, batch, 0.05, noise, 5, 0);
        for (int i = 0; i < 500; i++) {
            uninterrupted.step();
        }

        Network first = tanhNet();
        Trainer before = new Trainer(first, data, Loss.MSE, method, batch, 0.05, noise, 5, 0);
        for (int i = 0; i < 137; i++) {
            before.step();
        }
        assertThat(before.time()).isEqualTo(137);
        Network resumed = first.copy();
        Trainer after = new Trainer(resumed, data, Loss.MSE, method, batch, 0.05, noise, 5, 137);
        assertThat(after.time()).isEqualTo(137);
        for (int i = 137; i < 500; i++) {
            after.step();
        }
        assertThat(after.time()).isEqualTo(500);
        assertThat(resumed.sameParameters(whole)).isTrue();
        assertThat(whole.sameParameters(tanhNet())).isFalse();
    }

    @Test
    void stepsPerEpochIsCeilingOfPOverBatchSize() {
        DataSet data = SineData.of(10);
        assertThat(trainer(data, Method.SGD, 3).stepsPerEpoch()).isEqualTo(4);
        assertThat(trainer(data, Method.SGD, 1).stepsPerEpoch()).isEqualTo(10);
        assertThat(trainer(data, Method.SGD, 5).stepsPerEpoch()).isEqualTo(2);
        assertThat(trainer(data, Method.SGD, 10).stepsPerEpoch()).isEqualTo(1);
        assertThat(trainer(data, Method.FULL_BATCH, 3).stepsPerEpoch()).isEqualTo(1);
        assertThat(trainer(data, Method.FULL_BATCH, 3).batchSize()).isEqualTo(10);
    }

    @Test
    void epochIsStepsOverStepsPerEpoch() {
        Trainer t = trainer(SineData.of(10), Method.SGD, 3);
        assertThat(t.epoch()).isEqualTo(0.0);
        for (int i = 0; i < 6; i++) {
            t.step();
        }
        assertThat(t.time()).isEqualTo(6);
        assertThat(t.epoch()).isEqualTo(1.5);
        Trainer resumed = new Trainer(tanhNet(), SineData.of(10), Loss.MSE, Method.SGD, 1, 0.05, 0, 1, 25);
        assertThat(resumed.epoch()).isEqualTo(2.5);
    }

    private static Trainer trainer(DataSet data, Method method, int batch) {
        return new Trainer(tanhNet(), data, Loss.MSE, method, batch, 0.05, 0.0, 1, 0);
    }

    // --- which samples a step uses, observed through the update -------------------------------------------

    /**
     * Data x_p = 2^p, y_p = 1 on a linear network of width 1 reset to w = 1, b = 0, A = 0, c = 0 before each
     * step: the step then moves c by eta * 1 and A by eta * mean over the batch of x_p, so with eta = 1 the
     * value A * |B| is the sum of 2^p over the batch, which names its samples.
     */
    private static final class BatchProbe {
        final Network net = new Network(1, 1, 1, Activation.LINEAR, Parameterization.STANDARD);
        final Trainer trainer;
        final int maxBatch;

        BatchProbe(Method method, int batch, int p) {
            double[] x = new double[p];
            double[] y = new double[p];
            for (int n = 0; n < p; n++) {
                x[n] = Math.scalb(1.0, n);
                y[n] = 1.0;
            }
            trainer = new Trainer(net, new DataSet(1, 1, p, x, y), Loss.MSE, method, batch, 1.0, 0.0, 2024, 0);
            maxBatch = trainer.batchSize();
        }

        int[] step() {
            net.w[0] = 1;
            net.b[0] = 0;
            net.a[0] = 0;
            net.c[0] = 0;
            trainer.step();
            assertThat(net.c[0]).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-14));
            assertThat(net.w[0]).isEqualTo(1.0);
            assertThat(net.b[0]).isEqualTo(0.0);
            for (int m = 1; m <= maxBatch; m++) {
                double s = net.a[0] * m;
                long sum = Math.round(s);
                if (Math.abs(s - sum) < 1e-6 && Long.bitCount(sum) == m) {
                    int[] batch = new int[m];
                    int j = 0;
                    for (int n = 0; n < 63; n++) {
                        if ((sum >>> n & 1) != 0) {
                            batch[j++] = n;
                        }
                    }
                    return batch;
                }
            }
            return fail("no batch explains A = " + net.a[0]);
        }
    }

    @Test
    void sgdWithBatchOneVisitsEverySampleExactlyOncePerEpochInAFreshOrder() {
        BatchProbe probe = new BatchProbe(Method.SGD, 1, 10);
        List<List<Integer>> orders = new ArrayList<>();
        for (int epoch = 0; epoch < 3; epoch++) {
            List<Integer> order = new ArrayList<>();
            for (int s = 0; s < 10; s++) {
                int[] batch = probe.step();
                assertThat(batch).hasSize(1);
                order.add(batch[0]);
            }
            assertThat(order).containsExactlyInAnyOrder(0, 1, 2, 3, 4, 5, 6, 7, 8, 9);
            orders.add(order);
        }
        assertThat(new TreeSet<>(orders.stream().map(Object::toString).toList())).as("epoch orders").hasSize(3);
        assertThat(orders.get(0)).as("permuted, not in storage order")
                .isNotEqualTo(List.of(0, 1, 2, 3, 4, 5, 6, 7, 8, 9));
    }

    @Test
    void sgdWithBatchThreeSplitsEachEpochIntoDisjointBatchesOfThreeThreeThreeAndOne() {
        BatchProbe probe = new BatchProbe(Method.SGD, 3, 10);
        List<String> epochs = new ArrayList<>();
        for (int epoch = 0; epoch < 2; epoch++) {
            List<Integer> seen = new ArrayList<>();
            int[] sizes = new int[4];
            StringBuilder description = new StringBuilder();
            for (int s = 0; s < 4; s++) {
                int[] batch = probe.step();
                sizes[s] = batch.length;
                for (int n : batch) {
                    seen.add(n);
                }
                description.append(Arrays.toString(batch));
            }
            assertThat(sizes).containsExactly(3, 3, 3, 1);
            assertThat(seen).containsExactlyInAnyOrder(0, 1, 2, 3, 4, 5, 6, 7, 8, 9);
            epochs.add(description.toString());
        }
        assertThat(epochs.get(0)).isNotEqualTo(epochs.get(1));
    }

    @Test
    void fullBatchUsesEverySampleInEveryStep() {
        BatchProbe probe = new BatchProbe(Method.FULL_BATCH, 10, 10);
        for (int s = 0; s < 3; s++) {
            assertThat(probe.step()).containsExactly(0, 1, 2, 3, 4, 5, 6, 7, 8, 9);
        }
    }

    // --- label noise ---------------------------------------------------------------------------------------

    /**
     * On a linear network reset to A = 0, c = 0 the output is 0, so an mse step with eta = 1 sets c to the mean
     * over the batch of the noisy targets: c - mean(y) is the mean of the noise the step drew.
     */
    private static double[][] observedNoise(DataSet data, Method method, int batch, double sigma, int steps) {
        int k = data.outputs();
        Network net = new Network(1, 1, k, Activation.LINEAR, Parameterization.STANDARD);
        Trainer t = new Trainer(net, data, Loss.MSE, method, batch, 1.0, sigma, 31, 0);
        double[][] noise = new double[steps][k];
        double[] meanY = new double[k];
        for (int n = 0; n < data.size(); n++) {
            for (int o = 0; o < k; o++) {
                meanY[o] += data.y(n, o) / data.size();
            }
        }
        for (int s = 0; s < steps; s++) {
            Arrays.fill(net.a, 0.0);
            Arrays.fill(net.c, 0.0);
            t.step();
            for (int o = 0; o < k; o++) {
                noise[s][o] = net.c[o] - meanY[o];
            }
        }
        return noise;
    }

    @Test
    void labelNoiseIsFreshGaussianWithVarianceSigmaSquaredPerTargetAndStep() {
        double sigma = 0.7;
        int steps = 40_000;
        DataSet one = new DataSet(1, 2, 1, new double[]{0.4}, new double[]{0.3, -1.2});
        double[][] noise = observedNoise(one, Method.SGD, 1, sigma, steps);
        for (int o = 0; o < 2; o++) {
            double sum = 0;
            double sumSq = 0;
            double lag = 0;
            for (int s = 0; s < steps; s++) {
                sum += noise[s][o];
                sumSq += noise[s][o] * noise[s][o];
                if (s > 0) {
                    lag += noise[s][o] * noise[s - 1][o];
                }
            }
            double var = sumSq / steps;
            assertThat(Math.abs(sum / steps)).isLessThan(5 * sigma / Math.sqrt(steps));
            assertThat(Math.abs(var - sigma * sigma)).isLessThan(5 * sigma * sigma * Math.sqrt(2.0 / steps));
            assertThat(Math.abs(lag / (steps - 1))).as("fresh each step")
                    .isLessThan(5 * sigma * sigma / Math.sqrt(steps));
        }
        double cross = 0;
        for (double[] n : noise) {
            cross += n[0] * n[1];
        }
        assertThat(Math.abs(cross / steps)).as("independent per output")
                .isLessThan(5 * sigma * sigma / Math.sqrt(steps));
    }

    @Test
    void fullBatchLabelNoiseIsDrawnPerSampleSoItsBatchMeanHasVarianceSigmaSquaredOverP() {
        double sigma = 0.9;
        int steps = 40_000;
        DataSet data = new DataSet(1, 1, 4, new double[]{-1, -0.3, 0.2, 1}, new double[]{0.5, -0.5, 1, 2});
        double[][] noise = observedNoise(data, Method.FULL_BATCH, 4, sigma, steps);
        double sumSq = 0;
        for (double[] n : noise) {
            sumSq += n[0] * n[0];
        }
        double expected = sigma * sigma / 4;
        assertThat(Math.abs(sumSq / steps - expected)).isLessThan(5 * expected * Math.sqrt(2.0 / steps));
    }

    @Test
    void labelNoiseNeverChangesTheStoredTargets() {
        DataSet data = SineData.of(10);
        double[] y = data.y().clone();
        double[] x = data.x().clone();
        Trainer t = new Trainer(tanhNet(), data, Loss.MSE, Method.SGD, 3, 0.05, 2.0, 1, 0);
        for (int i = 0; i < 100; i++) {
            t.step();
        }
        assertThat(data.y()).containsExactly(y);
        assertThat(data.x()).containsExactly(x);
    }

    @Test
    void withoutLabelNoiseFullBatchIsIndependentOfTheTrainingSeed() {
        DataSet data = SineData.of(10);
        Network a = tanhNet();
        Network b = tanhNet();
        Trainer ta = new Trainer(a, data, Loss.MSE, Method.FULL_BATCH, 10, 0.05, 0.0, 1, 0);
        Trainer tb = new Trainer(b, data, Loss.MSE, Method.FULL_BATCH, 10, 0.05, 0.0, 2, 0);
        for (int i = 0; i < 50; i++) {
            ta.step();
            tb.step();
        }
        assertThat(a.sameParameters(b)).isTrue();
    }

    // --- validation ----------------------------------------------------------------------------------------

    @Test
    void rejectsInvalidSettings() {
        DataSet data = SineData.of(10);
        assertThatThrownBy(() -> new Trainer(tanhNet(), data, Loss.MSE, Method.SGD, 0, 0.05, 0, 1, 0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Trainer(tanhNet(), data, Loss.MSE, Method.SGD, 11, 0.05, 0, 1, 0))
                .isInstanceOf(IllegalArgumentException.class);
        for (double eta : new double[]{0, -0.1, Double.NaN, Double.POSITIVE_INFINITY}) {
            assertThatThrownBy(() -> new Trainer(tanhNet(), data, Loss.MSE, Method.SGD, 1, eta, 0, 1, 0))
                    .as("eta %s", eta).isInstanceOf(IllegalArgumentException.class);
        }
        for (double noise : new double[]{-0.1, Double.NaN, Double.POSITIVE_INFINITY}) {
            assertThatThrownBy(() -> new Trainer(tanhNet(), data, Loss.MSE, Method.SGD, 1, 0.05, noise, 1, 0))
                    .as("noise %s", noise).isInstanceOf(IllegalArgumentException.class);
        }
        Network twoInputs = Network.initialize(2, 4, 1, Activation.TANH, Parameterization.STANDARD, 1, 1, 1);
        assertThatThrownBy(() -> new Trainer(twoInputs, data, Loss.MSE, Method.SGD, 1, 0.05, 0, 1, 0))
                .isInstanceOf(IllegalArgumentException.class);
        Network twoOutputs = Network.initialize(1, 4, 2, Activation.TANH, Parameterization.STANDARD, 1, 1, 1);
        assertThatThrownBy(() -> new Trainer(twoOutputs, data, Loss.MSE, Method.SGD, 1, 0.05, 0, 1, 0))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void fullBatchAcceptsAnyNominalBatchSize() {
        Trainer t = new Trainer(tanhNet(), SineData.of(10), Loss.MSE, Method.FULL_BATCH, 0, 0.05, 0, 1, 0);
        assertThat(t.batchSize()).isEqualTo(10);
    }
}
