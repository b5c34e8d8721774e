package trlab.experiment.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import trlab.core.Activation;
import trlab.core.Loss;
import trlab.core.Method;
import trlab.core.Parameterization;
import trlab.core.TaskKind;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

class ExperimentConfigTest {

    @Test
    void defaultsAreTheDocumentedValues() {
        ExperimentConfig c = ExperimentConfig.defaults();
        assertThat(c.task()).isEqualTo(new TaskConfig(TaskKind.SINE, 16, 1, 3.0, 4, 0.0, null));
        assertThat(c.network()).isEqualTo(
                new NetworkConfig(100, Activation.TANH, Parameterization.STANDARD, 1.0, 1.0, 1));
        assertThat(c.training()).isEqualTo(new TrainingConfig(Method.SGD, 1, 0.02, 0.0, Loss.MSE, 100_000, 1));
        assertThat(c.measure()).isEqualTo(new MeasureConfig(101, 41, 20, 1e-3, new int[0], 0.05, 16));
    }

    @Test
    void defaultsRoundTripThroughJson() {
        ExperimentConfig defaults = ExperimentConfig.defaults();
        String json = defaults.toJson();
        assertThat(ExperimentConfig.parse(json, "defaults.json", List.of())).isEqualTo(defaults);
        assertThat(json).contains("\"activation\": \"tanh\"", "\"method\": \"sgd\"", "\"file\": null");
    }

    @Test
    void aConfigWithEveryFieldChangedRoundTripsThroughJson() {
        ExperimentConfig c = ExperimentConfig.defaults().withOverrides(List.of(
                "name=every field", "description=all changed",
                "task.kind=encoding", "task.points=40", "task.seed=-7", "task.omega=2.5", "task.regions=5",
                "task.noise=0.1", "task.file=unused.csv",
                "network.width=33", "network.activation=leaky-relu", "network.parameterization=ntk",
                "network.weightScale=1.5", "network.biasScale=0", "network.seed=9",
                "training.method=full-batch", "training.batchSize=8", "training.learningRate=0.125",
                "training.labelNoise=1", "training.loss=cross-entropy", "training.steps=1e7", "training.seed=3",
                "measure.probePoints=51", "measure.gridPoints=21", "measure.samplesPerDecade=10",
                "measure.rankTolerance=1e-4", "measure.references=[0,5,39]", "measure.noiseEpsilon=0.1",
                "measure.noiseDraws=4"));
        ExperimentConfig back = ExperimentConfig.parse(c.toJson(), "every.json", List.of());
        assertThat(back).isEqualTo(c);
        assertThat(back.toJson()).isEqualTo(c.toJson());
        assertThat(back).isNotEqualTo(ExperimentConfig.defaults());
    }

    @Test
    void aPresetOverridingTwoFieldsKeepsTheOtherDefaults() {
        ExperimentConfig c = ExperimentConfig.parse(
                "{\"name\": \"two\", \"network\": {\"width\": 7}, \"training\": {\"method\": \"full-batch\"}}",
                "two.json", List.of());
        ExperimentConfig d = ExperimentConfig.defaults();
        assertThat(c.name()).isEqualTo("two");
        assertThat(c.network()).isEqualTo(d.network().withWidth(7));
        assertThat(c.training()).isEqualTo(d.training().withMethod(Method.FULL_BATCH));
        assertThat(c.task()).isEqualTo(d.task());
        assertThat(c.measure()).isEqualTo(d.measure());
    }

    @Test
    void setOverridesEveryKindOfField() {
        ExperimentConfig c = ExperimentConfig.parse("{\"name\": \"base\"}", "base.json", List.of(
                "network.width=256",                  // int
                "training.steps=5000000",             // long
                "training.seed=-12",                  // negative long
                "training.learningRate=0.005",        // double
                "network.weightScale=2",              // an integer for a double
                "network.activation=leaky-relu",      // enum
                "training.method=\"full-batch\"",     // quoted enum
                "task.kind=csv", "task.file=data/my points.csv", // string with a space
                "task.points=10",
                "measure.references=[1, 4, 9]",       // array
                "description=made on the command line", // top-level string
                "network.width=300"));                // later wins
        assertThat(c.network().width()).isEqualTo(300);
        assertThat(c.training().steps()).isEqualTo(5_000_000L);
        assertThat(c.training().seed()).isEqualTo(-12L);
        assertThat(c.training().learningRate()).isEqualTo(0.005);
        assertThat(c.network().weightScale()).isEqualTo(2.0);
        assertThat(c.network().activation()).isEqualTo(Activation.LEAKY_RELU);
        assertThat(c.training().method()).isEqualTo(Method.FULL_BATCH);
        assertThat(c.task().kind()).isEqualTo(TaskKind.CSV);
        assertThat(c.task().file()).isEqualTo("data/my points.csv");
        assertThat(c.measure().references()).containsExactly(1, 4, 9);
        assertThat(c.description()).isEqualTo("made on the command line");
        assertThat(c.name()).isEqualTo("base");
    }

