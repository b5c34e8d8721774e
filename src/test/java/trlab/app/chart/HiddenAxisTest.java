package trlab.app.chart;

import static org.assertj.core.api.Assertions.assertThat;

import io.fair_acc.chartfx.axes.spi.DefaultNumericAxis;
import io.fair_acc.chartfx.ui.geometry.Side;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import trlab.experiment.config.ExperimentConfig;
import trlab.experiment.config.Presets;

/**
 * An axis nobody can see (a heat map's z axis while the map is off, a chart of the page not in view) does not draw
 * its canvas, which would keep every command until shown; it still follows its range and size, so that its chart,
 * once shown, looks as one that was in view all along.
 */
@ExtendWith(ApplicationExtension.class)
class HiddenAxisTest {
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    @Test
    void aHiddenAxisPutsOffItsDrawingAndMakesItOnceSeen() throws Exception {
        ChartTests.fx(() -> {
            ChartPane.SeenAxis axis = (ChartPane.SeenAxis) ChartPane.axis("steps", null, true);
            axis.setSide(Side.BOTTOM);
            axis.setAutoRanging(false);
            axis.set(1, 100);
            StackPane page = new StackPane(axis);
            stage.setScene(new Scene(page, 300, 120));
            stage.show();
            page.applyCss();
            page.layout();
            axis.drawAxis();
            assertThat(axis.owesDrawing()).as("a shown axis draws").isFalse();

            page.setVisible(false);
            axis.set(1, 1e6);
            axis.forceRedraw();
            axis.drawAxis();
            assertThat(axis.owesDrawing()).as("a hidden axis puts its drawing off").isTrue();
            assertThat(axis.getBitState().isClean()).as("but follows its range (its chart lays out)").isTrue();
            assertThat(axis.getTickMarks()).extracting(t -> t.getValue()).contains(1e5);

            page.setVisible(true);
            axis.drawIfOwed();
            assertThat(axis.getBitState().isDirty()).as("seen again, it asks its chart for a pulse").isTrue();
            axis.drawAxis();
            assertThat(axis.owesDrawing()).as("and draws in it").isFalse();
            return null;
        });
    }

    @Test
    void aChartFilledWhileHiddenLaysOutAsOneInView() throws Exception {
        ExperimentConfig config = Presets.builtinDefault();
        ChartInput early = ChartTests.shortRun(config, 0, -1);
        ChartInput later = ChartTests.shortRun(config.with("training.learningRate=0.3"), 3000, -1);
        OutputChart inView = ChartTests.fx(OutputChart::new);
        OutputChart hidden = ChartTests.fx(OutputChart::new);
        StackPane hiddenPage = ChartTests.fx(() -> {
            inView.update(early);
            StackPane page = new StackPane(hidden);
            page.setVisible(false);
            Scene scene = new Scene(new HBox(new StackPane(inView), page), 900, 400);
            scene.getStylesheets().add(ChartPane.STYLESHEET);
            stage.setScene(scene);
            stage.show();
            return page;
        });
        settle(inView);
        ChartTests.fx(() -> {
            hidden.update(early);
            inView.update(later);
            return null;
        });
        settle(inView);
        settle(hidden);
        ChartTests.fx(() -> {
            // as the window does when a page comes into view: its charts catch up with the run
            hiddenPage.setVisible(true);
            hidden.drawOwedAxes();
            hidden.update(later);
            return null;
        });
        settle(hidden);
        DefaultNumericAxis shownY = (DefaultNumericAxis) inView.chart().getYAxis();
        DefaultNumericAxis hiddenY = (DefaultNumericAxis) hidden.chart().getYAxis();
        ChartTests.fx(() -> {
            assertThat(hiddenY.getTickMarks()).extracting(t -> t.getValue())
                    .isEqualTo(shownY.getTickMarks().stream().map(t -> t.getValue()).toList());
            assertThat(hiddenY.getWidth()).as("room for its tick labels, as the chart in view")
                    .isEqualTo(shownY.getWidth());
            assertThat(((ChartPane.SeenAxis) hiddenY).owesDrawing()).isFalse();
            return null;
        });
    }

    /** Waits until the chart has drawn whatever it was asked to (its pulse's post-layout clears its state). */
    private static void settle(ChartPane chart) throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> ChartTests.fx(() -> chart.chart().getBitState()
                .isClean()));
    }
}
