package trlab.experiment.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** Lesson files: the shipped ones load, a bad one is refused with one sentence naming the field. */
class LessonTest {
    private static final String STEP = "{\"title\": \"T\", \"text\": \"Some words.\", \"preset\": \"default\"%s}";

    private static Lesson oneStep(String extra) {
        return Lesson.parse("{\"title\": \"L\", \"steps\": [" + String.format(STEP, extra) + "]}", "l.json");
    }

    @Test
    void theShippedLessonsLoadWithTheirStepsStopsAndCharts() {
        assertThat(Lesson.names()).contains("training-response", "aging", "feature-space-and-fragility");
        for (String name : Lesson.names()) {
            Lesson l = Lesson.load(name);
            assertThat(l.steps()).as(name).hasSizeBetween(3, 10);
            for (Lesson.Step s : l.steps()) {
                assertThat(s.text().split("[.!?](\\s|$)")).as(s.title()).hasSizeBetween(2, 5);
                assertThat(s.stopAt()).isPositive().isLessThanOrEqualTo(s.runs().get(0).training().steps());
                assertThat(s.chart()).isIn(Lesson.CHARTS);
            }
        }
        Lesson.Step twin = Lesson.load("aging").steps().get(2);
        assertThat(twin.runs()).hasSize(2);
        assertThat(twin.runs().get(1).training().method()).isEqualTo(trlab.core.Method.FULL_BATCH);
        assertThat(Lesson.load("aging").steps().get(3).page()).isEqualTo("theory");
    }

    @Test
    void aLessonWrittenOutReadsBackTheSame(@TempDir Path dir) throws IOException {
        Lesson l = Lesson.load("feature-space-and-fragility");
        Lesson back = Lesson.parse(l.toJson(), "again.json");
        assertThat(back).isEqualTo(l);
        Path file = dir.resolve("mine.json");
        Files.writeString(file, l.toJson());
        assertThat(Lesson.load(file.toString())).isEqualTo(l);
    }

    /** A field added to a good step, and what the refusal must say. */
    static Stream<Arguments> badSteps() {
        return Stream.of(
                Arguments.of("\"stopAt\": -5", "l.json: steps[0].stopAt = -5 is not allowed"),
                Arguments.of("\"stopAt\": 1.5", "steps[0].stopAt = 1.5"),
                Arguments.of("\"chart\": \"pie\"", "steps[0].chart = \"pie\" is not allowed; it must be one of aging,"),
                Arguments.of("\"chart\": \"decision\", \"page\": \"network\"",
                        "steps[0].chart \"decision\" is not on the network page"),
                Arguments.of("\"hide\": [\"menus\"]", "steps[0].hide holds \"menus\""),
                Arguments.of("\"colour\": 3", "steps[0] has an unknown field \"colour\""),
                Arguments.of("\"set\": [\"network.width=-1\"]", "steps[0]: "),
                Arguments.of("\"compare\": [\"training.learningRate=x\"]", "steps[0].compare \"training.learningRate=x\""),
                Arguments.of("\"runs\": []", "steps[0] has runs and a preset"));
    }

    @ParameterizedTest
    @MethodSource("badSteps")
    void aBadStepIsRefusedWithOneSentenceNamingTheField(String extra, String expected) {
        assertThatThrownBy(() -> oneStep(", " + extra)).isInstanceOf(ConfigException.class)
                .hasMessageContaining(expected).hasMessageNotContaining("\n")
                .hasMessageNotContaining("Exception");
    }

    @Test
    void aFileThatIsNoLessonSaysSo() {
        assertThatThrownBy(() -> Lesson.parse("[1, 2]", "x.json")).hasMessage("x.json is not a lesson: a lesson is a"
                + " JSON object with a title and steps.");
        assertThatThrownBy(() -> Lesson.parse("{\"title\": \"L\", \"steps\": []}", "x.json"))
                .hasMessageContaining("x.json: steps must be a list of 1 to");
        assertThatThrownBy(() -> Lesson.parse("{\"title\": \"L\", \"steps\": [{\"title\": \"T\", \"preset\":"
                + " \"default\"}]}", "x.json")).hasMessageContaining("x.json: steps[0].text is missing");
        assertThatThrownBy(() -> Lesson.load("no-such-lesson")).hasMessageContaining("the lessons are ")
                .hasMessageContaining("training-response");
    }
}
