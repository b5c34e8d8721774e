package trlab.app;

import static org.assertj.core.api.Assertions.assertThat;

import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** Placeholder UI test: the window opens with its title (headless under Monocle by default). */
@ExtendWith(ApplicationExtension.class)
class TrlabAppTest {

    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        new TrlabApp().start(stage);
    }

    @Test
    void windowShowsWithTitle() {
        assertThat(stage.getTitle()).isEqualTo("Training Response Lab");
        assertThat(stage.isShowing()).isTrue();
    }
}
