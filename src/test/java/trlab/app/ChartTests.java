package trlab.app;

import io.fair_acc.dataset.DataSet;
import org.testfx.util.WaitForAsyncUtils;
import trlab.experiment.Experiment;
import trlab.experiment.ExperimentConfig;
import trlab.measure.Snapshot;

import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

/** What the chart tests share: inputs from real short runs, the FX thread, and a data set's values. */
final class ChartTests {
    private ChartTests() {
    }

    /**
     * A chart input from a short run of a width-20 network: its first snapshot, then one after {@code steps} steps
     * that follows training sample {@code focus} (none when negative).
     */
    static ChartInput shortRun(ExperimentConfig config, long steps, int focus) {
        Experiment e = Experiment.start(config.with("network.width=20"));
        Snapshot first = e.liveSnapshot();
        e.advance(steps);
        if (focus >= 0) {
            e.measurer().setFocus(focus);
        }
        Snapshot latest = e.liveSnapshot();
        return new ChartInput(e.task(), ChartInput.ofRecord(e.task(), e.record()).rows(), first, latest);
    }

    /** Runs an action on the FX thread and waits for its result. */
    static <T> T fx(Callable<T> action) throws Exception {
        return WaitForAsyncUtils.asyncFx(action).get(30, TimeUnit.SECONDS);
    }

    /** One dimension (DataSet.DIM_X, DIM_Y) of a data set's points, read under its lock. */
    static double[] values(DataSet ds, int dim) {
        return ds.lock().readLockGuard(() -> {
            double[] v = new double[ds.getDataCount()];
            for (int i = 0; i < v.length; i++) {
                v[i] = ds.get(dim, i);
            }
            return v;
        });
    }
}
