package trlab.measure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import trlab.core.Activation;
import trlab.core.Network;
import trlab.core.Parameterization;
import trlab.core.Rng;
import trlab.measure.FiniteDifferences.Group;

/**
 * {@link Kernel} against the definition Theta(x', x) = (1/K) sum_k J_k(x') . J_k(x), with J from central finite
 * differences of {@link Network#outputs}, and its structural properties (symmetry, positive semi-definiteness,
 * the amplitude as the mean diagonal).
 */
class KernelTest {
    private static final int WIDTH = 6;
    /** Tolerance relative to the largest kernel entry: the finite-difference error is ~1e-10. */
    private static final double TOL = 1e-6;
    /** Relu pre-activations stay this far from the kink at 0, far beyond the finite-difference step. */
    private static final double MARGIN = 0.02;

    static Stream<Arguments> cases() {
        List<Arguments> out = new ArrayList<>();
        for (Activation act : new Activation[]{Activation.TANH, Activation.RELU, Activation.GELU,
                Activation.SOFTPLUS}) {
            for (Parameterization par : Parameterization.values()) {
                for (int d = 1; d <= 2; d++) {
                    for (int k : new int[]{1, 3}) {
                        out.add(Arguments.of(act, par, d, k));
                    }
                }
            }
        }
        return out.stream();
    }

    /** A network with random (nonzero) c and inputs whose pre-activations all keep |h| >= MARGIN. */
    private record Fixture(Network net, double[] left, int leftCount, double[] right, int rightCount) {
    }

    private static Fixture fixture(Activation act, Parameterization par, int d, int k, int leftCount,
                                   int rightCount, long seed) {
        for (long attempt = 0; attempt < 1000; attempt++) {
            Rng rng = new Rng(seed * 1000 + attempt);
            Network net = Network.initialize(d, WIDTH, k, act, par, 1.5, 0.5, seed * 7919 + attempt);
            for (int o = 0; o < k; o++) {
                net.c[o] = rng.uniform(-1, 1);
            }
            double[] left = FiniteDifferences.uniformPoints(rng, leftCount, d);
            double[] right = FiniteDifferences.uniformPoints(rng, rightCount, d);
            if (FiniteDifferences.smallestPreActivation(net, left, leftCount) >= MARGIN
                    && FiniteDifferences.smallestPreActivation(net, right, rightCount) >= MARGIN) {
                return new Fixture(net, left, leftCount, right, rightCount);
            }
        }
        throw new AssertionError("no fixture with pre-activations away from 0");
    }

    private static double[][][] jacobians(Network net, double[] x, int count) {
        double[][][] j = new double[count][][];
        for (int n = 0; n < count; n++) {
            j[n] = FiniteDifferences.parameterJacobian(net, FiniteDifferences.row(x, n, net.inputs));
        }
        return j;
    }

