package trlab.app.chart;

import static org.assertj.core.api.Assertions.assertThat;

import javafx.scene.Node;
import javafx.scene.image.Image;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxToolkit;
import trlab.experiment.Comparison;
import trlab.experiment.config.Presets;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A chart or the dashboard saves as a PNG at 1x, 2x or 3x its size on screen, without the controls that sit on the
 * charts, with a caption line below.
 */
class ExportImageTest {
    private static final String CAPTION = "default, step 2,000: SGD, batch 1, learning rate 0.005, label noise 1.0";
    private static ChartInput run;
    private static Stage stage;

    /** A comparison, as a lesson exports it: SGD beside its full-batch twin. */
    @BeforeAll
    static void compare() throws Exception {
        stage = FxToolkit.registerPrimaryStage();
        run = ChartTests.comparison(List.of(Presets.builtinDefault(),
                Presets.builtinDefault().withOverrides(Comparison.FULL_BATCH_TWIN)), 1000);
    }

    private Dashboard dashboard() throws Exception {
        return ChartTests.showDashboard(stage, run, 1400, 700, false);
    }

    /** Whether some pixel in rows [from, to) is dark (text). */
    private static boolean darkPixelsIn(Image image, int from, int to) {
        PixelReader r = image.getPixelReader();
        for (int y = from; y < to; y++) {
            for (int x = 0; x < (int) image.getWidth(); x++) {
                Color c = r.getColor(x, y);
                if (c.getBrightness() < 0.4 && c.getOpacity() > 0.5) {
                    return true;
                }
            }
        }
        return false;
    }

    @Test
    void theDashboardSavesAtTwiceItsSizeWithoutControlsAndWithItsCaption(@TempDir Path dir) throws Exception {
        Dashboard d = dashboard();
        List<Node> widgets = ChartTests.fx(() -> d.charts().stream().flatMap(c -> c.widgets().stream()).toList());
        assertThat(widgets).as("the reference chooser and the view switch").hasSize(2);
        // what the controls were while the picture was taken
        List<Boolean> seen = new ArrayList<>();
        WritableImage image = ChartTests.fx(() -> {
            widgets.forEach(w -> w.visibleProperty().addListener((o, was, now) -> seen.add(now)));
            d.setCaption(() -> CAPTION);
            return d.snapshot(2);
        });
        assertThat(seen).as("hidden for the picture, then shown again").startsWith(false, false).endsWith(true, true);
        assertThat(ChartTests.fx(() -> widgets.stream().allMatch(Node::isVisible))).isTrue();

        Path file = dir.resolve("dashboard@2x.png");
        ChartPane.writePng(image, file);
        byte[] bytes = Files.readAllBytes(file);
        assertThat(bytes).startsWith(0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n');
        Image png = new Image(file.toUri().toString());
        double width = ChartTests.fx(() -> d.getContent().getLayoutBounds().getWidth());
        double height = ChartTests.fx(() -> d.getContent().getLayoutBounds().getHeight());
        assertThat(png.getWidth()).isEqualTo(Math.ceil(2 * width));
        assertThat(png.getHeight()).as("the charts and a caption line below them")
                .isGreaterThan(2 * height + 2 * 12);
        assertThat(darkPixelsIn(png, (int) Math.ceil(2 * height) + 2, (int) png.getHeight()))
                .as("the caption's text").isTrue();
    }

    @Test
    void aChartSavesAtOneTwoOrThreeTimesItsSize(@TempDir Path dir) throws Exception {
        Dashboard d = dashboard();
        ResponseChart chart = d.response;
        double width = ChartTests.fx(chart::getWidth);
        double height = ChartTests.fx(chart::getHeight);
        for (double scale : ChartPane.SCALES) {
            Path file = dir.resolve("response-" + (int) scale + ".png");
            ChartTests.fx(() -> {
                chart.savePng(file, scale, "");
                return null;
            });
            Image png = new Image(file.toUri().toString());
            assertThat(png.getWidth()).isEqualTo(Math.ceil(scale * width));
            assertThat(png.getHeight()).isEqualTo(Math.ceil(scale * height));
        }
        Path captioned = dir.resolve("response-caption.png");
        ChartTests.fx(() -> {
            chart.savePng(captioned, 3, CAPTION);
            return null;
        });
        Image png = new Image(captioned.toUri().toString());
        assertThat(png.getHeight()).isGreaterThan(3 * height + 3 * 12);
        assertThat(darkPixelsIn(png, (int) Math.ceil(3 * height) + 3, (int) png.getHeight())).isTrue();
    }

    @Test
    void aChartOrTheDashboardSavesAtAGivenSizeInPixels(@TempDir Path dir) throws Exception {
        Dashboard d = dashboard();
        ChartTests.fx(() -> {
            d.setCaption(() -> CAPTION);
            ChartPane.writePng(d.snapshot(1920, 1080), dir.resolve("dashboard.png"));
            ChartPane.writePng(d.loss.image(800, 600, CAPTION), dir.resolve("loss.png"));
            return null;
        });
        Image dashboard = new Image(dir.resolve("dashboard.png").toUri().toString());
        assertThat(new double[]{dashboard.getWidth(), dashboard.getHeight()}).containsExactly(1920, 1080);
        Image loss = new Image(dir.resolve("loss.png").toUri().toString());
        assertThat(new double[]{loss.getWidth(), loss.getHeight()}).containsExactly(800, 600);
        assertThat(darkPixelsIn(loss, 0, 600)).isTrue();

        assertThat(ChartPane.pixels("1920 x 1080")).hasValueSatisfying(p -> assertThat(p).containsExactly(1920, 1080));
        assertThat(ChartPane.pixels("800x600")).hasValueSatisfying(p -> assertThat(p).containsExactly(800, 600));
        assertThat(ChartPane.pixels("0 x 600")).isEmpty();
        assertThat(ChartPane.pixels("wide")).isEmpty();
    }
}
