package trlab.app.chart;

import static org.assertj.core.api.Assertions.assertThat;

import io.fair_acc.dataset.DataSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;
import trlab.experiment.Comparison;
import trlab.experiment.config.ExperimentConfig;
import trlab.experiment.config.Presets;
import trlab.measure.Series;
import trlab.measure.Snapshot;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/** Every chart overlays compared runs: one series per arm in the arm's colour, named by what sets it apart. */
class OverlayChartTest {
    private static final ExperimentConfig SGD = Presets.builtinDefault();
    private static final List<ExperimentConfig> ARMS = List.of(SGD, SGD.withOverrides(Comparison.FULL_BATCH_TWIN),
            SGD.with("network.activation=relu"));
    private static final List<String> LABELS = Comparison.labels(ARMS);
    private static ChartInput three;

    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
        three = ChartTests.comparison(ARMS, 300);
    }

    private static <C extends ChartPane> C draw(Supplier<C> make, ChartInput in) throws Exception {
        return ChartTests.fx(() -> {
            C c = make.get();
            c.update(in);
            return c;
        });
    }

    /** The data sets drawn whose name begins or ends with an arm's label (its legend entry or its companions). */
    private static List<DataSet> armSets(ChartPane chart, String label) {
        return chart.dataSets().stream().filter(ds -> ds.getName().startsWith(label) || ds.getName().endsWith(label))
                .toList();
    }

    private static boolean inLegend(DataSet ds) {
        return !ds.getStyleClasses().contains("no-legend");
    }

    private static double[] ys(DataSet ds) {
        return ChartTests.values(ds, DataSet.DIM_Y);
    }

    private static double[] xs(DataSet ds) {
        return ChartTests.values(ds, DataSet.DIM_X);
    }

    @Test
    void labelsNameWhatDiffers() {
        assertThat(LABELS).containsExactly("SGD, batch 1, noise 1.0, tanh", "full batch", "relu");
    }

    @Test
    void stepsChartsDrawEachArmsSeriesInItsColourWithOneLegendEntryPerArm() throws Exception {
        record Case(Supplier<StepsChart> make, Series solid, Series dashed) {
        }
        List<Case> cases = List.of(new Case(LossChart::new, Series.TRAIN_LOSS, Series.TEST_LOSS),
                new Case(FeatureDimensionChart::new, Series.FEATURE_DIMENSION, Series.EFFECTIVE_NEURONS),
                new Case(FragilityChart::new, Series.ABLATION_FRAGILITY, Series.NOISE_FRAGILITY),
                new Case(AgingChart::new, Series.KERNEL_AMPLITUDE, null));
        for (Case c : cases) {
            StepsChart chart = draw(c.make(), three);
            for (int a = 0; a < ARMS.size(); a++) {
                ChartInput.Arm arm = three.arms().get(a);
                String colour = "arm-" + a;
                List<DataSet> sets = armSets(chart, LABELS.get(a)).stream()
                        .filter(ds -> ds.getStyleClasses().contains(colour)).toList();
                assertThat(sets).as("%s, arm %d", chart.fileName(), a).hasSize(c.dashed() == null ? 1 : 2);
                assertThat(sets.stream().filter(OverlayChartTest::inLegend)).as("legend entries").hasSize(1);
                StepsChart.Samples samples = StepsChart.Samples.of(arm);
                DataSet solid = sets.stream().filter(OverlayChartTest::inLegend).findFirst().orElseThrow();
                assertThat(xs(solid)).as("steps t > 0 on the log axis").isEqualTo(positive(samples.steps()));
                assertThat(ys(solid)).as("%s of arm %d", c.solid(), a).isEqualTo(positiveOnLog(chart,
                        samples.values(c.solid())));
                if (c.dashed() != null) {
                    DataSet dashed = sets.stream().filter(ds -> !inLegend(ds)).findFirst().orElseThrow();
                    assertThat(dashed.getStyleClasses()).contains("arm-dashed");
                    assertThat(ys(dashed)).isEqualTo(positiveOnLog(chart, samples.values(c.dashed())));
                }
            }
            assertThat(chart.chart().getAxes()).as("%s: the right axis steps aside", chart.fileName())
                    .noneMatch(axis -> axis.getSide() == io.fair_acc.chartfx.ui.geometry.Side.RIGHT
                            && chart.showsAxis(axis));
        }
    }

    /** What a chart's y axis shows of values: on a log axis only the positive ones (the others are gaps). */
    private static double[] positiveOnLog(StepsChart chart, double[] y) {
        boolean log = chart.chart().getYAxis() instanceof io.fair_acc.chartfx.axes.spi.DefaultNumericAxis axis
                && axis.isLogAxis();
        return log ? positive(y) : y;
    }

    private static double[] positive(double[] v) {
        double[] shown = v.clone();
        for (int i = 0; i < shown.length; i++) {
            shown[i] = shown[i] > 0 ? shown[i] : Double.NaN;
        }
        return shown;
    }

    @Test
    void agingFitsEachArmAndPutsItsAlphaInTheLegend() throws Exception {
        AgingChart chart = draw(AgingChart::new, three);
        for (int a = 0; a < ARMS.size(); a++) {
            String label = LABELS.get(a);
            assertThat(chart.dataSets().stream().map(DataSet::getName))
                    .anyMatch(name -> name.startsWith("\u03b1 = ") && name.endsWith(": " + label));
        }
        long fits = chart.dataSets().stream().filter(ds -> ds.getStyleClasses().contains("arm-fit")).count();
        assertThat(fits).isEqualTo(ARMS.size());
    }

    @Test
    void outputResponseSpectrumAndNeuronsOverlayEveryArm() throws Exception {
        OutputChart output = draw(OutputChart::new, three);
        ResponseChart response = draw(ResponseChart::new, three);
        SpectrumChart spectrum = draw(SpectrumChart::new, three);
        FeatureSpaceChart neurons = draw(FeatureSpaceChart::new, three);
        int m = three.task().probeCount();
        for (int a = 0; a < ARMS.size(); a++) {
            Snapshot latest = three.arms().get(a).latest();
            String label = LABELS.get(a);

            List<DataSet> f = armSets(output, label);
            assertThat(f).hasSize(1);
            assertThat(ys(f.get(0))).isEqualTo(latest.curves().output());

            List<DataSet> theta = armSets(response, label);
            assertThat(theta).hasSize(1);
            int row = response.shownRow();
            double[] expected = new double[m];
            for (int i = 0; i < m; i++) {
                expected[i] = latest.curves().ntk().total(row * m + i);
            }
            assertThat(ys(theta.get(0))).isEqualTo(expected);

            List<DataSet> now = armSets(spectrum, label).stream()
                    .filter(ds -> ds.getStyleClasses().contains("arm-spectrum")).toList();
            assertThat(now).hasSize(1);
            assertThat(ys(now.get(0))[0]).isEqualTo(1.0);

            List<DataSet> large = armSets(neurons, label);
            assertThat(large).hasSize(1);
            assertThat(large.get(0).getDataCount()).isEqualTo(2); // the top 10 % of 20 neurons
        }
        assertThat(response.referencePoint().getDataCount()).as("x_r marked on every arm's curve")
                .isEqualTo(ARMS.size());
        assertThat(output.trainingData().getDataCount()).isEqualTo(three.task().train().size());
        // tanh and relu start from one network but not one feature spectrum: each distinct start is drawn once
        long starts = spectrum.dataSets().stream().filter(ds -> ds.getName().contains("start")).count();
        assertThat(starts).isEqualTo(2);
    }

    @Test
    void aLoneRunAgainShowsItsOwnSeriesAndTheRightAxis() throws Exception {
        ChartInput lone = ChartTests.shortRun(SGD, 300, -1);
        LossChart chart = draw(LossChart::new, three);
        ChartTests.fx(() -> {
            chart.update(lone);
            return null;
        });
        assertThat(chart.dataSets().stream().map(DataSet::getName)).contains("training loss", "test loss",
                "kernel drift D (right)");
        assertThat(chart.dataSets().stream().map(DataSet::getName)).noneMatch(n -> n.startsWith("SGD"));
        assertThat(chart.chart().getRenderers()).as("the right axis's renderer is back")
                .allMatch(r -> !r.getDatasets().isEmpty());
        assertThat(chart.chart().getAxes())
                .anyMatch(axis -> axis.getSide() == io.fair_acc.chartfx.ui.geometry.Side.RIGHT && chart.showsAxis(axis));

        ResponseChart response = draw(ResponseChart::new, three);
        assertThat(response.showsAxis(response.rightAxis())).isFalse();
        ChartTests.fx(() -> {
            response.update(lone);
            return null;
        });
        assertThat(response.showsAxis(response.rightAxis())).as("the measured response's axis is back").isTrue();
        assertThat(response.dataSets()).contains(response.responseLine(), response.kernelLine());
    }

    @Test
    void aComparedChartsCsvNamesEachArmsColumnsAndLeavesOutLegendKeys() throws Exception {
        LossChart loss = draw(LossChart::new, three);
        String header = ChartTests.fx(loss::csv).lines().findFirst().orElseThrow();
        assertThat(header).contains("full batch: training loss: steps t", "full batch: test loss: y",
                "relu: test loss: y", "\"SGD, batch 1, noise 1.0, tanh: test loss: y\"");
        assertThat(header).doesNotContain("solid:", "dashed:", "decades");
        AgingChart aging = draw(AgingChart::new, three);
        assertThat(ChartTests.fx(aging::csv).lines().findFirst().orElseThrow())
                .contains("full batch: fit t^-\u03b1: y");
    }

    @Test
    void aLegendEntryWiderThanADashboardCellIsCutNotThePlot() throws Exception {
        List<ExperimentConfig> arms = List.of(SGD, SGD.withOverrides(Comparison.FULL_BATCH_TWIN),
                SGD.with("network.activation=relu").with("training.learningRate=0.01"),
                SGD.with("training.batchSize=4"));
        ChartInput four = ChartTests.comparison(arms, 300);
        assertThat(four.arms().get(0).label()).isEqualTo("SGD, batch 1, noise 1.0, \u03b7 = 0.02, tanh");
        double[] axisX = ChartTests.fx(() -> {
            AgingChart chart = new AgingChart();
            chart.update(four);
            javafx.stage.Stage stage = new javafx.stage.Stage();
            javafx.scene.Scene scene = new javafx.scene.Scene(chart, 330, 440);
            scene.getStylesheets().add(ChartPane.STYLESHEET);
            stage.setScene(scene);
            stage.show();
            chart.applyCss();
            chart.layout();
            javafx.scene.Node yAxis = (javafx.scene.Node) chart.chart().getYAxis();
            javafx.scene.Node xAxis = (javafx.scene.Node) chart.chart().getXAxis();
            javafx.geometry.Bounds y = yAxis.localToScene(yAxis.getBoundsInLocal());
            javafx.geometry.Bounds x = xAxis.localToScene(xAxis.getBoundsInLocal());
            stage.hide();
            return new double[]{y.getMinX(), x.getMinX(), x.getWidth()};
        });
        assertThat(axisX[0]).as("the y axis, its name included, starts inside the cell").isGreaterThanOrEqualTo(0);
        assertThat(axisX[1]).as("the plot starts right of it").isGreaterThan(axisX[0]);
        assertThat(axisX[2]).as("and spans most of the cell").isBetween(200.0, 330.0);
    }

    @Test
    void aSelectedRunWithoutASnapshotYetLeavesNoChartBlank() throws Exception {
        ChartInput.Arm fresh = new ChartInput.Arm("new run", 3, List.of(), null, null);
        List<ChartInput.Arm> arms = new ArrayList<>(three.arms());
        arms.add(fresh);
        ChartInput in = new ChartInput(three.task(), arms, 3);
        OutputChart output = draw(OutputChart::new, in);
        ResponseChart response = draw(ResponseChart::new, in);
        assertThat(output.trainingData().getDataCount()).isEqualTo(three.task().train().size());
        assertThat(armSets(output, LABELS.get(0))).hasSize(1);
        assertThat(response.shownRow()).isNotNegative();
        assertThat(armSets(response, LABELS.get(2))).hasSize(1);
        for (Supplier<? extends ChartPane> make : List.<Supplier<? extends ChartPane>>of(LossChart::new,
                AgingChart::new, SpectrumChart::new, FeatureSpaceChart::new, FeatureDimensionChart::new,
                FragilityChart::new)) {
            ChartPane chart = draw(make, in);
            assertThat(chart.dataSets()).as(chart.fileName()).anyMatch(ds -> ds.getDataCount() > 0);
            assertThat(chart.dataSets()).as(chart.fileName()).noneMatch(ds -> ds.getName().startsWith("new run")
                    && ds.getDataCount() > 0);
        }
    }

    @Test
    void aHeatMapShowsTheSelectedArmAndSaysWhich() throws Exception {
        ExperimentConfig circle = ExperimentConfig.defaults().with("task.kind=circle").with("measure.gridPoints=11");
        List<ExperimentConfig> arms = List.of(circle, circle.with("training.learningRate=0.005"));
        ChartInput two = ChartTests.comparison(arms, 100);
        ChartInput second = new ChartInput(two.task(), two.arms(), 1);
        OutputChart output = draw(OutputChart::new, second);
        ResponseChart response = draw(ResponseChart::new, second);
        for (ChartPane chart : List.of(output, response)) {
            assertThat(chart.dataSets()).as(chart.fileName()).anySatisfy(ds -> {
                assertThat(ds.getName()).isEqualTo("map: \u03b7 = 0.005");
                assertThat(ds.getStyleClasses()).contains("arm-1");
            });
        }
        io.fair_acc.dataset.spi.DoubleGridDataSet grid = output.heatMap().grid();
        double[] f = second.latest().curves().output();
        int g = two.task().gridSide();
        for (int i = 0; i < g * g; i++) {
            assertThat(grid.get(DataSet.DIM_Z, i)).as("output 1 of the selected arm at grid point %d", i)
                    .isEqualTo(f[i * two.task().outputs()]);
        }
        assertThat(f).isNotEqualTo(two.arms().get(0).latest().curves().output());
    }
}
