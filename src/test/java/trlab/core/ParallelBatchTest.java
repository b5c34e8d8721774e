package trlab.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.ref.WeakReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Batches big enough for the helper thread ({@link Trainer#PARALLEL_MIN_ENTRIES}): the sums are split in fixed
 * chunks, so runs are bit-identical to each other and to the same run on the calling thread alone; the step
 * still follows the finite-difference gradient; and the helper thread ends with the trainer.
 */
class ParallelBatchTest {
    private static final int WIDTH = 64;
    private static final int POINTS = 200;

    static {
        assertThat(WIDTH * POINTS).isGreaterThanOrEqualTo(Trainer.PARALLEL_MIN_ENTRIES);
    }

    private static DataSet data(int d, int k, Loss loss, long seed) {
        Rng rng = new Rng(seed);
        double[] x = new double[POINTS * d];
        for (int i = 0; i < x.length; i++) {
            x[i] = rng.uniform(-1, 1);
        }
        double[] y = new double[POINTS * k];
        for (int n = 0; n < POINTS; n++) {
            if (loss == Loss.CROSS_ENTROPY) {
                y[n * k + rng.nextInt(k)] = 1.0;
            } else {
                for (int o = 0; o < k; o++) {
                    y[n * k + o] = Math.sin(3 * x[n * d]) + 0.1 * o;
                }
            }
        }
        return new DataSet(d, k, POINTS, x, y);
    }

    private static Network network(Activation act, int d, int k) {
        Network net = Network.initialize(d, WIDTH, k, act, Parameterization.STANDARD, 1.5, 0.5, 77);
        for (int o = 0; o < k; o++) {
            net.c[o] = 0.1 * (o + 1);
        }
        return net;
    }

    @ParameterizedTest(name = "d={0}")
    @ValueSource(ints = {1, 2})
    void runsWithAndWithoutTheHelperAreBitIdentical(int d) {
        int k = d == 1 ? 1 : 3;
        Loss loss = d == 1 ? Loss.MSE : Loss.CROSS_ENTROPY;
        DataSet data = data(d, k, loss, 5);
        Network a = network(Activation.TANH, d, k);
        Network b = a.copy();
        Network alone = a.copy();
        try (Trainer ta = new Trainer(a, data, loss, Method.FULL_BATCH, 0, 0.05, 0.3, 11, 0);
             Trainer tb = new Trainer(b, data, loss, Method.FULL_BATCH, 0, 0.05, 0.3, 11, 0);
             Trainer tAlone = new Trainer(alone, data, loss, Method.FULL_BATCH, 0, 0.05, 0.3, 11, 0)) {
            tAlone.close(); // a closed trainer computes every chunk on the calling thread
            for (int i = 0; i < 300; i++) {
                ta.step();
                tb.step();
                tAlone.step();
            }
            if (Runtime.getRuntime().availableProcessors() > 1) {
                assertThat(ta.helperThread()).as("helper started").isNotNull();
            }
            assertThat(tAlone.helperThread()).isNull();
        }
        assertThat(a.sameParameters(network(Activation.TANH, d, k))).as("training moved").isFalse();
        assertThat(a.sameParameters(b)).as("two runs").isTrue();
        assertThat(a.sameParameters(alone)).as("with and without the helper").isTrue();
    }

    @ParameterizedTest(name = "K={0}")
    @ValueSource(ints = {1, 3})
    void parallelStepFollowsTheFiniteDifferenceGradient(int k) {
        int d = k == 1 ? 1 : 2;
        Loss loss = k == 1 ? Loss.MSE : Loss.CROSS_ENTROPY;
        DataSet data = data(d, k, loss, 8);
        Network net = network(Activation.TANH, d, k);
        Network before = net.copy();
        double eta = 0.5;
        int[] all = new int[POINTS];
        for (int i = 0; i < POINTS; i++) {
            all[i] = i;
        }
        double[] fd = ReferenceModel.finiteDifferenceGradient(before, loss, data, all);
        try (Trainer trainer = new Trainer(net, data, loss, Method.FULL_BATCH, 0, eta, 0.0, 1, 0)) {
            trainer.step();
        }
        double[] t0 = ReferenceModel.flatten(before);
        double[] t1 = ReferenceModel.flatten(net);
        double diff = 0;
        double norm = 0;
        double scale = 1;
        for (double v : fd) {
            scale = Math.max(scale, Math.abs(v));
        }
        for (int p = 0; p < fd.length; p++) {
            double applied = (t0[p] - t1[p]) / eta;
            assertThat(Math.abs(applied - fd[p])).as("component %d", p).isLessThanOrEqualTo(1e-7 * scale);
            diff += (applied - fd[p]) * (applied - fd[p]);
            norm += fd[p] * fd[p];
        }
        assertThat(Math.sqrt(norm)).isGreaterThan(1e-2);
        assertThat(Math.sqrt(diff)).isLessThanOrEqualTo(1e-6 * Math.sqrt(norm));
    }

    @Test
    void closeEndsTheHelperThreadAndTheTrainerKeepsWorking() throws InterruptedException {
        DataSet data = data(1, 1, Loss.MSE, 3);
        Network net = network(Activation.TANH, 1, 1);
        Network same = net.copy();
        Trainer trainer = new Trainer(net, data, Loss.MSE, Method.FULL_BATCH, 0, 0.05, 0.0, 1, 0);
        Trainer reference = new Trainer(same, data, Loss.MSE, Method.FULL_BATCH, 0, 0.05, 0.0, 1, 0);
        reference.close();
        trainer.step();
        reference.step();
        Thread helper = trainer.helperThread();
        trainer.close();
        trainer.close(); // idempotent
        if (helper != null) {
            helper.join(10_000);
            assertThat(helper.isAlive()).as("helper thread after close").isFalse();
        }
        assertThat(trainer.helperThread()).isNull();
        trainer.step();
        reference.step();
        assertThat(net.sameParameters(same)).isTrue();
    }

    @Test
    void aTrainerDroppedWithoutCloseLetsItsHelperThreadEnd() throws InterruptedException {
        if (Runtime.getRuntime().availableProcessors() < 2) {
            return; // no helper thread is ever started
        }
        Thread helper = startAndDrop();
        long deadline = System.nanoTime() + 20_000_000_000L;
        while (helper.isAlive() && System.nanoTime() < deadline) {
            System.gc();
            helper.join(100);
        }
        assertThat(helper.isAlive()).as("helper of a collected trainer").isFalse();
    }

    private static Thread startAndDrop() {
        DataSet data = data(1, 1, Loss.MSE, 3);
        Trainer trainer = new Trainer(network(Activation.TANH, 1, 1), data, Loss.MSE, Method.FULL_BATCH, 0, 0.05,
                0.0, 1, 0);
        trainer.step();
        WeakReference<Trainer> ref = new WeakReference<>(trainer);
        assertThat(ref.get()).isNotNull();
        return trainer.helperThread();
    }

    @Test
    void batchesSmallerThanTheChunkCountAndOddSizesFollowTheGradient() {
        for (int p = 2; p <= 9; p++) {
            double[] x = new double[p];
            double[] y = new double[p];
            for (int n = 0; n < p; n++) {
                x[n] = -0.9 + 1.7 * n / (p - 1);
                y[n] = Math.cos(2 * x[n]);
            }
            DataSet data = new DataSet(1, 1, p, x, y);
            Network net = network(Activation.SIGMOID, 1, 1);
            Network before = net.copy();
            int[] all = new int[p];
            for (int i = 0; i < p; i++) {
                all[i] = i;
            }
            double[] fd = ReferenceModel.finiteDifferenceGradient(before, Loss.MSE, data, all);
            new Trainer(net, data, Loss.MSE, Method.FULL_BATCH, 0, 0.5, 0.0, 1, 0).step();
            double[] t0 = ReferenceModel.flatten(before);
            double[] t1 = ReferenceModel.flatten(net);
            for (int q = 0; q < fd.length; q++) {
                assertThat((t0[q] - t1[q]) / 0.5).as("P=%d component %d", p, q)
                        .isCloseTo(fd[q], org.assertj.core.data.Offset.offset(1e-7));
            }
        }
    }
}
