package trlab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import trlab.experiment.sweep.Sweep;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** {@code trlab sweep}: runs a spec into its folder, says what it did in one line, and refuses what is not a sweep's. */
class SweepCommandTest extends CommandTest {
    private static final String SPEC = "{\"base\": \"default\", \"set\": [\"training.steps=300\", \"network.width=8\"],"
            + " \"grid\": {\"training.labelNoise\": [0, 1]}, \"seeds\": 2, \"summarise\": [\"effectiveNeurons\"]}";

    @Test
    void aSweepWritesItsTablesAndSaysHowManyPointsItRan(@TempDir Path dir) throws IOException {
        Path spec = Files.writeString(dir.resolve("noise.json"), SPEC);
        Path out = dir.resolve("out");
        assertThat(trlab("sweep", spec.toString(), "--out", out.toString(), "--threads", "2")).isZero();
        assertThat(stdout()).contains("sweep: 4 of 4 points in " + out + " (4 run now)");
        assertThat(stderr()).as("no progress line when not on a terminal").isEmpty();
        assertThat(Files.readAllLines(out.resolve(Sweep.CSV))).hasSize(5);
        assertThat(out.resolve(Sweep.JSON)).isRegularFile();
        // the summary plots: each quantity against the one grid axis, 900 x 600
        Path plot = out.resolve(Sweep.PLOTS).resolve("effectiveNeurons.lateMean-vs-training.labelNoise.png");
        javafx.scene.image.Image image = new javafx.scene.image.Image(plot.toUri().toString());
        assertThat(image.isError()).isFalse();
        assertThat(image.getWidth()).isEqualTo(900);
        assertThat(image.getHeight()).isEqualTo(600);
        try (java.util.stream.Stream<Path> plots = Files.list(out.resolve(Sweep.PLOTS))) {
            assertThat(plots.count()).isEqualTo(4);
        }

        assertThat(trlab("sweep", spec.toString(), "--out", out.toString())).isZero();
        assertThat(stdout()).contains("(0 run now)");
    }

    @Test
    void aFolderHoldingSomethingElseIsRefused(@TempDir Path dir) throws IOException {
        Path spec = Files.writeString(dir.resolve("noise.json"), SPEC);
        Path out = Files.createDirectories(dir.resolve("out"));
        Files.writeString(out.resolve("run.json"), "{}");
        assertThat(trlab("sweep", spec.toString(), "--out", out.toString())).isEqualTo(Cli.BAD_INPUT);
        assertThat(stderr()).isEqualTo("trlab: --out " + out + " holds run.json, which no sweep writes; give a folder"
                + " of its own.\n");
        assertThat(out.resolve(Sweep.POINTS)).doesNotExist();
    }

    @Test
    void aBadShardOrThreadCountIsOneSentence(@TempDir Path dir) throws IOException {
        Path spec = Files.writeString(dir.resolve("noise.json"), SPEC);
        assertThat(trlab("sweep", spec.toString(), "--out", dir.resolve("a").toString(), "--shard", "2/2"))
                .isEqualTo(Cli.BAD_INPUT);
        assertThat(stderr()).startsWith("trlab: --shard 2/2 is not a shard");
        assertThat(trlab("sweep", spec.toString(), "--out", dir.resolve("b").toString(), "--threads", "0"))
                .isEqualTo(Cli.BAD_INPUT);
        assertThat(stderr()).contains("--threads 0 is not allowed");
        assertThat(dir.resolve("a")).doesNotExist();
        assertThat(dir.resolve("b")).doesNotExist();
    }
}
