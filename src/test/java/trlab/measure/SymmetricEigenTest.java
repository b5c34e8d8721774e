package trlab.measure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import trlab.core.Rng;

/** Both ways to decompose a Gram matrix give its eigenpairs, largest first. */
class SymmetricEigenTest {

    /** A random 7 x 7 Gram matrix X Xᵀ of a 7 x 12 matrix X. */
    private static double[] gram() {
        Rng rng = new Rng(3);
        double[] x = new double[7 * 12];
        for (int i = 0; i < x.length; i++) {
            x[i] = rng.nextGaussian();
        }
        return SymmetricEigen.smallerGram(x, 7, 12);
    }

    private static void assertEigenpairs(double[] g, SymmetricEigen e) {
        int n = e.size();
        for (int j = 0; j < n; j++) {
            if (j > 0) {
                assertThat(e.values()[j]).as("largest first").isLessThanOrEqualTo(e.values()[j - 1]);
            }
            for (int r = 0; r < n; r++) {
                double gv = 0;
                for (int c = 0; c < n; c++) {
                    gv += g[r * n + c] * e.vectors()[c * n + j];
                }
                assertThat(gv).as("(G v_%d)_%d", j, r).isCloseTo(e.values()[j] * e.vectors()[r * n + j], within(1e-10));
            }
        }
    }

    @Test
    void theSymmetricQrAndTheSvdFallbackGiveTheSameEigenpairs() {
        double[] g = gram();
        SymmetricEigen qr = SymmetricEigen.of(g, 7, 7);
        SymmetricEigen svd = SymmetricEigen.bySvd(g, 7, 7);
        assertEigenpairs(g, qr);
        assertEigenpairs(g, svd);
        for (int j = 0; j < 7; j++) {
            assertThat(svd.values()[j]).isCloseTo(qr.values()[j], within(1e-10 * qr.values()[0]));
        }
        assertThat(SymmetricEigen.bySvd(g, 7, 0).vectors()).as("no vectors unless asked").isNull();
        assertThat(SymmetricEigen.bySvd(g, 7, 0).values()).isEqualTo(svd.values());
        SymmetricEigen two = SymmetricEigen.of(g, 7, 2);
        assertThat(two.columns()).isEqualTo(2);
        for (int r = 0; r < 7; r++) {
            for (int c = 0; c < 2; c++) {
                assertThat(two.vectors()[r * 2 + c]).as("leading vector %d, entry %d", c, r)
                        .isEqualTo(qr.vectors()[r * 7 + c]);
            }
        }
    }

    /**
     * The hidden features of a tanh layer (random weights and biases, as a network's) over a grid of inputs, each
     * row centred over the neurons as a feature-space projection centres them: rows x cols.
     */
    private static double[] centredFeatures(int rows, int cols, long seed) {
        Rng rng = new Rng(seed);
        double[] w = new double[cols];
        double[] b = new double[cols];
        for (int i = 0; i < cols; i++) {
            w[i] = 2 * rng.nextGaussian();
            b[i] = rng.nextGaussian();
        }
        double[] x = new double[rows * cols];
        for (int p = 0; p < rows; p++) {
            double input = -1 + 2.0 * p / (rows - 1);
            double mean = 0;
            for (int i = 0; i < cols; i++) {
                x[p * cols + i] = Math.tanh(w[i] * input + b[i]);
                mean += x[p * cols + i] / cols;
            }
            for (int i = 0; i < cols; i++) {
                x[p * cols + i] -= mean;
            }
        }
        return x;
    }

    /** Column c of the decomposition's vectors. */
    private static double[] column(SymmetricEigen e, int c) {
        double[] v = new double[e.size()];
        for (int r = 0; r < v.length; r++) {
            v[r] = e.vectors()[r * e.columns() + c];
        }
        return v;
    }

