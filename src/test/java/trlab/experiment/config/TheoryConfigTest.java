package trlab.experiment.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import java.util.List;

/** The theory section reads, defaults and refuses like every other section. */
class TheoryConfigTest {

    @Test
    void theDefaultsAreModelsOffFromTheStartWithThreePlasticitySteps() {
        TheoryConfig t = ExperimentConfig.defaults().theory();
        assertThat(t.models()).isFalse();
        assertThat(t.start()).isZero();
        assertThat(t.plasticitySteps()).isEqualTo(3);
    }

    @Test
    void aPresetSetsItAndItRoundTrips() {
        ExperimentConfig c = ExperimentConfig.parse("{\"theory\": {\"models\": true, \"start\": 1000}}", "p.json",
                List.of());
        assertThat(c.theory()).isEqualTo(new TheoryConfig(true, 1000, 3));
        assertThat(ExperimentConfig.parse(c.toJson(), "again", List.of())).isEqualTo(c);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "theory.models=yes|--set theory.models=yes: theory.models = \"yes\" is not true or false; it must be true or false.",
        "theory.models=1|--set theory.models=1: theory.models = 1 is not true or false; it must be true or false.",
        "theory.start=-5|--set theory.start=-5: theory.start = -5 is out of range; it must be an integer from 0 to 10^12.",
        "theory.plasticitySteps=0|--set theory.plasticitySteps=0: theory.plasticitySteps = 0 is out of range; it must be an integer from 1 to 1000.",
        "theory.plastictySteps=3|--set theory.plastictySteps=3: unknown field \"theory.plastictySteps\" (did you mean \"theory.plasticitySteps\"?); the theory section has models, start, plasticitySteps.",
    })
    void aBadValueIsOneSentenceNamingTheField(String override, String message) {
        assertThatThrownBy(() -> ExperimentConfig.defaults().with(override)).isInstanceOf(ConfigException.class)
                .hasMessage(message);
    }

    @Test
    void modelsWhoseBlockKernelWouldNotFitAreRefusedBeforeAnythingRuns() {
        assertThatThrownBy(() -> ExperimentConfig.defaults().withOverrides(List.of("theory.models=true",
                "task.points=100000", "training.batchSize=1"))).isInstanceOf(ConfigException.class)
                .hasMessageContaining("the kernel models' block kernel").hasMessageContaining("GB");
        assertThatThrownBy(() -> ExperimentConfig.defaults().withOverrides(List.of("theory.models=true",
                "task.points=5000", "network.width=1000"))).isInstanceOf(ConfigException.class)
                .hasMessageContaining("to make the block kernel").hasMessageContaining("turn theory.models off");
        // the same sizes train without the models
        assertThat(ExperimentConfig.defaults().withOverrides(List.of("task.points=5000", "network.width=1000"))
                .theory().models()).isFalse();
    }
}
