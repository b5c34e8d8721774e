package trlab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code trlab run}: the files it writes, its exit codes, and one clear sentence on stderr for bad input. */
class RunCommandTest extends CommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PRESET = Path.of("presets", "default.json").toAbsolutePath().toString();

    @TempDir
    Path tmp;

    private static void assertOneLine(String text) {
        assertThat(text).isNotBlank();
        assertThat(text.strip().lines().count()).as("lines of: %s", text).isEqualTo(1L);
    }

    @Test
    void aShortRunExitsZeroAndWritesTheThreeFiles() throws IOException {
        Path dir = tmp.resolve("out");
        int code = trlab("run", PRESET, "--steps", "300", "--set", "network.width=20", "--out", dir.toString());

        assertThat(code).as("stderr: %s", stderr()).isZero();
        assertThat(dir.resolve("run.json")).isRegularFile();
        assertThat(dir.resolve("metrics.csv")).isRegularFile();
        assertThat(dir.resolve("final-state.json")).isRegularFile();
        JsonNode run = JSON.readTree(dir.resolve("run.json").toFile());
        assertThat(run.get("config").get("network").get("width").asInt()).isEqualTo(20);
        assertThat(run.get("config").get("training").get("steps").asLong()).isEqualTo(300L);
        assertThat(run.get("finalState").get("step").asLong()).isEqualTo(300L);
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.startsWith("."));
        }
    }

    @Test
    void theSummaryLineMentionsTheOutputFolderAndStderrStaysEmptyWhenNotATerminal() {
        Path dir = tmp.resolve("summary");
        int code = trlab("run", PRESET, "--steps", "300", "--set", "network.width=20", "--out", dir.toString());

        assertThat(code).isZero();
        assertOneLine(stdout());
        assertThat(stdout()).contains(dir.toString());
        // no progress line (and nothing else) on stderr: the test's stderr is not a terminal
        assertThat(stderr()).isEmpty();
    }

    @Test
    void aWidthOfZeroExitsTwoWithOneLineNamingTheFieldAndTheValueAndCreatesNoFolder() {
        Path dir = tmp.resolve("never");
        int code = trlab("run", PRESET, "--steps", "300", "--set", "network.width=0", "--out", dir.toString());

        assertThat(code).isEqualTo(2);
        assertOneLine(stderr());
        assertThat(stderr()).contains("network.width").contains("= 0");
        assertThat(dir).doesNotExist();
        assertThat(stdout()).isEmpty();
    }

    @Test
    void anUnknownFieldExitsTwoNamingIt() {
        Path dir = tmp.resolve("never");
        int code = trlab("run", PRESET, "--set", "network.widht=5", "--out", dir.toString());

        assertThat(code).isEqualTo(2);
        assertOneLine(stderr());
        assertThat(stderr()).contains("network.widht");
        assertThat(dir).doesNotExist();
    }

    @Test
    void aValueOfTheWrongTypeExitsTwoNamingTheFieldAndTheValue() {
        Path dir = tmp.resolve("never");
        int code = trlab("run", PRESET, "--set", "network.width=abc", "--out", dir.toString());

        assertThat(code).isEqualTo(2);
        assertOneLine(stderr());
        assertThat(stderr()).contains("network.width").contains("abc");
        assertThat(dir).doesNotExist();
    }

    @Test
    void aMissingPresetFileExitsTwoNamingTheFile() {
        Path missing = tmp.resolve("no-such-preset.json");
        Path dir = tmp.resolve("never");
        int code = trlab("run", missing.toString(), "--steps", "10", "--out", dir.toString());

        assertThat(code).isEqualTo(2);
        assertOneLine(stderr());
        assertThat(stderr()).contains("no-such-preset.json");
        assertThat(dir).doesNotExist();
    }

    @Test
    void initContinuesFromTheStepOfAPreviousRunsFinalState() throws IOException {
        Path first = tmp.resolve("first");
        assertThat(trlab("run", PRESET, "--steps", "300", "--set", "network.width=20", "--out", first.toString()))
                .isZero();
        Path second = tmp.resolve("second");
        int code = trlab("run", PRESET, "--steps", "200", "--set", "network.width=20",
                "--init", first.resolve("final-state.json").toString(), "--out", second.toString());

        assertThat(code).as("stderr: %s", stderr()).isZero();
        JsonNode firstRun = JSON.readTree(first.resolve("run.json").toFile());
        JsonNode secondRun = JSON.readTree(second.resolve("run.json").toFile());
        assertThat(secondRun.get("initialState").get("step").asLong()).isEqualTo(300L);
        assertThat(secondRun.get("initialState").get("params"))
                .isEqualTo(firstRun.get("finalState").get("params"));
        assertThat(secondRun.get("finalState").get("step").asLong()).isEqualTo(500L);
        assertThat(secondRun.get("series").get("step").get(0).asLong()).isEqualTo(300L);
    }

    @Test
    void initWithAStateOfAnotherWidthExitsTwoNamingTheWidth() {
        Path first = tmp.resolve("first");
        assertThat(trlab("run", PRESET, "--steps", "50", "--set", "network.width=20", "--out", first.toString()))
                .isZero();
        Path second = tmp.resolve("second");
        int code = trlab("run", PRESET, "--steps", "50", "--set", "network.width=30",
                "--init", first.resolve("final-state.json").toString(), "--out", second.toString());

        assertThat(code).isEqualTo(2);
        assertOneLine(stderr());
        assertThat(stderr()).contains("width");
        assertThat(second).doesNotExist();
    }

    @Test
    void aMissingInitFileExitsTwoNamingTheFile() {
        Path missing = tmp.resolve("no-such-state.json");
        Path dir = tmp.resolve("never");
        int code = trlab("run", PRESET, "--steps", "10", "--set", "network.width=20",
                "--init", missing.toString(), "--out", dir.toString());

        assertThat(code).isEqualTo(2);
        assertOneLine(stderr());
        assertThat(stderr()).contains("no-such-state.json");
        assertThat(dir).doesNotExist();
    }

    @Test
    void aDivergingRunExitsThreeAndStillWritesTheLastFiniteState() throws IOException {
        Path dir = tmp.resolve("diverged");
        int code = trlab("run", PRESET, "--steps", "2000", "--set", "training.learningRate=50",
                "--set", "measure.samplesPerDecade=1", "--out", dir.toString());

        assertThat(code).isEqualTo(3);
        assertOneLine(stderr());
        assertThat(stderr()).contains("diverged");
        JsonNode run = JSON.readTree(dir.resolve("run.json").toFile());
        assertThat(run.get("diverged").asBoolean()).isTrue();
        assertThat(run.get("divergedAtStep").asLong()).isEqualTo(100L);
        assertThat(run.get("finalState").get("step").asLong()).isEqualTo(10L);
        assertThat(dir.resolve("final-state.json")).isRegularFile();
    }
}
