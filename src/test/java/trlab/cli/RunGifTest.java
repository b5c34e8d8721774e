package trlab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/** {@code run PRESET --gif CHART}: an animation of one chart over the run, beside files that are not changed by it. */
class RunGifTest extends CommandTest {
    private static final String[] SMALL = {"--steps", "3000", "--set", "network.width=20", "--no-png"};

    @Test
    void aRunAnimatesOneChartAndItsFilesAreThoseOfARunWithout(@TempDir Path dir) throws Exception {
        Path with = dir.resolve("with");
        Path without = dir.resolve("without");
        String[] base = {"run", "default"};
        assertThat(trlab(concat(base, SMALL, new String[]{"--gif", "aging", "--gif-frames", "6", "--out",
                with.toString()}))).isZero();
        assertThat(trlab(concat(base, SMALL, new String[]{"--out", without.toString()}))).isZero();
        assertThat(stdout()).contains("aging.gif (6 frames)");
        assertThat(Files.readAllBytes(with.resolve("metrics.csv"))).isEqualTo(Files.readAllBytes(
                without.resolve("metrics.csv")));
        try (ImageInputStream in = ImageIO.createImageInputStream(with.resolve("aging.gif").toFile())) {
            ImageReader reader = ImageIO.getImageReadersByFormatName("gif").next();
            reader.setInput(in);
            assertThat(reader.getNumImages(true)).isEqualTo(6);
            assertThat(reader.getWidth(0)).isEqualTo(720);
            assertThat(reader.getHeight(5)).isEqualTo(480);
        }
    }

    @Test
    void anUnknownChartOrFrameCountIsOneSentenceAndNothingRuns(@TempDir Path dir) {
        Path out = dir.resolve("out");
        assertThat(trlab("run", "default", "--gif", "pie", "--out", out.toString())).isEqualTo(Cli.BAD_INPUT);
        assertThat(stderr()).contains("--gif pie is not a chart; the charts are aging,").doesNotContain("Exception");
        assertThat(trlab("run", "default", "--gif", "loss", "--gif-frames", "1", "--out", out.toString()))
                .isEqualTo(Cli.BAD_INPUT);
        assertThat(stderr()).contains("--gif-frames 1 is not allowed; it must be from 2 to 400.");
        assertThat(out).doesNotExist();
    }

    private static String[] concat(String[]... parts) {
        return java.util.Arrays.stream(parts).flatMap(java.util.Arrays::stream).toArray(String[]::new);
    }
}
