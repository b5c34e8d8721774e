package trlab.app;

import org.testfx.framework.junit5.Start;
import javafx.stage.Stage;
import static org.assertj.core.api.Assertions.assertThat;

import javafx.scene.control.ToggleButton;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;
import trlab.core.Method;
import trlab.experiment.Run;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Comparing runs in the window, as a user does it: one click, the arm buttons, the charts, the exports. */
class CompareWindowTest extends WindowTest {
    private static final String SGD = "SGD, batch 1, noise 1.0";
    private static final String FULL_BATCH = "full batch";

    @Start
    void start(Stage stage) {
        open(stage);
    }

    private Lab lab() {
        return window.lab();
    }

    private static void waitUntil(Callable<Boolean> condition) throws TimeoutException {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, condition);
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Every chart has drawn a set named after each label. */
    private boolean everyChartShows(List<String> labels) throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> window.dashboard().charts().stream().allMatch(chart ->
                labels.stream().allMatch(label -> chart.dataSets().stream()
                        .anyMatch(ds -> (ds.getName().startsWith(label) || ds.getName().endsWith(label))
                                && ds.getDataCount() > 0)))).get();
    }

    @Test
    void oneClickComparesSgdWithFullBatchInEveryChart(FxRobot robot) throws Exception {
        robot.clickOn("#compareSgdButton");
        assertThat(lab().arms()).hasSize(2);
        assertThat(robot.lookup("#armToggle0").queryAs(ToggleButton.class).getText()).isEqualTo(SGD);
        assertThat(robot.lookup("#armToggle1").queryAs(ToggleButton.class).getText()).isEqualTo(FULL_BATCH);
        assertThat(robot.lookup("#runButton").queryButton().getText()).as("the pair runs at once").isEqualTo("Pause");
        waitUntil(() -> lab().arms().stream().allMatch(a -> a.run().status().step() > 200));
        waitUntil(() -> everyChartShows(List.of(SGD, FULL_BATCH)));
        assertThat(robot.lookup("#statusArm").queryLabeled().getText()).isEqualTo(SGD);

        robot.clickOn("#runButton");
        waitUntil(() -> lab().arms().stream().noneMatch(a -> a.run().isRunning()));
        assertThat(robot.lookup("#runButton").queryButton().getText()).isEqualTo("Run");
    }

    @Test
    void theControlsShowAndEditTheSelectedRun(FxRobot robot) throws Exception {
        robot.clickOn("#compareSgdButton");
        robot.clickOn("#runButton"); // pause both
        robot.clickOn("#armToggle1");
        assertThat(lab().selected()).isEqualTo(1);
        assertThat(robot.lookup("#fullBatchToggle").queryAs(ToggleButton.class).isSelected()).isTrue();
        assertThat(robot.lookup("#statusArm").queryLabeled().getText()).isEqualTo(FULL_BATCH);

        robot.clickOn("#learningRateField").eraseText(8).write("0.005").type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(lab().arms().get(1).settings().training().learningRate()).isEqualTo(0.005);
        assertThat(lab().arms().get(0).settings().training().learningRate()).isEqualTo(0.02);
        assertThat(robot.lookup("#armToggle1").queryAs(ToggleButton.class).getText())
                .isEqualTo("full batch, \u03b7 = 0.005");

        robot.clickOn("#armToggle0");
        assertThat(robot.lookup("#sgdToggle").queryAs(ToggleButton.class).isSelected()).isTrue();
        assertThat(robot.lookup("#learningRateField").queryTextInputControl().getText()).isEqualTo("0.02");
        assertThat(lab().arms().get(0).settings().training().method()).isEqualTo(Method.SGD);
    }

    @Test
    void addingARunAndRemovingItChangesTheButtons(FxRobot robot) {
        assertThat(robot.lookup("#armToggle0").tryQuery()).as("no arm buttons for a lone run").isEmpty();
        robot.clickOn("#addArmButton");
        assertThat(lab().arms()).hasSize(2);
        assertThat(lab().selected()).isEqualTo(1);
        robot.clickOn("#fullBatchToggle");
        // the label noise is the same in both runs, so only the method names them
        assertThat(robot.lookup("#armToggle1").queryAs(ToggleButton.class).getText()).isEqualTo(FULL_BATCH);
        assertThat(robot.lookup("#armToggle0").queryAs(ToggleButton.class).getText()).isEqualTo("SGD, batch 1");
        robot.clickOn("#addArmButton");
        robot.clickOn("#removeArm0");
        assertThat(lab().arms()).hasSize(2);
        assertThat(robot.lookup("#armToggle0").queryAs(ToggleButton.class).getGraphic().getStyleClass())
                .as("the swatch keeps the run's colour").contains("arm-1");
        assertThat(robot.lookup("#armToggle1").queryAs(ToggleButton.class).getGraphic().getStyleClass())
                .contains("arm-2");
        robot.clickOn("#addArmButton");
        assertThat(lab().arms()).extracting(Lab.Arm::colour).as("a new run takes the free colour")
                .containsExactly(1, 2, 0);
        robot.clickOn("#compareSgdButton");
        assertThat(lab().arms()).extracting(Lab.Arm::colour).containsExactly(0, 1);
        assertThat(robot.lookup("#armToggle0").queryAs(ToggleButton.class).getGraphic().getStyleClass())
                .as("a new pair of runs shows its own colours").contains("arm-0").doesNotContain("arm-1");
        robot.clickOn("#removeArm1");
        assertThat(lab().arms()).hasSize(1);
        assertThat(lab().settings().training().method()).isEqualTo(Method.SGD);
        assertThat(robot.lookup("#armToggle0").tryQuery()).isEmpty();
    }

    @Test
    void theComparisonExportsEveryArmsFilesSeriesAndTheDashboard(FxRobot robot, @TempDir Path dir)
            throws Exception {
        robot.clickOn("#compareSgdButton");
        waitUntil(() -> lab().arms().stream().allMatch(a -> a.run().rows().size() > 20));
        robot.clickOn("#runButton");

        Path export = dir.resolve("export");
        window.files.exportRun(export).get(20, TimeUnit.SECONDS);
        for (String folder : List.of("1-sgd-batch-1-noise-1.0", "2-full-batch")) {
            assertThat(export.resolve(folder).resolve("run.json")).isRegularFile();
            assertThat(export.resolve(folder).resolve("metrics.csv")).isRegularFile();
        }
        assertThat(Files.readString(export.resolve("1-sgd-batch-1-noise-1.0").resolve("run.json")))
                .contains("\"method\" : \"sgd\"");

        Path csv = dir.resolve("comparison.csv");
        robot.interact(() -> {
            try {
                window.files.exportSeries(csv);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        List<String> lines = Files.readAllLines(csv);
        assertThat(lines.get(0)).startsWith("arm,step,");
        assertThat(lines).anyMatch(l -> l.startsWith("\"" + SGD + "\",")).anyMatch(l -> l.startsWith(FULL_BATCH + ","));
        long rows = lab().arms().stream().mapToLong(a -> a.run().rows().size()).sum();
        assertThat(lines).hasSize((int) rows + 1);

        Path png = dir.resolve("dashboard.png");
        robot.interact(() -> {
            try {
                window.files.exportDashboard(png, 1).get(30, TimeUnit.SECONDS);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        javafx.scene.image.Image image = new javafx.scene.image.Image(png.toUri().toString());
        // every chart, also those the dashboard scrolls out of view
        assertThat(image.getWidth()).isEqualTo(Math.ceil(window.dashboard().getContent().getLayoutBounds().getWidth()));
        assertThat(LabWindowTest.coloured(image)).isGreaterThan(5000);
    }

    @Test
    void anotherRunsDivergenceIsNamedInTheStatusBar(FxRobot robot) throws Exception {
        robot.interact(() -> {
            lab().compare(List.of(lab().settings(), lab().settings().withOverrides(List.of(
                    "training.method=full-batch", "training.labelNoise=0", "training.learningRate=50"))));
            lab().arms().get(1).run().play();
        });
        waitUntil(() -> lab().arms().get(1).run().status().state() == Run.State.DIVERGED);
        waitUntil(() -> robot.lookup("#statusMessage").queryLabeled().getText()
                .startsWith("full batch, \u03b7 = 50.0: "));
        assertThat(robot.lookup("#statusMessage").queryLabeled().getText()).contains("Diverged at step");
        assertThat(robot.lookup("#statusMessage").queryLabeled().getStyleClass()).contains("error");
        assertThat(robot.lookup("#armToggle1").queryAs(ToggleButton.class).getText()).endsWith("(diverged)");
        assertThat(lab().arms().get(0).run().status().state()).as("the other run is untouched")
                .isEqualTo(Run.State.PAUSED);
    }

    @Test
    void aRunThatIsRemovedEndsItsThreadAndTheOthersGoOn(FxRobot robot) throws Exception {
        robot.clickOn("#compareSgdButton");
        Run fullBatch = lab().arms().get(1).run();
        robot.clickOn("#removeArm1");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !fullBatch.isAlive());
        Run sgd = lab().run();
        long before = sgd.status().step();
        waitUntil(() -> sgd.status().step() > before + 100);
        assertThat(sgd.isRunning()).isTrue();
    }
}
