package trlab.measure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import trlab.core.Activation;
import trlab.core.Loss;
import trlab.core.Network;
import trlab.core.Parameterization;
import trlab.core.Task;
import trlab.core.TaskKind;
import trlab.core.TaskSpec;
import trlab.core.Tasks;

/**
 * {@link Parallel}: results in task order whoever computes them; a helper that does not get to run (here: one
 * that sleeps) holds the caller up by its patience at most; and snapshots stay bit-identical however the tasks
 * fall, also when a task runs on both threads at once.
 */
class ParallelTest {

    private static boolean onHelper() {
        return Thread.currentThread().getName().startsWith("trlab-measure-helper");
    }

    @Test
    void resultsComeInTaskOrder() {
        List<Supplier<?>> tasks = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            int k = i;
            tasks.add(() -> {
                double s = 0;
                for (int j = 0; j < 20_000 * (k % 3 + 1); j++) {
                    s += Math.sqrt(j + k);
                }
                return new double[]{k, s};
            });
        }
        Object[] out = Parallel.run(tasks).values();
        for (int i = 0; i < 20; i++) {
            double[] r = (double[]) out[i];
            assertThat(r[0]).isEqualTo(i);
            assertThat(r[1]).isEqualTo(((double[]) tasks.get(i).get())[1]);
        }
    }

    @Test
    void aHelperThatDoesNotRunIsTakenOverAfterThePatience() {
        List<Supplier<?>> tasks = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            int k = i;
            tasks.add(() -> {
                if (onHelper()) {
                    try {
                        Thread.sleep(400); // as if the OS gave the helper no core
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    return "late " + k;
                }
                return "caller " + k;
            });
        }
        long t0 = System.nanoTime();
        Object[] out = Parallel.run(tasks).values();
        long millis = (System.nanoTime() - t0) / 1_000_000;
        assertThat(out).containsExactly("caller 0", "caller 1", "caller 2", "caller 3");
        assertThat(millis).as("the caller did not wait for the sleeping helper").isLessThan(300);
    }

    @Test
    void aFailingTaskFailsTheRun() {
        List<Supplier<?>> tasks = List.of(() -> 1, () -> {
            throw new IllegalStateException("boom");
        }, () -> 3);
        assertThatThrownBy(() -> Parallel.run(tasks)).isInstanceOf(IllegalStateException.class).hasMessage("boom");
    }

    /**
     * A slow exact activation (gelu) makes the helper's feature rows take longer than the caller's patience, so
     * tasks run twice at once: what a snapshot reads must still be the final numbers, every time.
     */
    @Test
    void snapshotsAreBitIdenticalAndExactWhenTasksRunTwice() {
        Task task = Tasks.build(new TaskSpec(TaskKind.SINE, 128, 1, 3.0, 4, 0.0, null), 101, 41);
        Network net = Network.initialize(1, 100, 1, Activation.GELU, Parameterization.STANDARD, 1, 1, 3);
        MeasureSettings settings = new MeasureSettings(new int[]{0, 63, 127}, 1e-3, 0.05, 16, 3);
        double trainLoss = net.meanLoss(Loss.MSE, task.train().x(), task.train().y(), 128);
        Snapshot first = new Measurer(task, Loss.MSE, settings).measure(net, 0, 0, 1e-3, false);
        for (int i = 0; i < 30; i++) {
            Snapshot s = new Measurer(task, Loss.MSE, settings).measure(net, 0, 0, 1e-3, false);
            assertThat(s.trainLoss()).as("snapshot %d", i).isEqualTo(trainLoss);
            for (Series series : Series.values()) {
                assertThat(Double.compare(series.of(s), series.of(first))).as("%s, snapshot %d", series.key(), i)
                        .isZero();
            }
            Curves c = s.curves();
            Curves f = first.curves();
            assertThat(c.output()).containsExactly(f.output());
            assertThat(c.response()).containsExactly(f.response());
            assertThat(c.ntk().output()).containsExactly(f.ntk().output());
            assertThat(c.ntk().hidden()).containsExactly(f.ntk().hidden());
            assertThat(c.spectrum()).containsExactly(f.spectrum());
            assertThat(c.projection().coordinates()).containsExactly(f.projection().coordinates());
            assertThat(c.contributions()).containsExactly(f.contributions());
        }
    }

    /**
     * One measurer fills the same feature arrays again from snapshot to snapshot, but never while a late helper
     * task of the snapshot before may still write them: measuring two networks in turn, with tasks running twice
     * (slow gelu rows), gives each network's snapshot exactly as a new measurer does.
     */
    @Test
    void aMeasurerMeasuringTwoNetworksInTurnGetsEachExactlyWhenTasksRunLate() {
        Task task = Tasks.build(new TaskSpec(TaskKind.SINE, 128, 1, 3.0, 4, 0.0, null), 101, 41);
        MeasureSettings settings = new MeasureSettings(new int[]{0, 63, 127}, 1e-3, 0.05, 16, 3);
        Network[] nets = {Network.initialize(1, 100, 1, Activation.GELU, Parameterization.STANDARD, 1, 1, 3),
                Network.initialize(1, 100, 1, Activation.GELU, Parameterization.STANDARD, 1, 1, 4)};
        Snapshot[] fresh = new Snapshot[2];
        for (int k = 0; k < 2; k++) {
            fresh[k] = new Measurer(task, Loss.MSE, settings).measure(nets[k], 0, 0, 1e-3, false);
        }
        assertThat(fresh[0].curves().output()).isNotEqualTo(fresh[1].curves().output());
        Measurer measurer = new Measurer(task, Loss.MSE, settings);
        for (int i = 0; i < 30; i++) {
            int k = i % 2;
            Curves c = measurer.measure(nets[k], 0, 0, 1e-3, false).curves();
            Curves f = fresh[k].curves();
            assertThat(c.output()).as("network %d, snapshot %d", k, i).containsExactly(f.output());
            assertThat(c.response()).containsExactly(f.response());
            assertThat(c.ntk().hidden()).containsExactly(f.ntk().hidden());
            assertThat(c.spectrum()).containsExactly(f.spectrum());
            assertThat(c.projection().coordinates()).containsExactly(f.projection().coordinates());
            assertThat(c.contributions()).containsExactly(f.contributions());
        }
    }

    @Test
    void aJobIsFinishedOnceTheHelperHasLeftIt() {
        CountDownLatch helperBusy = new CountDownLatch(1);
        List<Supplier<?>> tasks = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            tasks.add(() -> {
                try {
                    if (onHelper()) {
                        helperBusy.countDown();
                        Thread.sleep(200); // still busy after the caller has every result
                    } else {
                        helperBusy.await(5, TimeUnit.SECONDS); // the caller leaves a task to the helper
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return 1;
            });
        }
        Parallel.Results results = Parallel.run(tasks);
        assertThat(results.helperDone()).as("the helper is still in its task").isFalse();
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (!results.helperDone() && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        assertThat(results.helperDone()).isTrue();
    }

    /**
     * Compared runs share the helper: a call it never got to (busy with another caller's task) is done as soon as
     * it returns, so that caller's memory can be used again at once.
     */
    @Test
    void aCallTheBusyHelperNeverTookIsDoneAtOnce() throws Exception {
        CountDownLatch helperBusy = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        List<Supplier<?>> other = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            other.add(() -> {
                try {
                    if (onHelper()) {
                        helperBusy.countDown();
                        release.await(5, TimeUnit.SECONDS);
                    } else {
                        helperBusy.await(5, TimeUnit.SECONDS); // the other caller leaves a task to the helper
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return 1;
            });
        }
        Thread otherCaller = new Thread(() -> Parallel.run(other));
        otherCaller.start();
        try {
            assertThat(helperBusy.await(5, TimeUnit.SECONDS)).isTrue();
            List<Supplier<?>> tasks = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                tasks.add(() -> 2);
            }
            Parallel.Results results = Parallel.run(tasks);
            assertThat(results.values()).containsExactly(2, 2, 2, 2);
            assertThat(results.helperDone()).as("the helper took none of these tasks").isTrue();
        } finally {
            release.countDown();
            otherCaller.join(5_000);
        }
    }
}
