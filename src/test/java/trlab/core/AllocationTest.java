package trlab.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import org.junit.jupiter.api.Test;

/**
 * The hot path allocates nothing per step (DESIGN.md "Hot path"): the bytes the stepping thread (and the batch
 * helper thread) allocate over many steps stay below a bound that a single object per step would exceed.
 */
class AllocationTest {
    /** 64 KB: one 16-byte object per step would be 16 MB over 10^6 steps, 160 KB over 10^4. */
    private static final long BOUND = 64 * 1024;

    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    private static long allocated(Thread t) {
        return t == null ? 0 : THREADS.getThreadAllocatedBytes(t.getId());
    }

    /** Steps {@code warmup} times, then returns the bytes this thread and the helper allocated over {@code steps}. */
    private static long[] allocatedOver(Trainer trainer, int warmup, int steps) {
        for (int i = 0; i < warmup; i++) {
            trainer.step();
        }
        Thread self = Thread.currentThread();
        allocated(self); // the first call may set things up
        Thread helper = trainer.helperThread();
        long mine = allocated(self);
        long theirs = allocated(helper);
        for (int i = 0; i < steps; i++) {
            trainer.step();
        }
        return new long[]{allocated(self) - mine, allocated(helper) - theirs};
    }

    @Test
    void millionSgdStepsWithLabelNoiseAllocateNothing() {
        assertThat(THREADS.isThreadAllocatedMemorySupported()).isTrue();
        THREADS.setThreadAllocatedMemoryEnabled(true);
        Network net = Network.initialize(1, 100, 1, Activation.TANH, Parameterization.STANDARD, 1, 1, 3);
        try (Trainer trainer = new Trainer(net, SineData.of(16), Loss.MSE, Method.SGD, 1, 0.005, 1.0, 9, 0)) {
            long[] bytes = allocatedOver(trainer, 200_000, 1_000_000);
            assertThat(bytes[0]).as("bytes allocated by 10^6 SGD steps").isLessThan(BOUND);
            assertThat(net.isFinite()).isTrue();
        }
    }

    @Test
    void tenThousandFullBatchStepsAllocateNothingOnEitherThread() {
        THREADS.setThreadAllocatedMemoryEnabled(true);
        // 256 x 100 entries: large enough for the helper thread where there is a second core
        Network net = Network.initialize(1, 100, 1, Activation.TANH, Parameterization.STANDARD, 1, 1, 4);
        try (Trainer trainer = new Trainer(net, SineData.of(256), Loss.MSE, Method.FULL_BATCH, 0, 0.005, 0.0, 9, 0)) {
            long[] bytes = allocatedOver(trainer, 2_000, 10_000);
            assertThat(bytes[0]).as("bytes allocated by 10^4 full-batch steps").isLessThan(BOUND);
            assertThat(bytes[1]).as("bytes allocated by the helper thread").isLessThan(BOUND);
        }
        // with label noise, and on the general path (d = 2, K = 3, cross-entropy) and SGD mini-batches
        Network noisy = Network.initialize(1, 100, 1, Activation.TANH, Parameterization.STANDARD, 1, 1, 4);
        try (Trainer trainer = new Trainer(noisy, SineData.of(256), Loss.MSE, Method.FULL_BATCH, 0, 0.005, 1.0, 9, 0)) {
            long[] bytes = allocatedOver(trainer, 2_000, 10_000);
            assertThat(bytes[0]).as("bytes allocated by 10^4 noisy full-batch steps").isLessThan(BOUND);
            assertThat(bytes[1]).isLessThan(BOUND);
        }
        DataSet planar = planar(120);
        Network wide = Network.initialize(2, 80, 3, Activation.RELU, Parameterization.NTK, 1, 1, 5);
        try (Trainer trainer = new Trainer(wide, planar, Loss.CROSS_ENTROPY, Method.FULL_BATCH, 0, 0.05, 0.5, 9, 0)) {
            long[] bytes = allocatedOver(trainer, 2_000, 10_000);
            assertThat(bytes[0]).as("general path").isLessThan(BOUND);
            assertThat(bytes[1]).isLessThan(BOUND);
        }
        Network mini = Network.initialize(2, 80, 3, Activation.SIGMOID, Parameterization.STANDARD, 1, 1, 6);
        try (Trainer trainer = new Trainer(mini, planar, Loss.MSE, Method.SGD, 7, 0.05, 0.5, 9, 0)) {
            long[] bytes = allocatedOver(trainer, 3_000, 10_000);
            assertThat(bytes[0]).as("mini-batches").isLessThan(BOUND);
        }
    }

    /** Inputs in the square, one-hot targets of three classes. */
    private static DataSet planar(int p) {
        Rng rng = new Rng(12);
        double[] x = new double[2 * p];
        double[] y = new double[3 * p];
        for (int n = 0; n < p; n++) {
            x[2 * n] = rng.uniform(-1, 1);
            x[2 * n + 1] = rng.uniform(-1, 1);
            y[3 * n + rng.nextInt(3)] = 1.0;
        }
        return new DataSet(2, 3, p, x, y);
    }
}
