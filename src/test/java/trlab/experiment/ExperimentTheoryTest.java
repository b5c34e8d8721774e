package trlab.experiment;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import trlab.experiment.config.ExperimentConfig;
import trlab.measure.Series;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** The kernel models run beside the network (SCIENCE.md §6) without touching it, from t0 on. */
class ExperimentTheoryTest {
    private static final Set<Series> MODEL_SERIES = EnumSet.of(Series.FROZEN_MODEL_ERROR, Series.LAW_MODEL_ERROR);

    private static ExperimentConfig config(String... overrides) {
        return ExperimentConfig.defaults().withOverrides(List.of("network.width=20", "training.labelNoise=0.5",
                "training.steps=3000")).withOverrides(List.of(overrides));
    }

    private static Experiment runToEnd(ExperimentConfig c) {
        Experiment e = Experiment.start(c);
        while (!e.finished()) {
            e.advance(700);
        }
        return e;
    }

    @Test
    void theModelsChangeNoNumberOfTheNetwork() {
        try (Experiment off = runToEnd(config()); Experiment on = runToEnd(config("theory.models=true"))) {
            assertThat(on.record().size()).isEqualTo(off.record().size()).isGreaterThan(40);
            for (Series s : Series.values()) {
                if (!MODEL_SERIES.contains(s)) {
                    assertThat(Arrays.equals(on.record().series(s), off.record().series(s))).as(s.key()).isTrue();
                }
            }
            assertThat(on.finalState().network().sameParameters(off.finalState().network())).isTrue();
            assertThat(Arrays.stream(off.record().series(Series.FROZEN_MODEL_ERROR)).boxed()).allMatch(v -> v.isNaN());
            assertThat(Arrays.stream(on.record().series(Series.LAW_MODEL_ERROR)).boxed()).noneMatch(v -> v.isNaN());
        }
    }

    @Test
    void theModelsStartAtT0AsTheNetworkAndThenDepartFromIt() {
        try (Experiment e = runToEnd(config("theory.models=true", "theory.start=100"))) {
            double[] steps = e.record().series(Series.STEP);
            double[] frozen = e.record().series(Series.FROZEN_MODEL_ERROR);
            double[] law = e.record().series(Series.LAW_MODEL_ERROR);
            for (int i = 0; i < steps.length; i++) {
                if (steps[i] < 100) {
                    assertThat(frozen[i]).as("before t0, step %s", steps[i]).isNaN();
                } else if (steps[i] == 100) {
                    assertThat(frozen[i]).as("at t0 the models are the network").isZero();
                    assertThat(law[i]).isZero();
                } else {
                    assertThat(frozen[i]).as("after t0, step %s", steps[i]).isFinite();
                }
            }
            assertThat(frozen[frozen.length - 1]).isGreaterThan(1e-4);
            assertThat(law).contains(0.0);
        }
    }

    @Test
    void regionsAndPlasticityAreRecordedWithTheModelsOff() {
        try (Experiment e = runToEnd(config())) {
            assertThat(Arrays.stream(e.record().series(Series.REGIONS)).boxed()).allMatch(r -> r >= 1 && r == Math.rint(r));
            assertThat(Arrays.stream(e.record().series(Series.PLASTICITY)).boxed()).allMatch(p -> p > 0 && p < 1);
            assertThat(Arrays.stream(e.record().series(Series.OUTPUT_RMS)).boxed()).allMatch(v -> v > 0);
        }
    }

    @Test
    void runJsonHoldsTheModelsOutputsShapedAsTheOutputAndWholeRegions(@TempDir Path dir) throws IOException {
        try (Experiment e = runToEnd(config("theory.models=true", "task.kind=encoding", "task.regions=3",
                "task.points=24", "measure.probePoints=41"))) {
            e.write(dir);
        }
        JsonNode run = new ObjectMapper().readTree(dir.resolve(RunRecord.RUN_JSON).toFile());
        JsonNode probe = run.get("probe");
        assertThat(probe.get("frozenModelOutput").size()).isEqualTo(41).isEqualTo(probe.get("output").size());
        assertThat(probe.get("lawModelOutput").get(0).size()).isEqualTo(3);
        assertThat(run.get("series").get("regions").get(0).isIntegralNumber()).isTrue();
        assertThat(run.get("config").get("theory").get("models").asBoolean()).isTrue();
        String header = Files.readAllLines(dir.resolve(RunRecord.METRICS_CSV)).get(0);
        assertThat(header).endsWith(",frozenModelError,lawModelError,outputRms,regions,plasticity");
    }

    /** A run whose models started "now" at step t0 (off before, or restarted) against one configured to start there. */
    private static void assertSameAsStartingAt(long t0, String... before) {
        try (Experiment configured = runToEnd(config("theory.models=true", "theory.start=" + t0));
             Experiment now = Experiment.start(config(before))) {
            now.advance(t0);
            now.startModelsNow();
            while (!now.finished()) {
                now.advance(700);
            }
            assertThat(now.config().theory()).isEqualTo(configured.config().theory());
            for (Series s : Series.values()) {
                assertThat(Arrays.equals(now.record().series(s), configured.record().series(s))).as(s.key()).isTrue();
            }
            assertThat(Arrays.equals(now.record().last().curves().lawModelOutput(),
                    configured.record().last().curves().lawModelOutput())).isTrue();
        }
    }

    @Test
    void modelsStartedNowAreTheModelsConfiguredToStartThere() {
        double[] steps;
        try (Experiment e = runToEnd(config())) {
            steps = e.record().series(Series.STEP);
        }
        long recorded = (long) steps[steps.length / 2];
        long between = recorded + 1;
        assertThat(Arrays.stream(steps).boxed()).contains((double) recorded).doesNotContain((double) between);
        assertSameAsStartingAt(recorded);
        assertSameAsStartingAt(between);
        // started afresh: the earlier models' errors are forgotten, not mixed into the series
        assertSameAsStartingAt(recorded, "theory.models=true");
        assertSameAsStartingAt(between, "theory.models=true", "theory.start=7");
    }

    @Test
    void aDivergedRunRefusesToStartTheModels() {
        try (Experiment e = runToEnd(config("training.learningRate=50"))) {
            assertThat(e.diverged()).isTrue();
            org.assertj.core.api.Assertions.assertThatThrownBy(e::startModelsNow)
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("Reset");
        }
    }
}
