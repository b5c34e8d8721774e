package trlab.app;

import org.testfx.framework.junit5.Start;
import javafx.stage.Stage;
import static org.assertj.core.api.Assertions.assertThat;

import javafx.scene.control.Spinner;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;
import trlab.experiment.Run;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Typing into the controls: the keys are the user's text there, and text that is not a number is refused aloud. */
class TypingTest extends WindowTest {
    private static final List<String> TEXT_FIELDS = List.of("#learningRateField", "#stepsField");
    private static final List<String> SPINNERS = List.of("#pointsSpinner", "#widthSpinner", "#labelNoiseSpinner",
            "#taskSeedSpinner", "#networkSeedSpinner", "#trainingSeedSpinner");

    @Start
    void start(Stage stage) {
        open(stage);
    }

    private static TextInputControl editor(FxRobot robot, String id) {
        return robot.lookup(id).query() instanceof Spinner<?> s ? s.getEditor() : robot.lookup(id).queryTextInputControl();
    }

    /**
     * Puts the keyboard into a field with the caret at its end, as a click there would; the lower boxes may be
     * scrolled out of a small screen's view, where a click would miss them.
     */
    private static void focus(FxRobot robot, String id) {
        robot.interact(() -> {
            robot.lookup(id).query().requestFocus();
            editor(robot, id).end();
        });
    }

    @Test
    void rSAndSpaceTypedIntoAFieldGoIntoItAndLeaveTheRunAlone(FxRobot robot) throws Exception {
        Run before = run();
        for (String id : concat(TEXT_FIELDS, SPINNERS)) {
            TextInputControl field = editor(robot, id);
            focus(robot, id);
            String was = field.getText();
            robot.type(KeyCode.R, KeyCode.S, KeyCode.SPACE);
            assertThat(field.getText()).as(id + " holds what was typed").hasSize(was.length() + 3)
                    .contains("r").contains("s").contains(" ");
            assertThat(run()).as(id + ": R did not reset").isSameAs(before);
            assertThat(run().isRunning()).as(id + ": Space did not run").isFalse();
            assertThat(stepBetweenSteps()).as(id + ": S did not step").isZero();
            robot.type(KeyCode.ESCAPE);
            assertThat(field.getText()).as(id + ": Escape puts back the value in force").isEqualTo(was);
            assertThat(robot.lookup(id).query().isFocused() || field.isFocused()).as(id + " is left").isFalse();
        }
        robot.type(KeyCode.S);
        assertThat(stepBetweenSteps()).as("out of the fields, S steps again").isEqualTo(1);
    }

    @Test
    void lettersInANumberBoxAreRefusedWithAMessageAndNoException(FxRobot robot) throws Exception {
        List<Throwable> uncaught = new CopyOnWriteArrayList<>();
        Thread.UncaughtExceptionHandler[] previous = new Thread.UncaughtExceptionHandler[1];
        robot.interact(() -> {
            previous[0] = Thread.currentThread().getUncaughtExceptionHandler();
            Thread.currentThread().setUncaughtExceptionHandler((t, e) -> uncaught.add(e));
        });
        try {
            for (String id : SPINNERS) {
                Spinner<Object> spinner = robot.lookup(id).query();
                Object value = spinner.getValue();
                focus(robot, id);
                robot.eraseText(12).write("1abc").type(KeyCode.ENTER);
                WaitForAsyncUtils.waitForFxEvents();
                assertThat(robot.lookup("#hint").queryLabeled().getText()).as(id)
                        .contains("\"1abc\" is not one");
                assertThat(robot.lookup("#hint").queryLabeled().getStyleClass()).contains("error");
                assertThat(spinner.getValue()).as(id + " keeps its value").isEqualTo(value);
                assertThat(spinner.getEditor().getText()).as(id + " shows it again")
                        .isEqualTo(spinner.getValueFactory().getConverter().toString(spinner.getValue()));
            }
            focus(robot, "#widthSpinner");
            robot.eraseText(12).write("37").type(KeyCode.ENTER);
            WaitForAsyncUtils.waitForFxEvents();
            assertThat(window.lab().settings().network().width()).as("a number is taken").isEqualTo(37);
            assertThat(robot.lookup("#hint").queryLabeled().getText()).doesNotContain("is not one");
        } finally {
            robot.interact(() -> Thread.currentThread().setUncaughtExceptionHandler(previous[0]));
        }
        assertThat(uncaught).as("no exception reaches the terminal").isEmpty();
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new java.util.ArrayList<>(a);
        all.addAll(b);
        return all;
    }
}
