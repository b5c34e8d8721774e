package trlab.app;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.testfx.util.WaitForAsyncUtils;
import trlab.core.Activation;
import trlab.core.Method;
import trlab.experiment.Comparison;
import trlab.experiment.Run;
import trlab.experiment.StateFile;
import trlab.experiment.config.ExperimentConfig;
import trlab.experiment.config.Presets;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** The window's model comparing runs: arms on their own threads from one state, and what the controls change. */
class LabTest {
    private static final ExperimentConfig SGD = Presets.builtinDefault().with("network.width=20")
            .with("training.steps=3000");
    private final Lab lab = new Lab(SGD);

    @AfterEach
    void close() {
        lab.close();
    }

    /** A value read on a run's training thread between two steps. */
    private static <T> T onThread(Run run, java.util.function.Function<trlab.experiment.Experiment, T> read)
            throws Exception {
        CompletableFuture<T> result = new CompletableFuture<>();
        run.send(e -> result.complete(read.apply(e)));
        return result.get(20, TimeUnit.SECONDS);
    }

    private static long time(Run run) throws Exception {
        return LabTest.<Long>onThread(run, e -> e.trainer().time());
    }

    private static double learningRate(Run run) throws Exception {
        return LabTest.<Double>onThread(run, e -> e.trainer().learningRate());
    }

