package trlab.app;

import org.testfx.framework.junit5.Start;
import javafx.stage.Stage;
import static org.assertj.core.api.Assertions.assertThat;

import javafx.scene.image.Image;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;
import trlab.app.chart.ChartPane;
import trlab.core.Activation;
import trlab.experiment.Run;

import java.nio.file.Path;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** The lab window as a user meets it, headless under Monocle: controls, run state, charts, exports, closing. */
class LabWindowTest extends WindowTest {
    @Start
    void start(Stage stage) {
        open(stage);
    }

    private void waitUntil(String what, java.util.concurrent.Callable<Boolean> condition) throws TimeoutException {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, condition);
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void opensOnTheDefaultPresetWithItsTitleAndDescription(FxRobot robot) {
        assertThat(stage.getTitle()).isEqualTo("Training Response Lab");
        assertThat(stage.isShowing()).isTrue();
        assertThat(robot.lookup("#presetChoice").queryComboBox().getValue()).isEqualTo("default");
        assertThat(robot.lookup("#presetDescription").queryLabeled().getText()).isNotBlank();
        assertThat(run().config().name()).isEqualTo("default");
    }

    @Test
    void anExportedPictureIsCaptionedWithThePresetTheStepAndTheSettings(FxRobot robot) throws Exception {
        robot.clickOn("#stepButton");
        String caption = WaitForAsyncUtils.asyncFx(() -> window.caption()).get();
        assertThat(caption).startsWith("Training Response Lab: default, step ").contains("tanh, width 100",
                "SGD batch 1", "learning rate 0.02", "label noise 1.0");
        robot.interact(() -> window.lab().compareSgdWithFullBatch());
        assertThat(WaitForAsyncUtils.asyncFx(() -> window.caption()).get()).contains("runs: ", "; full batch");
    }

    @Test
    void choosingAnActivationAndPressingResetRebuildsTheNetworkWithIt(FxRobot robot) throws Exception {
        Run before = run();
        robot.interact(() -> robot.lookup("#activationChoice").<Activation>queryComboBox().setValue(Activation.RELU));
        assertThat(run()).as("an activation waits for Reset").isSameAs(before);
        assertThat(robot.lookup("#hint").queryLabeled().getText()).contains("Reset");
        robot.clickOn("#resetButton");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(run()).isNotSameAs(before);
        assertThat(run().config().network().activation()).isEqualTo(Activation.RELU);
        assertThat(before.isAlive()).as("the old training thread ended").isFalse();
        assertThat(stepBetweenSteps()).isZero();
    }

    @Test
    void runThenPauseStopsTheStepCounter(FxRobot robot) throws Exception {
        // long enough that it is still running when paused, however fast the machine
        robot.interact(() -> window.lab().load(window.lab().settings().with("training.steps=1000000000000")));
        robot.clickOn("#runButton");
        waitUntil("training", () -> run().status().step() > 500);
        assertThat(robot.lookup("#runButton").queryButton().getText()).isEqualTo("Pause");
        robot.clickOn("#runButton");
        waitUntil("paused", () -> run().status().state() == Run.State.PAUSED);
        long paused = stepBetweenSteps();
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(stepBetweenSteps()).isEqualTo(paused);
        assertThat(robot.lookup("#runButton").queryButton().getText()).isEqualTo("Run");
    }

    @Test
    void stepAdvancesExactlyOneStepByButtonAndByKey(FxRobot robot) throws Exception {
        long before = stepBetweenSteps();
        robot.clickOn("#stepButton");
        assertThat(stepBetweenSteps()).isEqualTo(before + 1);
        robot.clickOn("#learningRateSlider"); // a control that does not take typing, so S reaches the window
        long afterClick = stepBetweenSteps();
        robot.type(KeyCode.S);
        assertThat(stepBetweenSteps()).isEqualTo(afterClick + 1);
    }

    @Test
    void spaceRunsAndPauses(FxRobot robot) throws Exception {
        robot.clickOn("#learningRateSlider");
        robot.type(KeyCode.SPACE);
        assertThat(run().isRunning()).isTrue();
        robot.type(KeyCode.SPACE);
        assertThat(run().isRunning()).isFalse();
    }

    @Test
    void afterAShortRunEveryChartHoldsData(FxRobot robot) throws Exception {
        robot.clickOn("#runButton");
        waitUntil("steps", () -> run().status().step() > 3000);
        for (ChartPane chart : window.dashboard().charts()) {
            waitUntil(chart.fileName(), () -> WaitForAsyncUtils.asyncFx(() -> chart.dataSets().stream()
                    .anyMatch(ds -> ds.getDataCount() > 0)).get());
        }
        assertThat(window.dashboard().charts()).hasSize(8);
        assertThat(robot.lookup("#statusStep").queryLabeled().getText()).startsWith("step ");
    }