    @Test
    void setAcceptsNullForTheFileAndAWholeNumberWrittenAsADecimal() {
        ExperimentConfig c = ExperimentConfig.defaults()
                .withOverrides(List.of("task.file=x.csv", "task.file=null", "training.steps=2.0e5"));
        assertThat(c.task().file()).isNull();
        assertThat(c.training().steps()).isEqualTo(200_000L);
    }

    @Test
    void theShippedDefaultPresetLoadsAndValidates() {
        ExperimentConfig c = ExperimentConfig.load(Path.of("presets/default.json"), List.of());
        assertThat(c.name()).isEqualTo("default");
        assertThat(c.description()).contains("sine").contains("response").contains("log-log");
        assertThat(c.task().kind()).isEqualTo(TaskKind.SINE);
        assertThat(c.task().points()).isEqualTo(16);
        assertThat(c.network().width()).isEqualTo(100);
        assertThat(c.network().activation()).isEqualTo(Activation.TANH);
        assertThat(c.network().parameterization()).isEqualTo(Parameterization.STANDARD);
        assertThat(c.training().method()).isEqualTo(Method.SGD);
        assertThat(c.training().batchSize()).isEqualTo(1);
        assertThat(c.training().learningRate()).isEqualTo(0.02);
        assertThat(c.training().labelNoise()).isEqualTo(1.0);
        assertThat(c.training().steps()).isEqualTo(200_000L);
    }

    @Test
    void aPresetWithoutANameIsNamedAfterItsFile(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("wide-ntk.json");
        Files.writeString(file, "{\"network\": {\"width\": 1000, \"parameterization\": \"ntk\"}}");
        assertThat(ExperimentConfig.load(file, List.of()).name()).isEqualTo("wide-ntk");
    }

    @Test
    void aLaterSourceIsBlamedForABrokenCombination() {
        assertThatThrownBy(() -> ExperimentConfig.parse("{\"training\": {\"batchSize\": 8}}", "batch.json",
                List.of("task.points=4")))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("--set task.points=4: training.batchSize = 8")
                .hasMessageContaining("the data has 4 points");
        assertThatThrownBy(() -> ExperimentConfig.parse("{\"training\": {\"batchSize\": 8}, \"task\": {\"points\": 4}}",
                "batch.json", List.of()))
                .hasMessageStartingWith("batch.json: training.batchSize = 8");
    }

    @Test
    void batchSizeIsOnlyLimitedByTheDataForSgd() {
        ExperimentConfig c = ExperimentConfig.defaults()
                .withOverrides(List.of("training.method=full-batch", "training.batchSize=64"));
        assertThat(c.training().batchSize()).isEqualTo(64);
        assertThatThrownBy(() -> c.with("training.method=sgd")).isInstanceOf(ConfigException.class)
                .hasMessageContaining("training.batchSize = 64");
    }

    @Test
    void theConstructorValidatesToo() {
        assertThatThrownBy(() -> ExperimentConfig.defaults().withNetwork(NetworkConfig.defaults().withWidth(0)))
                .isInstanceOf(ConfigException.class)
                .hasMessage("config: network.width = 0 is out of range; it must be an integer from 1 to 100000.");
    }

    @Test
    void crossEntropyIsAllowedForOneHotTasks() {
        ExperimentConfig c = ExperimentConfig.defaults()
                .withOverrides(List.of("task.kind=encoding", "training.loss=cross-entropy"));
        assertThat(c.training().loss()).isEqualTo(Loss.CROSS_ENTROPY);
    }

    @Test
    void referencesDefaultToFirstMiddleAndLast() {
        MeasureConfig m = MeasureConfig.defaults();
        assertThat(m.referenceIndices(16)).containsExactly(0, 7, 15);
        assertThat(m.referenceIndices(17)).containsExactly(0, 8, 16);
        assertThat(m.referenceIndices(2)).containsExactly(0, 1);
        assertThat(m.withReferences(3, 1).referenceIndices(16)).containsExactly(3, 1);
    }

    @Test
    void referencesCannotBeChangedFromOutside() {
        int[] refs = {1, 2};
        MeasureConfig m = MeasureConfig.defaults().withReferences(refs);
        refs[0] = 99;
        m.references()[1] = 99;
        assertThat(m.references()).containsExactly(1, 2);
    }

    @Test
    void theJacksonModuleEmbedsAConfigAndItsEnumsById() throws Exception {
        ObjectMapper mapper = new ObjectMapper().registerModule(new ConfigModule());
        ExperimentConfig c = ExperimentConfig.defaults().with("network.activation=leaky-relu");
        record Holder(ExperimentConfig config, Method method) { }
        String json = mapper.writeValueAsString(new Holder(c, Method.FULL_BATCH));
        JsonNode tree = mapper.readTree(json);
        assertThat(tree.get("method").asText()).isEqualTo("full-batch");
        assertThat(tree.get("config").get("network").get("activation").asText()).isEqualTo("leaky-relu");
        Holder back = mapper.readValue(json, Holder.class);
        assertThat(back.config()).isEqualTo(c);
        assertThat(back.method()).isEqualTo(Method.FULL_BATCH);
    }
}
