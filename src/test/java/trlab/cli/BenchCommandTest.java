package trlab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import org.junit.jupiter.api.Test;

/** {@code trlab bench}: one JSON line describing the throughput and the setup it was measured on. */
class BenchCommandTest extends CommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The single line on stdout, parsed. */
    private JsonNode jsonLine() throws IOException {
        String text = stdout().strip();
        assertThat(text.lines().count()).as("lines of: %s", text).isEqualTo(1L);
        JsonNode line = JSON.readTree(text);
        assertThat(line.isObject()).isTrue();
        return line;
    }

    @Test
    void benchPrintsOneJsonLineWithTheThroughputAndTheSetup() throws IOException {
        int code = trlab("bench", "--seconds", "0.3", "--set", "network.width=20");

        assertThat(code).as("stderr: %s", stderr()).isZero();
        JsonNode line = jsonLine();
        assertThat(line.get("stepsPerSecond").isNumber()).isTrue();
        assertThat(line.get("stepsPerSecond").asDouble()).isPositive();
        assertThat(line.get("width").isIntegralNumber()).isTrue();
        assertThat(line.get("width").asInt()).isEqualTo(20);
        assertThat(line.get("points").asInt()).isEqualTo(16);
        assertThat(line.get("batch").asInt()).isEqualTo(1);
        assertThat(line.get("activation").asText()).isEqualTo("tanh");
        assertThat(line.get("method").asText()).isEqualTo("sgd");
        assertThat(line.get("snapshotMillis").isNumber()).isTrue();
        assertThat(line.get("snapshotMillis").asDouble()).isPositive();
        assertThat(line.get("snapshotFirstSecondMillis").asDouble()).isPositive();
        // the snapshots warm up until the JIT has settled, within min(3 s, seconds / 2) and 5 x seconds (one
        // snapshot of this small network more at most)
        assertThat(line.get("snapshotWarmupSeconds").asDouble()).isBetween(0.1, 1.6);
        assertThat(stderr()).isEmpty();
    }

    @Test
    void fullBatchReportsTheWholeDataSetAsTheBatch() throws IOException {
        int code = trlab("bench", "--set", "training.method=full-batch", "--set", "task.points=32",
                "--set", "network.width=20", "--seconds", "0.2");

        assertThat(code).as("stderr: %s", stderr()).isZero();
        JsonNode line = jsonLine();
        assertThat(line.get("batch").asInt()).isEqualTo(32);
        assertThat(line.get("points").asInt()).isEqualTo(32);
        assertThat(line.get("method").asText()).isEqualTo("full-batch");
        assertThat(line.get("stepsPerSecond").asDouble()).isPositive();
    }

    @Test
    void aBadSetExitsTwoWithOneLineNamingTheFieldAndPrintsNoJson() {
        int code = trlab("bench", "--seconds", "0.2", "--set", "network.width=abc");

        assertThat(code).isEqualTo(2);
        assertThat(stdout()).isEmpty();
        assertThat(stderr().strip().lines().count()).isEqualTo(1L);
        assertThat(stderr()).contains("network.width").contains("abc");
    }
}
