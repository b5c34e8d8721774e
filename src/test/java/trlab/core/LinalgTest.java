package trlab.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** The shared kernels: dot4 is four dots bit for bit, madd is one kind of multiply-add throughout a run. */
class LinalgTest {
    @Test
    void dot4IsFourDotsBitForBitAtEveryLengthAndOffset() {
        Random random = new Random(11);
        for (int n = 0; n <= 37; n++) {
            double[] a = new double[n + 3];
            double[] b = new double[4 * n + 9];
            for (int i = 0; i < a.length; i++) {
                a[i] = random.nextGaussian() * Math.exp(8 * random.nextGaussian());
            }
            for (int i = 0; i < b.length; i++) {
                b[i] = random.nextGaussian() * Math.exp(8 * random.nextGaussian());
            }
            int[] offsets = {2, n + 5, 2 * n + 7, 3 * n + 9};
            double[] out = new double[4];
            Linalg.dot4(a, 3, b, offsets[0], offsets[1], offsets[2], offsets[3], n, out);
            for (int q = 0; q < 4; q++) {
                assertThat(Double.doubleToRawLongBits(out[q])).as("n = %d, row %d", n, q)
                        .isEqualTo(Double.doubleToRawLongBits(Linalg.dot(a, 3, b, offsets[q], n)));
            }
        }
    }

    @Test
    void maddIsFusedExactlyWhenTheJvmUsesFma() {
        // 1 + 2^-30 squared: the plain product rounds away the 2^-60 that the fused one keeps
        double x = 1 + 0x1p-30;
        double plain = x * x - 1;
        double fused = Math.fma(x, x, -1);
        assertThat(fused).isNotEqualTo(plain);
        assertThat(Linalg.madd(x, x, -1)).isEqualTo(Linalg.FUSED ? fused : plain);
    }
}
