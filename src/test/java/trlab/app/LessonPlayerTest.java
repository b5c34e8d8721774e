package trlab.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.testfx.util.WaitForAsyncUtils;
import trlab.experiment.Run;
import trlab.experiment.config.ConfigException;
import trlab.experiment.config.Lesson;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** A lesson walks the lab through its steps: each pauses exactly at its stop, and a replay gives the same numbers. */
class LessonPlayerTest {
    private static final String RUN = "\"preset\": \"default\", \"set\": [\"network.width=20\", \"training.steps=3000\"]";
    private static final Lesson LESSON = Lesson.parse("{\"title\": \"Short\", \"steps\": ["
            + "{\"title\": \"One\", \"text\": \"Look. Then more.\", " + RUN + ", \"stopAt\": 500},"
            + "{\"title\": \"Two\", \"text\": \"Look. Then more.\", " + RUN + ", \"stopAt\": 2000, \"chart\": \"aging\"},"
            + "{\"title\": \"Three\", \"text\": \"Look. Then more.\", " + RUN + ", \"stopAt\": 1500,"
            + " \"compare\": [\"training.method=full-batch,training.labelNoise=0\"]}]}", "short.json");
    private final Lab lab = new Lab(trlab.experiment.config.Presets.builtinDefault());
    private final LessonPlayer player = new LessonPlayer(lab);

    @AfterEach
    void close() {
        lab.close();
    }

    /** Waits until every run has paused at {@code step}. */
    private void pausedAt(long step) throws Exception {
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> lab.arms().stream().allMatch(a ->
                a.run().status().state() == Run.State.PAUSED && !a.run().isRunning()
                        && a.run().status().step() == step));
        for (Lab.Arm a : lab.arms()) {
            assertThat(WindowTest.<Long>onThread(a.run(), e -> e.trainer().time())).isEqualTo(step);
        }
    }

    private List<double[]> rows() {
        return new ArrayList<>(lab.run().rows());
    }

    @Test
    void eachStepPausesAtItsStopAndNextTrainsOnFromThere() throws Exception {
        player.open(LESSON);
        pausedAt(500);
        Run first = lab.run();
        player.next();
        pausedAt(2000);
        assertThat(lab.run()).as("the same runs go on into a step with the same settings").isSameAs(first);
        player.next();
        pausedAt(1500);
        assertThat(lab.arms()).hasSize(2);
        assertThat(player.hasNext()).isFalse();
    }

    @Test
    void aLessonReplaysExactlyAndBackRedoesAStepFromTheStart() throws Exception {
        player.open(LESSON);
        pausedAt(500);
        player.next();
        pausedAt(2000);
        List<double[]> once = rows();
        player.back();
        pausedAt(500);
        List<double[]> atFirstStop = rows();
        player.open(LESSON);
        pausedAt(500);
        assertThat(rows()).usingElementComparator(LessonPlayerTest::bits).isEqualTo(atFirstStop);
        player.next();
        pausedAt(2000);
        assertThat(rows()).usingElementComparator(LessonPlayerTest::bits).isEqualTo(once).hasSizeGreaterThan(40);
    }

    private static int bits(double[] a, double[] b) {
        return java.util.Arrays.equals(a, b) ? 0 : 1;
    }

    @Test
    void aStepWhoseRunsCannotStartTogetherIsRefusedAndTheLabStays() {
        Lesson bad = Lesson.parse("{\"title\": \"Bad\", \"steps\": [{\"title\": \"T\", \"text\": \"A. B.\", " + RUN
                + ", \"compare\": [\"task.points=9\"]}]}", "bad.json");
        Run before = lab.run();
        assertThatThrownBy(() -> player.open(bad)).isInstanceOf(ConfigException.class)
                .hasMessage("Bad: step 1 compares runs that differ in more than training.method, training.batchSize,"
                        + " training.learningRate, training.labelNoise, network.activation, so they cannot start from"
                        + " one initial state.");
        assertThat(lab.run()).isSameAs(before);
        assertThat(player.lesson()).isNull();
    }
}
