package trlab.theory;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import org.junit.jupiter.api.Test;
import trlab.core.Activation;
import trlab.core.Loss;
import trlab.core.Method;
import trlab.core.Network;
import trlab.core.Parameterization;
import trlab.core.Task;
import trlab.core.TaskKind;
import trlab.core.TaskSpec;
import trlab.core.Tasks;
import trlab.core.Trainer;

/** The models' step sits in the hot path beside the network's, so it allocates nothing either. */
class ModelAllocationTest {
    /** 64 KB: one 16-byte object per step would be 1.6 MB over 10^5 steps. */
    private static final long BOUND = 64 * 1024;
    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    private static long bytesOver(Trainer trainer, KernelModels models, int steps) {
        for (int i = 0; i < 20_000; i++) {
            trainer.step();
            models.step(trainer);
        }
        long before = THREADS.getThreadAllocatedBytes(Thread.currentThread().getId());
        for (int i = 0; i < steps; i++) {
            trainer.step();
            models.step(trainer);
        }
        return THREADS.getThreadAllocatedBytes(Thread.currentThread().getId()) - before;
    }

    @Test
    void modelStepsAllocateNothing() {
        THREADS.setThreadAllocatedMemoryEnabled(true);
        Task sine = Tasks.build(new TaskSpec(TaskKind.SINE, 16, 1, 3, 4, 0, null), 101, 5);
        Network net = Network.initialize(1, 50, 1, Activation.TANH, Parameterization.STANDARD, 1, 1, 3);
        KernelModels models = KernelModels.start(net, sine, Loss.MSE);
        try (Trainer trainer = new Trainer(net, sine.train(), Loss.MSE, Method.SGD, 1, 0.02, 1.0, 9, 0)) {
            assertThat(bytesOver(trainer, models, 100_000)).as("one output, mse, batch 1").isLessThan(BOUND);
        }
        Task encoding = Tasks.build(new TaskSpec(TaskKind.ENCODING, 24, 1, 3, 4, 0, null), 101, 5);
        Network wide = Network.initialize(1, 50, 4, Activation.TANH, Parameterization.STANDARD, 1, 1, 3);
        KernelModels classes = KernelModels.start(wide, encoding, Loss.CROSS_ENTROPY);
        try (Trainer trainer = new Trainer(wide, encoding.train(), Loss.CROSS_ENTROPY, Method.SGD, 5, 0.02, 0.5, 9,
                0)) {
            assertThat(bytesOver(trainer, classes, 100_000)).as("four outputs, cross-entropy, batch 5")
                    .isLessThan(BOUND);
        }
    }
}