    @Test
    void theLeadingVectorsByInverseIterationAreTheQrAlgorithmsToWithinRounding() {
        for (int[] shape : new int[][]{{7, 12}, {41, 300}, {101, 1000}, {60, 40}}) {
            int rows = shape[0];
            int cols = shape[1];
            double[] x = centredFeatures(rows, cols, 11 + rows);
            int n = Math.min(rows, cols);
            double[] g = SymmetricEigen.smallerGram(x, rows, cols).clone();
            SymmetricEigen qr = SymmetricEigen.of(g, n, 2);
            SymmetricEigen fast = SymmetricEigen.leading(g, n, 2);
            assertThat(fast.values()).as("the eigenvalues without vectors, bit for bit (%d x %d)", rows, cols)
                    .isEqualTo(SymmetricEigen.of(g, n, 0).values());
            for (int j = 0; j < n; j++) {
                assertThat(fast.values()[j]).as("eigenvalue %d against the one found with vectors", j)
                        .isCloseTo(qr.values()[j], within(1e-14 * qr.values()[0]));
            }
            assertThat(fast.columns()).isEqualTo(2);
            for (int c = 0; c < 2; c++) {
                double[] a = column(qr, c);
                double[] b = column(fast, c);
                double dot = 0;
                for (int r = 0; r < n; r++) {
                    dot += a[r] * b[r];
                }
                double sign = Math.signum(dot);
                for (int r = 0; r < n; r++) {
                    assertThat(b[r]).as("vector %d, entry %d (%d x %d)", c, r, rows, cols)
                            .isCloseTo(sign * a[r], within(1e-12));
                }
            }
        }
    }

    @Test
    void equalEigenvaluesGetTwoOrthonormalVectorsOfTheirPlane() {
        // diag(3, 3, 1) turned by a rotation: the two leading vectors may be any orthonormal pair of a plane
        double c = Math.cos(0.7);
        double s = Math.sin(0.7);
        double[] q = {c, -s, 0, s * 0.6, c * 0.6, -0.8, s * 0.8, c * 0.8, 0.6};
        double[] d = {3, 3, 1};
        double[] g = new double[9];
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                for (int k = 0; k < 3; k++) {
                    g[i * 3 + j] += q[i * 3 + k] * d[k] * q[j * 3 + k];
                }
            }
        }
        SymmetricEigen e = SymmetricEigen.leading(g, 3, 2);
        double[] v0 = column(e, 0);
        double[] v1 = column(e, 1);
        assertThat(v0[0] * v1[0] + v0[1] * v1[1] + v0[2] * v1[2]).as("orthogonal").isCloseTo(0, within(1e-14));
        for (double[] v : new double[][]{v0, v1}) {
            assertThat(v[0] * v[0] + v[1] * v[1] + v[2] * v[2]).as("unit length").isCloseTo(1, within(1e-14));
            for (int r = 0; r < 3; r++) {
                double gv = g[r * 3] * v[0] + g[r * 3 + 1] * v[1] + g[r * 3 + 2] * v[2];
                assertThat(gv).as("G v = 3 v, entry %d", r).isCloseTo(3 * v[r], within(1e-13));
            }
        }
    }

    @Test
    void aZeroOrNotFiniteMatrixGivesUnitVectorsOrNaN() {
        SymmetricEigen zero = SymmetricEigen.leading(new double[16], 4, 2);
        assertThat(zero.values()).containsOnly(0.0);
        assertThat(column(zero, 0)).containsExactly(1, 0, 0, 0);
        assertThat(column(zero, 1)).containsExactly(0, 1, 0, 0);
        double[] g = gram();
        g[3] = Double.NaN;
        SymmetricEigen nan = SymmetricEigen.leading(g, 7, 2);
        assertThat(nan.values()).containsOnly(Double.NaN);
        assertThat(nan.vectors()).containsOnly(Double.NaN);
    }

    /**
     * EJML's QR algorithm draws an exceptional shift from its own random numbers when an eigenvalue is slow to
     * converge, as the roundoff tail of a feature Gram matrix is: a decomposition kept from one call to the next
     * would make a spectrum depend on the snapshots before it, and on which thread took the task.
     */
    @Test
    void theSameMatrixGivesTheSameNumbersWhateverCameBefore() {
        double[] g = SymmetricEigen.smallerGram(centredFeatures(41, 300, 52), 41, 300).clone();
        double[] first = SymmetricEigen.of(g, 41, 0).values();
        SymmetricEigen firstPair = SymmetricEigen.leading(g, 41, 2);
        for (int i = 0; i < 3; i++) {
            assertThat(SymmetricEigen.of(g, 41, 0).values()).as("values, call %d", i).isEqualTo(first);
            SymmetricEigen again = SymmetricEigen.leading(g, 41, 2);
            assertThat(again.values()).isEqualTo(firstPair.values());
            assertThat(again.vectors()).as("vectors, call %d", i).isEqualTo(firstPair.vectors());
        }
    }
}