    @Test
    void aChartExportsAsARealImageOfItsSize(FxRobot robot, @TempDir Path dir) throws Exception {
        robot.clickOn("#runButton");
        waitUntil("steps", () -> run().status().step() > 2000);
        ChartPane chart = window.dashboard().aging;
        Path file = dir.resolve("aging.png");
        WaitForAsyncUtils.asyncFx(() -> {
            chart.savePng(file);
            return null;
        }).get(10, TimeUnit.SECONDS);
        Image image = new Image(file.toUri().toString());
        assertThat(image.isError()).isFalse();
        assertThat(image.getWidth()).isEqualTo(Math.ceil(chart.getWidth()));
        assertThat(image.getHeight()).isEqualTo(Math.ceil(chart.getHeight()));
        assertThat(coloured(image)).as("pixels of lines and text, not a blank image").isGreaterThan(500);
    }

    @Test
    void theDashboardExportsAtTwiceItsSize() throws ExecutionException, InterruptedException {
        WritableImage one = WaitForAsyncUtils.asyncFx(() -> window.dashboard().snapshot(1)).get();
        WritableImage two = WaitForAsyncUtils.asyncFx(() -> window.dashboard().snapshot(2)).get();
        assertThat(two.getWidth()).isEqualTo(2 * one.getWidth());
        // the caption line below is text, laid out at each scale: its height may round by a pixel
        assertThat(two.getHeight()).isCloseTo(2 * one.getHeight(), org.assertj.core.api.Assertions.within(2.0));
        assertThat(coloured(one)).isGreaterThan(500);
    }

    @Test
    void presentationModeEnlargesTheWindowAndTheCharts(FxRobot robot) {
        robot.interact(() -> window.setPresentation(true));
        assertThat(stage.getScene().getRoot().getStyleClass()).contains("presentation");
        assertThat(window.dashboard().loss.chart().getStyleClass()).contains("presentation");
        assertThat(robot.lookup("#controlPanel").tryQuery()).as("the controls step aside").isEmpty();
        robot.interact(() -> window.setPresentation(false));
        assertThat(robot.lookup("#controlPanel").tryQuery()).isPresent();
        assertThat(window.dashboard().loss.chart().getStyleClass()).doesNotContain("presentation");
    }

    @Test
    void closingTheWindowEndsTheTrainingThread(FxRobot robot) throws Exception {
        robot.clickOn("#runButton");
        waitUntil("steps", () -> run().status().step() > 100);
        Run running = run();
        robot.interact(stage::close);
        assertThat(running.isAlive()).isFalse();
        assertThat(Thread.getAllStackTraces().keySet()).noneMatch(t -> t.getName().startsWith("training-")
                && t.isAlive());
    }

    @Test
    void aRejectedSettingSaysWhyAndKeepsThePreviousValue(FxRobot robot) {
        double before = window.lab().settings().training().learningRate();
        robot.clickOn("#learningRateField").eraseText(8).write("-1").type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#hint").queryLabeled().getText()).contains("learningRate");
        assertThat(window.lab().settings().training().learningRate()).isEqualTo(before);
        assertThat(robot.lookup("#learningRateField").queryTextInputControl().getText())
                .isEqualTo(Double.toString(before));
    }

