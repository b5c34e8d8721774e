package trlab.app.chart;

import static org.assertj.core.api.Assertions.assertThat;

import io.fair_acc.chartfx.axes.Axis;
import javafx.collections.ListChangeListener;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import trlab.experiment.Comparison;
import trlab.experiment.config.ExperimentConfig;
import trlab.experiment.config.Presets;

import javax.management.ObjectName;
import java.lang.management.ManagementFactory;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A change of runs (one run, a comparison, a 2-D task, back) leaves nothing behind: the charts' axis lists stay as
 * they were built (ChartFX's axis editor makes new popups on every change of them), and after hundreds of changes
 * the live popups, legend entries, buttons and nodes are as many as after the first few.
 */
@ExtendWith(ApplicationExtension.class)
class RunChangeLeakTest {
    private static final ExperimentConfig SGD = Presets.builtinDefault();
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    /** The inputs a lesson switches between: a lone run, SGD vs full batch, three runs, a planar task. */
    private static List<ChartInput> inputs() {
        return List.of(ChartTests.shortRun(SGD, 40, -1),
                ChartTests.comparison(List.of(SGD, SGD.withOverrides(Comparison.FULL_BATCH_TWIN)), 40),
                ChartTests.comparison(List.of(SGD, SGD.withOverrides(Comparison.FULL_BATCH_TWIN),
                        SGD.with("training.learningRate=0.01")), 40),
                ChartTests.shortRun(ExperimentConfig.defaults().with("task.kind=circle")
                        .with("measure.gridPoints=11"), 40, -1));
    }

    private void showAll(Dashboard dashboard, List<ChartInput> inputs, int rounds) throws Exception {
        for (int r = 0; r < rounds; r++) {
            for (ChartInput in : inputs) {
                ChartTests.fx(() -> dashboard.update(in, true, Integer.MAX_VALUE));
                WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> ChartTests.fx(() -> dashboard.charts().stream()
                        .allMatch(c -> c.chart().getBitState().isClean())));
            }
        }
    }

    @Test
    void changingRunsTwoHundredTimesKeepsNoChartControlsAlive() throws Exception {
        List<ChartInput> inputs = inputs();
        Dashboard dashboard = ChartTests.fx(() -> {
            Dashboard d = new Dashboard();
            Scene scene = new Scene(d, 1600, 900);
            scene.getStylesheets().add(ChartPane.STYLESHEET);
            stage.setScene(scene);
            stage.show();
            return d;
        });
        AtomicInteger axisChanges = new AtomicInteger();
        ChartTests.fx(() -> {
            for (ChartPane c : dashboard.charts()) {
                c.chart().getAxes().addListener((ListChangeListener<Axis>) change -> axisChanges.incrementAndGet());
            }
            return null;
        });

        showAll(dashboard, inputs, 1);
        // each change of an axis list would double the axis editor's listeners: checked first, before they explode
        assertThat(axisChanges.get()).as("changes of the charts' axis lists").isZero();
        showAll(dashboard, inputs, 1);
        Map<String, Long> before = liveObjects();
        int nodesBefore = ChartTests.fx(() -> nodes(dashboard));
        long heapBefore = liveHeap();

        showAll(dashboard, inputs, 50); // 200 changes of runs
        Map<String, Long> after = liveObjects();
        int nodesAfter = ChartTests.fx(() -> nodes(dashboard));
        long heapAfter = liveHeap();
        System.out.printf("live heap after a full GC: %.1f MB after 8 changes of runs, %.1f MB after 208%n",
                heapBefore / 1e6, heapAfter / 1e6);

        assertThat(axisChanges.get()).isZero();
        assertThat(nodesAfter).as("nodes in the dashboard").isEqualTo(nodesBefore);
        for (String type : TYPES) {
            assertThat(after.getOrDefault(type, 0L)).as("live %s", type)
                    .isLessThanOrEqualTo(before.getOrDefault(type, 0L) + 2);
        }
    }

    private static final String POPUP = "io.fair_acc.chartfx.plugins.EditAxis$MyPopOver";
    /**
     * The axis editor's popup and its controls. (Legend entries are left out: JavaFX's caches hold old ones through
     * soft references, which the histogram counts as live, until memory runs short.)
     */
    private static final List<String> TYPES = List.of(POPUP, "javafx.scene.control.Button",
            "javafx.scene.control.TextField", "javafx.scene.control.CheckBox");

    private static int nodes(Node n) {
        int count = 1;
        if (n instanceof Parent p) {
            for (Node child : p.getChildrenUnmodifiable()) {
                count += nodes(child);
            }
        }
        return count;
    }

    /** Live instances per class, from the JVM's class histogram (which runs a full GC first). */
    private static Map<String, Long> liveObjects() throws Exception {
        String histogram = (String) ManagementFactory.getPlatformMBeanServer().invoke(
                new ObjectName("com.sun.management:type=DiagnosticCommand"), "gcClassHistogram",
                new Object[]{new String[0]}, new String[]{String[].class.getName()});
        Map<String, Long> counts = new HashMap<>();
        for (String line : histogram.split("\n")) {
            String[] f = line.trim().split("\\s+");
            // "  12:   345   6789  some.Class (module)"
            if (f.length >= 4 && f[0].endsWith(":")) {
                counts.put(f[3], Long.parseLong(f[1]));
            }
        }
        return counts;
    }

    private static long liveHeap() {
        System.gc();
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
