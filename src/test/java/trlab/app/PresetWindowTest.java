package trlab.app;

import org.testfx.framework.junit5.Start;
import javafx.stage.Stage;
import static org.assertj.core.api.Assertions.assertThat;

import javafx.scene.control.ComboBox;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import trlab.core.Activation;
import trlab.core.Method;
import trlab.core.TaskKind;
import trlab.experiment.config.Presets;


/** The presets as a student opens them: what a description promises is on screen, in words a student reads. */
class PresetWindowTest extends WindowTest {
    @Start
    void start(Stage stage) {
        open(stage);
    }

    private void choose(FxRobot robot, String name) {
        robot.interact(() -> robot.lookup("#presetChoice").<String>queryComboBox().setValue(name));
    }

    @Test
    void aPresetAboutATwinOpensTheTwinBesideIt(FxRobot robot) throws Exception {
        for (String name : new String[]{"method", "feature-space", "fragility"}) {
            choose(robot, name);
            Lab lab = window.lab();
            assertThat(lab.labels()).as(name).containsExactly("SGD, batch 1, noise 2.0", "full batch");
            assertThat(WindowTest.<Method>onThread(lab.arms().get(1).run(), e -> e.config().training().method()))
                    .isEqualTo(Method.FULL_BATCH);
            assertThat(robot.lookup("#armToggle1").queryLabeled().getText()).startsWith("full batch");
        }
    }

    @Test
    void theActivationPresetOpensTanhReluAndSigmoidSideBySide(FxRobot robot) throws Exception {
        choose(robot, "activation");
        Lab lab = window.lab();
        assertThat(lab.labels()).containsExactly("tanh", "relu", "sigmoid");
        for (int i = 0; i < 3; i++) {
            Activation trained = WindowTest.<Activation>onThread(lab.arms().get(i).run(),
                    e -> e.config().network().activation());
            assertThat(trained)
                    .isEqualTo(new Activation[]{Activation.TANH, Activation.RELU, Activation.SIGMOID}[i]);
        }
    }

    @Test
    void aPresetWhoseSettingsWereChangedSaysSo(FxRobot robot) {
        choose(robot, "aging");
        ComboBox<String> box = robot.lookup("#presetChoice").queryComboBox();
        assertThat(box.getValue()).isEqualTo("aging");
        robot.interact(() -> robot.lookup("#taskChoice").<TaskKind>queryComboBox().setValue(TaskKind.CIRCLE));
        assertThat(box.getValue()).isNull();
        assertThat(box.getPromptText()).isEqualTo("aging (modified)");
        assertThat(robot.lookup("#presetDescription").queryLabeled().getText())
                .startsWith("You changed the data of this preset");
        choose(robot, "aging");
        assertThat(box.getValue()).as("choosing it again brings it back").isEqualTo("aging");
        assertThat(robot.lookup("#presetDescription").queryLabeled().getText()).startsWith("Stochastic");
    }

    @Test
    void descriptionsAreWordsNotConfigKeys() {
        for (String name : Presets.names()) {
            String text = Presets.load(name, java.util.List.of()).description();
            assertThat(text).as(name).doesNotContainPattern("[a-z]+\\.[a-zA-Z]+\\s*=").doesNotContain("run.json")
                    .doesNotContain("In the window, press").doesNotContain("Add run twice");
        }
    }
}
