package trlab.app;

import static org.assertj.core.api.Assertions.assertThat;

import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import trlab.experiment.config.Lesson;

import java.nio.file.Files;
import java.nio.file.Path;

/** A lesson in the window: its panel, Back and Next, and what each step shows. */
class LessonWindowTest extends WindowTest {
    @Start
    void start(Stage stage) {
        open(stage);
    }

    @Test
    void aShippedLessonShowsItsStepsChartsAndProgress(FxRobot robot) {
        robot.interact(() -> window.openLesson("training-response"));
        assertThat(robot.lookup("#lessonPanel").tryQuery()).isPresent();
        assertThat(robot.lookup("#lessonStepTitle").queryLabeled().getText()).isEqualTo("A network learns a curve");
        assertThat(robot.lookup("#lessonProgress").queryLabeled().getText()).isEqualTo("step 1 of 4");
        assertThat(window.dashboard().focused()).isSameAs(window.dashboard().output);
        assertThat(robot.lookup("#lessonBack").queryButton().isDisabled()).isTrue();
        robot.clickOn("#lessonNext");
        assertThat(robot.lookup("#lessonStepTitle").queryLabeled().getText()).isEqualTo("One step moves every output");
        assertThat(window.dashboard().focused()).isSameAs(window.dashboard().response);
        robot.clickOn("#lessonBack");
        assertThat(robot.lookup("#lessonProgress").queryLabeled().getText()).isEqualTo("step 1 of 4");
        robot.clickOn("#lessonClose");
        assertThat(robot.lookup("#lessonPanel").tryQuery()).isEmpty();
        assertThat(window.dashboard().focused()).as("every chart again").isNull();
    }

    @Test
    void theLessonsMenuNamesEachShippedLessonByItsTitleAndOpensIt(FxRobot robot) {
        robot.clickOn("Lessons");
        for (String name : Lesson.names()) {
            String title = Lesson.load(name).title();
            assertThat(robot.lookup("Lesson: " + title).tryQuery()).as(name).isPresent();
            if (!title.equals(name)) {
                assertThat(robot.lookup("Lesson: " + name).tryQuery()).as("the file name " + name).isEmpty();
            }
        }
        javafx.scene.control.Menu menu = robot.lookup(".menu-bar").queryAs(javafx.scene.control.MenuBar.class)
                .getMenus().stream().filter(m -> m.getText().equals("Lessons")).findFirst().orElseThrow();
        assertThat(menu.getItems().get(0).getText()).as("first").isEqualTo("Lesson: The training response");
        robot.clickOn("Lesson: Aging");
        assertThat(robot.lookup("#lessonPanel").tryQuery()).isPresent();
        assertThat(robot.lookup("#lessonProgress").queryLabeled().getText()).startsWith("step 1 of");
        robot.clickOn("#lessonClose");
    }

    @Test
    void aStepOnTheTheoryPageWithoutControlsShowsJustThat(FxRobot robot, @TempDir Path dir) throws Exception {
        Path file = dir.resolve("class.json");
        Files.writeString(file, "{\"title\": \"Class\", \"steps\": [{\"title\": \"Theory\", \"text\": \"A. B.\","
                + " \"preset\": \"default\", \"chart\": \"model-error\", \"hide\": [\"controls\"]}]}");
        robot.interact(() -> window.openLesson(file.toString()));
        assertThat(window.shownPage()).isSameAs(window.theory().view);
        assertThat(window.theory().view.focused()).isSameAs(window.theory().view.errors);
        assertThat(robot.lookup("#controlPanel").tryQuery()).as("the controls step aside").isEmpty();
        robot.clickOn("#lessonClose");
        assertThat(robot.lookup("#controlPanel").tryQuery()).isPresent();
    }

    @Test
    void aBadLessonFileSaysWhyAndChangesNothing(FxRobot robot, @TempDir Path dir) throws Exception {
        Path file = dir.resolve("bad.json");
        Files.writeString(file, "{\"title\": \"Bad\", \"steps\": [{\"title\": \"T\"}]}");
        var before = run();
        robot.interact(() -> window.openLesson(file.toString()));
        assertThat(robot.lookup("#hint").queryLabeled().getText()).contains("steps[0].text is missing");
        assertThat(run()).isSameAs(before);
        assertThat(robot.lookup("#lessonPanel").tryQuery()).isEmpty();
        robot.interact(() -> robot.listTargetWindows().stream().filter(w -> w != stage)
                .forEach(w -> ((Stage) w).close()));
    }

    @Test
    void theMomentIsAddedAsAStepThatReplays(FxRobot robot, @TempDir Path dir) throws Exception {
        robot.clickOn("#stepButton");
        robot.clickOn("#stepButton");
        Path file = dir.resolve("mine.json");
        robot.interact(() -> {
            try {
                window.files.addLessonStep(file, window.lessons.moment("Two steps", "Look. Then more.", "network",
                        null));
                window.files.addLessonStep(file, window.lessons.moment("Again", "Look. Then more.", "network",
                        "loss"));
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        Lesson mine = Lesson.read(file);
        assertThat(mine.title()).isEqualTo("mine");
        assertThat(mine.steps()).extracting(Lesson.Step::stopAt).containsExactly(2L, 2L);
        assertThat(mine.steps().get(0).runs()).containsExactly(window.lab().settings());
        WaitForAsyncUtils.waitForFxEvents();
    }
}
