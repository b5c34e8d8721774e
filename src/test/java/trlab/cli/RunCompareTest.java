package trlab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** {@code trlab run --compare}: one folder per arm from one initial state, overlay charts and the joint CSV. */
class RunCompareTest extends CommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TWIN = "training.method=full-batch,training.labelNoise=0";
    private static final List<String> CHARTS = List.of("output", "response", "aging", "loss", "feature-space",
            "spectrum", "feature-dimension", "fragility");

    /** The colours of the first three arms in charts.css. */
    private static final int[] ARM_COLOURS = {0x0072B2, 0xD55E00, 0x009E73};

    @TempDir
    Path tmp;

    /** Pixels within a small distance of one colour (lines are drawn antialiased). */
    private static int pixelsOf(BufferedImage image, int rgb) {
        int n = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int p = image.getRGB(x, y);
                int d = Math.abs(((p >> 16) & 255) - ((rgb >> 16) & 255))
                        + Math.abs(((p >> 8) & 255) - ((rgb >> 8) & 255)) + Math.abs((p & 255) - (rgb & 255));
                if (d < 24) {
                    n++;
                }
            }
        }
        return n;
    }

    private JsonNode read(Path file) throws IOException {
        return JSON.readTree(file.toFile());
    }

    @Test
    void eachArmGetsItsFolderFromTheSameInitialStateAndTheChartsOverlayThem() throws IOException {
        Path dir = tmp.resolve("cmp");
        int code = trlab("run", "default", "--steps", "400", "--set", "network.width=20", "--compare", TWIN,
                "--compare", "network.activation=relu", "--out", dir.toString());

        assertThat(code).as("stderr: %s", stderr()).isZero();
        List<String> folders = List.of("1-sgd-batch-1-noise-1.0-tanh", "2-full-batch", "3-relu");
        for (String folder : folders) {
            for (String file : List.of("run.json", "metrics.csv", "final-state.json")) {
                assertThat(dir.resolve(folder).resolve(file)).as(folder + "/" + file).isRegularFile();
            }
        }
        JsonNode sgd = read(dir.resolve(folders.get(0)).resolve("run.json"));
        JsonNode fullBatch = read(dir.resolve(folders.get(1)).resolve("run.json"));
        JsonNode relu = read(dir.resolve(folders.get(2)).resolve("run.json"));
        assertThat(sgd.get("initialState").get("step").asLong()).isZero();
        assertThat(fullBatch.get("initialState")).isEqualTo(sgd.get("initialState"));
        assertThat(relu.get("initialState")).isEqualTo(sgd.get("initialState"));
        assertThat(relu.get("config").get("network").get("activation").asText()).isEqualTo("relu");
        assertThat(fullBatch.get("config").get("training").get("method").asText()).isEqualTo("full-batch");
        assertThat(fullBatch.get("series").get("trainLoss")).as("the arms train differently")
                .isNotEqualTo(sgd.get("series").get("trainLoss"));

        List<String> csv = Files.readAllLines(dir.resolve("comparison.csv"));
        assertThat(csv.get(0)).startsWith("arm,step,");
        long sgdRows = Files.readAllLines(dir.resolve(folders.get(0)).resolve("metrics.csv")).size() - 1;
        assertThat(csv.stream().filter(l -> l.startsWith("\"SGD, batch 1, noise 1.0, tanh\",")).count())
                .isEqualTo(sgdRows);
        assertThat(csv.stream().filter(l -> l.startsWith("full batch,")).count()).isPositive();
        assertThat(csv.stream().filter(l -> l.startsWith("relu,")).count()).isPositive();

        for (String chart : CHARTS) {
            BufferedImage png = ImageIO.read(dir.resolve(chart + ".png").toFile());
            assertThat(png).as(chart + ".png").isNotNull();
            assertThat(png.getWidth()).isEqualTo(900);
            assertThat(png.getHeight()).isEqualTo(600);
            for (int rgb : ARM_COLOURS) {
                assertThat(pixelsOf(png, rgb)).as("%s.png has lines or points in arm colour %06x", chart, rgb)
                        .isGreaterThan(20);
            }
        }
        assertThat(stdout()).contains("3 runs from one initial state").contains(dir.toString());
    }

    @Test
    void theFirstArmTrainsExactlyAsTheLonePresetAndEveryArmStartsWhereItDoes() throws IOException {
        Path lone = tmp.resolve("lone");
        assertThat(trlab("run", "default", "--steps", "400", "--set", "network.width=20", "--no-png", "--out",
                lone.toString())).isZero();
        Path dir = tmp.resolve("cmp");
        assertThat(trlab("run", "default", "--steps", "400", "--set", "network.width=20", "--no-png", "--compare",
                TWIN, "--compare", "training.batchSize=4", "--out", dir.toString())).isZero();

        List<String> loneRows = Files.readAllLines(lone.resolve("metrics.csv"));
        assertThat(Files.readAllLines(dir.resolve("1-sgd-batch-1-noise-1.0").resolve("metrics.csv")))
                .as("bit for bit").isEqualTo(loneRows);
        for (String arm : List.of("2-full-batch", "3-sgd-batch-4")) {
            List<String> rows = Files.readAllLines(dir.resolve(arm).resolve("metrics.csv"));
            assertThat(rows.get(1)).as("%s at step 0: the same network on the same data", arm)
                    .isEqualTo(loneRows.get(1));
            assertThat(rows).as("%s trains otherwise", arm).isNotEqualTo(loneRows);
        }
    }

    @Test
    void aComparisonReplacesTheFolderOfAnotherComparisonWhole() throws IOException {
        Path dir = tmp.resolve("cmp");
        assertThat(trlab("run", "default", "--steps", "200", "--set", "network.width=20", "--no-png", "--compare",
                TWIN, "--compare", "training.batchSize=4", "--out", dir.toString())).isZero();
        int code = trlab("run", "default", "--steps", "300", "--set", "network.width=20", "--no-png", "--compare",
                TWIN, "--out", dir.toString());
        assertThat(code).as("stderr: %s", stderr()).isZero();
        assertThat(dir.resolve("3-sgd-batch-4")).as("the other comparison's arm is gone").doesNotExist();
        assertThat(read(dir.resolve("2-full-batch").resolve("run.json")).get("finalState").get("step").asLong())
                .isEqualTo(300);
        assertThat(Files.readAllLines(dir.resolve("comparison.csv")).stream().skip(1).map(l -> l.split(",")[0])
                .distinct().toList()).as("the arms in comparison.csv").hasSize(2);
    }

    @Test
    void armsShareAStartingStateFileToo() throws IOException {
        Path first = tmp.resolve("first");
        assertThat(trlab("run", "default", "--steps", "200", "--set", "network.width=20", "--no-png", "--out",
                first.toString())).isZero();
        Path dir = tmp.resolve("resumed");
        int code = trlab("run", "default", "--steps", "400", "--set", "network.width=20", "--init",
                first.resolve("final-state.json").toString(), "--compare", TWIN, "--no-png", "--out", dir.toString());

        assertThat(code).as("stderr: %s", stderr()).isZero();
        JsonNode a = read(dir.resolve("1-sgd-batch-1-noise-1.0").resolve("run.json"));
        JsonNode b = read(dir.resolve("2-full-batch").resolve("run.json"));
        assertThat(a.get("initialState").get("step").asLong()).isEqualTo(200);
        assertThat(b.get("initialState")).isEqualTo(a.get("initialState"));
        assertThat(read(first.resolve("final-state.json")).get("params"))
                .isEqualTo(a.get("initialState").get("params"));
    }

    @Test
    void aFieldThatWouldChangeTheInitialStateIsRefusedAndNothingIsWritten() {
        Path dir = tmp.resolve("never");
        int code = trlab("run", "default", "--steps", "200", "--compare", "network.width=50", "--out", dir.toString());

        assertThat(code).isEqualTo(Cli.BAD_INPUT);
        assertThat(stderr().strip().lines().count()).isEqualTo(1);
        assertThat(stderr()).contains("network.width").contains("--set");
        assertThat(dir).doesNotExist();
    }

    @Test
    void twoFullBatchArmsWithTheSameSettingsWriteIdenticalSeries() throws IOException {
        Path dir = tmp.resolve("same");
        int code = trlab("run", "default", "--steps", "500", "--set", "network.width=20", "--set",
                "training.method=full-batch", "--set", "training.labelNoise=0", "--no-png",
                "--compare", "training.method=full-batch", "--out", dir.toString());

        assertThat(code).as("stderr: %s", stderr()).isZero();
        Path a = dir.resolve("1-run-1");
        Path b = dir.resolve("2-run-2");
        assertThat(Files.readAllLines(a.resolve("metrics.csv"))).hasSizeGreaterThan(10)
                .isEqualTo(Files.readAllLines(b.resolve("metrics.csv")));
        JsonNode runA = read(a.resolve("run.json"));
        JsonNode runB = read(b.resolve("run.json"));
        assertThat(runB.get("series")).isEqualTo(runA.get("series"));
        assertThat(runB.get("finalState").get("params")).isEqualTo(runA.get("finalState").get("params"));
    }
}
