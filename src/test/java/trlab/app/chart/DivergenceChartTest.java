package trlab.app.chart;

import static org.assertj.core.api.Assertions.assertThat;

import io.fair_acc.chartfx.axes.spi.DefaultNumericAxis;
import io.fair_acc.dataset.DataSet;
import javafx.stage.Stage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import trlab.experiment.config.ExperimentConfig;
import trlab.experiment.config.Presets;

import java.util.List;
import java.util.function.Supplier;

/**
 * A run that diverges (learning rate 50) reaches 1e289 and then infinity. Its charts draw only finite values up to
 * 1e12, say that they left the rest out, and label a log axis with a handful of powers of ten, not 300.
 */
@ExtendWith(ApplicationExtension.class)
class DivergenceChartTest {
    private static final ExperimentConfig DIVERGING = Presets.builtinDefault().with("training.learningRate=50");
    private static ChartInput diverged;
    private static ChartInput healthy;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    @BeforeAll
    static void runs() {
        diverged = ChartTests.shortRun(DIVERGING, 30, -1);
        healthy = ChartTests.shortRun(Presets.builtinDefault(), 60, -1);
    }

    private static final List<Supplier<ChartPane>> CHARTS = List.of(OutputChart::new, ResponseChart::new,
            AgingChart::new, LossChart::new, FeatureSpaceChart::new, SpectrumChart::new, FeatureDimensionChart::new,
            FragilityChart::new);

    @Test
    void everyChartDrawsOnlyFiniteValuesWithinTheLimit() throws Exception {
        for (Supplier<ChartPane> make : CHARTS) {
            ChartPane chart = ChartTests.fx(() -> {
                ChartPane c = make.get();
                c.update(diverged);
                return c;
            });
            for (DataSet ds : chart.dataSets()) {
                for (int dim = 0; dim < ds.getDimension(); dim++) {
                    for (double v : ChartTests.values(ds, dim)) {
                        assertThat(Double.isNaN(v) || Math.abs(v) <= ChartPane.LIMIT)
                                .as("%s: %s = %s", chart.fileName(), ds.getName(), v).isTrue();
                    }
                }
            }
        }
    }

    @Test
    void theLossAndFragilitySayThatTheyLeftValuesOutAndAHealthyRunDoesNot() throws Exception {
        for (Supplier<ChartPane> make : List.<Supplier<ChartPane>>of(LossChart::new, FragilityChart::new)) {
            ChartPane chart = ChartTests.fx(() -> {
                ChartPane c = make.get();
                c.update(diverged);
                return c;
            });
            assertThat(ChartTests.fx(chart::showsClipNote)).as(chart.fileName()).isTrue();
            ChartTests.fx(() -> {
                chart.update(healthy);
                return null;
            });
            assertThat(ChartTests.fx(chart::showsClipNote)).as(chart.fileName()).isFalse();
        }
    }

    @Test
    void aLogAxisOverManyDecadesLabelsOnlyAFewOfThem() throws Exception {
        LossChart chart = ChartTests.fx(() -> {
            LossChart c = new LossChart();
            c.update(diverged);
            return c;
        });
        OutputChartTest.showAndRender(stage, chart);
        DefaultNumericAxis loss = (DefaultNumericAxis) chart.chart().getYAxis();
        long labelled = ChartTests.fx(() -> loss.getTickMarks().stream()
                .filter(t -> t.getText() != null && !t.getText().isEmpty()).count());
        double decades = ChartTests.fx(() -> Math.log10(loss.getMax() / loss.getMin()));
        assertThat(decades).as("decades on the loss axis").isGreaterThan(ChartPane.MAX_LOG_LABELS);
        assertThat(labelled).isBetween(2L, (long) ChartPane.MAX_LOG_LABELS + 1);
    }
}
