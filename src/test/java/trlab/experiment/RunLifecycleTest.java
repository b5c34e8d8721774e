package trlab.experiment;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import trlab.experiment.config.ExperimentConfig;
import trlab.measure.Series;

import java.lang.management.ManagementFactory;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** A live run's thread: it ends when closed, leaves nothing behind, and pausing changes no number. */
class RunLifecycleTest {
    private static final ExperimentConfig SMALL = ExperimentConfig.defaults().with("network.width=20")
            .with("training.labelNoise=0.5").with("training.steps=3000");

    private static long liveTrainingThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().startsWith("cycle-") && t.isAlive()).count();
    }

    private static long usedHeapAfterGc() {
        System.gc();
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    /** Waits until the training thread has handled every command sent before. */
    private static void settle(Run run) throws InterruptedException {
        CountDownLatch done = new CountDownLatch(1);
        run.send(e -> done.countDown());
        assertThat(done.await(10, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void runAndResetAHundredTimesLeavesNoThreadAndNoMemoryBehind() throws Exception {
        int threadsBefore = ManagementFactory.getThreadMXBean().getThreadCount();
        long heapBefore = usedHeapAfterGc();
        for (int i = 0; i < 100; i++) {
            Run run = new Run(() -> Experiment.start(SMALL), SMALL, null, "cycle-" + i);
            run.play();
            settle(run);
            long t0 = System.nanoTime();
            run.close();
            assertThat((System.nanoTime() - t0) / 1e9).as("close ends the thread within a second").isLessThan(1.0);
            assertThat(run.isAlive()).isFalse();
        }
        assertThat(liveTrainingThreads()).isZero();
        assertThat(ManagementFactory.getThreadMXBean().getThreadCount()).isLessThanOrEqualTo(threadsBefore + 2);
        assertThat(usedHeapAfterGc() - heapBefore).as("heap growth over 100 runs").isLessThan(32L << 20);
    }

    @Test
    void aDivergingRunStopsAndSaysWhereAndWhichLearningRateToTry() throws Exception {
        ExperimentConfig tooFast = SMALL.with("training.learningRate=5");
        Run run = new Run(() -> Experiment.start(tooFast), tooFast, null, "cycle-diverge");
        try {
            run.play();
            while (run.status().state() != Run.State.DIVERGED) {
                settle(run);
                assertThat(run.status().state()).as("it must not finish").isNotEqualTo(Run.State.FINISHED);
            }
            assertThat(run.isRunning()).isFalse();
            assertThat(run.status().message()).contains("Diverged at step").contains("last finite state")
                    .containsPattern("learning rate of \\d[.\\d]* or less");
            long[] lastFinite = new long[1];
            boolean[] finite = new boolean[1];
            CountDownLatch done = new CountDownLatch(1);
            run.send(e -> {
                lastFinite[0] = e.finalState().step();
                finite[0] = e.finalState().network().isFinite();
                done.countDown();
            });
            assertThat(done.await(10, TimeUnit.SECONDS)).isTrue();
            assertThat(finite[0]).as("the kept state is finite").isTrue();
            assertThat(run.status().message()).contains(String.format(java.util.Locale.ROOT, "%,d", lastFinite[0]));
        } finally {
            run.close();
        }
    }

    @Test
    void pausingAndResumingGivesTheNumbersOfAnUninterruptedRun() throws Exception {
        Experiment uninterrupted = Experiment.start(SMALL);
        uninterrupted.advance(3000);

        Run run = new Run(() -> Experiment.start(SMALL), SMALL, null, "cycle-pause");
        try {
            run.setSpeed(20_000);
            for (int k = 0; k < 5; k++) {
                run.play();
                long until = run.status().step() + 300;
                while (run.status().step() < until && run.status().state() != Run.State.FINISHED) {
                    Thread.onSpinWait();
                }
                run.pause();
                settle(run);
                run.step();
                settle(run);
            }
            run.setSpeed(Double.POSITIVE_INFINITY);
            run.play();
            while (run.status().state() != Run.State.FINISHED) {
                settle(run);
            }
            for (Series s : Series.values()) {
                double[] expected = uninterrupted.record().series(s);
                double[] actual = run.rows().stream().mapToDouble(r -> r[s.ordinal()]).toArray();
                assertThat(actual).as(s.key()).containsExactly(expected);
            }
        } finally {
            run.close();
        }
    }
}
