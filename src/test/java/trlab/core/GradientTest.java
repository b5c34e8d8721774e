package trlab.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The step theta <- theta - eta * grad L_B of {@link Trainer} against central finite differences of the batch
 * loss computed by the independent {@link ReferenceModel}, for every activation, both parameterisations, mse
 * (K = 1, 2) and softmax cross-entropy (K = 3, one-hot), d = 1 and 2. The gradient applied by the step is
 * recovered as (theta_before - theta_after) / eta with label noise 0.
 */
class GradientTest {
    private static final int WIDTH = 7;
    private static final double ETA = 0.5;
    /** Relative tolerance on the gradient norm. */
    private static final double NORM_TOL = 1e-6;
    /** Per-component tolerance, relative to max(1, largest gradient component). */
    private static final double COMPONENT_TOL = 1e-7;

    static Stream<Arguments> cases() {
        List<Arguments> out = new ArrayList<>();
        for (Activation act : Activation.values()) {
            for (Parameterization par : Parameterization.values()) {
                for (int d = 1; d <= 2; d++) {
                    out.add(Arguments.of(act, par, Loss.MSE, 1, d));
                    out.add(Arguments.of(act, par, Loss.MSE, 2, d));
                    out.add(Arguments.of(act, par, Loss.CROSS_ENTROPY, 3, d));
                }
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0} {1} {2} K={3} d={4}")
    @MethodSource("cases")
    void fullBatchStepMovesParametersByEtaTimesTheFiniteDifferenceGradientOfTheMeanLoss(
            Activation act, Parameterization par, Loss loss, int k, int d) {
        DataSet data = data(5, d, k, loss, 11 + d * 10L + k);
        Network net = network(act, par, d, k, 101 + d * 10L + k);
        assertPreActivationsAwayFromZero(net, data);
        Trainer trainer = new Trainer(net, data, loss, Method.FULL_BATCH, 5, ETA, 0.0, 7, 0);
        assertStepFollowsGradient(trainer, all(5));
    }

    @ParameterizedTest(name = "{0} {1} {2} K={3} d={4}")
    @MethodSource("cases")
    void sgdWithBatchOfAllSamplesTakesTheFiniteDifferenceGradientOfTheMeanLoss(
            Activation act, Parameterization par, Loss loss, int k, int d) {
        DataSet data = data(4, d, k, loss, 1025 + d * 10L + k);
        Network net = network(act, par, d, k, 2205 + d * 10L + k);
        assertPreActivationsAwayFromZero(net, data);
        Trainer trainer = new Trainer(net, data, loss, Method.SGD, 4, ETA, 0.0, 7, 0);
        assertStepFollowsGradient(trainer, all(4));
    }

    @ParameterizedTest(name = "{0} {1} {2} K={3} d={4}")
    @MethodSource("cases")
    void singleSampleFusedStepMovesParametersByEtaTimesTheFiniteDifferenceGradientOfTheSampleLoss(
            Activation act, Parameterization par, Loss loss, int k, int d) {
        DataSet data = data(1, d, k, loss, 31 + d * 10L + k);
        Network net = network(act, par, d, k, 301 + d * 10L + k);
        assertPreActivationsAwayFromZero(net, data);
        Trainer trainer = new Trainer(net, data, loss, Method.SGD, 1, ETA, 0.0, 7, 0);
        assertStepFollowsGradient(trainer, new int[]{0});
    }

    @ParameterizedTest(name = "{0} {1} {2} K={3} d={4}")
    @MethodSource("cases")
    void sgdBatchOfOneOnSevenSamplesFollowsTheGradientOfExactlyOneSample(
            Activation act, Parameterization par, Loss loss, int k, int d) {
        assertFollowsExactlyOneCandidateBatch(act, par, loss, k, d, 1);
    }

    @ParameterizedTest(name = "{0} {1} {2} K={3} d={4}")
    @MethodSource("cases")
    void sgdBatchOfThreeOnSevenSamplesFollowsTheGradientOfExactlyOneThreeSampleSubset(
            Activation act, Parameterization par, Loss loss, int k, int d) {
        assertFollowsExactlyOneCandidateBatch(act, par, loss, k, d, 3);
    }

    private static void assertFollowsExactlyOneCandidateBatch(Activation act, Parameterization par, Loss loss,
                                                              int k, int d, int batchSize) {
        DataSet data = data(7, d, k, loss, 41 + d * 10L + k);
        Network net = network(act, par, d, k, 401 + d * 10L + k);
        assertPreActivationsAwayFromZero(net, data);
        Network before = net.copy();
        Trainer trainer = new Trainer(net, data, loss, Method.SGD, batchSize, ETA, 0.0, 7, 0);
        trainer.step();
        double[] applied = appliedGradient(before, net);
        int matches = 0;
        for (int[] batch : subsets(7, batchSize)) {
            double[] fd = ReferenceModel.finiteDifferenceGradient(before, loss, data, batch);
            if (norm(diff(applied, fd)) <= NORM_TOL * norm(fd)) {
                matches++;
            }
        }
        assertThat(matches).as("candidate batches whose gradient the step applied").isEqualTo(1);
    }

    private static void assertStepFollowsGradient(Trainer trainer, int[] batch) {
        Network net = trainer.network();
        Network before = net.copy();
        double[] fd = ReferenceModel.finiteDifferenceGradient(before, trainer.loss(), trainer.data(), batch);
        trainer.step();
        double[] applied = appliedGradient(before, net);
        double fdNorm = norm(fd);
        assertThat(fdNorm).as("gradient is not trivially small").isGreaterThan(1e-2);
        assertThat(norm(diff(applied, fd))).as("|applied - FD|").isLessThanOrEqualTo(NORM_TOL * fdNorm);
        double scale = Math.max(1.0, maxAbs(fd));
        for (int p = 0; p < fd.length; p++) {
            assertThat(Math.abs(applied[p] - fd[p])).as("component %d: applied %s, FD %s", p, applied[p], fd[p])
                    .isLessThanOrEqualTo(COMPONENT_TOL * scale);
        }
    }

    /** (theta_before - theta_after) / eta. */
    private static double[] appliedGradient(Network before, Network after) {
        double[] t0 = ReferenceModel.flatten(before);
        double[] t1 = ReferenceModel.flatten(after);
        double[] g = new double[t0.length];
        for (int p = 0; p < g.length; p++) {
            g[p] = (t0[p] - t1[p]) / ETA;
        }
        return g;
    }

    /** Parameters drawn independently of the engine's initialisation, with c != 0. */
    private static Network network(Activation act, Parameterization par, int d, int k, long seed) {
        Random r = new Random(seed);
        Network net = new Network(d, WIDTH, k, act, par);
        double aStd = par == Parameterization.NTK ? 1.0 : 1.0 / Math.sqrt(WIDTH);
        for (int p = 0; p < net.w.length; p++) {
            net.w[p] = 1.5 * r.nextGaussian();
        }
        for (int i = 0; i < WIDTH; i++) {
            net.b[i] = 0.5 * r.nextGaussian();
        }
        for (int p = 0; p < net.a.length; p++) {
            net.a[p] = aStd * r.nextGaussian();
        }
        for (int o = 0; o < k; o++) {
            net.c[o] = 0.3 * r.nextGaussian();
        }
        return net;
    }

    /** x uniform in [-1, 1]^d; mse targets Gaussian, cross-entropy targets one-hot. */
    private static DataSet data(int p, int d, int k, Loss loss, long seed) {
        Random r = new Random(seed);
        double[] x = new double[p * d];
        for (int i = 0; i < x.length; i++) {
            x[i] = 2 * r.nextDouble() - 1;
        }
        double[] y = new double[p * k];
        for (int n = 0; n < p; n++) {
            if (loss == Loss.CROSS_ENTROPY) {
                y[n * k + r.nextInt(k)] = 1.0;
            } else {
                for (int o = 0; o < k; o++) {
                    y[n * k + o] = r.nextGaussian();
                }
            }
        }
        return new DataSet(d, k, p, x, y);
    }

    /** Keeps the finite differences of relu and leaky-relu off the kink (FD steps are <= 1e-6 * |theta|). */
    private static void assertPreActivationsAwayFromZero(Network net, DataSet data) {
        for (int n = 0; n < data.size(); n++) {
            for (double h : ReferenceModel.hidden(net, data.x(), n)) {
                assertThat(Math.abs(h)).as("|h| of sample %d", n).isGreaterThan(1e-3);
            }
        }
    }

    private static int[] all(int p) {
        int[] b = new int[p];
        for (int i = 0; i < p; i++) {
            b[i] = i;
        }
        return b;
    }

    private static List<int[]> subsets(int n, int size) {
        List<int[]> out = new ArrayList<>();
        for (int mask = 0; mask < 1 << n; mask++) {
            if (Integer.bitCount(mask) == size) {
                int[] s = new int[size];
                int j = 0;
                for (int i = 0; i < n; i++) {
                    if ((mask & 1 << i) != 0) {
                        s[j++] = i;
                    }
                }
                out.add(s);
            }
        }
        return out;
    }

    private static double[] diff(double[] u, double[] v) {
        double[] out = new double[u.length];
        for (int i = 0; i < u.length; i++) {
            out[i] = u[i] - v[i];
        }
        return out;
    }

    private static double norm(double[] v) {
        double s = 0;
        for (double x : v) {
            s += x * x;
        }
        return Math.sqrt(s);
    }

    private static double maxAbs(double[] v) {
        double m = 0;
        for (double x : v) {
            m = Math.max(m, Math.abs(x));
        }
        return m;
    }
}
