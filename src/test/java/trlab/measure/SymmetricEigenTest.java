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
}
