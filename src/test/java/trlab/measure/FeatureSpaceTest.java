package trlab.measure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.Comparator;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.SingularValueDecomposition_F64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import trlab.core.Activation;
import trlab.core.Network;
import trlab.core.Parameterization;
import trlab.core.Rng;

/** {@link FeatureSpace} on feature matrices built by hand and against EJML's singular value decomposition. */
class FeatureSpaceTest {

    /** Phi (count rows of width, row-major) as hidden features; the slopes are not used here. */
    private static HiddenFeatures features(int count, int width, double[] phi) {
        return new HiddenFeatures(count, width, phi, new double[phi.length]);
    }

    @ParameterizedTest(name = "M={0} N={1}")
    @CsvSource({"10, 6", "4, 6"})
    void identicalNeuronsSpanOneFeature(int m, int n) {
        double[] phi = new double[m * n];
        double sumSq = 0;
        for (int p = 0; p < m; p++) {
            double g = Math.sin(p + 1.0);
            sumSq += g * g;
            for (int i = 0; i < n; i++) {
                phi[p * n + i] = g;
            }
        }

        double[] s2 = FeatureSpace.squaredSingularValues(features(m, n, phi));

        assertThat(s2).hasSize(Math.min(m, n));
        assertThat(s2[0]).isCloseTo(n * sumSq, within(1e-12 * n * sumSq));
        for (int j = 1; j < s2.length; j++) {
            assertThat(s2[j]).isBetween(0.0, 1e-12 * s2[0]);
        }
        // one feature: sigma_1² / (sigma_1² + (tol sigma_1)²) = 1 / (1 + tol²), the rest ~0
        assertThat(FeatureSpace.featureDimension(s2, 1e-3)).isCloseTo(1 / (1 + 1e-6), within(1e-8));
        double[] spectrum = FeatureSpace.spectrum(s2);
        assertThat(spectrum[0]).isEqualTo(1.0);
        for (int j = 1; j < spectrum.length; j++) {
            assertThat(spectrum[j]).isBetween(0.0, 1e-6);
        }
    }

    @Test
    void featureDimensionOfASingleNonzeroValueIsOneOverOnePlusToleranceSquared() {
        assertThat(FeatureSpace.featureDimension(new double[]{7.5, 0, 0, 0}, 1e-3))
                .isCloseTo(1 / (1 + 1e-6), within(1e-12));
        assertThat(FeatureSpace.featureDimension(new double[]{7.5, 0, 0, 0}, 0.5)).isCloseTo(0.8, within(1e-12));
        assertThat(FeatureSpace.spectrum(new double[]{7.5, 0, 0})).containsExactly(1.0, 0.0, 0.0);
    }

    @ParameterizedTest(name = "tol={0}")
    @CsvSource({"1e-3", "0.5"})
    void orthogonalFeaturesOfEqualNormCountOneEachUpToTheTolerance(double tol) {
        // four orthogonal +-1 columns of the 8 x 8 Sylvester-Hadamard matrix (Walsh functions 1, 2, 3, 5)
        int m = 8;
        int[] walsh = {1, 2, 3, 5};
        int n = walsh.length;
        double[] phi = new double[m * n];
        for (int p = 0; p < m; p++) {
            for (int i = 0; i < n; i++) {
                phi[p * n + i] = Integer.bitCount(p & walsh[i]) % 2 == 0 ? 1.0 : -1.0;
            }
        }

        double[] s2 = FeatureSpace.squaredSingularValues(features(m, n, phi));

        assertThat(s2).hasSize(n);
        for (double v : s2) {
            assertThat(v).isCloseTo(8.0, within(1e-12));
        }
        assertThat(FeatureSpace.featureDimension(s2, tol)).isCloseTo(n / (1 + tol * tol), within(1e-12));
        for (double v : FeatureSpace.spectrum(s2)) {
            assertThat(v).isCloseTo(1.0, within(1e-12));
        }
    }

