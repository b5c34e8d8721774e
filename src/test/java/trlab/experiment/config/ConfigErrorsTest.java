package trlab.experiment.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

/** Every bad input fails with one sentence naming the source, the field (or file) and the bad value. */
class ConfigErrorsTest {

    /** A preset text, overrides, and fragments the message must contain. */
    static Stream<Arguments> badInputs() {
        return Stream.of(
                bad("{}", List.of("network.widht=5"), "--set network.widht=5", "unknown field \"network.widht\"",
                        "did you mean \"network.width\"", "width, activation, parameterization"),
                bad("{\"network\": {\"widht\": 5}}", List.of(), "bad.json", "\"network.widht\"", "width"),
                bad("{}", List.of("netwrk.width=5"), "--set netwrk.width=5", "unknown section \"netwrk\"",
                        "task, network, training, measure"),
                bad("{\"trainig\": {\"steps\": 5}}", List.of(), "bad.json", "unknown section \"trainig\""),
                bad("{\"stepz\": 5}", List.of(), "bad.json", "unknown field \"stepz\""),
                bad("{\"network\": {\"activation\": \"tanhh\"}}", List.of(), "bad.json",
                        "network.activation = \"tanhh\" is not allowed",
                        "choose one of linear, tanh, sigmoid, relu, leaky-relu, softplus, gelu."),
                bad("{}", List.of("training.method=adam"), "--set training.method=adam",
                        "training.method = \"adam\"", "full-batch, sgd"),
                bad("{}", List.of("task.kind=mnist"), "--set task.kind=mnist", "task.kind = \"mnist\"",
                        "sine, encoding, random-labels, teacher, circle, xor, gauss, spiral, csv"),
                bad("{}", List.of("training.loss=hinge"), "--set training.loss=hinge", "training.loss = \"hinge\"",
                        "mse, cross-entropy"),
                bad("{}", List.of("network.parameterization=mup"), "--set network.parameterization=mup",
                        "network.parameterization = \"mup\"", "standard, ntk"),
                bad("{}", List.of("network.width=0"), "--set network.width=0", "network.width = 0",
                        "an integer from 1 to 100000"),
                bad("{}", List.of("network.width=-5"), "--set network.width=-5", "network.width = -5",
                        "an integer from 1 to 100000"),
                bad("{}", List.of("network.width=1000000000"), "--set network.width=1000000000",
                        "network.width = 1000000000", "from 1 to 100000"),
                bad("{\"network\": {\"width\": 1e12}}", List.of(), "bad.json", "network.width = 1.0E12",
                        "from 1 to 100000"),
                bad("{}", List.of("training.learningRate=0"), "--set training.learningRate=0",
                        "training.learningRate = 0", "greater than 0"),
                bad("{}", List.of("training.learningRate=-1"), "--set training.learningRate=-1",
                        "training.learningRate = -1", "greater than 0"),
                bad("{}", List.of("training.learningRate=NaN"), "--set training.learningRate=NaN",
                        "training.learningRate = \"NaN\" is not a finite number"),
                bad("{}", List.of("training.learningRate=Infinity"), "--set training.learningRate=Infinity",
                        "training.learningRate = \"Infinity\" is not a finite number"),
                bad("{}", List.of("training.labelNoise=1e999"), "--set training.labelNoise=1e999",
                        "training.labelNoise = Infinity is not a finite number"),
                bad("{}", List.of("training.learningRate=fast"), "--set training.learningRate=fast",
                        "training.learningRate = \"fast\" is not a number"),
                bad("{\"training\": {\"batchSize\": 32}}", List.of(), "bad.json", "training.batchSize = 32",
                        "the data has 16 points", "from 1 to 16"),
                bad("{}", List.of("task.points=1"), "--set task.points=1", "task.points = 1", "from 2 to 10^6"),
                bad("{}", List.of("network.width=1.5"), "--set network.width=1.5", "network.width = 1.5",
                        "is not an integer"),
                bad("{\"training\": {\"steps\": 2.5}}", List.of(), "bad.json", "training.steps = 2.5",
                        "is not an integer"),
                bad("{}", List.of("training.steps=2000000000000"), "--set training.steps=2000000000000",
                        "training.steps = 2000000000000", "from 0 to 10^12"),
                bad("{\"network\": {\"width\": \"wide\"}}", List.of(), "bad.json", "network.width = \"wide\"",
                        "is not an integer"),
                bad("{}", List.of("network.width"), "--set network.width", "section.field=value"),
                bad("{}", List.of("=5"), "--set =5", "field name"),
                bad("{}", List.of("network=5"), "--set network=5", "network is a section"),
                bad("{\"network\": 5}", List.of(), "bad.json", "network = 5", "is not a section"),
                bad("[1, 2]", List.of(), "bad.json", "holds a list"),
                bad("{\"network\": {\"width\": 100,}}", List.of(), "bad.json", "is not valid JSON", "line 1"),
                bad("{\"network\": {\"width\": 100}", List.of(), "bad.json", "is not valid JSON", "end-of-input"),
                bad("not json at all", List.of(), "bad.json", "is not valid JSON (line 1, column"),
                bad("", List.of(), "bad.json", "is empty"),
                bad("{} {}", List.of(), "bad.json", "is not valid JSON (line 1, column 4)", "more after the end"),
                bad("{\"name\": \"a\", \"name\": \"b\"}", List.of(), "bad.json", "is not valid JSON",
                        "duplicate field 'name'"),
                bad("{\"name\": 5}", List.of(), "bad.json", "name = 5 is not a string"),
                bad("{}", List.of("task.kind=csv"), "--set task.kind=csv", "task.file = null",
                        "when task.kind is \"csv\""),
                bad("{}", List.of("training.loss=cross-entropy"), "--set training.loss=cross-entropy",
                        "training.loss = \"cross-entropy\"", "one-hot", "task.kind \"sine\""),
                bad("{}", List.of("measure.references=[0, 16]"), "--set measure.references=[0, 16]",
                        "measure.references = [0, 16]", "holds 16", "from 0 to 15"),
                bad("{}", List.of("measure.references=[0, 1.5]"), "--set measure.references=[0, 1.5]",
                        "measure.references = [0,1.5]", "holds 1.5"),
                bad("{}", List.of("measure.rankTolerance=1"), "--set measure.rankTolerance=1",
                        "measure.rankTolerance = 1", "greater than 0 and less than 1"),
                bad("{}", List.of("task.points=1000000", "network.width=100000"), "--set network.width=100000",
                        "task.points x network.width = 1000000 x 100000", "GB", "2 GB limit"),
                bad("{}", List.of("task.kind=xor", "measure.gridPoints=1000", "network.width=1000"),
                        "--set network.width=1000", "measure.gridPoints^2 x network.width = 1000^2 x 1000", "GB"),
                bad("{}", List.of("network.weightScale=-0.5"), "--set network.weightScale=-0.5",
                        "network.weightScale = -0.5", "at least 0"),
                bad("{}", List.of("measure.noiseDraws=0"), "--set measure.noiseDraws=0", "measure.noiseDraws = 0",
                        "from 1 to 10000"));
    }

