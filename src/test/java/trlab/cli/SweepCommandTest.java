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
    void keepRunsKeepsARunFolderPerPointAndTheEstimateIsPrintedBeforeTheRest(@TempDir Path dir) throws IOException {
        Path spec = Files.writeString(dir.resolve("noise.json"), SPEC);
        Path out = dir.resolve("out");
        assertThat(trlab("sweep", spec.toString(), "--out", out.toString(), "--threads", "1", "--keep-runs",
                "--no-png")).isZero();
        assertThat(stdout()).containsPattern("sweep: the first 1 runs took \\d+ s; the other 3 on 1 threads: about"
                + " \\d+ s\n");
        try (java.util.stream.Stream<Path> runs = Files.list(out.resolve(Sweep.RUNS))) {
            assertThat(runs.filter(r -> Files.isRegularFile(r.resolve("run.json"))
                    && Files.isRegularFile(r.resolve("metrics.csv"))).count()).isEqualTo(4);
        }
        // the folder with its runs is still a sweep's: it resumes without running anything
        assertThat(trlab("sweep", spec.toString(), "--out", out.toString(), "--no-png")).isZero();
        assertThat(stdout()).endsWith("(0 run now); tables: " + out.resolve(Sweep.CSV) + "\n");
        assertThat(stdout().split("the first", -1)).as("no estimate when nothing is left to run").hasSize(2);
    }

    @Test
    void aSweepLongerThanItsBoundStopsAfterTheFirstPointsWithOneSentence(@TempDir Path dir) throws IOException {
        Path spec = Files.writeString(dir.resolve("noise.json"), SPEC);
        Path out = dir.resolve("out");
        // any run takes more than a nanosecond, so the rest always exceeds this bound
        assertThat(trlab("sweep", spec.toString(), "--out", out.toString(), "--threads", "2", "--max-minutes",
                "1e-9")).isEqualTo(Cli.BAD_INPUT);
        assertThat(stderr()).startsWith("trlab: the other 2 runs would take about ")
                .contains("on 2 threads, more than --max-minutes 1.0E-9; the first 2 results are kept in " + out)
                .endsWith("goes on from them.\n");
        assertThat(out.resolve(Sweep.CSV)).doesNotExist();
        try (java.util.stream.Stream<Path> results = Files.list(out.resolve(Sweep.POINTS))) {
            assertThat(results.count()).isEqualTo(2);
        }
        assertThat(trlab("sweep", spec.toString(), "--out", out.toString(), "--no-png")).isZero();
        assertThat(stdout()).contains("sweep: 4 of 4 points in " + out + " (2 run now)");
        assertThat(trlab("sweep", spec.toString(), "--out", dir.resolve("b").toString(), "--max-minutes", "0"))
                .isEqualTo(Cli.BAD_INPUT);
        assertThat(stderr()).endsWith("goes on from them.\ntrlab: --max-minutes 0.0 is not allowed; it must be more"
                + " than 0.\n");
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