    @Test
    void featureDimensionUsesTheToleranceTimesTheLargestSingularValueAsFloor() {
        // sigma² = 4, 1, 0.01 and tol = 0.1: floor (tol sigma_1)² = 0.04
        double expected = 4 / 4.04 + 1 / 1.04 + 0.01 / 0.05;

        assertThat(FeatureSpace.featureDimension(new double[]{4, 1, 0.01}, 0.1)).isCloseTo(expected, within(1e-12));
        assertThat(FeatureSpace.spectrum(new double[]{4, 1, 0.01})).containsExactly(new double[]{1, 0.5, 0.05},
                within(1e-15));
    }

    @Test
    void oneDominantNeuronGivesOneEffectiveNeuron() {
        assertThat(FeatureSpace.effectiveNeurons(new double[]{1, 1e-6, 1e-6, 1e-6})).isCloseTo(1.0, within(1e-5));
    }

    @Test
    void equalContributionsGiveAllNeuronsEffective() {
        assertThat(FeatureSpace.effectiveNeurons(new double[]{2, 2, 2, 2, 2})).isCloseTo(5.0, within(1e-12));
        assertThat(FeatureSpace.effectiveNeurons(new double[]{1, 2, 3})).isCloseTo(36.0 / 14.0, within(1e-12));
    }

    @ParameterizedTest
    @EnumSource(Parameterization.class)
    void contributionsAreScaleSquaredTimesSummedSquaredOutputWeightsTimesMeanSquaredFeature(Parameterization par) {
        Network net = new Network(1, 3, 2, Activation.TANH, par);
        double[] w = {1.2, -0.7, 2.0};
        double[] b = {0.1, 0.5, -0.3};
        double[][] a = {{0.4, -1.1, 0.25}, {-0.6, 0.3, 0.9}};
        System.arraycopy(w, 0, net.w, 0, 3);
        System.arraycopy(b, 0, net.b, 0, 3);
        for (int k = 0; k < 2; k++) {
            System.arraycopy(a[k], 0, net.a, k * 3, 3);
        }
        net.c[0] = 5; // c takes no part
        double[] x = {-0.8, -0.1, 0.4, 0.9};
        double s2 = par == Parameterization.NTK ? 1.0 / 3.0 : 1.0;
        double[] phi = new double[4 * 3];
        double[] expected = new double[3];
        for (int i = 0; i < 3; i++) {
            double meanSq = 0;
            for (int p = 0; p < 4; p++) {
                double f = Math.tanh(w[i] * x[p] + b[i]);
                phi[p * 3 + i] = f;
                meanSq += f * f / 4;
            }
            expected[i] = s2 * (a[0][i] * a[0][i] + a[1][i] * a[1][i]) * meanSq;
        }

        double[] byHand = FeatureSpace.contributions(net, features(4, 3, phi));
        double[] fromNetwork = FeatureSpace.contributions(net, HiddenFeatures.of(net, x, 4));

        assertThat(byHand).containsExactly(expected, within(1e-14));
        assertThat(fromNetwork).containsExactly(expected, within(1e-14));
    }

    @ParameterizedTest(name = "M={0} N={1}")
    @CsvSource({"7, 4", "4, 9", "12, 12"})
    void squaredSingularValuesMatchEjmlSvd(int m, int n) {
        Rng rng = new Rng(31L * m + n);
        double[] phi = new double[m * n];
        for (int i = 0; i < phi.length; i++) {
            phi[i] = rng.nextGaussian();
        }
        double[] expected = singularValuesDescending(phi, m, n);

        double[] s2 = FeatureSpace.squaredSingularValues(features(m, n, phi));

        assertThat(s2).hasSize(Math.min(m, n));
        double top = expected[0] * expected[0];
        for (int j = 0; j < s2.length; j++) {
            assertThat(s2[j]).as("sigma_%d²", j + 1).isCloseTo(expected[j] * expected[j], within(1e-10 * top));
        }
    }

