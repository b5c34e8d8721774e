package trlab.core;

/**
 * Seeded random numbers: xoshiro256** seeded through SplitMix64, with Gaussians by the polar method.
 *
 * <p>Written out here rather than taken from the JDK so that the numbers a seed gives never change with the
 * Java version. {@link #derive} builds an independent stream from (seed, stream, index) so that the trainer
 * can re-create the randomness of any step from the step number alone: a run resumed from a state file
 * then continues bit for bit.
 */
public final class Rng {
    private long s0, s1, s2, s3;
    private double spareGaussian;
    private boolean hasSpare;

    public Rng(long seed) {
        reseed(seed);
    }

    /** A generator whose stream depends only on the three numbers. */
    public static Rng derive(long seed, long stream, long index) {
        return new Rng(mix(mix(seed) ^ stream * 0x9E3779B97F4A7C15L) ^ index * 0xC2B2AE3D27D4EB4FL);
    }

    /** Restarts this generator as {@code derive(seed, stream, index)} without allocating. */
    public void reseed(long seed, long stream, long index) {
        reseed(mix(mix(seed) ^ stream * 0x9E3779B97F4A7C15L) ^ index * 0xC2B2AE3D27D4EB4FL);
    }

    public void reseed(long seed) {
        long x = seed;
        s0 = mix(x += 0x9E3779B97F4A7C15L);
        s1 = mix(x += 0x9E3779B97F4A7C15L);
        s2 = mix(x += 0x9E3779B97F4A7C15L);
        s3 = mix(x + 0x9E3779B97F4A7C15L);
        hasSpare = false;
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    public long nextLong() {
        long result = Long.rotateLeft(s1 * 5, 7) * 9;
        long t = s1 << 17;
        s2 ^= s0;
        s3 ^= s1;
        s1 ^= s2;
        s0 ^= s3;
        s2 ^= t;
        s3 = Long.rotateLeft(s3, 45);
        return result;
    }

    /** Uniform on [0, 1) with 53 random bits. */
    public double nextDouble() {
        return (nextLong() >>> 11) * 0x1.0p-53;
    }

    /** Uniform on [lo, hi). */
    public double uniform(double lo, double hi) {
        return lo + (hi - lo) * nextDouble();
    }

    /** Uniform integer in [0, bound), without modulo bias. */
    public int nextInt(int bound) {
        if (bound <= 0) {
            throw new IllegalArgumentException("bound must be positive: " + bound);
        }
        // Lemire's multiply-and-reject on 32 random bits: exact and without division in the common case
        long threshold = (0x1_0000_0000L - bound) % bound;
        while (true) {
            long m = (nextLong() >>> 32) * bound;
            if ((m & 0xFFFF_FFFFL) >= threshold) {
                return (int) (m >>> 32);
            }
        }
    }

    /** Standard normal N(0, 1). */
    public double nextGaussian() {
        if (hasSpare) {
            hasSpare = false;
            return spareGaussian;
        }
        double u, v, q;
        do {
            u = 2 * nextDouble() - 1;
            v = 2 * nextDouble() - 1;
            q = u * u + v * v;
        } while (q >= 1 || q == 0);
        double factor = Math.sqrt(-2 * Math.log(q) / q);
        spareGaussian = v * factor;
        hasSpare = true;
        return u * factor;
    }

    /** Fills {@code order} with a uniformly random permutation of 0..n-1 (Fisher–Yates). */
    public void permutation(int[] order) {
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        for (int i = order.length - 1; i > 0; i--) {
            int j = nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
    }
}
