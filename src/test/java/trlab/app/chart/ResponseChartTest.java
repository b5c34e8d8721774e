package trlab.app.chart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static trlab.app.chart.ChartTests.fx;
import static trlab.app.chart.OutputChartTest.run;

import io.fair_acc.dataset.DataSet;
import io.fair_acc.dataset.spi.DoubleGridDataSet;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import trlab.core.Task;
import trlab.experiment.config.ExperimentConfig;
import trlab.measure.Curves;

import java.util.List;

/** What a user sees in the training-response chart, from real short runs (headless under Monocle). */
@ExtendWith(ApplicationExtension.class)
class ResponseChartTest {
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    private static ResponseChart chart(ChartInput... inputs) throws Exception {
        return fx(() -> {
            ResponseChart c = new ResponseChart();
            for (ChartInput in : inputs) {
                c.update(in);
            }
            return c;
        });
    }

    private static void update(ResponseChart c, ChartInput in) throws Exception {
        fx(() -> {
            c.update(in);
            return null;
        });
    }

    private static double[] ys(DataSet ds) {
        return ChartTests.values(ds, DataSet.DIM_Y);
    }

    private static double[] row(double[] all, int row, int m) {
        double[] r = new double[m];
        System.arraycopy(all, row * m, r, 0, m);
        return r;
    }

    private static String title(ResponseChart c) throws Exception {
        return fx(() -> c.chart().getTitle());
    }

    @Test
    void showsTheMiddleReferenceByDefaultWithTheKernelPartsAndTheResponse() throws Exception {
        ChartInput in = run(ExperimentConfig.defaults(), 200, -1);
        Task task = in.task();
        Curves curves = in.latest().curves();
        int m = task.probeCount();
        ResponseChart c = chart(in);
        assertThat(c.fileName()).isEqualTo("response");
        assertThat(curves.references()).hasSize(3);
        assertThat(c.shownRow()).isEqualTo(1);

        assertThat(ys(c.kernelLine())).containsExactly(row(curves.ntk().total(), 1, m));
        assertThat(ys(c.outputPartLine())).containsExactly(row(curves.ntk().output(), 1, m));
        assertThat(ys(c.hiddenPartLine())).containsExactly(row(curves.ntk().hidden(), 1, m));
        assertThat(ys(c.responseLine())).containsExactly(row(curves.response(), 1, m)); // K = 1
        assertThat(c.dataSets()).contains(c.kernelLine(), c.outputPartLine(), c.hiddenPartLine(), c.responseLine(),
                c.referencePoint());
        OutputChartTest.showAndRender(stage, c);
        assertThat(c.showsAxis(c.rightAxis())).isTrue();
        assertThat(c.showsAxis(c.heatMap().zAxis())).isFalse();

        double xr = curves.referenceX()[1];
        assertThat(title(c)).isEqualTo(String.format(java.util.Locale.ROOT, "Response at x_r = %.3f", xr));
        assertThat(c.referencePoint().get(DataSet.DIM_X, 0)).isEqualTo(xr);
        assertThat(c.referenceNames()).containsExactly(
                String.format(java.util.Locale.ROOT, "x = %.2f (sample %d)", curves.referenceX()[0],
                        curves.references()[0]),
                String.format(java.util.Locale.ROOT, "x = %.2f (sample %d)", curves.referenceX()[1],
                        curves.references()[1]),
                String.format(java.util.Locale.ROOT, "x = %.2f (sample %d)", curves.referenceX()[2],
                        curves.references()[2]));
        assertThat(c.referenceNames().get(0)).isEqualTo("x = -1.00 (sample 0)");
    }

    @Test
    void nothingIsDrawnWithoutASnapshot() throws Exception {
        ChartInput in = run(ExperimentConfig.defaults(), 200, -1);
        ResponseChart c = chart(new ChartInput(in.task(), List.of(), null, null));
        assertThat(c.dataSets()).isEmpty();
        assertThat(c.shownRow()).isEqualTo(-1);
        assertThat(c.referenceNames()).isEmpty();
        update(c, in);
        assertThat(c.dataSets()).isNotEmpty();
        update(c, new ChartInput(in.task(), List.of(), null, null)); // a new run: the old curves go
        assertThat(c.dataSets()).isEmpty();
        assertThat(c.referenceChoice().getItems()).isEmpty();
    }

