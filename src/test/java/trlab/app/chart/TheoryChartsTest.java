package trlab.app.chart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.fair_acc.dataset.DataSet;
import io.fair_acc.dataset.GridDataSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import trlab.experiment.Experiment;
import trlab.experiment.config.ExperimentConfig;
import trlab.measure.Regions;
import trlab.measure.Series;
import trlab.measure.Snapshot;

import java.util.List;

/** The theory view's charts draw what a run with the kernel models recorded (SCIENCE.md §6). */
@ExtendWith(ApplicationExtension.class)
class TheoryChartsTest {

    /** A finished short run with the models on: its record, and its latest snapshot. */
    private static ChartInput run(String... overrides) {
        ExperimentConfig c = ExperimentConfig.defaults().withOverrides(List.of("network.width=20",
                "theory.models=true", "training.steps=3000")).withOverrides(List.of(overrides));
        try (Experiment e = Experiment.start(c)) {
            while (!e.finished()) {
                e.advance(1000);
            }
            return ChartInput.ofRecord(e.task(), e.record());
        }
    }

    private static DataSet named(ChartPane chart, String name) {
        return chart.dataSets().stream().filter(d -> d.getName().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void theErrorChartDrawsBothModelsAndTheScaleOverT() throws Exception {
        ChartInput in = run();
        ModelErrorChart chart = ChartTests.fx(() -> {
            ModelErrorChart c = new ModelErrorChart();
            c.update(in);
            return c;
        });
        double[] frozen = ChartTests.values(named(chart, "frozen-kernel model"), DataSet.DIM_Y);
        assertThat(frozen).hasSize(in.rows().size());
        double[] fromRecord = in.rows().stream().mapToDouble(r -> r[Series.FROZEN_MODEL_ERROR.ordinal()]).toArray();
        for (int i = 1; i < frozen.length; i++) {
            assertThat(frozen[i]).isCloseTo(fromRecord[i], within(1e-15));
        }
        assertThat(ChartTests.values(named(chart, "response-law model"), DataSet.DIM_Y)).hasSize(frozen.length);
        assertThat(ChartTests.values(named(chart, "output RMS (the scale)"), DataSet.DIM_Y)).isNotEmpty()
                .doesNotContain(0.0);
    }

    @Test
    void theOutputChartDrawsTheNetworkAndBothModelsOverTheProbeGrid() throws Exception {
        ChartInput in = run();
        ModelOutputChart chart = ChartTests.fx(() -> {
            ModelOutputChart c = new ModelOutputChart();
            c.update(in);
            return c;
        });
        Snapshot last = in.latest();
        double[] network = ChartTests.values(named(chart, "network f(x)"), DataSet.DIM_Y);
        double[] law = ChartTests.values(named(chart, "response-law model"), DataSet.DIM_Y);
        assertThat(network).containsExactly(last.curves().output());
        assertThat(law).containsExactly(last.curves().lawModelOutput());
        assertThat(ChartTests.values(named(chart, "training data"), DataSet.DIM_X)).hasSize(16);
    }

    @Test
    void theDecisionChartShowsEveryRecordedDecisionInLogTimeRows() throws Exception {
        ChartInput in = run("task.kind=encoding", "task.regions=3", "task.points=24");
        DecisionChart chart = ChartTests.fx(() -> {
            DecisionChart c = new DecisionChart();
            c.update(in);
            return c;
        });
        GridDataSet grid = (GridDataSet) chart.dataSets().stream().filter(d -> d instanceof GridDataSet).findFirst()
                .orElseThrow();
        int m = in.task().probeCount();
        assertThat(grid.getShape(0)).isEqualTo(m);
        // 3000 steps: 3.5 decades of rows, 40 a decade
        assertThat(grid.getShape(1)).isEqualTo((int) Math.ceil(Math.log10(3000) * DecisionChart.ROWS_PER_DECADE) + 1);
        int[] lastDecision = Regions.decisions(in.latest().curves().output(), 3);
        int top = grid.getShape(1) - 1;
        for (int p = 0; p < m; p++) {
            assertThat(grid.get(DataSet.DIM_Z, top * m + p)).as("top row, point %d", p).isEqualTo(lastDecision[p]);
        }
        assertThat(chart.chart().getTitle()).isEqualTo(String.format("Decision over time: %.0f regions now",
                in.latest().regions()).replace("1 regions", "1 region"));
        assertThat(chart.dataSets()).extracting(DataSet::getName).contains("output 1 largest", "output 3 largest");
    }

    @Test
    void thePlasticityChartDrawsPlasticityAndTheRegionsCount() throws Exception {
        ChartInput in = run();
        PlasticityChart chart = ChartTests.fx(() -> {
            PlasticityChart c = new PlasticityChart();
            c.update(in);
            return c;
        });
        double[] plasticity = ChartTests.values(named(chart, "plasticity"), DataSet.DIM_Y);
        assertThat(plasticity).hasSize(in.rows().size());
        assertThat(java.util.Arrays.stream(plasticity).allMatch(v -> v > 0 && v < 1)).isTrue();
        double[] regions = ChartTests.values(named(chart, "regions of constant decision (right)"), DataSet.DIM_Y);
        assertThat(java.util.Arrays.stream(regions).allMatch(v -> v >= 1 && v == Math.rint(v))).isTrue();
    }

    @Test
    void aFrozenModelThatRunsAwayIsNamedDivergedWhileTheResponseLawOneFollows() throws Exception {
        // eta 0.05 is beyond the first kernel's stability for the linearised network of this encoding task
        ChartInput in = run("task.kind=encoding", "task.regions=4", "task.points=32", "training.learningRate=0.05",
                "network.width=100");
        ModelErrorChart chart = ChartTests.fx(() -> {
            ModelErrorChart c = new ModelErrorChart();
            c.update(in);
            return c;
        });
        assertThat(chart.dataSets()).extracting(DataSet::getName).contains("frozen-kernel model: diverged");
        assertThat(in.latest().lawModelError()).isLessThan(in.latest().outputRms());

        ChartInput calm = run();
        ModelErrorChart other = ChartTests.fx(() -> {
            ModelErrorChart c = new ModelErrorChart();
            c.update(calm);
            return c;
        });
        assertThat(other.dataSets()).extracting(DataSet::getName).contains("frozen-kernel model");
    }
}
