package trlab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import trlab.experiment.config.Presets;

import java.io.IOException;
import java.nio.file.Path;

/** {@code trlab reproduce}: its folders and report, and a non-zero exit when a claim fails. */
class ReproduceCommandTest extends CommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    @Test
    void tooShortRunsFailClaimsAndExitWithTheClaimFailedStatus() throws IOException {
        Path dir = tmp.resolve("rep");
        int code = trlab("reproduce", "--steps", "200", "--no-png", "--out", dir.toString());

        assertThat(code).as("stderr: %s", stderr()).isEqualTo(ReproduceCommand.CLAIM_FAILED);
        assertThat(dir.resolve("report.md")).isRegularFile();
        assertThat(dir.resolve("report.html")).isRegularFile();
        assertThat(stdout()).contains("FAIL");
        for (String preset : Presets.namesIn(Presets.DIRECTORY)) {
            JsonNode run = JSON.readTree(dir.resolve(preset).resolve("run.json").toFile());
            assertThat(run.get("config").get("name").asText()).isEqualTo(preset);
            assertThat(run.get("initialState").get("config").get("name").asText()).isEqualTo(preset);
            assertThat(run.get("finalState").get("step").asLong()).isEqualTo(200L);
        }
        // one progress line per run on stderr
        assertThat(stderr()).contains("reproduce: [1/").contains("method/full-batch");
    }

    @Test
    void aFileAsOutputFolderIsBadInput() throws IOException {
        Path file = tmp.resolve("f");
        java.nio.file.Files.writeString(file, "x");
        int code = trlab("reproduce", "--out", file.toString());
        assertThat(code).isEqualTo(Cli.BAD_INPUT);
        assertThat(stderr()).contains("is a file");
    }
}
