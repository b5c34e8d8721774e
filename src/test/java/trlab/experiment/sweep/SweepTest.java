package trlab.experiment.sweep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import trlab.experiment.config.ConfigException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** A sweep expands its grid, runs each point once whatever the threads or shards, and refuses a bad spec whole. */
class SweepTest {
    private static final String SPEC = """
            {"base": "default", "set": ["training.steps=400", "network.width=10"],
             "grid": {"training.learningRate": [0.01, 0.03], "network.activation": ["tanh", "relu", "sigmoid"]},
             "seeds": [4, 9], "summarise": ["effectiveNeurons", "trainLoss"]}""";

    private static SweepSpec spec() {
        return SweepSpec.parse(SPEC, "spec.json");
    }

    /** The table without its last column, the wall time: everything that must not depend on how the sweep ran. */
    private static List<String> table(Path dir) throws IOException {
        List<String> rows = new ArrayList<>();
        for (String line : Files.readAllLines(dir.resolve(Sweep.CSV))) {
            rows.add(line.substring(0, line.lastIndexOf(',')));
        }
        return rows;
    }

    @Test
    void theGridExpandsToEveryCombinationTimesEverySeed() {
        List<SweepPoint> points = spec().points();
        assertThat(points).hasSize(2 * 3 * 2);
        assertThat(points.get(0).values()).containsEntry("training.learningRate", "0.01")
                .containsEntry("network.activation", "tanh");
        assertThat(points.get(0).seed()).isEqualTo(4);
        assertThat(points.get(1).seed()).isEqualTo(9);
        assertThat(points.get(2).values()).containsEntry("network.activation", "relu");
        assertThat(points.get(11).values()).containsEntry("training.learningRate", "0.03")
                .containsEntry("network.activation", "sigmoid");
        SweepPoint p = points.get(3);
        assertThat(p.config().training().seed()).isEqualTo(9);
        assertThat(p.config().network().seed()).isEqualTo(9);
        assertThat(p.config().task().seed()).isEqualTo(9);
        assertThat(p.config().training().steps()).isEqualTo(400);
        assertThat(points.stream().map(SweepPoint::key).distinct()).hasSize(12);
    }

    @Test
    void theTableIsTheSameWithOneOrTwoThreadsAndFromTwoShards(@TempDir Path dir) throws IOException {
        Sweep.Outcome one = Sweep.run(spec(), spec().points(), dir.resolve("one"), 1, Sweep.Shard.ALL, (r, d, n) -> { });
        Sweep.run(spec(), spec().points(), dir.resolve("two"), 2, Sweep.Shard.ALL, (r, d, n) -> { });
        Sweep.Outcome first = Sweep.run(spec(), spec().points(), dir.resolve("shards"), 1, new Sweep.Shard(0, 2), (r, d, n) -> { });
        assertThat(first.ran()).isEqualTo(6);
        assertThat(first.present()).isEqualTo(6);
        Sweep.Outcome second = Sweep.run(spec(), spec().points(), dir.resolve("shards"), 1, new Sweep.Shard(1, 2), (r, d, n) -> { });
        assertThat(second.ran()).isEqualTo(6);
        assertThat(second.present()).isEqualTo(12);

        assertThat(one.ran()).isEqualTo(12);
        assertThat(table(dir.resolve("one"))).hasSize(13).isEqualTo(table(dir.resolve("two")))
                .isEqualTo(table(dir.resolve("shards")));
        assertThat(table(dir.resolve("one")).get(0)).isEqualTo("training.learningRate,network.activation,seed,"
                + "effectiveNeurons.last,effectiveNeurons.lateMean,trainLoss.last,trainLoss.lateMean,agingFit.alpha,"
                + "agingFit.error,diverged,divergedAtStep");
    }

    @Test
    void aStoppedSweepRunsOnlyThePointsWithoutAResult(@TempDir Path dir) throws IOException {
        Sweep.run(spec(), spec().points(), dir, 2, Sweep.Shard.ALL, (r, d, n) -> { });
        List<String> whole = table(dir);
        // as if the sweep had been stopped after some points: three results are gone
        List<Path> results;
        try (Stream<Path> files = Files.list(dir.resolve(Sweep.POINTS))) {
            results = files.sorted().toList();
        }
        for (Path gone : results.subList(0, 3)) {
            Files.delete(gone);
        }
        assertThat(Sweep.toRun(spec().points(), dir, Sweep.Shard.ALL)).hasSize(3);
        List<Integer> ran = new ArrayList<>();
        Sweep.Outcome again = Sweep.run(spec(), spec().points(), dir, 2, Sweep.Shard.ALL, (r, done, n) -> ran.add(n));
        assertThat(again.ran()).isEqualTo(3);
        assertThat(ran).hasSize(3).containsOnly(3);
        assertThat(table(dir)).isEqualTo(whole);
    }

