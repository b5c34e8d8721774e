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
    void seedsJudgeEveryClaimOnEachSeedTripleAndTheNotesGiveTheSpread() throws IOException {
        Path dir = tmp.resolve("rep");
        int code = trlab("reproduce", "--steps", "200", "--no-png", "--seeds", "2", "--out", dir.toString());
        assertThat(code).as("stderr: %s", stderr()).isEqualTo(ReproduceCommand.CLAIM_FAILED);
        for (String preset : Presets.namesIn(Presets.DIRECTORY)) {
            JsonNode own = JSON.readTree(dir.resolve(preset).resolve("run.json").toFile()).get("config");
            JsonNode second = JSON.readTree(dir.resolve(preset).resolve("seed-1").resolve("run.json").toFile())
                    .get("config");
            assertThat(second.get("network").get("seed").asLong()).isEqualTo(101L);
            assertThat(second.get("task").get("seed").asLong()).isEqualTo(201L);
            assertThat(second.get("training").get("seed").asLong()).isEqualTo(301L);
            assertThat(second.get("network").get("width")).isEqualTo(own.get("network").get("width"));
        }
        assertThat(stdout()).containsPattern("(?m)^4a  (PASS|FAIL)  .*  \\(passes at [012] of 2 seeds\\)$");
        String report = java.nio.file.Files.readString(dir.resolve("report.md"));
        assertThat(report).contains("*Seeds:* Across 2 seed triples it passes at").contains("mean \u00b1 standard error")
                .doesNotContain("every seed,").doesNotContain(", seed,");
        assertThat(java.nio.file.Files.readString(dir.resolve("report.html")))
                .contains("<em>Seeds:</em> Across 2 seed triples");

        assertThat(trlab("reproduce", "--seeds", "1", "--out", tmp.resolve("one").toString()))
                .isEqualTo(Cli.BAD_INPUT);
        assertThat(stderr()).endsWith("trlab: --seeds 1 is not allowed; it must be from 2 to 100 (a standard error"
                + " needs two).\n");
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
