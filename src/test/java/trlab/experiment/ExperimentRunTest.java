package trlab.experiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import trlab.core.Network;
import trlab.experiment.config.ConfigException;
import trlab.experiment.config.ExperimentConfig;
import trlab.measure.Series;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

/** A run is reproducible, resumable from a state file bit for bit, records on its schedule and stops on divergence. */
class ExperimentRunTest {

    @TempDir
    Path dir;

    private static ExperimentConfig config(String... overrides) {
        List<String> all = new ArrayList<>(List.of("network.width=20"));
        all.addAll(List.of(overrides));
        return ExperimentConfig.defaults().withOverrides(all);
    }

    private static Experiment runToEnd(Experiment e) {
        while (!e.finished()) {
            e.advance(1000);
        }
        return e;
    }

    private static void assertSameParameters(Network actual, Network expected) {
        assertThat(Arrays.equals(actual.w, expected.w)).as("W").isTrue();
        assertThat(Arrays.equals(actual.b, expected.b)).as("b").isTrue();
        assertThat(Arrays.equals(actual.a, expected.a)).as("A").isTrue();
        assertThat(Arrays.equals(actual.c, expected.c)).as("c").isTrue();
    }

    @Test
    void theSameConfigRunTwiceGivesIdenticalSeriesAndParametersBitForBit() {
        ExperimentConfig c = config("training.method=sgd", "training.batchSize=1", "training.labelNoise=0.5",
                "training.steps=2000");
        Experiment first = runToEnd(Experiment.start(c));
        Experiment second = runToEnd(Experiment.start(c));

        assertThat(first.record().size()).isGreaterThan(10).isEqualTo(second.record().size());
        for (Series s : Series.values()) {
            assertThat(Arrays.equals(first.record().series(s), second.record().series(s)))
                    .as("series %s", s.key()).isTrue();
        }
        assertSameParameters(second.finalState().network(), first.finalState().network());
        assertThat(second.finalState().step()).isEqualTo(first.finalState().step()).isEqualTo(2000L);
    }

    @Test
    void aDifferentTrainingSeedGivesADifferentRun() {
        // the guard of the test above: with label noise, the noise stream really changes the trajectory
        ExperimentConfig c = config("training.labelNoise=0.5", "training.steps=500");
        Experiment first = runToEnd(Experiment.start(c));
        Experiment other = runToEnd(Experiment.start(c.with("training.seed=12345")));
        assertThat(Arrays.equals(first.finalState().network().w, other.finalState().network().w)).isFalse();
    }