    @Test
    void keptRunFoldersHoldEachPointsRunAndTheSameNumbers(@TempDir Path dir) throws IOException {
        List<SweepPoint> points = spec().points().subList(0, 2);
        Sweep.run(spec(), points, dir.resolve("kept"), 2, Sweep.Shard.ALL, true, (r, d, n) -> { });
        Sweep.run(spec(), points, dir.resolve("plain"), 2, Sweep.Shard.ALL, false, (r, d, n) -> { });
        for (SweepPoint p : points) {
            Path run = Sweep.runFolder(dir.resolve("kept"), p);
            assertThat(run.resolve("run.json")).isRegularFile();
            assertThat(Files.readAllLines(run.resolve("metrics.csv")).get(0)).contains("effectiveNeurons");
        }
        assertThat(dir.resolve("plain").resolve(Sweep.RUNS)).doesNotExist();
        assertThat(table(dir.resolve("kept"))).isEqualTo(table(dir.resolve("plain")));
    }

    @Test
    void theEstimateWeighsTheRestByStepsTimesWidthOverTheThreads() {
        SweepSpec wide = SweepSpec.parse("""
                {"base": "default", "set": ["training.steps=1000"], "grid": {"network.width": [10, 40]},
                 "seeds": 2}""", "spec.json");
        List<SweepPoint> points = wide.points(); // width 10 seeds 1, 2; width 40 seeds 1, 2
        List<SweepPoint> first = points.subList(0, 2);
        // the first two ran side by side in 3 s and 5 s: 4 s per 10^4 step-neurons on average
        Estimate e = Estimate.of(first, List.of(3.0, 5.0), points.subList(2, 4), 2);
        assertThat(e.measured()).isEqualTo(2);
        assertThat(e.firstSeconds()).isEqualTo(5.0);
        assertThat(e.remaining()).isEqualTo(2);
        // two points four times as wide, on two threads: 16 s
        assertThat(e.seconds()).isEqualTo(16.0);
        // on one thread they run one after the other
        assertThat(Estimate.of(first, List.of(3.0, 5.0), points.subList(2, 4), 1).seconds()).isEqualTo(32.0);
        // more threads than points leave threads idle: one point left takes one point's time
        assertThat(Estimate.of(first, List.of(3.0, 5.0), points.subList(3, 4), 8).seconds()).isEqualTo(16.0);
        assertThat(Estimate.of(first, List.of(3.0, 5.0), List.of(), 2).seconds()).isZero();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "{\"base\": \"default\", \"gird\": {}}|spec.json: unknown field \"gird\"; a sweep spec has base, set, grid, seeds, summarise.",
        "{\"base\": \"default\", \"grid\": {\"network.width\": []}}|spec.json: grid.network.width = [] is empty; it must be a non-empty list of values.",
        "{\"base\": \"default\", \"grid\": {\"network.width\": 10}}|spec.json: grid.network.width = 10 is not a list; it must be a non-empty list of values.",
        "{\"base\": \"default\", \"grid\": {\"network.width\": [0]}}|spec.json: grid {network.width=0} with seed 1: --set network.width=0: network.width = 0 is out of range; it must be an integer from 1 to 100000.",
        "{\"base\": \"default\", \"grid\": {\"network.wdth\": [5]}}|spec.json: grid {network.wdth=5} with seed 1: --set network.wdth=5: unknown field \"network.wdth\" (did you mean \"network.width\"?); the network section has width, activation, parameterization, weightScale, biasScale, seed.",
        "{\"base\": \"default\", \"grid\": {\"network.seed\": [5]}}|spec.json: grid.network.seed = [5] is not allowed; the seeds come from the spec's seeds.",
        "{\"base\": \"default\", \"seeds\": 0}|spec.json: seeds = 0 is out of range; a count of seeds must be from 1 to 1000.",
        "{\"base\": \"default\", \"seeds\": [1, 1]}|spec.json: seeds = [1,1] holds 1 twice; each seed must be new.",
        "{\"base\": \"default\", \"summarise\": [\"alpha\"]}|spec.json: summarise = [\"alpha\"] holds \"alpha\", which is not a series; each item must be one of the series of metrics.csv, e.g. agingExponent or effectiveNeurons.",
        "{\"grid\": {}}|spec.json: base = (missing) is not a preset; it must name a built-in preset or a preset file.",
    })
    void aBadSpecIsOneSentenceNamingItsFieldAndNothingRuns(String json, String message, @TempDir Path dir) {
        assertThatThrownBy(() -> SweepSpec.parse(json, "spec.json")).isInstanceOf(ConfigException.class)
                .hasMessage(message);
        assertThat(dir.resolve(Sweep.POINTS)).doesNotExist();
    }
}
