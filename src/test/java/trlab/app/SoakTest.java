package trlab.app;

import org.testfx.framework.junit5.Start;
import javafx.stage.Stage;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** The scripted lesson of {@code gui --soak}: it clicks through the lab and reports heap, threads and answers. */
class SoakTest extends WindowTest {
    @Start
    void start(Stage stage) {
        open(stage);
    }

    @Test
    void aShortSoakClicksThroughTheLessonAndReportsEachInterval(FxRobot robot) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        CountDownLatch done = new CountDownLatch(1);
        // eight seconds, about one action a second, a report every three seconds and one at the end
        robot.interact(() -> new Soak(window, 3, out).start(8 * Soak.PACE_SECONDS / 60, done::countDown));
        assertThat(done.await(60, TimeUnit.SECONDS)).as("the soak ends on time").isTrue();
        String[] lines = bytes.toString(StandardCharsets.UTF_8).strip().split("\n");
        assertThat(lines).hasSizeGreaterThanOrEqualTo(2);
        int actions = 0;
        for (String line : lines) {
            assertThat(line).startsWith("{\"minute\": ").contains("\"liveHeapMB\": ").contains("\"threads\": ")
                    .contains("\"slowestMillis\": ").endsWith("}");
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("\"actions\": (\\d+)").matcher(line);
            assertThat(m.find()).isTrue();
            actions += Integer.parseInt(m.group(1));
        }
        assertThat(actions).as("every scripted action was counted").isGreaterThanOrEqualTo(3);
    }
}