    static Stream<Arguments> resumable() {
        return Stream.of(
                Arguments.of("sgd batch 1 with label noise",
                        List.of("training.method=sgd", "training.batchSize=1", "training.labelNoise=0.5")),
                Arguments.of("sgd batch 3 of P = 10 (resumed mid-epoch)",
                        List.of("training.method=sgd", "training.batchSize=3", "task.points=10",
                                "training.labelNoise=0.5")),
                Arguments.of("full batch with label noise",
                        List.of("training.method=full-batch", "training.labelNoise=0.5")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("resumable")
    void aRunResumedFromAStateFileEndsBitIdenticalToTheUninterruptedRun(String what, List<String> overrides)
            throws IOException {
        long total = 2000;
        long cut = 701; // not a multiple of the 4 steps per epoch of batch 3 of 10
        ExperimentConfig base = config().withOverrides(overrides);

        Experiment whole = runToEnd(Experiment.start(base.with("training.steps=" + total)));

        Experiment firstPart = runToEnd(Experiment.start(base.with("training.steps=" + cut)));
        assertThat(firstPart.state().step()).isEqualTo(cut);
        Path file = dir.resolve("state.json");
        StateFile.write(firstPart.state(), file);
        StateFile.State saved = StateFile.read(file);
        assertThat(saved.step()).isEqualTo(cut);

        // a resumed run takes training.steps more steps from the state's step
        Experiment resumed = runToEnd(Experiment.resume(base.with("training.steps=" + (total - cut)), saved));

        assertThat(whole.diverged()).isFalse();
        assertThat(resumed.diverged()).isFalse();
        assertThat(resumed.state().step()).isEqualTo(whole.state().step()).isEqualTo(total);
        assertSameParameters(resumed.finalState().network(), whole.finalState().network());
        double[] wholeSteps = whole.record().series(Series.STEP);
        double[] resumedSteps = resumed.record().series(Series.STEP);
        assertThat(resumedSteps[0]).isEqualTo((double) cut);
        assertThat(resumedSteps[resumedSteps.length - 1]).isEqualTo(wholeSteps[wholeSteps.length - 1])
                .isEqualTo((double) total);
        double[] wholeLoss = whole.record().series(Series.TRAIN_LOSS);
        double[] resumedLoss = resumed.record().series(Series.TRAIN_LOSS);
        assertThat(Double.doubleToLongBits(resumedLoss[resumedLoss.length - 1]))
                .isEqualTo(Double.doubleToLongBits(wholeLoss[wholeLoss.length - 1]));
        // and the run really moved after the cut, so the equality above says something
        assertThat(Arrays.equals(saved.network().w, whole.finalState().network().w)).isFalse();
    }

    @Test
    void theRecordedStepsAreThoseOfTheSchedule() {
        ExperimentConfig c = config("training.steps=3000", "measure.samplesPerDecade=10");
        Experiment run = runToEnd(Experiment.start(c));
        long[] recorded = Arrays.stream(run.record().series(Series.STEP)).mapToLong(v -> (long) v).toArray();
        long[] scheduled = Schedule.forRun(c, 0).steps().stream().mapToLong(Long::longValue).toArray();
        assertThat(recorded).containsExactly(scheduled);
        assertThat(recorded[0]).isZero();
        assertThat(recorded[recorded.length - 1]).isEqualTo(3000L);
    }

    @Test
    void aResumedRunRecordsTheScheduleFromTheStateStep() {
        ExperimentConfig c = config("training.steps=300");
        Experiment first = runToEnd(Experiment.start(c));
        Experiment resumed = runToEnd(Experiment.resume(c.with("training.steps=1000"), first.state()));
        long[] recorded = Arrays.stream(resumed.record().series(Series.STEP)).mapToLong(v -> (long) v).toArray();
        long[] scheduled = Schedule.forRun(c.with("training.steps=1000"), 300).steps().stream()
                .mapToLong(Long::longValue).toArray();
        assertThat(recorded).containsExactly(scheduled);
        assertThat(recorded[recorded.length - 1]).isEqualTo(1300L);
        assertThat(resumed.record().initialState().step()).isEqualTo(300L);
    }

    @Test
    void aFarTooLargeLearningRateDivergesAndKeepsTheLastFiniteState() {
        ExperimentConfig c = ExperimentConfig.defaults().withOverrides(List.of("network.width=100",
                "network.parameterization=standard", "training.learningRate=50", "training.steps=2000"));
        Experiment run = runToEnd(Experiment.start(c));

        assertThat(run.diverged()).isTrue();
        assertThat(run.finished()).isTrue();
        assertThat(run.divergedAt()).isGreaterThanOrEqualTo(0L);
        StateFile.State last = run.finalState();
        assertThat(last).isNotNull();
        assertThat(last.network().isFinite()).isTrue();
        assertThat(last.step()).isLessThan(run.divergedAt());
        // the final state is the last recording, and training stopped there, well before the end
        double[] steps = run.record().series(Series.STEP);
        assertThat((long) steps[steps.length - 1]).isEqualTo(last.step());
        assertThat(run.trainer().time()).isEqualTo(run.divergedAt()).isLessThan(2000L);
    }

    @Test
    void aDivergenceSeenAtASparseRecordingKeepsTheStateOfTheRecordingBefore() {
        // one recording per decade: 0, 1, 10, 100, ...; the loss overflows between steps 10 and 100
        ExperimentConfig c = ExperimentConfig.defaults().withOverrides(List.of("network.width=100",
                "training.learningRate=50", "training.steps=2000", "measure.samplesPerDecade=1"));
        Experiment run = runToEnd(Experiment.start(c));

        assertThat(run.diverged()).isTrue();
        assertThat(run.divergedAt()).isEqualTo(100L);
        assertThat(run.finalState().step()).isEqualTo(10L);
        assertThat(run.finalState().network().isFinite()).isTrue();
        assertThat(run.record().series(Series.STEP)).containsExactly(0.0, 1.0, 10.0);
    }

    @Test
    void aSmallLearningRateDoesNotDiverge() {
        Experiment run = runToEnd(Experiment.start(config("training.steps=1000")));
        assertThat(run.diverged()).isFalse();
        assertThat(run.divergedAt()).isEqualTo(-1L);
        assertThat(run.finalState().step()).isEqualTo(1000L);
    }

    @Test
    void resumeRejectsAStateOfAnotherWidthNamingTheWidth() {
        Experiment narrow = Experiment.start(config("training.steps=10"));
        StateFile.State state = narrow.state();
        ExperimentConfig wider = config("network.width=30", "training.steps=10");
        assertThatThrownBy(() -> Experiment.resume(wider, state))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("width 20")
                .hasMessageContaining("width 30");
    }
}
