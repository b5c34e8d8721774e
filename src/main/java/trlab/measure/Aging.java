package trlab.measure;

import java.util.Arrays;

/**
 * The recorded kernel amplitudes a(t) of a run, and the power-law fits over them.
 *
 * <p>The local aging exponent at t fits the recorded samples in [t/10, t] (SCIENCE.md §3); any other window can be
 * fitted the same way.
 */
public final class Aging {
    private double[] times = new double[64];
    private double[] amplitudes = new double[64];
    private int count;

    /** Adds a recorded sample; samples arrive in increasing t. */
    public void add(long t, double amplitude) {
        if (count == times.length) {
            times = Arrays.copyOf(times, 2 * count);
            amplitudes = Arrays.copyOf(amplitudes, 2 * count);
        }
        times[count] = t;
        amplitudes[count] = amplitude;
        count++;
    }

    public Aging copy() {
        Aging c = new Aging();
        c.times = Arrays.copyOf(times, Math.max(count + 1, 64));
        c.amplitudes = Arrays.copyOf(amplitudes, Math.max(count + 1, 64));
        c.count = count;
        return c;
    }

    /** Recorded times, oldest first (a copy). */
    public double[] times() {
        return Arrays.copyOf(times, count);
    }

    /** Recorded amplitudes, in the order of {@link #times()} (a copy). */
    public double[] amplitudes() {
        return Arrays.copyOf(amplitudes, count);
    }

    public int size() {
        return count;
    }

    /** The fit over the recorded samples in [from, to], or null when fewer than three lie there. */
    public PowerLawFit fit(double from, double to) {
        return PowerLawFit.fit(times, amplitudes, count, from, to);
    }

    /** The fit over the last decade before t, [t/10, t]. */
    public PowerLawFit local(long t) {
        return fit(t / 10.0, t);
    }
}
