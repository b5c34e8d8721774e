package trlab.app.chart;

import io.fair_acc.dataset.DataSet;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.testfx.util.WaitForAsyncUtils;
import trlab.core.Task;
import trlab.experiment.Comparison;
import trlab.experiment.Experiment;
import trlab.experiment.config.ExperimentConfig;
import trlab.measure.Snapshot;

import java.util.ArrayList;
import java.util.List;
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

    /** A comparison of short runs of these configs (as {@link #shortRun}), labelled by what differs; arm 0 selected. */
    static ChartInput comparison(List<ExperimentConfig> configs, long steps) {
        List<String> labels = Comparison.labels(configs);
        List<ChartInput.Arm> arms = new ArrayList<>();
        Task task = null;
        for (int a = 0; a < configs.size(); a++) {
            ChartInput run = shortRun(configs.get(a), steps, -1);
            task = task == null ? run.task() : task;
            arms.add(new ChartInput.Arm(labels.get(a), a, run.rows(), run.first(), run.latest()));
        }
        return new ChartInput(task, arms, 0);
    }

    /**
     * A dashboard drawn from {@code in}, alone in a window of this size (as beside the window's controls), once
     * every chart has drawn.
     */
    static Dashboard showDashboard(Stage stage, ChartInput in, double width, double height, boolean presentation)
            throws Exception {
        Dashboard dashboard = fx(() -> {
            Dashboard d = new Dashboard();
            d.setPresentation(presentation);
            // filled first: once in a shown scene, a layout read-locks the data sets until the pulse's end
            d.update(in, true, Integer.MAX_VALUE);
            Scene scene = new Scene(d, width, height);
            scene.getStylesheets().add(ChartPane.STYLESHEET);
            stage.setScene(scene);
            stage.show();
            return d;
        });
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> fx(() -> dashboard.charts().stream()
                .allMatch(c -> c.chart().getBitState().isClean() && c.getWidth() > 0)));
        WaitForAsyncUtils.waitForFxEvents();
        return dashboard;
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
