package trlab.app;

import static org.assertj.core.api.Assertions.assertThat;

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
    void theProjectorThemeTurnsTheChartsBlackOnWhite(FxRobot robot) {
        ChartPane loss = window.dashboard().loss;
        robot.interact(() -> window.setProjectorTheme(true));
        assertThat(stage.getScene().getRoot().getStyleClass()).contains(LabWindow.PROJECTOR);
        assertThat(loss.getBackground().getFills().get(0).getFill()).isEqualTo(Color.WHITE);
        robot.interact(() -> window.setProjectorTheme(false));
        assertThat(stage.getScene().getRoot().getStyleClass()).doesNotContain(LabWindow.PROJECTOR);
        assertThat(loss.getBackground() == null || loss.getBackground().getFills().isEmpty()
                || !Color.WHITE.equals(loss.getBackground().getFills().get(0).getFill())).isTrue();
    }

    @Test
    void helpAboutNamesTheVersionThePaperAndTheLicence(FxRobot robot) {
        robot.clickOn("Help").clickOn("About the Training Response Lab");
        var about = robot.lookup("#aboutDialog").<javafx.scene.control.DialogPane>query();
        assertThat(about.getHeaderText()).isEqualTo("Training Response Lab (trlab) " + trlab.experiment.Release.version());
        assertThat(about.getContentText()).contains("arXiv:2405.04074", "How to cite", "Apache License 2.0");
        robot.interact(() -> ((javafx.stage.Stage) about.getScene().getWindow()).close());
    }
}
