package trlab.app;

import static org.assertj.core.api.Assertions.assertThat;

import javafx.geometry.Bounds;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import trlab.app.chart.ChartPane;

/** The views a teacher switches in front of a class: one chart alone, charts per screen, the projector theme. */
class ViewWindowTest extends WindowTest {
    @Start
    void start(Stage stage) {
        open(stage);
    }

    @Test
    void aDoubleClickPutsOneChartOnTheWholePageAndEscapeBringsTheOthersBack(FxRobot robot) {
        ChartPane aging = window.dashboard().aging;
        double before = aging.getWidth();
        robot.doubleClickOn(aging, MouseButton.PRIMARY);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(window.dashboard().focused()).isSameAs(aging);
        assertThat(aging.getWidth()).isGreaterThan(2.5 * before);
        assertThat(aging.getHeight()).isGreaterThan(0.9 * window.dashboard().getViewportBounds().getHeight());
        assertThat(window.dashboard().charts()).filteredOn(c -> c != aging).noneMatch(c -> c.isVisible());
        robot.type(KeyCode.ESCAPE);
        assertThat(window.dashboard().focused()).isNull();
        assertThat(window.dashboard().charts()).allMatch(c -> c.isVisible());
        assertThat(aging.getWidth()).isCloseTo(before, org.assertj.core.api.Assertions.within(2.0));
    }

    @Test
    void aFocusedChartKeepsDrawingWhileTheRunGoes(FxRobot robot) throws Exception {
        ChartPane loss = window.dashboard().loss;
        robot.doubleClickOn(loss, MouseButton.PRIMARY);
        robot.clickOn("#runButton");
        WaitForAsyncUtils.waitFor(20, java.util.concurrent.TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(() ->
                loss.dataSets().stream().mapToInt(ds -> ds.getDataCount()).max().orElse(0)).get() > 20);
    }

    @Test
    void chartsPerScreenFitsOneTwoOrFourChartsToTheScreen(FxRobot robot) {
        var page = window.dashboard();
        robot.interact(() -> page.setChartsPerScreen(4));
        double screen = page.getViewportBounds().getHeight();
        assertThat(page.columns()).isEqualTo(2);
        assertThat(page.charts().get(0).getHeight()).isCloseTo(screen / 2, org.assertj.core.api.Assertions.within(4.0));
        robot.interact(() -> page.setChartsPerScreen(1));
        assertThat(page.columns()).isEqualTo(1);
        assertThat(page.charts().get(0).getHeight()).isCloseTo(screen, org.assertj.core.api.Assertions.within(2.0));
        robot.interact(() -> page.setChartsPerScreen(0));
        assertThat(page.columns()).isEqualTo(4);
    }

    @Test
    void theProjectorThemeTurnsTheChartsBlackOnWhite(FxRobot robot) throws Exception {
        ChartPane loss = window.dashboard().loss;
        robot.interact(() -> window.setProjectorTheme(true));
        assertThat(stage.getScene().getRoot().getStyleClass()).contains(LabWindow.PROJECTOR);
        assertThat(behind(loss)).isEqualTo(Color.WHITE);
        robot.interact(() -> window.setProjectorTheme(false));
        assertThat(stage.getScene().getRoot().getStyleClass()).doesNotContain(LabWindow.PROJECTOR);
        assertThat(behind(loss)).isNotEqualTo(Color.WHITE);
    }

    /** The colour the window shows just inside a chart's top left corner, where nothing is drawn on it. */
    private Color behind(ChartPane chart) throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> {
            Bounds b = chart.localToScene(chart.getBoundsInLocal());
            return stage.getScene().snapshot(null).getPixelReader().getColor((int) b.getMinX() + 3,
                    (int) b.getMinY() + 3);
        }).get();
    }

    @Test
    void helpAboutNamesTheVersionThePaperAndTheLicence(FxRobot robot) {
        robot.clickOn("Help").clickOn("About the Training Response Lab");
        var about = robot.lookup("#aboutDialog").<javafx.scene.control.DialogPane>query();
        assertThat(about.getHeaderText()).isEqualTo("Training Response Lab (trlab) " + trlab.experiment.Release.version());
        assertThat(about.getContentText()).contains("arXiv:2405.04074", "How to cite", "Apache License 2.0");
        robot.interact(() -> ((javafx.stage.Stage) about.getScene().getWindow()).close());
    }

    @Test
    void aRecordingOfTheChartAloneIsALoopingGifOfItsFrames(FxRobot robot, @org.junit.jupiter.api.io.TempDir
            java.nio.file.Path dir) throws Exception {
        ChartPane aging = window.dashboard().aging;
        robot.doubleClickOn(aging, MouseButton.PRIMARY);
        robot.clickOn("#runButton");
        java.nio.file.Path file = dir.resolve("aging.gif");
        robot.interact(() -> window.startRecording(file));
        WaitForAsyncUtils.waitFor(30, java.util.concurrent.TimeUnit.SECONDS, () -> window.recorder.frames() >= 4);
        var saved = WaitForAsyncUtils.asyncFx(() -> window.recorder.stop()).get();
        saved.get(30, java.util.concurrent.TimeUnit.SECONDS);
        int frames = window.recorder.frames();
        try (var in = javax.imageio.ImageIO.createImageInputStream(file.toFile())) {
            var reader = javax.imageio.ImageIO.getImageReadersByFormatName("gif").next();
            reader.setInput(in);
            assertThat(reader.getNumImages(true)).isEqualTo(frames);
            assertThat(reader.getWidth(0)).isEqualTo((int) Math.ceil(aging.getWidth()));
        }
        assertThat(new String(java.nio.file.Files.readAllBytes(file), java.nio.charset.StandardCharsets.ISO_8859_1))
                .contains("NETSCAPE2.0");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#statusMessage").queryLabeled().getText()).contains("Saved", "aging.gif");
    }
}
