package trlab.app.chart;

import static org.assertj.core.api.Assertions.assertThat;

import io.fair_acc.dataset.DataSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;
import trlab.experiment.config.Presets;

import java.util.List;

/**
 * What helps a student read the charts: no neuron hidden under the large dots, the test loss visible over the
 * training loss, and the sign of the measured response and the aging fit's overshoot explained.
 */
class ReadingAidsTest {
    private static ChartInput run;

    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
        run = ChartTests.shortRun(Presets.builtinDefault(), 500, -1);
    }

    private static <C extends ChartPane> C drawn(java.util.function.Supplier<C> make) throws Exception {
        return ChartTests.fx(() -> {
            C c = make.get();
            c.update(run);
            return c;
        });
    }

    @Test
    void theManySmallNeuronsAreDrawnOverTheFewLargeOnes() throws Exception {
        FeatureSpaceChart chart = drawn(FeatureSpaceChart::new);
        List<DataSet> order = chart.dataSets(); // a renderer draws its first set last, on top
        List<io.fair_acc.dataset.spi.DoubleDataSet> groups = chart.neuronSets(); // large, medium, small
        assertThat(order.indexOf(groups.get(2))).isLessThan(order.indexOf(groups.get(1)));
        assertThat(order.indexOf(groups.get(1))).isLessThan(order.indexOf(groups.get(0)));
    }

    @Test
    void theTestLossIsDrawnOverTheTrainingLoss() throws Exception {
        LossChart chart = drawn(LossChart::new);
        List<String> order = chart.dataSets().stream().map(DataSet::getName).toList();
        assertThat(order.indexOf("test loss")).isGreaterThanOrEqualTo(0)
                .isLessThan(order.indexOf("training loss"));
    }

    @Test
    void theResponseSaysWhyRChangesSignAndTheAgingChartWhyAFitOvershoots() throws Exception {
        ResponseChart response = drawn(ResponseChart::new);
        assertThat(ChartTests.fx(() -> response.responseLine().getName())).contains("\u2212\u0398\u00b7dl/df");
        assertThat(ChartTests.fx(response::explanation)).contains("opposite sign").contains("above its target");
        AgingChart aging = drawn(AgingChart::new);
        assertThat(ChartTests.fx(aging::explanation)).contains("label noise").contains("overshoot");
    }
}
