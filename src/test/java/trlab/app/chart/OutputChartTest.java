package trlab.app.chart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.fair_acc.chartfx.renderer.spi.ContourDataSetRenderer;
import io.fair_acc.dataset.DataSet;
import io.fair_acc.dataset.spi.DoubleDataSet;
import io.fair_acc.dataset.spi.DoubleGridDataSet;
import javafx.geometry.Point2D;
import javafx.scene.Scene;
import javafx.scene.input.MouseButton;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import trlab.core.Task;
import trlab.experiment.config.ExperimentConfig;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** What a user sees in the network-output chart, from real short runs (headless under Monocle). */
@ExtendWith(ApplicationExtension.class)
class OutputChartTest {
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    /** A chart input from a short run; focus >= 0 makes the snapshot follow that training sample. */
    static ChartInput run(ExperimentConfig config, long steps, int focus) {
        return ChartTests.shortRun(config, steps, focus);
    }

    static ChartInput sine() {
        return run(ExperimentConfig.defaults(), 200, -1);
    }

    static ChartInput circle() {
        return run(ExperimentConfig.defaults().with("task.kind=circle").with("measure.gridPoints=11"), 200, -1);
    }

    private static OutputChart chart(ChartInput... inputs) throws Exception {
        return ChartTests.fx(() -> {
            OutputChart c = new OutputChart();
            for (ChartInput in : inputs) {
                c.update(in);
            }
            return c;
        });
    }

    private static double[] ys(DataSet ds) {
        return ChartTests.values(ds, DataSet.DIM_Y);
    }

    private static double[] xs(DataSet ds) {
        return ChartTests.values(ds, DataSet.DIM_X);
    }

    private static List<DataSet> shown(OutputChart c) throws Exception {
        return ChartTests.fx(c::dataSets);
    }

    @Test
    void nothingIsDrawnBeforeTheFirstSnapshot() throws Exception {
        ChartInput in = sine();
        ChartInput empty = new ChartInput(in.task(), List.of(), null, null);
        OutputChart c = chart(empty);
        assertThat(shown(c)).isEmpty();
        assertThat(c.fileName()).isEqualTo("output");
        // a new run before its first snapshot clears the old run's drawing
        ChartInput plane = circle();
        OutputChart d = chart(plane, new ChartInput(plane.task(), List.of(), null, null));
        assertThat(shown(d)).isEmpty();
        ChartTests.fx(() -> {
            d.update(in);
            return null;
        });
        assertThat(shown(d)).contains(d.trainingData());
    }

    @Test
    void sineShowsTheOutputOverTheProbeGridTheTargetAndTheData() throws Exception {
        ChartInput in = sine();
        Task task = in.task();
        OutputChart c = chart(in);
        int m = task.probeCount();
        List<DoubleDataSet> lines = c.outputLines();
        assertThat(lines).hasSize(1);
        DoubleDataSet f = lines.get(0);
        assertThat(f.getName()).isEqualTo("f(x)");
        assertThat(f.getDataCount()).isEqualTo(m);
        assertThat(xs(f)).containsExactly(task.probe(), within(0.0));
        assertThat(ys(f)).containsExactly(in.latest().curves().output(), within(0.0));

        DoubleDataSet data = c.trainingData();
        int p = task.train().size();
        assertThat(data.getDataCount()).isEqualTo(p);
        assertThat(xs(data)).containsExactly(task.train().x(), within(0.0));
        assertThat(ys(data)).containsExactly(task.train().y(), within(0.0));

        assertThat(ys(c.targetLine(0))).containsExactly(task.probeTarget(), within(0.0));
        assertThat(shown(c)).contains(f, data, c.targetLine(0)).doesNotContain(c.focusPoint(), c.heatMap().grid());
        assertThat(c.chart().getXAxis().getName()).isEqualTo("input x");
        assertThat(c.chart().getYAxis().getName()).isEqualTo("output f(x)");
    }

    @Test
    void theSelectedSampleIsMarkedAtItsDataPoint() throws Exception {
        ChartInput in = run(ExperimentConfig.defaults(), 200, 5);
        OutputChart c = chart(in);
        assertThat(shown(c)).contains(c.focusPoint());
        assertThat(xs(c.focusPoint())).containsExactly(in.task().train().x(5, 0));
        assertThat(ys(c.focusPoint())).containsExactly(in.task().train().y(5, 0));
    }

