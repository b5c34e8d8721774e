package trlab.experiment;

import trlab.experiment.config.ExperimentConfig;

import java.util.ArrayList;
import java.util.List;

/**
 * The recording schedule of SCIENCE.md §3: the start step t0, then every log-spaced step
 * round(10^(j / samplesPerDecade)), j = 0, 1, 2, ..., that lies strictly between t0 and t1 (each once, ascending),
 * then always the end step t1.
 *
 * <p>The steps are generated on demand ({@link #next(long)}), never stored, so a schedule up to 10^12 steps costs
 * nothing. The powers use {@link StrictMath#pow} so every machine records the same steps.
 */
public final class Schedule {

    /** What {@link #next(long)} returns after the end step: later than any step. */
    public static final long NONE = Long.MAX_VALUE;

    private final long start;
    private final long end;
    private final int samplesPerDecade;

    /**
     * @param start            t0 >= 0, the first recorded step (where the run starts)
     * @param end              t1 >= t0, the last recorded step
     * @param samplesPerDecade log-spaced steps per factor of ten, >= 1
     */
    public Schedule(long start, long end, int samplesPerDecade) {
        if (start < 0 || end < start || samplesPerDecade < 1) {
            throw new IllegalArgumentException("a schedule needs 0 <= start <= end and samplesPerDecade >= 1, not start "
                    + start + ", end " + end + ", samplesPerDecade " + samplesPerDecade);
        }
        this.start = start;
        this.end = end;
        this.samplesPerDecade = samplesPerDecade;
    }

    /** The schedule of a run that starts at {@code start} and takes {@code training.steps} steps. */
    public static Schedule forRun(ExperimentConfig config, long start) {
        return new Schedule(start, start + config.training().steps(), config.measure().samplesPerDecade());
    }

    public long start() {
        return start;
    }

    public long end() {
        return end;
    }

    public int samplesPerDecade() {
        return samplesPerDecade;
    }

    /** The first recording step, t0. */
    public long first() {
        return start;
    }

    /** The first recording step after {@code afterStep}, or {@link #NONE} when {@code afterStep >= t1}. */
    public long next(long afterStep) {
        if (afterStep < start) {
            return start;
        }
        if (afterStep >= end) {
            return NONE;
        }
        long logStep = nextLogStep(afterStep);
        return logStep < end ? logStep : end;
    }

    /** Whether the step is recorded. */
    public boolean isRecordingStep(long step) {
        return step >= start && step <= end && next(step - 1) == step;
    }

    /** How many steps are recorded. */
    public int size() {
        int n = 0;
        for (long s = first(); s != NONE; s = next(s)) {
            n++;
        }
        return n;
    }

    /** All recording steps, ascending (at most about 12 * samplesPerDecade + 2 of them). */
    public List<Long> steps() {
        List<Long> out = new ArrayList<>();
        for (long s = first(); s != NONE; s = next(s)) {
            out.add(s);
        }
        return out;
    }

    /** round(10^(j / samplesPerDecade)). */
    static long logStep(long j, int samplesPerDecade) {
        return Math.round(StrictMath.pow(10.0, j / (double) samplesPerDecade));
    }

    /** The smallest log-spaced step greater than {@code step}. */
    private long nextLogStep(long step) {
        long j = 0;
        if (step >= 1) {
            // a j whose step is surely <= step: 10^(j/spd) <= step * 10^(-2/spd) < step
            j = Math.max(0, (long) Math.floor(samplesPerDecade * Math.log10(step)) - 2);
        }
        long v = logStep(j, samplesPerDecade);
        while (v <= step) {
            j++;
            v = logStep(j, samplesPerDecade);
        }
        return v;
    }

    @Override
    public String toString() {
        return "Schedule[" + start + ".." + end + ", " + samplesPerDecade + " per decade]";
    }
}