    @Test
    void choosingAReferenceChangesTheCurvesAndTheTitle() throws Exception {
        ChartInput in = run(ExperimentConfig.defaults(), 200, -1);
        Curves curves = in.latest().curves();
        int m = in.task().probeCount();
        ResponseChart c = chart(in);
        String before = title(c);
        fx(() -> {
            c.chooseReference(0);
            return null;
        });
        assertThat(c.shownRow()).isZero();
        assertThat(title(c)).isNotEqualTo(before).endsWith("-1.000");
        assertThat(ys(c.kernelLine())).containsExactly(row(curves.ntk().total(), 0, m));
        // the choice survives the next snapshot
        update(c, in);
        assertThat(c.shownRow()).isZero();
        assertThatThrownBy(() -> c.chooseReference(3)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theComboBoxChoosesTheReference(FxRobot robot) throws Exception {
        ChartInput in = run(ExperimentConfig.defaults(), 200, -1);
        ResponseChart c = chart(in);
        OutputChartTest.showAndRender(stage, c);
        assertThat(robot.lookup("#referenceChoice").queryComboBox().getItems()).isEqualTo(c.referenceNames());
        assertThat(robot.lookup("#referenceChoice").queryComboBox().getSelectionModel().getSelectedIndex())
                .isEqualTo(1);
        fx(() -> {
            c.referenceChoice().getSelectionModel().select(2);
            return null;
        });
        assertThat(c.shownRow()).isEqualTo(2);
        assertThat(title(c)).endsWith("= 1.000");
    }

    @Test
    void aSelectedSampleIsShownUntilAReferenceIsChosen() throws Exception {
        ChartInput in = run(ExperimentConfig.defaults(), 200, 5);
        Curves curves = in.latest().curves();
        int m = in.task().probeCount();
        assertThat(curves.focusRow()).isEqualTo(3); // 5 is not among the references 0, 7, 15
        ResponseChart c = chart(in);
        assertThat(c.shownRow()).isEqualTo(3);
        assertThat(ys(c.kernelLine())).containsExactly(row(curves.ntk().total(), 3, m));
        assertThat(title(c)).endsWith(String.format(java.util.Locale.ROOT, "%.3f", in.task().train().x(5, 0)));
        assertThat(c.referenceChoice().getItems()).hasSize(4);
        assertThat(c.referenceChoice().getSelectionModel().getSelectedIndex()).isEqualTo(3);

        fx(() -> {
            c.chooseReference(2);
            return null;
        });
        assertThat(c.shownRow()).isEqualTo(2);
        update(c, in); // the same focus again: the choice stands
        assertThat(c.shownRow()).isEqualTo(2);

        ChartInput other = run(ExperimentConfig.defaults(), 200, 6); // a new focus takes over again
        update(c, other);
        assertThat(c.shownRow()).isEqualTo(3);
        assertThat(title(c)).endsWith(String.format(java.util.Locale.ROOT, "%.3f", in.task().train().x(6, 0)));
    }

    @Test
    void encodingShowsTheResponseOfTheReferencesClass() throws Exception {
        ChartInput in = run(ExperimentConfig.defaults().with("task.kind=encoding").with("training.loss=mse"), 200, -1);
        Task task = in.task();
        Curves curves = in.latest().curves();
        int k = task.outputs();
        int m = task.probeCount();
        ResponseChart c = chart(in);
        int sample = curves.references()[1];
        int cls = 0;
        for (int j = 1; j < k; j++) {
            if (task.train().y(sample, j) > task.train().y(sample, cls)) {
                cls = j;
            }
        }
        double[] r = ys(c.responseLine());
        assertThat(r).hasSize(m);
        for (int i = 0; i < m; i++) {
            assertThat(r[i]).isEqualTo(curves.response()[(m + i) * k + cls]);
        }
        assertThat(c.responseLine().getName()).contains("output " + (cls + 1));
    }

    @Test
    void circleShowsTheKernelOverThePlaneAndSwitchesBack() throws Exception {
        ChartInput plane = run(ExperimentConfig.defaults().with("task.kind=circle").with("measure.gridPoints=11"), 200,
                -1);
        ChartInput line = run(ExperimentConfig.defaults(), 200, -1);
        Curves curves = plane.latest().curves();
        int g = plane.task().gridSide();
        ResponseChart c = chart(line);
        OutputChartTest.showAndRender(stage, c);
        assertThat(c.showsAxis(c.rightAxis())).isTrue();
        update(c, plane);
        OutputChartTest.showAndRender(stage, c);
        DoubleGridDataSet grid = c.heatMap().grid();
        assertThat(c.dataSets()).contains(grid, c.referencePoint()).doesNotContain(c.kernelLine());
        assertThat(grid.getShape()).containsExactly(g, g);
        for (int i = 0; i < g * g; i++) {
            assertThat(grid.get(DataSet.DIM_Z, i)).isEqualTo(curves.ntk().total(g * g + i));
        }
        assertThat(c.showsAxis(c.heatMap().zAxis())).isTrue();
        assertThat(c.showsAxis(c.rightAxis())).isFalse();
        assertThat(OutputChartTest.colourBars(c)).isEqualTo(1);
        assertThat(c.referencePoint().get(DataSet.DIM_X, 0)).isEqualTo(curves.referenceX()[2]);
        assertThat(c.referencePoint().get(DataSet.DIM_Y, 0)).isEqualTo(curves.referenceX()[3]);
        assertThat(title(c)).contains("(");

        update(c, line);
        assertThat(c.dataSets()).contains(c.kernelLine()).doesNotContain(grid);
        // it still lays out and draws after the switches, with the right axis back and no z axis
        OutputChartTest.showAndRender(stage, c);
        assertThat(c.showsAxis(c.rightAxis())).isTrue();
        assertThat(c.showsAxis(c.heatMap().zAxis())).isFalse();
        assertThat(OutputChartTest.colourBars(c)).isZero();
        assertThat(List.copyOf(c.chart().getRenderers())).allMatch(
                r -> ((io.fair_acc.chartfx.renderer.spi.AbstractRenderer<?>) r).getChart() == c.chart());

        update(c, plane); // and back: the z axis and its colour bar return
        OutputChartTest.showAndRender(stage, c);
        assertThat(c.showsAxis(c.heatMap().zAxis())).isTrue();
        assertThat(c.showsAxis(c.rightAxis())).isFalse();
        assertThat(OutputChartTest.colourBars(c)).isEqualTo(1);
    }
}
