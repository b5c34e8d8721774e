package trlab.experiment;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import trlab.experiment.config.ExperimentConfig;
import trlab.experiment.config.Presets;

/**
 * The learning rate advised after a run diverged is one that trains: taken from the same initial network for the
 * whole run, it does not diverge. (Advice from the last finite state, on the brink of overflow, was 3e-289 at a
 * learning rate of 50 and 0.0178 at 3.)
 */
class DivergenceAdviceTest {
    private static final ExperimentConfig DEFAULT = Presets.builtinDefault();

    @ParameterizedTest(name = "learning rate {0}")
    @ValueSource(doubles = {50, 3})
    void theAdvisedLearningRateTrainsFromTheSameStart(double learningRate) {
        ExperimentConfig tooFast = DEFAULT.with("training.learningRate=" + learningRate);
        double advised;
        try (Experiment e = Experiment.start(tooFast)) {
            e.advance(tooFast.training().steps());
            assertThat(e.diverged()).isTrue();
            assertThat(e.divergedAt()).as("where it diverged, not the start").isPositive();
            assertThat(e.finalState().step()).as("the last finite state").isPositive().isLessThan(e.divergedAt());
            advised = e.suggestedLearningRate();
        }
        assertThat(advised).as("a learning rate a student can type").isBetween(1e-3, learningRate);
        ExperimentConfig advisedRun = DEFAULT.with("training.learningRate=" + advised);
        try (Experiment e = Experiment.start(advisedRun)) {
            e.advance(advisedRun.training().steps());
            assertThat(e.diverged()).as("trains at %s", advised).isFalse();
            assertThat(e.trainer().time()).isEqualTo(advisedRun.training().steps());
        }
    }
}
