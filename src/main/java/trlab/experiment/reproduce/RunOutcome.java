package trlab.experiment.reproduce;

import trlab.core.Task;
import trlab.experiment.RunRecord;
import trlab.experiment.config.ExperimentConfig;
import trlab.measure.PowerLawFit;
import trlab.measure.Series;

/**
 * A finished run as the claims read it: its spec, config, task, record and aging fit.
 *
 * <p>"Late" values average the recorded samples of the second half of the run in time, t in [T/2, T] (about six
 * samples at 20 per decade): one rule for every run, so that a single noisy last sample of an SGD run does not
 * decide a claim.
 *
 * @param divergedAt the step at which the run diverged, or -1
 * @param seconds    wall time of the training and measuring (not of writing files)
 */
public record RunOutcome(RunSpec spec, ExperimentConfig config, Task task, RunRecord record, PowerLawFit agingFit,
                         long divergedAt, double seconds) {

    public boolean diverged() {
        return divergedAt >= 0;
    }

    public double[] series(Series s) {
        return record.series(s);
    }

    /** The last recorded step T. */
    public long lastStep() {
        double[] steps = record.series(Series.STEP);
        return steps.length == 0 ? 0 : (long) steps[steps.length - 1];
    }

    /** The first finite value of a series (its value at the start of the run), or NaN. */
    public double first(Series s) {
        for (double v : series(s)) {
            if (Double.isFinite(v)) {
                return v;
            }
        }
        return Double.NaN;
    }

    /** The last finite value, or NaN. */
    public double last(Series s) {
        return record.last(s);
    }

    /** The mean of the finite values recorded at t >= T/2, or NaN. */
    public double late(Series s) {
        return record.lateMean(s);
    }

    /** The late mean of a series computed from this run's series (one value per recorded sample). */
    public double lateMean(double[] values) {
        return record.lateMean(values);
    }

    /** The largest finite value over the whole run, or NaN. */
    public double max(Series s) {
        double m = Double.NaN;
        for (double v : series(s)) {
            if (Double.isFinite(v) && !(v <= m)) {
                m = v;
            }
        }
        return m;
    }
}
