package trlab.app.chart;

import static org.assertj.core.api.Assertions.assertThat;

import io.fair_acc.dataset.DataSet;
import io.fair_acc.dataset.spi.DoubleDataSet;
import javafx.geometry.Bounds;
import javafx.geometry.BoundingBox;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;
import trlab.experiment.config.ExperimentConfig;
import trlab.measure.Curves;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

/** What a user sees in the feature-space chart, from real short runs (headless under Monocle). */
class FeatureSpaceChartTest {
    private static final int WIDTH = 20; // the width of ChartTests.shortRun

    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    /** A chart input from a short run of width 20: the first snapshot, then one after `steps` steps. */
    static ChartInput run(ExperimentConfig config, long steps) {
        return ChartTests.shortRun(config, steps, -1);
    }

    static ChartInput sine() {
        return run(ExperimentConfig.defaults(), 300);
    }

    static ChartInput circle() {
        return run(ExperimentConfig.defaults().with("task.kind=circle").with("measure.gridPoints=11"), 300);
    }

    /** A chart filled from the input; filled before it joins any scene (a shown chart read-locks its data). */
    private static FeatureSpaceChart chart(ChartInput in) throws Exception {
        return ChartTests.fx(() -> {
            FeatureSpaceChart c = new FeatureSpaceChart();
            c.update(in);
            return c;
        });
    }

    /** The points of a set as "x,y" strings, sorted, so sets compare as multisets. */
    private static List<String> points(DataSet ds) {
        return ds.lock().readLockGuard(() -> IntStream.range(0, ds.getDataCount())
                .mapToObj(i -> ds.get(DataSet.DIM_X, i) + "," + ds.get(DataSet.DIM_Y, i)).sorted().toList());
    }

    private static List<String> points(double[] x, double[] y, int[] neurons) {
        return Arrays.stream(neurons).mapToObj(i -> x[i] + "," + y[i]).sorted().toList();
    }

    /** Neuron indices by contribution, largest first. */
    private static int[] byContribution(double[] c) {
        return IntStream.range(0, c.length).boxed().sorted(Comparator.comparingDouble((Integer i) -> -c[i]))
                .mapToInt(Integer::intValue).toArray();
    }

    private static double[] projectionX(Curves curves) {
        double[] xy = curves.projection().coordinates();
        return IntStream.range(0, WIDTH).mapToDouble(i -> xy[2 * i]).toArray();
    }

    private static double[] projectionY(Curves curves) {
        double[] xy = curves.projection().coordinates();
        return IntStream.range(0, WIDTH).mapToDouble(i -> xy[2 * i + 1]).toArray();
    }

    /** Asserts the three sets hold exactly the neurons at (x_i, y_i), split 10 % / 30 % / 60 % by rank of c_i. */
    private static void assertGroups(FeatureSpaceChart chart, double[] x, double[] y, double[] c) {
        List<DoubleDataSet> sets = chart.neuronSets();
        int total = sets.stream().mapToInt(DataSet::getDataCount).sum();
        assertThat(total).as("every neuron is one point").isEqualTo(WIDTH);
        int[] order = byContribution(c);
        assertThat(points(sets.get(0))).as("large contribution: the top 2 of 20")
                .isEqualTo(points(x, y, Arrays.copyOfRange(order, 0, 2)));
        assertThat(points(sets.get(1))).as("medium: the next 6")
                .isEqualTo(points(x, y, Arrays.copyOfRange(order, 2, 8)));
        assertThat(points(sets.get(2))).as("small: the other 12")
                .isEqualTo(points(x, y, Arrays.copyOfRange(order, 8, WIDTH)));
    }

    @Test
    void everyNeuronIsOnePointAndTheLargeGroupHoldsTheTopContributions() throws Exception {
        ChartInput in = sine();
        FeatureSpaceChart chart = chart(in);
        Curves curves = in.latest().curves();
        double[] c = curves.contributions();
        assertGroups(chart, projectionX(curves), projectionY(curves), c);

        int[] order = byContribution(c);
        double sum = Arrays.stream(c).sum();
        long topShare = Math.round(100 * (c[order[0]] + c[order[1]]) / sum);
        assertThat(ChartTests.fx(() -> chart.neuronSets().get(0).getName()))
                .isEqualTo("large c_i: top 10 % carry " + topShare + " % of \u03a3c_i");
        assertThat(ChartTests.fx(() -> chart.neuronSets().get(1).getName())).isEqualTo("medium: next 30 %");
        assertThat(ChartTests.fx(() -> chart.neuronSets().get(2).getName())).isEqualTo("small: other 60 %");
    }

