package trlab.app.chart;

import static org.assertj.core.api.Assertions.assertThat;

import io.fair_acc.chartfx.axes.spi.DefaultNumericAxis;
import javafx.scene.Scene;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * An axis nobody can see (a heat map's z axis while the map is off, a chart of the page not in view) draws nothing:
 * its canvas would keep every command until it is shown. It stays due and draws as soon as it can be seen.
 */
@ExtendWith(ApplicationExtension.class)
class HiddenAxisTest {
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    @Test
    void aHiddenAxisWaitsAndDrawsOnceSeen() throws Exception {
        ChartTests.fx(() -> {
            DefaultNumericAxis axis = ChartPane.axis("steps", null, true);
            StackPane page = new StackPane(axis);
            stage.setScene(new Scene(page, 300, 120));
            stage.show();
            page.applyCss();
            page.layout();
            axis.drawAxis();
            assertThat(axis.getBitState().isClean()).as("a shown axis draws").isTrue();

            page.setVisible(false);
            axis.set(1, 1e6);
            axis.forceRedraw();
            axis.drawAxis();
            assertThat(ChartPane.seen(axis)).isFalse();
            assertThat(axis.getBitState().isDirty()).as("a hidden axis waits").isTrue();

            page.setVisible(true);
            axis.drawAxis();
            assertThat(axis.getBitState().isClean()).as("seen again, it draws").isTrue();
            return null;
        });
    }
}
