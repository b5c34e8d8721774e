package trlab.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Statistical checks use fixed seeds, so they are deterministic; bounds are 5 standard errors. */
class RngTest {
    private static final int DRAWS = 1_000_000;

    @Test
    void sameSeedGivesIdenticalSequences() {
        Rng a = new Rng(12345);
        Rng b = new Rng(12345);
        for (int i = 0; i < 1000; i++) {
            assertThat(a.nextLong()).isEqualTo(b.nextLong());
            assertThat(a.nextDouble()).isEqualTo(b.nextDouble());
            assertThat(a.nextGaussian()).isEqualTo(b.nextGaussian());
            assertThat(a.nextInt(17)).isEqualTo(b.nextInt(17));
        }
    }

    @Test
    void differentSeedsGiveDifferentSequences() {
        long[] seeds = {0, 1, 2, -1, 12345, 12346};
        long[][] firsts = new long[seeds.length][];
        for (int s = 0; s < seeds.length; s++) {
            Rng r = new Rng(seeds[s]);
            firsts[s] = new long[]{r.nextLong(), r.nextLong(), r.nextLong()};
        }
        for (int s = 0; s < seeds.length; s++) {
            for (int t = s + 1; t < seeds.length; t++) {
                assertThat(firsts[s]).as("seeds %d and %d", seeds[s], seeds[t]).isNotEqualTo(firsts[t]);
            }
        }
    }

    @Test
    void deriveEqualsAGeneratorReseededWithTheSameThreeNumbers() {
        Rng reused = new Rng(999);
        reused.nextGaussian(); // leaves a spare Gaussian that reseeding must discard
        for (long index : new long[]{0, 1, 137, Long.MAX_VALUE}) {
            reused.reseed(42, 2, index);
            Rng derived = Rng.derive(42, 2, index);
            for (int i = 0; i < 100; i++) {
                assertThat(reused.nextGaussian()).isEqualTo(derived.nextGaussian());
                assertThat(reused.nextLong()).isEqualTo(derived.nextLong());
            }
            reused.nextGaussian();
        }
    }

    @Test
    void reseedWithOneSeedRestartsLikeAFreshGenerator() {
        Rng reused = new Rng(1);
        reused.nextGaussian();
        reused.reseed(77);
        Rng fresh = new Rng(77);
        for (int i = 0; i < 100; i++) {
            assertThat(reused.nextGaussian()).isEqualTo(fresh.nextGaussian());
        }
    }

    @Test
    void derivedStreamsDifferInSeedStreamAndIndex() {
        long base = Rng.derive(42, 1, 5).nextLong();
        assertThat(Rng.derive(43, 1, 5).nextLong()).isNotEqualTo(base);
        assertThat(Rng.derive(42, 2, 5).nextLong()).isNotEqualTo(base);
        assertThat(Rng.derive(42, 1, 6).nextLong()).isNotEqualTo(base);
        assertThat(Rng.derive(42, 1, 5).nextLong()).isEqualTo(base);
    }

    @Test
    void nextDoubleIsUniformOnZeroOne() {
        Rng r = new Rng(2024);
        double sum = 0;
        double sumSq = 0;
        for (int i = 0; i < DRAWS; i++) {
            double u = r.nextDouble();
            assertThat(u).isGreaterThanOrEqualTo(0.0).isLessThan(1.0);
            sum += u;
            sumSq += u * u;
        }
        double mean = sum / DRAWS;
        double var = sumSq / DRAWS - mean * mean;
        assertThat(Math.abs(mean - 0.5)).isLessThan(5 * Math.sqrt(1.0 / 12 / DRAWS));
        // Var(U^2) = 1/5 - 1/9 = 4/45 bounds the error of the second moment
        assertThat(Math.abs(var - 1.0 / 12)).isLessThan(5 * Math.sqrt(4.0 / 45 / DRAWS));
    }

