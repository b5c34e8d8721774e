package trlab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import javafx.scene.image.Image;
import javafx.scene.image.PixelReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * `run` renders every chart headless: one real, non-blank PNG per chart of the dashboard, and the theory's charts
 * when the kernel models ran.
 */
class RunPngTest {

    @Test
    void runWritesOneNonBlankPngPerChart(@TempDir Path dir) throws IOException {
        Path out = dir.resolve("out");
        int code = Cli.run(new String[]{"run", "presets/default.json", "--steps", "2000", "--set", "network.width=30",
                "--out", out.toString()});
        assertThat(code).isZero();
        List<Path> pngs;
        try (Stream<Path> files = Files.list(out)) {
            pngs = files.filter(p -> p.toString().endsWith(".png")).sorted().toList();
        }
        assertThat(pngs).extracting(p -> p.getFileName().toString()).containsExactlyInAnyOrder("output.png",
                "response.png", "aging.png", "loss.png", "feature-space.png", "spectrum.png", "feature-dimension.png",
                "fragility.png");
        for (Path png : pngs) {
            Image image = new Image(png.toUri().toString());
            assertThat(image.isError()).as(png.toString()).isFalse();
            assertThat(image.getWidth()).as(png.toString()).isEqualTo(900);
            assertThat(image.getHeight()).as(png.toString()).isEqualTo(600);
            assertThat(distinctColours(image)).as("%s has lines, text and colours", png).isGreaterThan(20);
        }
    }

    @Test
    void aRunWithTheKernelModelsAlsoDrawsTheTheoryCharts(@TempDir Path dir) throws IOException {
        Path out = dir.resolve("out");
        assertThat(Cli.run(new String[]{"run", "response-law", "--steps", "3000", "--set", "network.width=30",
                "--out", out.toString()})).isZero();
        for (String chart : List.of("model-output.png", "model-error.png", "decision.png", "plasticity.png")) {
            Image image = new Image(out.resolve(chart).toUri().toString());
            assertThat(image.isError()).as(chart).isFalse();
            assertThat(image.getWidth()).as(chart).isEqualTo(900);
            assertThat(distinctColours(image)).as("%s has lines, text and colours", chart).isGreaterThan(20);
        }
    }

    private static long distinctColours(Image image) {
        PixelReader r = image.getPixelReader();
        java.util.Set<Integer> colours = new java.util.HashSet<>();
        for (int y = 0; y < (int) image.getHeight(); y += 2) {
            for (int x = 0; x < (int) image.getWidth(); x += 2) {
                colours.add(r.getArgb(x, y));
            }
        }
        return colours.size();
    }
}
