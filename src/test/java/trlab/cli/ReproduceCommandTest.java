package trlab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import trlab.experiment.Presets;

/** {@code trlab reproduce}: its folders and report, and a non-zero exit when a claim fails. */
class ReproduceCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    private PrintStream savedOut;
    private PrintStream savedErr;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @BeforeEach
    void captureStreams() {
        savedOut = System.out;
        savedErr = System.err;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restoreStreams() {
        System.setOut(savedOut);
        System.setErr(savedErr);
    }

    @Test
    void tooShortRunsFailClaimsAndExitWithTheClaimFailedStatus() throws IOException {
        Path dir = tmp.resolve("rep");
        int code = Cli.run(new String[] {"reproduce", "--steps", "200", "--no-png", "--out", dir.toString()});

        assertThat(code).as("stderr: %s", err).isEqualTo(ReproduceCommand.CLAIM_FAILED);
        assertThat(dir.resolve("report.md")).isRegularFile();
        assertThat(dir.resolve("report.html")).isRegularFile();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("FAIL");
        for (String preset : Presets.namesIn(Presets.DIRECTORY)) {
            JsonNode run = JSON.readTree(dir.resolve(preset).resolve("run.json").toFile());
            assertThat(run.get("config").get("name").asText()).isEqualTo(preset);
            assertThat(run.get("initialState").get("config").get("name").asText()).isEqualTo(preset);
            assertThat(run.get("finalState").get("step").asLong()).isEqualTo(200L);
        }
        // one progress line per run on stderr
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("reproduce: [1/").contains("method/full-batch");
    }

    @Test
    void aFileAsOutputFolderIsBadInput() throws IOException {
        Path file = tmp.resolve("f");
        java.nio.file.Files.writeString(file, "x");
        int code = Cli.run(new String[] {"reproduce", "--out", file.toString()});
        assertThat(code).isEqualTo(Cli.BAD_INPUT);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("is a file");
    }
}