    @Test
    void axisNamesCarryTheExplainedVariance() throws Exception {
        ChartInput in = sine();
        FeatureSpaceChart chart = chart(in);
        double[] explained = in.latest().curves().projection().explained();
        assertThat(explained[0]).isGreaterThan(explained[1]);
        assertThat(ChartTests.fx(() -> chart.chart().getXAxis().getName())).isEqualTo(
                "principal component 1 (" + Math.round(100 * explained[0]) + " % of variance)");
        assertThat(ChartTests.fx(() -> chart.chart().getYAxis().getName())).isEqualTo(
                "principal component 2 (" + Math.round(100 * explained[1]) + " %)");
    }

    @Test
    void weightsViewPlacesEachNeuronAtItsWeightAndBias() throws Exception {
        ChartInput in = sine();
        FeatureSpaceChart chart = chart(in);
        Curves curves = in.latest().curves();
        assertThat(ChartTests.fx(chart::showingWeights)).isFalse();

        ChartTests.fx(() -> {
            chart.showWeights(true);
            return null;
        });
        assertThat(ChartTests.fx(chart::showingWeights)).isTrue();
        assertThat(ChartTests.fx(() -> chart.viewChoice().getValue())).isEqualTo(FeatureSpaceChart.WEIGHTS_VIEW);
        assertGroups(chart, curves.neuronW(), curves.neuronB(), curves.contributions());
        assertThat(ChartTests.fx(() -> chart.chart().getXAxis().getName())).isEqualTo("input weight w_i");
        assertThat(ChartTests.fx(() -> chart.chart().getYAxis().getName())).isEqualTo("bias b_i");

        ChartTests.fx(() -> {
            chart.showWeights(false);
            return null;
        });
        assertGroups(chart, projectionX(curves), projectionY(curves), curves.contributions());
        assertThat(ChartTests.fx(() -> chart.chart().getXAxis().getName())).startsWith("principal component 1 (");
    }

    @Test
    void switchShowsForOneInputAndCoversNeitherTitleNorLegend() throws Exception {
        FeatureSpaceChart chart = chart(sine());
        Stage stage = ChartTests.fx(() -> {
            Stage s = new Stage();
            Scene scene = new Scene(chart, 320, 460); // about one dashboard cell
            scene.getStylesheets().add(ChartPane.STYLESHEET);
            s.setScene(scene);
            s.show();
            return s;
        });
        try {
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> ChartTests.fx(() -> chart.chart().getBitState().isClean()
                    && chart.viewChoice().getWidth() > 0));
            WaitForAsyncUtils.waitForFxEvents(); // the layout that follows the switch's first size
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> ChartTests.fx(() -> chart.chart().getBitState().isClean()));
            Node choice = ChartTests.fx(() -> chart.lookup("#featureViewChoice"));
            assertThat(choice).isSameAs(chart.viewChoice());
            assertThat(ChartTests.fx(choice::isVisible)).isTrue();
            Bounds switchBounds = ChartTests.fx(() -> choice.localToScene(choice.getBoundsInLocal()));
            Bounds title = ChartTests.fx(() -> {
                var label = chart.chart().getTitleLabel();
                Bounds b = label.localToScene(label.getBoundsInLocal());
                double right = label.getPadding().getRight();
                return new BoundingBox(b.getMinX(), b.getMinY(), b.getWidth() - right, b.getHeight());
            });
            Bounds legend = ChartTests.fx(() -> {
                Node n = chart.chart().getLegend().getNode();
                return n.localToScene(n.getBoundsInLocal());
            });
            assertThat(switchBounds.getMaxX()).as("inside the chart").isLessThanOrEqualTo(320);
            assertThat(switchBounds.intersects(title)).as("the switch covers the title text area").isFalse();
            assertThat(switchBounds.intersects(legend)).as("the switch covers the legend").isFalse();
        } finally {
            ChartTests.fx(() -> {
                stage.hide();
                return null;
            });
        }
    }

    @Test
    void planarTaskHidesTheSwitchAndKeepsTheProjection() throws Exception {
        ChartInput in = circle();
        assertThat(in.task().inputs()).isEqualTo(2);
        FeatureSpaceChart chart = chart(in);
        assertThat(ChartTests.fx(() -> chart.viewChoice().isVisible())).isFalse();
        ChartTests.fx(() -> {
            chart.showWeights(true);
            return null;
        });
        assertThat(ChartTests.fx(chart::showingWeights)).isFalse();
        Curves curves = in.latest().curves();
        assertGroups(chart, projectionX(curves), projectionY(curves), curves.contributions());
        assertThat(ChartTests.fx(() -> chart.chart().getXAxis().getName())).startsWith("principal component 1 (");
    }

    @Test
    void drawsNothingBeforeTheFirstSnapshot() throws Exception {
        ChartInput in = sine();
        FeatureSpaceChart chart = chart(in);
        assertThat(chart.neuronSets().get(2).getDataCount()).isPositive();
        ChartTests.fx(() -> {
            chart.update(new ChartInput(in.task(), List.of(), null, null));
            return null;
        });
        assertThat(chart.neuronSets()).allSatisfy(ds -> assertThat(ds.getDataCount()).isZero());
    }
}