    @Test
    void encodingDrawsOneLinePerOutputAndEachSampleInItsClassColour() throws Exception {
        ChartInput in = run(ExperimentConfig.defaults().with("task.kind=encoding").with("training.loss=mse"), 200, -1);
        Task task = in.task();
        int k = task.outputs();
        assertThat(k).isGreaterThan(1);
        OutputChart c = chart(in);
        List<DoubleDataSet> lines = c.outputLines();
        assertThat(lines).hasSize(k);
        int m = task.probeCount();
        double[] output = in.latest().curves().output();
        for (int j = 0; j < k; j++) {
            assertThat(lines.get(j).getName()).isEqualTo("output " + (j + 1));
            double[] y = ys(lines.get(j));
            assertThat(y).hasSize(m);
            for (int i = 0; i < m; i++) {
                assertThat(y[i]).isEqualTo(output[i * k + j]);
            }
            assertThat(lines.get(j).getStyleClasses()).contains("output-" + j);
        }
        // every sample once, at height 1 on its class's output
        int points = 0;
        for (DataSet ds : shown(c)) {
            if (ds.getStyleClasses().contains("class-points")) {
                points += ds.getDataCount();
                assertThat(ys(ds)).containsOnly(1.0);
            }
        }
        assertThat(points).isEqualTo(task.train().size());
    }

    @Test
    void circleShowsAHeatMapOfTheOutputWithTheLabelsOnTop() throws Exception {
        ChartInput in = circle();
        Task task = in.task();
        int g = task.gridSide();
        assertThat(g).isEqualTo(11);
        OutputChart c = chart(in);
        DoubleGridDataSet grid = c.heatMap().grid();
        assertThat(shown(c)).contains(grid, c.positive(), c.negative());
        assertThat(c.chart().getRenderers()).anyMatch(r -> r instanceof ContourDataSetRenderer);
        assertThat(grid.getShape()).containsExactly(g, g);
        double[] output = in.latest().curves().output();
        for (int iy = 0; iy < g; iy++) {
            assertThat(grid.getGrid(1, iy)).isEqualTo(task.probe()[(iy * g) * 2 + 1]);
            for (int ix = 0; ix < g; ix++) {
                assertThat(grid.getGrid(0, ix)).isEqualTo(task.probe()[ix * 2]);
                assertThat(grid.get(DataSet.DIM_Z, iy * g + ix)).isEqualTo(output[iy * g + ix]);
            }
        }
        assertThat(c.positive().getDataCount()).isPositive();
        assertThat(c.negative().getDataCount()).isPositive();
        assertThat(c.positive().getDataCount() + c.negative().getDataCount()).isEqualTo(task.train().size());
        for (int i = 0; i < c.positive().getDataCount(); i++) {
            assertThat(label(task, xs(c.positive())[i], ys(c.positive())[i])).isPositive();
        }
        for (int i = 0; i < c.negative().getDataCount(); i++) {
            assertThat(label(task, xs(c.negative())[i], ys(c.negative())[i])).isNegative();
        }
        // a diverging scale centred on 0, on a z axis with its colour bar
        assertThat(c.heatMap().zAxis().getMin()).isEqualTo(-c.heatMap().zAxis().getMax());
        showAndRender(c);
        assertThat(c.showsAxis(c.heatMap().zAxis())).isTrue();
        assertThat(c.chart().getXAxis().getName()).isEqualTo("x1");
        assertThat(c.chart().getYAxis().getName()).isEqualTo("x2");
    }

    private static double label(Task task, double x1, double x2) {
        for (int q = 0; q < task.train().size(); q++) {
            if (task.train().x(q, 0) == x1 && task.train().x(q, 1) == x2) {
                return task.train().y(q, 0);
            }
        }
        throw new AssertionError("no sample at " + x1 + ", " + x2);
    }

