package trlab.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.fair_acc.dataset.DataSet;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import trlab.app.chart.ChartPane;
import trlab.experiment.Run;
import trlab.measure.Series;

import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** The theory's page as a teacher uses it: one click opens it, the models run, "models from now" restarts them. */
class TheoryWindowTest extends WindowTest {
    @Start
    void start(Stage stage) {
        open(stage);
    }

    private static void waitUntil(Callable<Boolean> condition) throws TimeoutException {
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, condition);
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** The points of the chart's data set of this name, read on the FX thread. */
    private static int points(ChartPane chart, String name) throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> chart.dataSets().stream().filter(ds -> ds.getName().equals(name))
                .mapToInt(DataSet::getDataCount).sum()).get();
    }

    private void openTheory(FxRobot robot) {
        robot.clickOn(robot.lookup(".tab").match((javafx.scene.Node n) ->
                n.lookup(".tab-label") instanceof javafx.scene.control.Label l && l.getText().startsWith("Theory"))
                .<javafx.scene.Node>query());
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void oneClickOpensTheTheoryAndItsChartsFillFromTheRunningLab(FxRobot robot) throws Exception {
        assertThat(run().config().theory().models()).as("the default preset runs without the models").isFalse();
        openTheory(robot);
        assertThat(window.shownPage()).isSameAs(window.theory().view);
        waitUntil(() -> run().config().theory().models());
        assertThat(window.lab().settings().theory().models()).as("a Reset keeps them on").isTrue();
        robot.clickOn("#runButton");
        waitUntil(() -> run().rows().size() > 30);
        for (ChartPane chart : window.theory().view.charts()) {
            waitUntil(() -> WaitForAsyncUtils.asyncFx(() -> chart.dataSets().stream()
                    .anyMatch(ds -> ds.getDataCount() > 0)).get());
        }
        var view = window.theory().view;
        waitUntil(() -> points(view.errors, "frozen-kernel model") > 10 && points(view.outputs, "response-law model") > 0);
        assertThat(points(view.outputs, "network f(x)")).isEqualTo(points(view.outputs, "frozen-kernel model"));
        assertThat(robot.lookup("#modelsSince").queryLabeled().getText()).contains("run from step t0 = 0");
    }

    @Test
    void modelsFromNowRestartsBothModelsAtTheCurrentStep(FxRobot robot) throws Exception {
        openTheory(robot);
        robot.clickOn("#runButton");
        waitUntil(() -> run().status().step() > 4000);
        robot.clickOn("#runButton");
        waitUntil(() -> run().status().state() == Run.State.PAUSED);
        long now = stepBetweenSteps();
        robot.clickOn("#modelsFromNow");
        long t0 = WindowTest.<Long>onThread(run(), e -> e.config().theory().start());
        assertThat(t0).isEqualTo(now).isPositive();
        List<double[]> rows = run().rows();
        for (double[] row : rows) {
            double frozen = row[Series.FROZEN_MODEL_ERROR.ordinal()];
            if (row[Series.STEP.ordinal()] < t0) {
                assertThat(frozen).as("the replaced models' errors are gone, step %s", row[0]).isNaN();
            }
        }
        waitUntil(() -> robot.lookup("#modelsSince").queryLabeled().getText()
                .contains(String.format(java.util.Locale.ROOT, "t0 = %,d", t0)));
        robot.clickOn("#runButton");
        waitUntil(() -> run().rows().stream().anyMatch(r -> r[Series.STEP.ordinal()] > t0
                && r[Series.FROZEN_MODEL_ERROR.ordinal()] > 0));
    }

    @Test
    void comparedRunsOverlayOnTheTheoryPageAndItExportsAsOnePicture(FxRobot robot) throws Exception {
        openTheory(robot);
        robot.interact(() -> window.lab().compareSgdWithFullBatch());
        waitUntil(() -> window.lab().arms().size() == 2
                && window.lab().arms().stream().allMatch(a -> a.run().config().theory().models()
                && a.run().rows().size() > 10));
        var errors = window.theory().view.errors;
        // each run's two models, named by the run, and a key that says which line style is which model
        for (String run : window.lab().labels()) {
            waitUntil(() -> points(errors, run) > 20);
        }
        assertThat(WaitForAsyncUtils.asyncFx(() -> errors.dataSets().stream().map(DataSet::getName).toList()).get())
                .contains("solid: frozen kernel", "dashed: response law");
        WritableImage page = WaitForAsyncUtils.asyncFx(() -> window.shownPage().snapshot(1)).get();
        assertThat(page.getWidth()).isEqualTo(Math.ceil(window.theory().view.getWidth()), org.assertj.core.api.Assertions.within(2.0));
    }

    @Test
    void aPresetAboutTheTheoryOpensOnItsPageWithTheModelsOfEveryRunFromTheStart(FxRobot robot) throws Exception {
        assertThat(window.shownPage()).isSameAs(window.dashboard());
        robot.interact(() -> robot.lookup("#presetChoice").<String>queryComboBox().setValue("plasticity"));
        assertThat(window.shownPage()).isSameAs(window.theory().view);
        assertThat(window.lab().arms()).hasSize(2);
        for (var arm : window.lab().arms()) {
            assertThat(WindowTest.<Long>onThread(arm.run(), e -> e.config().theory().models() ? e.config().theory()
                    .start() : -1)).isZero();
        }
        robot.interact(() -> robot.lookup("#presetChoice").<String>queryComboBox().setValue("aging"));
        assertThat(window.shownPage()).as("back to the network's charts").isSameAs(window.dashboard());
    }
}
