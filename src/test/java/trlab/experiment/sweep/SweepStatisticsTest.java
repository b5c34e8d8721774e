package trlab.experiment.sweep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The summary plots' means and standard errors, on hand-made results. */
class SweepStatisticsTest {
    private static final SweepSpec SPEC = SweepSpec.parse("{\"base\": \"default\", \"set\": [\"network.width=5\"],"
            + " \"grid\": {\"network.width\": [10, 100], \"training.method\": [\"sgd\", \"full-batch\"]},"
            + " \"seeds\": 3, \"summarise\": [\"effectiveNeurons\"]}", "spec.json");

    private static PointResult result(String width, String method, long seed, double neff, long diverged) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("network.width", width);
        values.put("training.method", method);
        Map<String, Double> s = new LinkedHashMap<>();
        s.put("effectiveNeurons.last", neff);
        return new PointResult("k", values, seed, s, diverged, 0.1);
    }

    private static List<PointResult> results() {
        List<PointResult> r = new ArrayList<>();
        r.add(result("10", "sgd", 1, 2, -1));
        r.add(result("10", "sgd", 2, 4, -1));
        r.add(result("10", "sgd", 3, 6, -1));
        r.add(result("100", "sgd", 1, 10, -1));
        r.add(result("100", "sgd", 2, Double.NaN, -1)); // undefined: left out
        r.add(result("100", "sgd", 3, 1e9, 500)); // diverged: left out
        r.add(result("10", "full-batch", 1, 7, -1));
        return r;
    }

    @Test
    void eachPointIsTheMeanOverTheSeedsWithItsStandardError() {
        SweepStatistics.Plot plot = SweepStatistics.plot(SPEC, results(), "effectiveNeurons.last", "network.width",
                "training.method");
        assertThat(plot.logX()).as("10 to 100 spans a decade").isTrue();
        SweepStatistics.Line sgd = plot.lines().get(0);
        assertThat(sgd.name()).isEqualTo("training.method = sgd");
        assertThat(sgd.x()).containsExactly(10, 100);
        assertThat(sgd.mean()[0]).isEqualTo(4);
        // s = 2 over three runs: SE = 2 / sqrt(3)
        assertThat(sgd.error()[0]).isCloseTo(2 / Math.sqrt(3), within(1e-15));
        assertThat(sgd.counts()).containsExactly(3, 1);
        assertThat(sgd.mean()[1]).isEqualTo(10);
        assertThat(sgd.error()[1]).isZero();
        SweepStatistics.Line fullBatch = plot.lines().get(1);
        assertThat(fullBatch.mean()[0]).isEqualTo(7);
        assertThat(fullBatch.mean()[1]).isNaN();
        assertThat(fullBatch.counts()).containsExactly(1, 0);
    }

    @Test
    void everyQuantityIsPlottedAgainstEveryAxisWithLinesByTheOther() {
        List<SweepStatistics.Plot> plots = SweepStatistics.plots(SPEC, results());
        // effectiveNeurons.last and .lateMean, agingFit.alpha and .error, each against both axes
        assertThat(plots).hasSize(4 * 2);
        SweepStatistics.Plot byMethod = plots.get(1);
        assertThat(byMethod.xAxis()).isEqualTo("training.method");
        assertThat(byMethod.logX()).isFalse();
        assertThat(byMethod.lines()).extracting(SweepStatistics.Line::name)
                .containsExactly("network.width = 10", "network.width = 100");
        assertThat(byMethod.lines().get(0).x()).as("words are placed at 0, 1, ...").containsExactly(0, 1);
        assertThat(byMethod.fileName()).isEqualTo("effectiveNeurons.last-vs-training.method");
    }
}