    @ParameterizedTest(name = "{0} {1} d={2} K={3}")
    @MethodSource("cases")
    void betweenEqualsTheFiniteDifferenceJacobianProductSplitIntoOutputAndHiddenLayerParameters(
            Activation act, Parameterization par, int d, int k) {
        Fixture fx = fixture(act, par, d, k, 3, 2, 31L * d + 5L * k + act.ordinal() * 101L + par.ordinal());
        Network net = fx.net();
        HiddenFeatures left = HiddenFeatures.of(net, fx.left(), fx.leftCount());
        HiddenFeatures right = HiddenFeatures.of(net, fx.right(), fx.rightCount());

        Kernel.Parts parts = Kernel.between(net, left, fx.left(), right, fx.right());

        assertThat(parts.rows()).isEqualTo(fx.rightCount());
        assertThat(parts.columns()).isEqualTo(fx.leftCount());
        assertThat(parts.output()).hasSize(fx.leftCount() * fx.rightCount());
        assertThat(parts.hidden()).hasSize(fx.leftCount() * fx.rightCount());
        Group[] groups = FiniteDifferences.groups(net);
        double[][][] jl = jacobians(net, fx.left(), fx.leftCount());
        double[][][] jr = jacobians(net, fx.right(), fx.rightCount());
        double[] expectedOut = new double[parts.output().length];
        double[] expectedHid = new double[parts.output().length];
        double scale = 0;
        for (int r = 0; r < fx.rightCount(); r++) {
            for (int m = 0; m < fx.leftCount(); m++) {
                int idx = r * fx.leftCount() + m;
                expectedOut[idx] = FiniteDifferences.kernel(jl[m], jr[r], groups, Group.A, Group.C);
                expectedHid[idx] = FiniteDifferences.kernel(jl[m], jr[r], groups, Group.W, Group.B);
                double all = FiniteDifferences.kernel(jl[m], jr[r], groups, Group.values());
                assertThat(expectedOut[idx] + expectedHid[idx]).isCloseTo(all, within(1e-12 * (1 + Math.abs(all))));
                scale = Math.max(scale, Math.abs(all));
            }
        }
        // the hidden part must be present, or the check of its value would be vacuous
        assertThat(maxAbs(expectedHid)).isGreaterThan(1e-3 * scale);
        double tol = TOL * scale;
        for (int idx = 0; idx < expectedOut.length; idx++) {
            assertThat(parts.output()[idx]).as("output part at %d", idx).isCloseTo(expectedOut[idx], within(tol));
            assertThat(parts.hidden()[idx]).as("hidden part at %d", idx).isCloseTo(expectedHid[idx], within(tol));
            assertThat(parts.total(idx)).as("total at %d", idx)
                    .isCloseTo(expectedOut[idx] + expectedHid[idx], within(tol));
            assertThat(parts.total()[idx]).isCloseTo(expectedOut[idx] + expectedHid[idx], within(tol));
        }
    }

    @ParameterizedTest(name = "{0} {1} d={2} K={3}")
    @MethodSource("cases")
    void betweenIsSymmetricUnderSwappingItsArguments(Activation act, Parameterization par, int d, int k) {
        Fixture fx = fixture(act, par, d, k, 4, 3, 77L + 13L * d + k + act.ordinal() * 17L + par.ordinal());
        Network net = fx.net();
        HiddenFeatures xs = HiddenFeatures.of(net, fx.left(), fx.leftCount());
        HiddenFeatures ys = HiddenFeatures.of(net, fx.right(), fx.rightCount());

        Kernel.Parts xy = Kernel.between(net, xs, fx.left(), ys, fx.right());
        Kernel.Parts yx = Kernel.between(net, ys, fx.right(), xs, fx.left());

        int nx = fx.leftCount();
        int ny = fx.rightCount();
        assertThat(yx.rows()).isEqualTo(nx);
        assertThat(yx.columns()).isEqualTo(ny);
        for (int p = 0; p < nx; p++) {
            for (int q = 0; q < ny; q++) {
                // xy: Theta(x_p, y_q) at q*nx + p; yx: Theta(y_q, x_p) at p*ny + q
                double o = xy.output()[q * nx + p];
                double h = xy.hidden()[q * nx + p];
                assertThat(yx.output()[p * ny + q]).isCloseTo(o, within(1e-12 * (1 + Math.abs(o))));
                assertThat(yx.hidden()[p * ny + q]).isCloseTo(h, within(1e-12 * (1 + Math.abs(h))));
            }
        }
    }

    @ParameterizedTest(name = "{0} {1} d={2} K={3}")
    @MethodSource("cases")
    void gramMatrixOverTwelveInputsIsPositiveSemiDefiniteInTotalAndInEachPart(
            Activation act, Parameterization par, int d, int k) {
        Rng rng = new Rng(900 + 10L * d + k + 100L * act.ordinal() + par.ordinal());
        Network net = Network.initialize(d, WIDTH, k, act, par, 1.5, 0.5, rng.nextLong());
        int count = 12;
        double[] x = FiniteDifferences.uniformPoints(rng, count, d);
        HiddenFeatures at = HiddenFeatures.of(net, x, count);

        Kernel.Parts gram = Kernel.between(net, at, x, at, x);

        assertPositiveSemiDefinite(gram.total(), count);
        assertPositiveSemiDefinite(gram.output(), count);
        assertPositiveSemiDefinite(gram.hidden(), count);
    }

