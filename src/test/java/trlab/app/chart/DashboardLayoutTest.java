package trlab.app.chart;

import static org.assertj.core.api.Assertions.assertThat;

import javafx.scene.Node;
import javafx.scene.control.Labeled;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import trlab.experiment.config.Presets;

import java.util.ArrayList;
import java.util.List;

/**
 * The dashboard reflows to the room it has: on a small screen and in presentation mode on a projector, every chart
 * keeps a readable width and no title or legend entry is cut short.
 */
@ExtendWith(ApplicationExtension.class)
class DashboardLayoutTest {
    private static ChartInput run;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    @BeforeAll
    static void input() {
        run = ChartTests.shortRun(Presets.builtinDefault(), 2000, -1);
    }

    private Dashboard show(double width, double height, boolean presentation) throws Exception {
        return ChartTests.showDashboard(stage, run, width, height, presentation);
    }

    /** The texts cut short with an ellipsis among a chart's titles and legend entries. */
    private static List<String> cut(Dashboard d) throws Exception {
        return ChartTests.fx(() -> {
            List<String> cut = new ArrayList<>();
            for (ChartPane c : d.charts()) {
                List<Labeled> labels = new ArrayList<>();
                labels.add(c.chart().getTitleLabel());
                c.chart().getLegend().getNode().lookupAll(".chart-legend-item").forEach(n -> labels.add((Labeled) n));
                for (Labeled l : labels) {
                    if (l.isVisible() && !shown(l).equals(l.getText())) {
                        cut.add(l.getText() + " shown as " + shown(l));
                    }
                }
            }
            return cut;
        });
    }

    /** The text a label draws (its skin's text node: the label's text, or the part that fits and an ellipsis). */
    private static String shown(Labeled label) {
        for (Node n : label.getChildrenUnmodifiable()) {
            if (n instanceof Text t) {
                return t.getText();
            }
        }
        return label.getText();
    }

    private static void assertReadable(Dashboard d, int columns, double minWidth) throws Exception {
        assertThat(ChartTests.fx(d::columns)).as("columns").isEqualTo(columns);
        for (ChartPane c : d.charts()) {
            assertThat(ChartTests.fx(c::getWidth)).as("%s width", c.fileName()).isGreaterThanOrEqualTo(minWidth);
        }
        assertThat(cut(d)).as("titles and legend entries cut short").isEmpty();
    }

    @Test
    void aSmallScreenShowsTwoColumnsOfReadableCharts() throws Exception {
        // a 1024 x 700 window less the controls, the menu and the status bar
        Dashboard d = show(700, 620, false);
        assertReadable(d, 2, Dashboard.MIN_WIDTH);
        assertThat(ChartTests.fx(() -> d.charts().get(0).getHeight())).isGreaterThanOrEqualTo(Dashboard.MIN_HEIGHT);
    }

    @Test
    void aWideScreenShowsFourColumns() throws Exception {
        assertReadable(show(1600, 900, false), 4, Dashboard.MIN_WIDTH);
    }

    @Test
    void presentationModeOnAProjectorShowsTwoLargeChartsToAScreen() throws Exception {
        Dashboard d = show(1280, 650, true);
        assertReadable(d, 2, Dashboard.MIN_PRESENTATION_WIDTH);
        assertThat(ChartTests.fx(() -> d.charts().get(0).getHeight()))
                .isGreaterThanOrEqualTo(Dashboard.MIN_PRESENTATION_HEIGHT);
    }

    /**
     * A chart that redraws costs the renderer its own area only: the page's viewport is not cached as one bitmap
     * (which would render every chart again whenever one changed) and neither it nor the page fills a background
     * behind the charts (an invisible fill still costs the software renderer a pass over its pixels).
     */
    @Test
    void aChartThatRedrawsLeavesTheRestOfThePageAlone() throws Exception {
        Dashboard d = show(1600, 900, false);
        ChartTests.fx(() -> {
            Node viewport = d.lookup(".viewport");
            assertThat(viewport).isNotNull();
            assertThat(viewport.isCache()).as("viewport cached").isFalse();
            for (Node n : List.of(d, viewport)) {
                javafx.scene.layout.Background b = ((javafx.scene.layout.Region) n).getBackground();
                assertThat(b == null || b.getFills().isEmpty()).as("%s fills a background", n).isTrue();
            }
            return null;
        });
    }
}
