package trlab.app.chart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.fair_acc.dataset.DataSet;
import javafx.geometry.Point2D;
import javafx.scene.canvas.Canvas;
import javafx.scene.input.MouseButton;
import javafx.stage.Stage;
import org.testfx.api.FxRobot;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import trlab.experiment.config.Presets;
import trlab.measure.PowerLawFit;
import trlab.measure.Series;


/**
 * The aging chart fits the power law over the steps the user zooms to, at once, also when no new data arrive (a
 * finished or paused run), and over the last decade again once the zoom is reset.
 */
@ExtendWith(ApplicationExtension.class)
class AgingChartTest {
    private static ChartInput finished;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    @BeforeAll
    static void run() {
        finished = ChartTests.shortRun(Presets.builtinDefault(), 3000, -1);
    }

    /** The fit of a(t) that the data themselves give over [from, to] (the recorded rows and the live snapshot). */
    private static PowerLawFit expected(double from, double to) {
        StepsChart.Samples s = StepsChart.Samples.of(finished.arm());
        return PowerLawFit.fit(s.steps(), s.values(Series.KERNEL_AMPLITUDE), s.count(), from, to);
    }

    private static double lastStep() {
        StepsChart.Samples s = StepsChart.Samples.of(finished.arm());
        return s.steps()[s.count() - 1];
    }

    /** Drags a box over the plot from one share of its width and height to another, as a user zooms. */
    private static double[] zoom(FxRobot robot, AgingChart c, double fromX, double toX) throws Exception {
        Point2D[] corners = ChartTests.fx(() -> {
            Canvas canvas = c.chart().getCanvas();
            double w = canvas.getWidth();
            double h = canvas.getHeight();
            return new Point2D[]{canvas.localToScreen(fromX * w, 0.1 * h), canvas.localToScreen(toX * w, 0.9 * h)};
        });
        robot.drag(corners[0], MouseButton.PRIMARY).dropTo(corners[1]);
        WaitForAsyncUtils.waitForFxEvents();
        return ChartTests.fx(() -> new double[]{c.chart().getXAxis().getMin(), c.chart().getXAxis().getMax()});
    }

    private static String fitName(AgingChart c) throws Exception {
        return ChartTests.fx(() -> c.dataSets().stream().filter(ds -> ds.getStyleClasses().contains("aging-fit"))
                .findFirst().orElseThrow().getName());
    }

    @Test
    void zoomingAFinishedRunRefitsOverTheZoomedStepsAndResettingFitsTheLastDecadeAgain(FxRobot robot)
            throws Exception {
        AgingChart c = ChartTests.fx(() -> {
            AgingChart chart = new AgingChart();
            chart.update(finished);
            return chart;
        });
        OutputChartTest.showAndRender(stage, c);
        assertThat(fitName(c)).contains("[t/10, t]");

        // zoomed in, then further in: each time the fit follows, with no new data
        for (double[] share : new double[][]{{0.1, 0.9}, {0.3, 0.9}}) {
            double[] window = zoom(robot, c, share[0], share[1]);
            assertThat(ChartTests.fx(() -> c.chart().getXAxis().isAutoRanging())).as("zoomed").isFalse();
            PowerLawFit want = expected(window[0], window[1]);
            PowerLawFit shown = ChartTests.fx(c::fit);
            assertThat(shown.alpha()).as("alpha over %s", java.util.Arrays.toString(window))
                    .isCloseTo(want.alpha(), within(1e-12));
            assertThat(fitName(c)).contains("zoomed steps");
            // the fitted line spans the zoomed steps, on the data's own fit
            DataSet line = ChartTests.fx(() -> c.dataSets().stream()
                    .filter(ds -> ds.getStyleClasses().contains("aging-fit")).findFirst().orElseThrow());
            double[] x = ChartTests.values(line, DataSet.DIM_X);
            double[] y = ChartTests.values(line, DataSet.DIM_Y);
            assertThat(x[0]).isCloseTo(Math.max(window[0], 1), within(1e-9 * x[0]));
            assertThat(y[0]).isCloseTo(want.at(x[0]), within(1e-9 * Math.abs(y[0])));
        }

        ChartTests.fx(() -> {
            c.resetZoom();
            return null;
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(fitName(c)).contains("[t/10, t]");
        double end = lastStep();
        assertThat(ChartTests.fx(c::fit).alpha()).isCloseTo(expected(end / 10, end).alpha(), within(1e-12));
    }
}