    @ParameterizedTest(name = "{0} {1} d={2} K={3}")
    @MethodSource("cases")
    void amplitudeIsTheMeanDiagonalOfTheKernelOnTheInputsInTotalAndPerPart(
            Activation act, Parameterization par, int d, int k) {
        Rng rng = new Rng(500 + 10L * d + k + 100L * act.ordinal() + par.ordinal());
        Network net = Network.initialize(d, WIDTH, k, act, par, 1.5, 0.5, rng.nextLong());
        int count = 7;
        double[] x = FiniteDifferences.uniformPoints(rng, count, d);
        HiddenFeatures at = HiddenFeatures.of(net, x, count);
        Kernel.Parts gram = Kernel.between(net, at, x, at, x);
        double out = 0;
        double hid = 0;
        for (int p = 0; p < count; p++) {
            out += gram.output()[p * count + p];
            hid += gram.hidden()[p * count + p];
        }
        out /= count;
        hid /= count;

        double[] amplitude = Kernel.amplitude(net, at, x);

        assertThat(amplitude).hasSize(3);
        assertThat(amplitude[0]).isCloseTo(out + hid, within(1e-12 * (out + hid)));
        assertThat(amplitude[1]).isCloseTo(out, within(1e-12 * out));
        assertThat(amplitude[2]).isCloseTo(hid, within(1e-12 * (out + hid)));
    }

    @ParameterizedTest(name = "{0} {1} d={2} K={3}")
    @MethodSource("cases")
    void amplitudeEqualsTheMeanFiniteDifferenceDiagonal(Activation act, Parameterization par, int d, int k) {
        Fixture fx = fixture(act, par, d, k, 4, 1, 4242L + 3L * d + k + act.ordinal() * 11L + par.ordinal());
        Network net = fx.net();
        HiddenFeatures at = HiddenFeatures.of(net, fx.left(), fx.leftCount());
        Group[] groups = FiniteDifferences.groups(net);
        double out = 0;
        double hid = 0;
        for (int p = 0; p < fx.leftCount(); p++) {
            double[][] j = FiniteDifferences.parameterJacobian(net, FiniteDifferences.row(fx.left(), p, d));
            out += FiniteDifferences.kernel(j, j, groups, Group.A, Group.C) / fx.leftCount();
            hid += FiniteDifferences.kernel(j, j, groups, Group.W, Group.B) / fx.leftCount();
        }

        double[] amplitude = Kernel.amplitude(net, at, fx.left());

        double tol = TOL * (out + hid);
        assertThat(amplitude[0]).isCloseTo(out + hid, within(tol));
        assertThat(amplitude[1]).isCloseTo(out, within(tol));
        assertThat(amplitude[2]).isCloseTo(hid, within(tol));
    }

    private static void assertPositiveSemiDefinite(double[] g, int n) {
        double largestEntry = maxAbs(g);
        for (int p = 0; p < n; p++) {
            for (int q = 0; q < p; q++) {
                assertThat(g[p * n + q]).isCloseTo(g[q * n + p], within(1e-12 * largestEntry));
            }
        }
        double[] sym = new double[n * n];
        for (int p = 0; p < n; p++) {
            for (int q = 0; q < n; q++) {
                sym[p * n + q] = 0.5 * (g[p * n + q] + g[q * n + p]);
            }
        }
        EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(n, false, true);
        assertThat(eig.decompose(new DMatrixRMaj(n, n, true, sym))).isTrue();
        double max = Double.NEGATIVE_INFINITY;
        double min = Double.POSITIVE_INFINITY;
        for (int j = 0; j < n; j++) {
            double v = eig.getEigenvalue(j).getReal();
            max = Math.max(max, v);
            min = Math.min(min, v);
        }
        assertThat(max).isPositive();
        assertThat(min).isGreaterThanOrEqualTo(-1e-10 * max);
    }

    private static double maxAbs(double[] v) {
        double m = 0;
        for (double x : v) {
            m = Math.max(m, Math.abs(x));
        }
        return m;
    }
}
