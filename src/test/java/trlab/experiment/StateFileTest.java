package trlab.experiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import trlab.core.Network;
import trlab.core.Task;
import trlab.core.Trainer;
import trlab.experiment.config.ConfigException;
import trlab.experiment.config.ExperimentConfig;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/** The state file trlab-state/1 (SCIENCE.md §5): exact round trip, documented shapes, clear errors. */
class StateFileTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    /** A state after some training steps, so the parameters are not the initial ones. */
    private static StateFile.State trainedState(List<String> overrides, int steps) {
        ExperimentConfig config = ExperimentConfig.defaults().withOverrides(overrides);
        Task task = Experiments.task(config);
        Network net = Experiments.network(config, task);
        Trainer trainer = Experiments.trainer(config, net, task.train(), 0);
        for (int i = 0; i < steps; i++) {
            trainer.step();
        }
        return new StateFile.State(config, trainer.time(), net, task.train());
    }

    private static StateFile.State sineState() {
        return trainedState(List.of("network.width=20", "training.labelNoise=0.5", "task.points=12"), 137);
    }

    @ParameterizedTest
    @ValueSource(strings = {"sine", "encoding", "xor"})
    void writeThenReadGivesBitIdenticalParametersDataStepAndAnEqualConfig(String kind) throws IOException {
        StateFile.State s = trainedState(List.of("task.kind=" + kind, "network.width=20", "task.points=12",
                "training.learningRate=0.05"), 137);
        Path file = dir.resolve("state.json");
        StateFile.write(s, file);

        StateFile.State back = StateFile.read(file);

        Network a = s.network();
        Network b = back.network();
        assertThat(back.step()).isEqualTo(137L);
        assertThat(back.config()).isEqualTo(s.config());
        assertThat(b.inputs).isEqualTo(a.inputs);
        assertThat(b.width).isEqualTo(a.width);
        assertThat(b.outputs).isEqualTo(a.outputs);
        assertThat(Arrays.equals(b.w, a.w)).as("W").isTrue();
        assertThat(Arrays.equals(b.b, a.b)).as("b").isTrue();
        assertThat(Arrays.equals(b.a, a.a)).as("A").isTrue();
        assertThat(Arrays.equals(b.c, a.c)).as("c").isTrue();
        assertThat(back.data().size()).isEqualTo(s.data().size());
        assertThat(back.data().inputs()).isEqualTo(s.data().inputs());
        assertThat(back.data().outputs()).isEqualTo(s.data().outputs());
        assertThat(Arrays.equals(back.data().x(), s.data().x())).as("data x").isTrue();
        assertThat(Arrays.equals(back.data().y(), s.data().y())).as("data y").isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"sine", "encoding", "xor"})
    void theWrittenJsonHasTheFormatTagAndTheDocumentedShapes(String kind) throws IOException {
        StateFile.State s = trainedState(List.of("task.kind=" + kind, "network.width=20", "task.points=12"), 5);
        Path file = dir.resolve("state.json");
        StateFile.write(s, file);
        JsonNode root = JSON.readTree(file.toFile());

        int n = s.network().width;
        int d = s.network().inputs;
        int k = s.network().outputs;
        int p = s.data().size();
        assertThat(root.get("format").asText()).isEqualTo("trlab-state/1");
        assertThat(root.get("step").isIntegralNumber()).isTrue();
        assertThat(root.get("step").asLong()).isEqualTo(5L);
        assertThat(root.get("config").isObject()).isTrue();
        assertThat(root.get("config").get("network").get("width").asInt()).isEqualTo(20);
        JsonNode params = root.get("params");
        assertRows(params.get("W"), n, d, s.network().w);
        assertRow(params.get("b"), s.network().b, 0, n);
        assertRows(params.get("A"), k, n, s.network().a);
        assertRow(params.get("c"), s.network().c, 0, k);
        assertRows(root.get("data").get("x"), p, d, s.data().x());
        assertRows(root.get("data").get("y"), p, k, s.data().y());
    }

    private static void assertRows(JsonNode node, int rows, int cols, double[] values) {
        assertThat(node.isArray()).isTrue();
        assertThat(node.size()).isEqualTo(rows);
        for (int r = 0; r < rows; r++) {
            assertRow(node.get(r), values, r * cols, cols);
        }
    }

    private static void assertRow(JsonNode node, double[] values, int offset, int n) {
        assertThat(node.isArray()).isTrue();
        assertThat(node.size()).isEqualTo(n);
        for (int i = 0; i < n; i++) {
            assertThat(node.get(i).isNumber()).isTrue();
            assertThat(node.get(i).asDouble()).isEqualTo(values[offset + i]);
        }
    }

    /** Writes the sine state, lets {@code edit} break its tree, and saves that as bad.json. */
    private Path brokenFile(java.util.function.Consumer<ObjectNode> edit) throws IOException {
        ObjectNode tree = StateFile.toTree(sineState());
        edit.accept(tree);
        Path file = dir.resolve("bad.json");
        Files.writeString(file, JSON.writeValueAsString(tree), StandardCharsets.UTF_8);
        return file;
    }

    @Test
    void theUnbrokenTreeOfTheErrorTestsReadsBack() throws IOException {
        Path file = brokenFile(tree -> { });
        assertThat(StateFile.read(file).step()).isEqualTo(137L);
    }

    @Test
    void aWrongFormatTagIsRejectedNamingTheFileAndTheField() throws IOException {
        Path file = brokenFile(tree -> tree.put("format", "trlab-state/2"));
        assertThatThrownBy(() -> StateFile.read(file))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("bad.json")
                .hasMessageContaining("format")
                .hasMessageContaining("trlab-state/2");
    }

    @Test
    void aMissingFormatTagIsRejected() throws IOException {
        Path file = brokenFile(tree -> tree.remove("format"));
        assertThatThrownBy(() -> StateFile.read(file))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("bad.json")
                .hasMessageContaining("format");
    }

    @Test
    void wWithFewerRowsThanTheConfigWidthIsRejectedNamingTheFileAndParamsW() throws IOException {
        Path file = brokenFile(tree -> ((ArrayNode) tree.get("params").get("W")).remove(0));
        assertThatThrownBy(() -> StateFile.read(file))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("bad.json")
                .hasMessageContaining("params.W")
                .hasMessageContaining("19 rows")
                .hasMessageContaining("20 rows");
    }

    @Test
    void aConfigWidthThatDisagreesWithTheParametersIsRejectedNamingParamsW() throws IOException {
        Path file = brokenFile(tree -> ((ObjectNode) tree.get("config").get("network")).put("width", 21));
        assertThatThrownBy(() -> StateFile.read(file))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("bad.json")
                .hasMessageContaining("params.W");
    }

    @Test
    void aNonNumberInBIsRejectedNamingTheFileAndTheEntry() throws IOException {
        Path file = brokenFile(tree -> ((ArrayNode) tree.get("params").get("b")).set(3, "x"));
        assertThatThrownBy(() -> StateFile.read(file))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("bad.json")
                .hasMessageContaining("params.b[3]");
    }

    @Test
    void aNonNumberInWIsRejectedNamingTheFileAndTheEntry() throws IOException {
        Path file = brokenFile(tree -> ((ArrayNode) tree.get("params").get("W").get(2)).set(0, "oops"));
        assertThatThrownBy(() -> StateFile.read(file))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("bad.json")
                .hasMessageContaining("params.W[2][0]");
    }

    @Test
    void aNonNumberInTheDataIsRejectedNamingTheFileAndTheEntry() throws IOException {
        Path file = brokenFile(tree -> ((ArrayNode) tree.get("data").get("y").get(4)).set(0, true));
        assertThatThrownBy(() -> StateFile.read(file))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("bad.json")
                .hasMessageContaining("data.y[4][0]");
    }

    @Test
    void aMissingParamsFieldIsRejectedNamingTheFileAndTheField() throws IOException {
        Path file = brokenFile(tree -> ((ObjectNode) tree.get("params")).remove("A"));
        assertThatThrownBy(() -> StateFile.read(file))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("bad.json")
                .hasMessageContaining("\"A\"");
    }

    @Test
    void aFileThatIsNotJsonIsRejectedNamingTheFile() throws IOException {
        Path file = dir.resolve("garbage.json");
        Files.writeString(file, "{ \"format\": \"trlab-state/1\", params: [", StandardCharsets.UTF_8);
        assertThatThrownBy(() -> StateFile.read(file))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("garbage.json")
                .hasMessageContaining("not valid JSON");
    }

    @Test
    void aJsonArrayInsteadOfAnObjectIsRejectedNamingTheFile() throws IOException {
        Path file = dir.resolve("array.json");
        Files.writeString(file, "[1, 2, 3]", StandardCharsets.UTF_8);
        assertThatThrownBy(() -> StateFile.read(file))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("array.json")
                .hasMessageContaining("format");
    }

    @Test
    void aMissingFileGivesAClearConfigException() {
        Path file = dir.resolve("no-such-state.json");
        assertThatThrownBy(() -> StateFile.read(file))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining(file.toString())
                .hasMessageContaining("does not exist");
    }
}
