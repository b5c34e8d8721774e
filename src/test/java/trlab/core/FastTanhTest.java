package trlab.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The fast tanh of the hot path ({@link FastTanh}, {@link Activation#evaluateFast}) against the exact reference
 * {@link Math#tanh}: below 1e-12 relative over a dense sweep from 1e-300 to 1e300 and at every special value;
 * its derivative 1 - phi² within a few ulps of 1 - tanh²; and the array and scalar versions equal bit for bit.
 */
class FastTanhTest {
    /** The accuracy the hot path promises (DESIGN.md "Hot path"). */
    private static final double RELATIVE = 1e-12;

    /** Dense sweep: a fine linear grid over [-25, 25] plus log grids of |x| from 1e-300 to 1e300, both signs. */
    private static double[] sweep() {
        double[] out = new double[2_000_000];
        int n = 0;
        for (int i = 0; i <= 1_000_000; i++) {
            out[n++] = -25 + 50.0 * i / 1_000_000; // step 5e-5, includes 0 and ±20 exactly
        }
        // tiny |x|: 1e-300 .. 1e-3, 200 points per decade
        for (int i = 0; i <= 297 * 200; i++) {
            double x = Math.pow(10, -300 + i / 200.0);
            out[n++] = x;
            out[n++] = -x;
        }
        // moderate and huge: 1e-3 .. 1e300
        for (int i = 0; i <= 303 * 100; i++) {
            double x = Math.pow(10, -3 + i / 100.0);
            out[n++] = x;
            out[n++] = -x;
        }
        // around the clamp and where tanh reaches ±1 in double
        for (double x = 18.5; x <= 21.5; x += 1e-4) {
            out[n++] = x;
            out[n++] = -x;
        }
        return Arrays.copyOf(out, n);
    }

    @Test
    void arrayVersionIsWithinOneTrillionthRelativeOfMathTanhOverADenseSweep() {
        Accuracy a = Accuracy.ofThisMachine();
        assertThat(a.worst).as("worst relative error, at x = %s", a.worstAt).isLessThan(RELATIVE);
        // in fact a few ulps: keep an eye on regressions well below the promise
        assertThat(a.worst).as("worst relative error, at x = %s", a.worstAt).isLessThan(4e-15);
    }

    @Test
    void derivativeIsOneMinusPhiSquaredWithinAFewUlpsOfTheExactReference() {
        Accuracy a = Accuracy.ofThisMachine();
        assertThat(a.notOneMinusSquareAt).as("the first x whose phi' is not 1 - phi² of its phi").isNaN();
        assertThat(a.worstDerivativeAbsolute).isLessThanOrEqualTo(2e-15);
        assertThat(a.worstDerivativeRelative).isLessThan(RELATIVE);
    }

    /**
     * A CPU without FMA: the JVM told not to use the instruction ({@code -XX:-UseFMA}) makes FastTanh take plain
     * multiplies and adds, which must keep the same promises (this machine's own kind is the tests above).
     */
    @Test
    void withoutFmaThePlainKindKeepsTheSamePromises() throws Exception {
        Path out = Files.createTempFile("fasttanh-plain", ".txt");
        try {
            Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-XX:-UseFMA", "-cp", System.getProperty("java.class.path"), PlainKind.class.getName())
                    .redirectErrorStream(true).redirectOutput(out.toFile()).start();
            assertThat(child.waitFor(120, TimeUnit.SECONDS)).as("the child ends").isTrue();
            List<String> lines = Files.readAllLines(out);
            assertThat(child.exitValue()).as(String.join("\n", lines)).isZero();
            assertThat(lines).as("the child's report").hasSize(5);
            assertThat(lines.get(0)).isEqualTo("fused false");
            assertThat(Double.parseDouble(lines.get(1))).as("worst relative error").isLessThan(4e-15);
            assertThat(lines.get(2)).as("phi' = 1 - phi² everywhere").isEqualTo("NaN");
            assertThat(Double.parseDouble(lines.get(3))).as("worst derivative error").isLessThanOrEqualTo(2e-15);
            assertThat(Double.parseDouble(lines.get(4))).as("worst relative derivative error").isLessThan(RELATIVE);
        } finally {
            Files.deleteIfExists(out);
        }
    }

    /** The child of {@link #withoutFmaThePlainKindKeepsTheSamePromises}: the sweep's figures, one per line. */
    public static final class PlainKind {
        public static void main(String[] args) {
            Accuracy a = Accuracy.ofSweep();
            System.out.println("fused " + Linalg.FUSED);
            System.out.println(a.worst);
            System.out.println(a.notOneMinusSquareAt);
            System.out.println(a.worstDerivativeAbsolute);
            System.out.println(a.worstDerivativeRelative);
        }
    }

    /** The fast tanh over the dense sweep against Math.tanh, and its derivative against the exact one. */
    private static final class Accuracy {
        double worst;
        double worstAt;
        double worstDerivativeAbsolute;
        double worstDerivativeRelative;
        /** NaN, or the first x whose phi' is not 1 - phi² of its phi (one multiply-add, as FastTanh rounds it). */
        double notOneMinusSquareAt = Double.NaN;

        private static Accuracy thisMachine;

        /** The sweep's figures in this JVM, computed once for the tests that read them. */
        static synchronized Accuracy ofThisMachine() {
            if (thisMachine == null) {
                thisMachine = ofSweep();
            }
            return thisMachine;
        }

        static Accuracy ofSweep() {
            double[] h = sweep();
            double[] phi = new double[h.length];
            double[] dphi = new double[h.length];
            FastTanh.evaluate(h, phi, dphi, 0, h.length);
            Accuracy a = new Accuracy();
            for (int i = 0; i < h.length; i++) {
                double exact = Math.tanh(h[i]);
                double err = exact == 0 ? Math.abs(phi[i]) : Math.abs(phi[i] - exact) / Math.abs(exact);
                if (err > a.worst) {
                    a.worst = err;
                    a.worstAt = h[i];
                }
                double oneMinusSquare = Linalg.madd(-phi[i], phi[i], 1.0);
                if (dphi[i] != oneMinusSquare && Double.isNaN(a.notOneMinusSquareAt)) {
                    a.notOneMinusSquareAt = h[i];
                }
                // 1 - phi² loses relative precision where tanh is near ±1 (as the reference does); absolute error
                // is what both share: a few ulps of 1. Where phi' is not small, the relative error is small too.
                double exactDerivative = Activation.TANH.derivative(h[i], exact);
                a.worstDerivativeAbsolute = Math.max(a.worstDerivativeAbsolute, Math.abs(dphi[i] - exactDerivative));
                if (Math.abs(h[i]) < 3) {
                    a.worstDerivativeRelative = Math.max(a.worstDerivativeRelative,
                            Math.abs(dphi[i] - exactDerivative) / exactDerivative);
                }
            }
            return a;
        }
    }

    @Test
    void specialValues() {
        assertThat(FastTanh.tanh(0.0)).isEqualTo(0.0);
        assertThat(Double.doubleToRawLongBits(FastTanh.tanh(-0.0))).as("-0 stays -0")
                .isEqualTo(Double.doubleToRawLongBits(-0.0));
        assertThat(FastTanh.tanh(Double.NaN)).isNaN();
        assertThat(FastTanh.tanh(Double.POSITIVE_INFINITY)).isEqualTo(1.0);
        assertThat(FastTanh.tanh(Double.NEGATIVE_INFINITY)).isEqualTo(-1.0);
        assertThat(FastTanh.tanh(Double.MAX_VALUE)).isEqualTo(1.0);
        assertThat(FastTanh.tanh(-Double.MAX_VALUE)).isEqualTo(-1.0);
        // subnormal and tiny inputs keep full relative precision: tanh x = x there
        for (double x : new double[]{Double.MIN_VALUE, 3 * Double.MIN_VALUE, Double.MIN_NORMAL / 3, Double.MIN_NORMAL,
                1e-300, 1e-200, 1e-20}) {
            assertThat(FastTanh.tanh(x)).as("tanh(%s)", x).isEqualTo(Math.tanh(x));
            assertThat(FastTanh.tanh(-x)).as("tanh(-%s)", x).isEqualTo(Math.tanh(-x));
        }
        // from the clamp on tanh is ±1 in double, and so is the fast one; the derivative is 0 as in the reference
        for (double x : new double[]{20, 20.0001, 25, 700, 1e300}) {
            assertThat(FastTanh.tanh(x)).isEqualTo(Math.tanh(x)).isEqualTo(1.0);
            assertThat(FastTanh.tanh(-x)).isEqualTo(Math.tanh(-x)).isEqualTo(-1.0);
        }
        double[] h = {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, -0.0, 25};
        double[] phi = new double[h.length];
        double[] dphi = new double[h.length];
        FastTanh.evaluate(h, phi, dphi, 0, h.length);
        assertThat(phi[0]).isNaN();
        assertThat(dphi[0]).as("NaN in, NaN out").isNaN();
        assertThat(phi[1]).isEqualTo(1.0);
        assertThat(phi[2]).isEqualTo(-1.0);
        assertThat(dphi[1]).isEqualTo(0.0);
        assertThat(dphi[2]).isEqualTo(0.0);
        assertThat(dphi[3]).isEqualTo(1.0);
        assertThat(dphi[4]).isEqualTo(0.0);
    }

    @Test
    void arrayScalarValuesOnlyAndActivationPathsAgreeBitForBitAndTouchOnlyTheirRange() {
        double[] h = sweep();
        int from = 7;
        int to = h.length - 11;
        double[] phi = new double[h.length];
        double[] dphi = new double[h.length];
        Arrays.fill(phi, 42.0);
        Arrays.fill(dphi, -42.0);
        Activation.TANH.evaluateFast(h, phi, dphi, from, to);
        double[] values = new double[h.length];
        double[] scratch = new double[h.length];
        FastTanh.values(h, values, scratch, from, to);
        // in place: the pre-activations in dphi, as the training step does it
        double[] inPlace = h.clone();
        double[] inPlacePhi = new double[h.length];
        Activation.TANH.evaluateFast(inPlace, inPlacePhi, inPlace, from, to);
        for (int i = 0; i < h.length; i++) {
            if (i < from || i >= to) {
                assertThat(phi[i]).as("untouched outside the range").isEqualTo(42.0);
                assertThat(dphi[i]).isEqualTo(-42.0);
                continue;
            }
            long scalar = Double.doubleToRawLongBits(FastTanh.tanh(h[i]));
            if (Double.doubleToRawLongBits(phi[i]) != scalar || Double.doubleToRawLongBits(values[i]) != scalar
                    || Double.doubleToRawLongBits(inPlacePhi[i]) != scalar
                    || Double.doubleToRawLongBits(inPlace[i]) != Double.doubleToRawLongBits(dphi[i])) {
                fail("x = %s: the array, values-only, in-place and scalar versions differ", h[i]);
            }
        }
    }

    @Test
    void otherActivationsFastPathIsTheExactPath() {
        double[] all = sweep();
        double[] h = new double[all.length / 10];
        for (int i = 0; i < h.length; i++) {
            h[i] = all[10 * i];
        }
        for (Activation act : Activation.values()) {
            if (act == Activation.TANH) {
                continue;
            }
            double[] phi = new double[h.length];
            double[] dphi = new double[h.length];
            double[] exactPhi = new double[h.length];
            double[] exactDphi = new double[h.length];
            act.evaluateFast(h, phi, dphi, 0, h.length);
            act.evaluate(h, exactPhi, exactDphi, h.length);
            assertThat(Arrays.equals(phi, exactPhi)).as(act.id()).isTrue();
            assertThat(Arrays.equals(dphi, exactDphi)).as(act.id()).isTrue();
        }
    }
}