    @Test
    void switchesFromALineToAPlaneAndBack() throws Exception {
        ChartInput line = sine();
        ChartInput plane = circle();
        OutputChart c = chart(line);
        showAndRender(c);
        assertThat(c.showsAxis(c.heatMap().zAxis())).isFalse();
        ChartTests.fx(() -> {
            c.update(plane);
            return null;
        });
        assertThat(shown(c)).contains(c.heatMap().grid()).doesNotContain(c.trainingData());
        showAndRender(c);
        assertThat(c.showsAxis(c.heatMap().zAxis())).isTrue();

        ChartTests.fx(() -> {
            c.update(line);
            return null;
        });
        assertThat(shown(c)).contains(c.trainingData(), c.outputLines().get(0)).doesNotContain(c.heatMap().grid(),
                c.positive());
        assertThat(c.chart().getXAxis().getName()).isEqualTo("input x");
        assertThat(ys(c.outputLines().get(0))).containsExactly(line.latest().curves().output(), within(0.0));
        // and it still draws after the switches, without the z axis and its colour bar
        showAndRender(c);
        assertThat(c.showsAxis(c.heatMap().zAxis())).isFalse();
        assertThat(c.chart().getXAxis().getMax()).isGreaterThan(c.chart().getXAxis().getMin());
        assertThat(colourBars(c)).isZero();

        // and to the plane once more: the z axis and its colour bar come back
        ChartTests.fx(() -> {
            c.update(plane);
            return null;
        });
        showAndRender(c);
        assertThat(c.showsAxis(c.heatMap().zAxis())).isTrue();
        assertThat(colourBars(c)).isEqualTo(1);
    }

    /** The colour bars ChartFX draws beside a heat map's z axis. */
    static long colourBars(ChartPane c) throws Exception {
        return ChartTests.fx(() -> c.chart().getAxesAndCanvasPane().getChildren().stream()
                .filter(n -> n.getClass().getName().endsWith("ColorGradientBar") && n.isVisible()).count());
    }

    private void showAndRender(OutputChart c) throws Exception {
        showAndRender(stage, c);
    }

    /** Shows the chart (once) in the test's stage with the lab's stylesheet and waits until a pulse has drawn it. */
    static void showAndRender(Stage stage, ChartPane c) throws Exception {
        ChartTests.fx(() -> {
            if (c.getScene() == null) {
                Scene scene = new Scene(c, 480, 380);
                scene.getStylesheets().add(ChartPane.STYLESHEET);
                stage.setScene(scene);
                stage.show();
            }
            return null;
        });
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> ChartTests.fx(() -> c.chart().getBitState().isClean()
                && c.chart().getCanvas().getWidth() > 0));
    }

    @Test
    void aClickOnATrainingPointSelectsIt(FxRobot robot) throws Exception {
        ChartInput in = sine();
        OutputChart c = chart(in);
        List<Integer> clicked = new ArrayList<>();
        ChartTests.fx(() -> {
            c.setOnSampleClicked(clicked::add);
            return null;
        });
        showAndRender(c);

        int sample = 3;
        Point2D onScreen = ChartTests.fx(() -> {
            Point2D at = c.samplePosition(sample);
            return c.chart().getCanvas().localToScreen(c.chart().getXAxis().getDisplayPosition(at.getX()),
                    c.chart().getYAxis().getDisplayPosition(at.getY()));
        });
        robot.clickOn(onScreen.add(4, -3));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(clicked).containsExactly(sample);

        // far from every point: nothing
        Point2D empty = ChartTests.fx(() -> c.chart().getCanvas().localToScreen(c.chart().getXAxis().getDisplayPosition(0.0),
                c.chart().getYAxis().getDisplayPosition(c.chart().getYAxis().getMax())));
        robot.clickOn(empty.add(0, 8));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(clicked).containsExactly(sample);

        // a drag that starts on the point and ends on it again (a zoom attempt) selects nothing
        robot.drag(onScreen, MouseButton.PRIMARY).moveBy(40, 30).moveTo(onScreen).drop();
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(clicked).containsExactly(sample);
    }

    @Test
    void aClickOnAPointOfThePlaneSelectsIt(FxRobot robot) throws Exception {
        ChartInput in = circle();
        OutputChart c = chart(in);
        List<Integer> clicked = new ArrayList<>();
        ChartTests.fx(() -> {
            c.setOnSampleClicked(clicked::add);
            return null;
        });
        showAndRender(c);
        int sample = 2;
        Point2D onScreen = ChartTests.fx(() -> {
            Point2D at = c.samplePosition(sample);
            return c.chart().getCanvas().localToScreen(c.chart().getXAxis().getDisplayPosition(at.getX()),
                    c.chart().getYAxis().getDisplayPosition(at.getY()));
        });
        robot.clickOn(onScreen);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(clicked).containsExactly(sample);
    }
}
