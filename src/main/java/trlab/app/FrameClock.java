package trlab.app;

import java.util.Arrays;

/** Remembers the intervals between animation pulses, to report frame rate and stutter. */
public final class FrameClock {
    /**
     * Intervals kept at most (about 18 minutes at 60 frames per second): a window open for a whole day would
     * otherwise keep every frame it drew; past this, the older half is forgotten.
     */
    private static final int MAX_INTERVALS = 1 << 16;
    private long last;
    private long[] intervals = new long[1024];
    private int count;

    void tick(long nanos) {
        if (last != 0) {
            if (count == MAX_INTERVALS) {
                System.arraycopy(intervals, count / 2, intervals, 0, count - count / 2);
                count -= count / 2;
            } else if (count == intervals.length) {
                intervals = Arrays.copyOf(intervals, 2 * count);
            }
            intervals[count++] = nanos - last;
        }
        last = nanos;
    }

    /** Forgets what was seen, e.g. after a warm-up. */
    public void restart() {
        count = 0;
        last = 0;
    }

    public int frames() {
        return count;
    }

    /** Frames per second over the intervals seen. */
    public double framesPerSecond() {
        long total = 0;
        for (int i = 0; i < count; i++) {
            total += intervals[i];
        }
        return total == 0 ? 0 : count / (total / 1e9);
    }

    /** The q-quantile of the pulse interval, in milliseconds. */
    public double intervalMillis(double q) {
        if (count == 0) {
            return Double.NaN;
        }
        long[] sorted = Arrays.copyOf(intervals, count);
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(q * count) - 1; // nearest-rank quantile
        return sorted[Math.max(0, Math.min(count - 1, rank))] / 1e6;
    }
}