    @Test
    void fileMenuSavesAndOpensPresetsStatesAndRuns(FxRobot robot, @TempDir Path dir) throws Exception {
        FileActions files = window.files;
        robot.clickOn("#stepButton");
        robot.clickOn("#stepButton");
        assertThat(stepBetweenSteps()).isEqualTo(2);

        Path state = dir.resolve("state.json");
        files.saveState(state).get(10, TimeUnit.SECONDS);
        assertThat(trlab.experiment.StateFile.read(state).step()).isEqualTo(2);

        Path export = dir.resolve("export");
        files.exportRun(export).get(10, TimeUnit.SECONDS);
        assertThat(export.resolve("run.json")).exists();
        assertThat(export.resolve("metrics.csv")).exists();
        assertThat(export.resolve("final-state.json")).exists();

        Path preset = dir.resolve("wide.json");
        robot.interact(() -> {
            window.lab().apply(window.lab().settings().with("network.width=37"));
            try {
                files.savePreset(preset);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            window.lab().load(trlab.experiment.config.Presets.builtinDefault());
        });
        assertThat(window.lab().settings().network().width()).isEqualTo(100);
        robot.interact(() -> files.openPreset(preset));
        assertThat(window.lab().settings().network().width()).isEqualTo(37);
        assertThat(run().config().network().width()).isEqualTo(37);

        robot.interact(() -> files.loadState(state));
        assertThat(run().config().network().width()).isEqualTo(100);
        assertThat(stepBetweenSteps()).as("continues from the saved step").isEqualTo(2);
    }

    @Test
    void aBrokenCsvIsRefusedAndTheSettingsStay(FxRobot robot, @TempDir Path dir) throws Exception {
        Path csv = dir.resolve("broken.csv");
        java.nio.file.Files.writeString(csv, "x1,y1\n0.5,abc\n0.7,1\n");
        Run before = run();
        robot.interact(() -> assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> window.files.openCsv(csv)))
                .isInstanceOf(trlab.experiment.config.ConfigException.class).hasMessageContaining("broken.csv")
                .hasMessageContaining("abc"));
        assertThat(run()).isSameAs(before);
        assertThat(window.lab().settings().task().kind()).isEqualTo(trlab.core.TaskKind.SINE);
    }

    @Test
    void aDivergedRunShowsWhereItDivergedItsLastFiniteStateAndARateThatTrains(FxRobot robot) throws Exception {
        robot.interact(() -> window.lab().apply(window.lab().settings().with("training.learningRate=50")));
        robot.clickOn("#runButton");
        waitUntil("diverged", () -> run().status().state() == Run.State.DIVERGED);
        long lastFinite = WindowTest.<Long>onThread(run(), e -> e.finalState().step());
        assertThat(lastFinite).isPositive();
        waitUntil("the last finite state on the charts", () -> run().latest().step() == lastFinite);
        waitUntil("the status bar", () -> !robot.lookup("#statusStep").queryLabeled().getText().equals("step 0"));
        assertThat(robot.lookup("#statusStep").queryLabeled().getText())
                .isEqualTo(String.format(java.util.Locale.ROOT, "step %,d", run().status().step()));
        assertThat(robot.lookup("#statusMessage").queryLabeled().getText())
                .contains("The charts show step " + lastFinite)
                .contains("learning rate of 0.031 or less");
        waitUntil("the advice, whole, in the hint", () -> robot.lookup("#hint").queryLabeled().getText()
                .contains("learning rate of 0.031 or less"));
        assertThat(robot.lookup("#statusAlpha").queryLabeled().getText()).as("no power law fitted to a blow-up")
                .isEqualTo("\u03b1 \u2013");
    }

    @Test
    void resetOfARunThatTrainedOffersUndoAndUndoBringsItBack(FxRobot robot) throws Exception {
        window.lab().undoAfterNanos = 0;
        assertThat(robot.lookup("#undoResetButton").queryButton().isVisible()).isFalse();
        robot.clickOn("#stepButton");
        robot.clickOn("#stepButton");
        Run trained = run();
        waitUntil("two steps", () -> trained.status().step() == 2);
        robot.clickOn("#resetButton");
        assertThat(run()).isNotSameAs(trained);
        assertThat(robot.lookup("#undoResetButton").queryButton().isVisible()).isTrue();
        robot.clickOn("#undoResetButton");
        assertThat(run()).isSameAs(trained);
        assertThat(stepBetweenSteps()).isEqualTo(2);
        assertThat(robot.lookup("#undoResetButton").queryButton().isVisible()).isFalse();
    }

    @Test
    void aFinishedRunOffersContinueWhichGoesOnFromWhereItStopped(FxRobot robot) throws Exception {
        robot.interact(() -> window.lab().load(window.lab().settings().with("training.steps=500")));
        robot.clickOn("#runButton");
        waitUntil("finished", () -> run().status().state() == Run.State.FINISHED);
        waitUntil("Continue", () -> robot.lookup("#runButton").queryButton().getText().equals("Continue"));
        assertThat(robot.lookup("#runButton").queryButton().isDisabled()).isFalse();
        assertThat(robot.lookup("#hint").queryLabeled().getText()).contains("step 5,000").doesNotContain("Reset");
        Run finished = run();
        robot.clickOn("#runButton");
        assertThat(run()).isSameAs(finished);
        waitUntil("finished again", () -> run().status().state() == Run.State.FINISHED
                && run().status().step() == 5000);
        assertThat(robot.lookup("#stepsField").queryTextInputControl().getText()).isEqualTo("5000");
    }

    @Test
    void everySaveIsConfirmedInTheStatusBarByItsFileName(FxRobot robot, @TempDir Path dir) throws Exception {
        Path png = dir.resolve("dashboard.png");
        robot.interact(() -> window.exportDashboardTo(png, 1));
        waitUntil("confirmed", () -> robot.lookup("#statusMessage").queryLabeled().getText().equals("Saved " + png));
        assertThat(png).exists();
        assertThat(robot.lookup("#statusMessage").queryLabeled().getStyleClass()).doesNotContain("error");

        Path export = dir.resolve("run");
        robot.interact(() -> window.exportRunTo(export));
        waitUntil("the run's files", () -> robot.lookup("#statusMessage").queryLabeled().getText()
                .equals("Saved " + export));
        assertThat(export.resolve("run.json")).exists();

        Path chart = dir.resolve("aging.png");
        robot.interact(() -> window.exportChartTo(chart));
        waitUntil("the chart", () -> robot.lookup("#statusMessage").queryLabeled().getText().equals("Saved " + chart));
        assertThat(chart).exists();
        assertThat(dir.resolve("aging.csv")).exists();
    }

    /** Pixels that are neither white nor transparent. */
    static int coloured(Image image) {
        PixelReader r = image.getPixelReader();
        int n = 0;
        for (int y = 0; y < (int) image.getHeight(); y++) {
            for (int x = 0; x < (int) image.getWidth(); x++) {
                int argb = r.getArgb(x, y);
                if ((argb >>> 24) > 0 && (argb & 0xFFFFFF) != 0xFFFFFF) {
                    n++;
                }
            }
        }
        return n;
    }
}
