package trlab.app.chart;

import static org.assertj.core.api.Assertions.assertThat;

import io.fair_acc.dataset.DataSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;
import trlab.measure.Curves;
import trlab.measure.Snapshot;

import java.util.List;

/** What a user sees in the feature-spectrum chart, from real short runs (headless under Monocle). */
class SpectrumChartTest {

    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    private static SpectrumChart chart(ChartInput in) throws Exception {
        return ChartTests.fx(() -> {
            SpectrumChart c = new SpectrumChart();
            c.update(in);
            return c;
        });
    }

    private static double[] values(DataSet ds, int dim) {
        return ChartTests.values(ds, dim);
    }

    /** The same snapshot with another feature spectrum. */
    private static Snapshot withSpectrum(Snapshot s, double[] spectrum) {
        Curves c = s.curves();
        Curves curves = new Curves(c.references(), c.focus(), c.focusRow(), c.referenceX(), c.output(), c.ntk(),
                c.response(), spectrum, c.projection(), c.contributions(), c.neuronW(), c.neuronB(),
                c.featureOutput(), c.frozenModelOutput(), c.lawModelOutput());
        return new Snapshot(s.step(), s.epoch(), s.trainLoss(), s.testLoss(), s.kernelAmplitude(),
                s.kernelAmplitudeOutput(), s.kernelAmplitudeHidden(), s.kernelDrift(), s.shapeDrift(), s.kernelWidth(),
                s.agingExponent(), s.agingExponentError(), s.featureDimension(), s.effectiveNeurons(),
                s.ablationFragility(), s.ablationFragilityMean(), s.noiseFragility(), s.inputSensitivity(),
                s.outputRms(), s.regions(), s.plasticity(), s.frozenModelError(), s.lawModelError(), curves);
    }

    @Test
    void latestSpectrumHasOneValuePerFeatureDirectionStartingAtOne() throws Exception {
        ChartInput in = FeatureSpaceChartTest.sine();
        SpectrumChart chart = chart(in);
        int m = in.task().featureCount();
        int n = 20;
        double[] x = values(chart.latestSet(), DataSet.DIM_X);
        double[] y = values(chart.latestSet(), DataSet.DIM_Y);
        assertThat(y).hasSize(Math.min(m, n));
        assertThat(y[0]).isEqualTo(1.0);
        double[] spectrum = in.latest().curves().spectrum();
        for (int j = 0; j < y.length; j++) {
            assertThat(x[j]).as("index j from 1").isEqualTo(j + 1);
            double ratio = spectrum[j] / spectrum[0];
            if (ratio >= SpectrumChart.RESOLVED) {
                assertThat(y[j]).as("sigma_%d / sigma_1", j + 1).isEqualTo(ratio);
            } else {
                assertThat(y[j]).as("unresolved sigma_%d / sigma_1 is a gap", j + 1).isNaN();
            }
        }
        assertThat(ChartTests.fx(() -> chart.latestSet().getName())).isEqualTo("now (t = 300)");
        assertThat(ChartTests.fx(() -> chart.firstSet().getName())).isEqualTo("start (t = 0)");
        assertThat(ChartTests.fx(() -> chart.chart().getYAxis().getName())).isEqualTo("\u03c3_j / \u03c3_1");
        assertThat(ChartTests.fx(() -> chart.chart().getXAxis().getName())).isEqualTo("index j");
    }

    @Test
    void startSpectrumStaysBehindAndDiffersAfterTraining() throws Exception {
        ChartInput in = FeatureSpaceChartTest.sine();
        SpectrumChart chart = chart(in);
        double[] now = values(chart.latestSet(), DataSet.DIM_Y);
        double[] start = values(chart.firstSet(), DataSet.DIM_Y);
        assertThat(start).hasSameSizeAs(now);
        assertThat(start[0]).isEqualTo(1.0);
        double largest = 0;
        for (int j = 0; j < now.length; j++) {
            if (Double.isFinite(now[j]) && Double.isFinite(start[j])) {
                largest = Math.max(largest, Math.abs(Math.log(now[j] / start[j])));
            }
        }
        assertThat(largest).as("largest |log ratio| of now to start").isGreaterThan(1e-3);
    }

    @Test
    void zerosAndRoundoffBecomeGapsOnTheLogAxis() throws Exception {
        ChartInput run = FeatureSpaceChartTest.sine();
        double[] spectrum = {2, 1, 2e-3, 4e-7, 2e-9, 1e-20, 0, -1e-18};
        ChartInput in = new ChartInput(run.task(), run.rows(), run.first(), withSpectrum(run.latest(), spectrum));
        SpectrumChart chart = chart(in);
        double[] y = values(chart.latestSet(), DataSet.DIM_Y);
        assertThat(y).hasSize(spectrum.length);
        assertThat(y[0]).isEqualTo(1.0);
        assertThat(y[1]).isEqualTo(0.5);
        assertThat(y[2]).isEqualTo(1e-3);
        assertThat(y[3]).isEqualTo(2e-7);
        for (int j = 4; j < y.length; j++) {
            assertThat(y[j]).as("value %d is below what the Gram route resolves", j + 1).isNaN();
        }
        assertThat(ChartTests.fx(() -> chart.chart().getYAxis().isLogAxis())).isTrue();
        assertThat(ChartTests.fx(() -> chart.chart().getYAxis().isAutoRanging()))
                .as("a fixed frame: roundoff never sets the scale").isFalse();
        assertThat(ChartTests.fx(() -> chart.chart().getYAxis().getMin()))
                .as("fixed lower end of the log axis").isPositive().isLessThan(SpectrumChart.RESOLVED);
    }

    @Test
    void drawsNothingBeforeTheFirstSnapshot() throws Exception {
        ChartInput run = FeatureSpaceChartTest.sine();
        SpectrumChart chart = chart(run);
        assertThat(chart.latestSet().getDataCount()).isPositive();
        ChartTests.fx(() -> {
            chart.update(new ChartInput(run.task(), List.of(), null, null));
            return null;
        });
        assertThat(chart.dataSets()).allSatisfy(ds -> assertThat(ds.getDataCount()).isZero());
    }
}