    @ParameterizedTest(name = "N={0} M={1}")
    @CsvSource({"5, 12", "15, 6", "8, 8"})
    void projectMatchesPcaOfTheNeuronCentredProfiles(int n, int m) {
        Rng rng = new Rng(1000L + 7 * n + m);
        double[] phi = new double[m * n]; // grid point p, neuron i at p*n + i
        for (int i = 0; i < n; i++) {
            double amp = 0.5 + i % 3;
            for (int p = 0; p < m; p++) {
                phi[p * n + i] = amp * rng.nextGaussian() + Math.tanh(p - i);
            }
        }
        // X: N rows of M, neuron profile minus the mean profile over neurons
        DMatrixRMaj x = new DMatrixRMaj(n, m);
        for (int p = 0; p < m; p++) {
            double mean = 0;
            for (int i = 0; i < n; i++) {
                mean += phi[p * n + i] / n;
            }
            for (int i = 0; i < n; i++) {
                x.set(i, p, phi[p * n + i] - mean);
            }
        }
        SingularValueDecomposition_F64<DMatrixRMaj> svd = DecompositionFactory_DDRM.svd(n, m, true, false, true);
        assertThat(svd.decompose(x.copy())).isTrue();
        double[] sv = svd.getSingularValues();
        int rank = svd.numberOfSingularValues();
        DMatrixRMaj u = svd.getU(null, false);
        Integer[] order = new Integer[rank];
        double total = 0;
        for (int j = 0; j < rank; j++) {
            order[j] = j;
            total += sv[j] * sv[j];
        }
        Arrays.sort(order, Comparator.comparingDouble((Integer j) -> -sv[j]));
        double[][] expected = new double[2][n];
        double[] ratios = new double[2];
        for (int c = 0; c < 2; c++) {
            int j = order[c];
            ratios[c] = sv[j] * sv[j] / total;
            int largest = 0;
            for (int i = 0; i < n; i++) {
                expected[c][i] = u.get(i, j) * sv[j];
                if (Math.abs(expected[c][i]) > Math.abs(expected[c][largest])) {
                    largest = i;
                }
            }
            if (expected[c][largest] < 0) {
                for (int i = 0; i < n; i++) {
                    expected[c][i] = -expected[c][i];
                }
            }
        }
        // the two leading components are well separated, or the comparison would depend on roundoff
        assertThat(sv[order[0]] - sv[order[1]]).isGreaterThan(1e-3 * sv[order[0]]);
        assertThat(sv[order[1]] - sv[order[2]]).isGreaterThan(1e-3 * sv[order[0]]);

        FeatureSpace.Projection projection = FeatureSpace.project(features(m, n, phi));

        assertThat(projection.explained()).containsExactly(ratios, within(1e-10));
        assertThat(projection.coordinates()).hasSize(2 * n);
        double scale = sv[order[0]];
        for (int c = 0; c < 2; c++) {
            int largest = 0;
            for (int i = 0; i < n; i++) {
                assertThat(projection.coordinates()[2 * i + c]).as("neuron %d, component %d", i, c)
                        .isCloseTo(expected[c][i], within(1e-9 * scale));
                if (Math.abs(projection.coordinates()[2 * i + c])
                        > Math.abs(projection.coordinates()[2 * largest + c])) {
                    largest = i;
                }
            }
            assertThat(projection.coordinates()[2 * largest + c]).isPositive();
        }
    }

    private static double[] singularValuesDescending(double[] rowMajor, int rows, int cols) {
        SingularValueDecomposition_F64<DMatrixRMaj> svd = DecompositionFactory_DDRM.svd(rows, cols, false, false,
                true);
        assertThat(svd.decompose(new DMatrixRMaj(rows, cols, true, rowMajor))).isTrue();
        double[] sv = Arrays.copyOf(svd.getSingularValues(), svd.numberOfSingularValues());
        Arrays.sort(sv);
        double[] desc = new double[sv.length];
        for (int j = 0; j < sv.length; j++) {
            desc[j] = sv[sv.length - 1 - j];
        }
        return desc;
    }
}