    private static void awaitEnd(Run run) throws java.util.concurrent.TimeoutException {
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> run.status().state() == Run.State.FINISHED);
    }

    @Test
    void armsRunOnTheirOwnThreadsFromOneInitialState() throws Exception {
        lab.compare(Comparison.sgdVsFullBatch(SGD));
        List<Lab.Arm> arms = lab.arms();
        assertThat(arms).hasSize(2);
        assertThat(lab.labels()).containsExactly("SGD, batch 1, noise 1.0", "full batch");
        Set<Thread> threads = new HashSet<>();
        // what each arm trains from: its live network and data before the first step, against a lone run's start
        StateFile.State lone;
        double[] loneRow;
        try (trlab.experiment.Experiment e = trlab.experiment.Experiment.start(SGD)) {
            lone = StateFile.copyOf(e.state());
            loneRow = e.record().row(0);
        }
        for (Lab.Arm arm : arms) {
            threads.add(onThread(arm.run(), e -> Thread.currentThread()));
            StateFile.State live = onThread(arm.run(), e -> StateFile.copyOf(e.state()));
            assertThat(live.step()).isZero();
            assertThat(live.network().w).isEqualTo(lone.network().w);
            assertThat(live.network().a).isEqualTo(lone.network().a);
            assertThat(live.network().b).isEqualTo(lone.network().b);
            assertThat(live.network().c).isEqualTo(lone.network().c);
            assertThat(live.data().x()).isEqualTo(lone.data().x());
            assertThat(live.data().y()).isEqualTo(lone.data().y());
            assertThat(LabTest.<double[]>onThread(arm.run(), e -> e.record().row(0))).as("the step-0 measurements")
                    .isEqualTo(loneRow);
        }
        assertThat(threads).as("one training thread per arm").hasSize(2);
        assertThat(LabTest.<Method>onThread(arms.get(1).run(), e -> e.config().training().method()))
                .isEqualTo(Method.FULL_BATCH);
    }

    @Test
    void everyArmShowsTheRecordedStartEvenWhenItRunsAtOnce() throws Exception {
        lab.compareSgdWithFullBatch();
        for (Lab.Arm arm : lab.arms()) {
            WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> arm.run().first() != null);
            assertThat(arm.run().first().step()).isZero();
        }
        assertThat(lab.arms().get(1).run().first().curves().spectrum())
                .isEqualTo(lab.arms().get(0).run().first().curves().spectrum());
    }

    @Test
    void twoFullBatchArmsWithTheSameSettingsRecordIdenticalSeries() throws Exception {
        ExperimentConfig fullBatch = SGD.withOverrides(Comparison.FULL_BATCH_TWIN);
        lab.compare(List.of(fullBatch, fullBatch));
        lab.play();
        Run a = lab.arms().get(0).run();
        Run b = lab.arms().get(1).run();
        awaitEnd(a);
        awaitEnd(b);
        List<double[]> rowsA = a.rows();
        List<double[]> rowsB = b.rows();
        assertThat(rowsA).hasSizeGreaterThan(10).hasSameSizeAs(rowsB);
        for (int i = 0; i < rowsA.size(); i++) {
            assertThat(rowsB.get(i)).as("row %d, bit for bit", i).isEqualTo(rowsA.get(i));
        }
    }

    @Test
    void anEditOfHowToTrainGoesToTheSelectedArmAndAnEditOfTheStartToAll() throws Exception {
        lab.compare(Comparison.sgdVsFullBatch(SGD));
        lab.select(1);
        assertThat(lab.settings().training().method()).isEqualTo(Method.FULL_BATCH);
        lab.apply(lab.settings().with("training.learningRate=0.005"));
        assertThat(lab.arms().get(1).settings().training().learningRate()).isEqualTo(0.005);
        assertThat(lab.arms().get(0).settings().training().learningRate()).isEqualTo(0.02);
        assertThat(learningRate(lab.arms().get(1).run())).isEqualTo(0.005);
        assertThat(learningRate(lab.arms().get(0).run())).isEqualTo(0.02);
        assertThat(lab.labels()).containsExactly("SGD, batch 1, noise 1.0, \u03b7 = 0.02",
                "full batch, \u03b7 = 0.005");

        lab.apply(lab.settings().with("network.width=30"));
        assertThat(lab.arms()).allSatisfy(arm -> assertThat(arm.settings().network().width()).isEqualTo(30));
        assertThat(lab.resetPendingProperty().get()).isTrue();
        lab.apply(lab.settings().with("network.activation=relu"));
        lab.reset();
        assertThat(lab.resetPendingProperty().get()).isFalse();
        assertThat(lab.arms().get(1).run().config().network().activation()).isEqualTo(Activation.RELU);
        assertThat(lab.arms().get(0).run().config().network().activation()).isEqualTo(Activation.TANH);
        assertThat(lab.arms()).allSatisfy(arm -> assertThat(arm.run().config().network().width()).isEqualTo(30));
        assertThat(lab.selected()).as("Reset keeps the selection").isEqualTo(1);
    }

    @Test
    void runAndPauseActOnEveryArm() throws Exception {
        lab.load(SGD.with("training.steps=1000000000000"));
        lab.compare(Comparison.sgdVsFullBatch(lab.settings()));
        lab.toggleRunning();
        assertThat(lab.arms()).allSatisfy(arm -> assertThat(arm.run().isRunning()).isTrue());
        lab.toggleRunning();
        assertThat(lab.arms()).allSatisfy(arm -> assertThat(arm.run().isRunning()).isFalse());
        long[] steps = new long[2];
        for (int i = 0; i < 2; i++) {
            steps[i] = time(lab.arms().get(i).run());
        }
        lab.step();
        for (int i = 0; i < 2; i++) {
            assertThat(time(lab.arms().get(i).run())).isEqualTo(steps[i] + 1);
        }
    }

    @Test
    void addingCopiesTheSelectedRunUpToFourAndRemovingEndsAThread() throws Exception {
        lab.addArm();
        assertThat(lab.arms()).hasSize(2);
        assertThat(lab.selected()).isEqualTo(1);
        assertThat(lab.labels()).containsExactly("run 1", "run 2");
        lab.addArm();
        lab.addArm();
        assertThat(lab.arms()).hasSize(Comparison.MAX_ARMS);
        lab.addArm();
        assertThat(lab.arms()).hasSize(Comparison.MAX_ARMS);
        assertThat(lab.messageProperty().get()).contains("At most 4 runs");

        Run removed = lab.arms().get(2).run();
        Run kept = lab.arms().get(3).run();
        lab.select(3);
        lab.removeArm(2);
        assertThat(lab.arms()).hasSize(3);
        assertThat(lab.run()).as("the selected run stays selected").isSameAs(kept);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !removed.isAlive());

        assertThat(lab.arms()).extracting(Lab.Arm::colour).as("colours stay with their runs").containsExactly(0, 1, 3);
        lab.reset();
        assertThat(lab.arms()).extracting(Lab.Arm::colour).as("and through Reset").containsExactly(0, 1, 3);
        kept = lab.run();

        lab.stopComparing();
        assertThat(lab.arms()).hasSize(1);
        assertThat(lab.run()).isSameAs(kept);
        assertThat(lab.comparing()).isFalse();
        assertThat(lab.labels()).containsExactly("");
    }

    @Test
    void theReadyPairIsTheSameFromWhicheverRunIsSelected() {
        lab.compareSgdWithFullBatch();
        List<ExperimentConfig> first = lab.arms().stream().map(Lab.Arm::settings).toList();
        lab.select(1);
        lab.compareSgdWithFullBatch();
        assertThat(lab.arms().stream().map(Lab.Arm::settings).toList()).isEqualTo(first);
        assertThat(lab.labels()).containsExactly("SGD, batch 1, noise 1.0", "full batch");
        assertThat(lab.running()).isTrue();
    }

    @Test
    void aComparisonThatCannotStartKeepsTheRunsAsTheyAre(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        java.nio.file.Path csv = dir.resolve("data.csv");
        java.nio.file.Files.writeString(csv, "x1,y1\n0.1,0.2\n0.5,0.3\n0.9,-0.1\n");
        lab.load(SGD.withOverrides(List.of("task.kind=csv", "task.file=" + csv)));
        Run before = lab.run();
        java.nio.file.Files.delete(csv);
        lab.compareSgdWithFullBatch();
        assertThat(lab.run()).isSameAs(before);
        assertThat(lab.comparing()).isFalse();
        assertThat(lab.running()).as("nothing starts").isFalse();
        assertThat(lab.messageProperty().get()).contains("data.csv");
    }

    @Test
    void anEditThatSomeArmCannotTakeIsRefusedForAll() {
        lab.compare(List.of(SGD.with("training.batchSize=16"), SGD.withOverrides(Comparison.FULL_BATCH_TWIN)));
        lab.select(1);
        List<Lab.Arm> before = lab.arms();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> lab.apply(lab.settings().with("task.points=8")))
                .hasMessageStartingWith("SGD, batch 16, noise 1.0: ").hasMessageContaining("training.batchSize");
        assertThat(lab.arms()).isSameAs(before);
    }

    @Test
    void aComparedRunTrainsTheActivationItIsNamedFor() throws Exception {
        lab.addArm();
        lab.addArm();
        lab.select(1);
        lab.apply(lab.settings().with("network.activation=relu"));
        lab.select(2);
        lab.apply(lab.settings().with("network.activation=sigmoid"));
        assertThat(lab.labels()).containsExactly("tanh", "relu", "sigmoid");
        assertThat(lab.resetPendingProperty().get()).as("nothing waits for Reset").isFalse();
        List<Activation> trained = new java.util.ArrayList<>();
        for (Lab.Arm arm : lab.arms()) {
            trained.add(LabTest.<Activation>onThread(arm.run(), e -> e.config().network().activation()));
            assertThat(LabTest.<Long>onThread(arm.run(), e -> e.state().step())).as("from the shared start").isZero();
        }
        assertThat(trained).containsExactly(Activation.TANH, Activation.RELU, Activation.SIGMOID);
        lab.play();
        Set<Double> losses = new HashSet<>();
        for (Lab.Arm arm : lab.arms()) {
            awaitEnd(arm.run());
            List<double[]> rows = arm.run().rows();
            losses.add(rows.get(rows.size() - 1)[trlab.measure.Series.TRAIN_LOSS.ordinal()]);
        }
        assertThat(losses).as("three networks, three final losses").hasSize(3);
    }

    @Test
    void continueTrainsAFinishedRunOnAlongTheSameTimeAxis() throws Exception {
        lab.load(SGD.with("training.steps=1000"));
        Run run = lab.run();
        lab.play();
        awaitEnd(run);
        List<double[]> before = List.copyOf(run.rows());
        lab.continueRuns();
        assertThat(lab.run()).as("the same run goes on").isSameAs(run);
        assertThat(lab.settings().training().steps()).isEqualTo(10_000);
        assertThat(lab.pendingProperty().get()).isEmpty();
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> run.status().state() == Run.State.FINISHED
                && run.status().step() == 10_000);
        List<double[]> after = run.rows();
        for (int i = 0; i < before.size(); i++) {
            assertThat(after.get(i)).as("row %d is kept", i).isEqualTo(before.get(i));
        }
        int step = trlab.measure.Series.STEP.ordinal();
        assertThat(after.get(after.size() - 1)[step]).isEqualTo(10_000);
        for (int i = 1; i < after.size(); i++) {
            assertThat(after.get(i)[step]).as("time keeps counting").isGreaterThan(after.get(i - 1)[step]);
        }
    }

    @Test
    void raisingTheStepsLetsTheRunGoOnAndLoweringThemWaitsForReset() throws Exception {
        Run run = lab.run();
        lab.apply(lab.settings().with("training.steps=5000"));
        assertThat(lab.run()).isSameAs(run);
        assertThat(lab.pendingProperty().get()).isEmpty();
        assertThat(LabTest.<Long>onThread(run, e -> e.schedule().end())).isEqualTo(5000);
        lab.apply(lab.settings().with("training.steps=100"));
        assertThat(lab.pendingProperty().get()).isEqualTo("steps");
        lab.apply(lab.settings().with("training.steps=5000").with("network.width=7"));
        assertThat(lab.pendingProperty().get()).as("names what waits, not a guess").isEqualTo("width");
    }

    @Test
    void aResetOfARunThatTrainedCanBeUndone() throws Exception {
        lab.undoAfterNanos = 0;
        lab.load(SGD.with("training.steps=1000000000"));
        Run trained = lab.run();
        lab.step();
        lab.step();
        assertThat(time(trained)).isEqualTo(2);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> trained.status().step() == 2);
        lab.reset();
        assertThat(lab.run()).isNotSameAs(trained);
        assertThat(lab.undoableProperty().get()).isTrue();
        Run fresh = lab.run();
        lab.undoReset();
        assertThat(lab.run()).isSameAs(trained);
        assertThat(time(trained)).as("back where it was").isEqualTo(2);
        assertThat(lab.undoableProperty().get()).isFalse();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !fresh.isAlive());

        lab.reset();
        Run replaced = trained;
        lab.load(SGD);
        assertThat(lab.undoableProperty().get()).as("only the last Reset, until something else happens").isFalse();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !replaced.isAlive());
    }

    @Test
    void aResetOfAFreshRunKeepsNothing() {
        Run fresh = lab.run();
        lab.reset();
        assertThat(lab.undoableProperty().get()).isFalse();
        assertThat(fresh.isAlive()).isFalse();
    }
}
