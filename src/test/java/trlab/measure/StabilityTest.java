package trlab.measure;

import static org.assertj.core.api.Assertions.assertThat;

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

/** The stability bound separates learning rates that train from those that blow up. */
class StabilityTest {
    private static final Task SINE = Tasks.build(new TaskSpec(TaskKind.SINE, 16, 1, 3.0, 4, 0.0, null), 21, 11);

    /** A wide ntk network: nearly linear in its parameters, so the linearised bound is sharp. */
    private static Network wide() {
        return Network.initialize(1, 512, 1, Activation.TANH, Parameterization.NTK, 1.0, 1.0, 3);
    }

    /** The training loss after each of {@code steps} steps (infinity once it is no longer finite). */
    private static double[] losses(double eta, Method method, int batch, int steps) {
        Network net = wide();
        Trainer trainer = new Trainer(net, SINE.train(), Loss.MSE, method, batch, eta, 0.0, 5, 0);
        double[] loss = new double[steps + 1];
        for (int i = 0; i <= steps; i++) {
            double l = net.meanLoss(Loss.MSE, SINE.train().x(), SINE.train().y(), SINE.train().size());
            loss[i] = Double.isFinite(l) ? l : Double.POSITIVE_INFINITY;
            if (i < steps) {
                trainer.step();
            }
        }
        return loss;
    }

    private static double max(double[] v, int from, int to) {
        double m = Double.NEGATIVE_INFINITY;
        for (int i = from; i < to; i++) {
            m = Math.max(m, v[i]);
        }
        return m;
    }

    @Test
    void fullBatchDescendsBelowTheBoundAndRisesAboveIt() {
        double bound = Stability.maxLearningRate(wide(), SINE.train(), 16);
        double[] below = losses(0.8 * bound, Method.FULL_BATCH, 16, 200);
        for (int i = 1; i < below.length; i++) {
            assertThat(below[i]).as("step %d descends", i).isLessThanOrEqualTo(below[i - 1] * (1 + 1e-12));
        }
        // just above, the stiffest direction grows by |1 - eta lambda / P| > 1 per step: the loss rises first
        // (a wide network may then shrink its kernel and settle, the catapult), far above it blows up
        double[] above = losses(1.3 * bound, Method.FULL_BATCH, 16, 100);
        assertThat(max(above, 1, above.length)).isGreaterThan(2 * above[0]);
        double[] farAbove = losses(6 * bound, Method.FULL_BATCH, 16, 100);
        assertThat(farAbove[100]).isGreaterThan(100 * farAbove[0]);
    }

    @Test
    void singleSampleStepsHaveTheTighterBoundOfTheLargestDiagonal() {
        double full = Stability.maxLearningRate(wide(), SINE.train(), 16);
        double single = Stability.maxLearningRate(wide(), SINE.train(), 1);
        assertThat(single).isLessThan(full);
        double[] loss = losses(0.8 * single, Method.SGD, 1, 800);
        assertThat(loss[800]).isLessThan(loss[0]);
    }
}