    @Test
    void uniformCoversTheRequestedInterval() {
        Rng r = new Rng(5);
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < 100_000; i++) {
            double u = r.uniform(-1, 3);
            assertThat(u).isGreaterThanOrEqualTo(-1.0).isLessThan(3.0);
            min = Math.min(min, u);
            max = Math.max(max, u);
        }
        assertThat(min).isLessThan(-0.999);
        assertThat(max).isGreaterThan(2.999);
    }

    @Test
    void nextGaussianIsStandardNormal() {
        Rng r = new Rng(77);
        double sum = 0;
        double sumSq = 0;
        int withinOne = 0;
        for (int i = 0; i < DRAWS; i++) {
            double g = r.nextGaussian();
            sum += g;
            sumSq += g * g;
            if (Math.abs(g) < 1) {
                withinOne++;
            }
        }
        double mean = sum / DRAWS;
        double var = sumSq / DRAWS - mean * mean;
        assertThat(Math.abs(mean)).isLessThan(5 / Math.sqrt(DRAWS));
        assertThat(Math.abs(var - 1)).isLessThan(5 * Math.sqrt(2.0 / DRAWS));
        double p = 0.6826894921370859; // P(|Z| < 1) = erf(1/sqrt 2)
        assertThat(Math.abs((double) withinOne / DRAWS - p)).isLessThan(5 * Math.sqrt(p * (1 - p) / DRAWS));
    }

    @Test
    void consecutiveGaussiansAreUncorrelated() {
        // the polar method hands out pairs: the two members of a pair must be independent
        Rng r = new Rng(8);
        int n = 200_000;
        double sum = 0;
        double prev = r.nextGaussian();
        for (int i = 0; i < n; i++) {
            double g = r.nextGaussian();
            sum += prev * g;
            prev = g;
        }
        assertThat(Math.abs(sum / n)).isLessThan(5 / Math.sqrt(n));
    }

    @Test
    void nextIntSevenIsUniformAndInRange() {
        Rng r = new Rng(31);
        int[] counts = new int[7];
        int n = 700_000;
        for (int i = 0; i < n; i++) {
            int v = r.nextInt(7);
            assertThat(v).isBetween(0, 6);
            counts[v]++;
        }
        double expected = n / 7.0;
        double chi2 = 0;
        for (int c : counts) {
            chi2 += (c - expected) * (c - expected) / expected;
        }
        // 6 degrees of freedom: P(chi2 > 40) < 3e-7
        assertThat(chi2).isLessThan(40);
    }

    @Test
    void nextIntOfOneIsAlwaysZero() {
        Rng r = new Rng(3);
        for (int i = 0; i < 1000; i++) {
            assertThat(r.nextInt(1)).isZero();
        }
    }

    @Test
    void nextIntWithLargeBoundsStaysBelowTheBoundAndIsCentred() {
        for (int bound : new int[]{1_000_000_007, Integer.MAX_VALUE}) {
            Rng r = new Rng(bound);
            double sum = 0;
            int n = 200_000;
            for (int i = 0; i < n; i++) {
                int v = r.nextInt(bound);
                assertThat(v).isGreaterThanOrEqualTo(0).isLessThan(bound);
                sum += v;
            }
            double mean = sum / n;
            assertThat(Math.abs(mean - (bound - 1) / 2.0)).isLessThan(5 * bound / Math.sqrt(12.0 * n));
        }
    }

    @Test
    void nextIntHasNoModuloBias() {
        // with bound = 1.5 * 2^30, 32 random bits reduced modulo the bound would put 3/4 of the draws below 2^30
        int bound = 3 << 29;
        Rng r = new Rng(17);
        int n = 400_000;
        int below = 0;
        for (int i = 0; i < n; i++) {
            if (r.nextInt(bound) < 1 << 30) {
                below++;
            }
        }
        double p = 2.0 / 3.0;
        assertThat(Math.abs((double) below / n - p)).isLessThan(5 * Math.sqrt(p * (1 - p) / n));
    }

    @Test
    void nextIntRejectsNonPositiveBounds() {
        Rng r = new Rng(1);
        assertThatThrownBy(() -> r.nextInt(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> r.nextInt(-5)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void permutationIsAPermutation() {
        Rng r = new Rng(4);
        for (int n : new int[]{0, 1, 2, 10, 257}) {
            int[] order = new int[n];
            Arrays.fill(order, -7);
            r.permutation(order);
            int[] sorted = order.clone();
            Arrays.sort(sorted);
            for (int i = 0; i < n; i++) {
                assertThat(sorted[i]).isEqualTo(i);
            }
        }
    }

    @Test
    void permutationsOfThreeAreEquallyLikely() {
        Rng r = new Rng(6);
        Map<String, Integer> counts = new HashMap<>();
        int n = 60_000;
        int[] order = new int[3];
        for (int i = 0; i < n; i++) {
            r.permutation(order);
            counts.merge(Arrays.toString(order), 1, Integer::sum);
        }
        assertThat(counts).hasSize(6);
        double expected = n / 6.0;
        double chi2 = 0;
        for (int c : counts.values()) {
            chi2 += (c - expected) * (c - expected) / expected;
        }
        // 5 degrees of freedom: P(chi2 > 40) < 2e-7
        assertThat(chi2).isLessThan(40);
    }
}