    private static Arguments bad(String json, List<String> overrides, String... fragments) {
        return Arguments.of(json, overrides, Arrays.asList(fragments));
    }

    @ParameterizedTest(name = "[{index}] {0} {1}")
    @MethodSource("badInputs")
    void badInputFailsWithAMessageNamingFieldAndValue(String json, List<String> overrides, List<String> fragments) {
        assertThatThrownBy(() -> ExperimentConfig.parse(json, "bad.json", overrides))
                .isInstanceOf(ConfigException.class)
                .satisfies(e -> {
                    String message = e.getMessage();
                    assertThat(message).startsWith(fragments.get(0));
                    for (String f : fragments) {
                        assertThat(message).contains(f);
                    }
                    assertThat(message).endsWith(".").doesNotContain("\n").doesNotContain("[Source");
                });
    }

    @Test
    void messagesAreExactlyTheDocumentedSentences() {
        assertThatThrownBy(() -> ExperimentConfig.parse("{\"network\": {\"activation\": \"tanhh\"}}",
                "default.json", List.of()))
                .hasMessage("default.json: network.activation = \"tanhh\" is not allowed; choose one of linear, "
                        + "tanh, sigmoid, relu, leaky-relu, softplus, gelu.");
        assertThatThrownBy(() -> ExperimentConfig.defaults().with("network.width=0"))
                .hasMessage("--set network.width=0: network.width = 0 is out of range; it must be an integer "
                        + "from 1 to 100000.");
        assertThatThrownBy(() -> ExperimentConfig.defaults().with("network.widht=5"))
                .hasMessage("--set network.widht=5: unknown field \"network.widht\" (did you mean "
                        + "\"network.width\"?); the network section has width, activation, parameterization, "
                        + "weightScale, biasScale, seed.");
    }

    @Test
    void aFieldInTheWrongSectionSuggestsTheRightOne() {
        assertThatThrownBy(() -> ExperimentConfig.defaults().with("task.width=5"))
                .hasMessageContaining("unknown field \"task.width\" (did you mean \"network.width\"?)");
        assertThatThrownBy(() -> ExperimentConfig.defaults().with("steps=5"))
                .hasMessageContaining("unknown field \"steps\" (did you mean \"training.steps\"?)");
    }

    @Test
    void aMissingFileIsNamed(@TempDir Path dir) {
        Path missing = dir.resolve("nope.json");
        assertThatThrownBy(() -> ExperimentConfig.load(missing, List.of()))
                .isInstanceOf(ConfigException.class)
                .hasMessage(missing + " does not exist.");
    }

    @Test
    void aBrokenFileIsNamedWithLineAndColumn(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("foo.json");
        Files.writeString(file, "{\n  \"network\": {\n    width: 5\n  }\n}\n");
        assertThatThrownBy(() -> ExperimentConfig.load(file, List.of()))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith(file + " is not valid JSON (line 3, column 5): ");
    }
}
