package trlab.theory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
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

import java.util.stream.Stream;

class KernelModelsTest {

    private static final int STEPS = 300;

    /** A run to follow: task, network, loss and how it trains. */
    record Setup(String name, TaskKind kind, int points, int regions, Activation activation,
                 Parameterization parameterization, Loss loss, Method method, int batch, double eta, double noise) {
        Task task() {
            return Tasks.build(new TaskSpec(kind, points, 3, 3.0, regions, 0.0, null), 9, 5);
        }

        Network network(Task task) {
            return Network.initialize(task.inputs(), 12, task.outputs(), activation, parameterization, 1.0, 0.5, 7);
        }

        Trainer trainer(Network net, Task task) {
            return new Trainer(net, task.train(), loss, method, batch, eta, noise, 11, 0);
        }

        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Arguments> setups() {
        return Stream.of(
                new Setup("K = 1, SGD batch 1, label noise", TaskKind.SINE, 10, 4, Activation.TANH,
                        Parameterization.STANDARD, Loss.MSE, Method.SGD, 1, 0.05, 0.5),
                new Setup("K = 1, SGD batch 4 of 10 (a short last batch), label noise", TaskKind.SINE, 10, 4,
                        Activation.TANH, Parameterization.NTK, Loss.MSE, Method.SGD, 4, 0.2, 0.5),
                new Setup("K = 1, full batch, relu", TaskKind.SINE, 10, 4, Activation.RELU,
                        Parameterization.STANDARD, Loss.MSE, Method.FULL_BATCH, 10, 0.05, 0.0),
                new Setup("K = 3, SGD batch 3, mse, label noise", TaskKind.ENCODING, 12, 3, Activation.TANH,
                        Parameterization.STANDARD, Loss.MSE, Method.SGD, 3, 0.05, 0.3),
                new Setup("K = 3, full batch, cross-entropy", TaskKind.ENCODING, 12, 3, Activation.SIGMOID,
                        Parameterization.STANDARD, Loss.CROSS_ENTROPY, Method.FULL_BATCH, 12, 0.1, 0.0),
                new Setup("d = 2, SGD batch 2", TaskKind.CIRCLE, 8, 4, Activation.TANH, Parameterization.STANDARD,
                        Loss.MSE, Method.SGD, 2, 0.05, 0.2))
                .map(Arguments::of);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("setups")
    void theFrozenModelIsTheLinearisedNetworkTrainedByTheSameSteps(Setup setup) {
        Task task = setup.task();
        Network net = setup.network(task);
        KernelModels models = KernelModels.start(net, task, setup.loss());
        LinearisedNetwork linear = new LinearisedNetwork(net);
        try (Trainer trainer = setup.trainer(net, task)) {
            for (int t = 0; t < STEPS; t++) {
                trainer.step();
                models.step(trainer);
                linear.step(setup.loss(), task.train().x(), batch(trainer), targets(trainer), trainer.learningRate());
            }
        }
        double largest = assertSameOnTheGrid(models.frozenValues(), models, linear, task);
        assertThat(largest).as("the models moved somewhere worth checking").isGreaterThan(0.05);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("setups")
    void theResponseLawModelWithItsStartAmplitudeIsTheFrozenModel(Setup setup) {
        Task task = setup.task();
        Network net = setup.network(task);
        KernelModels models = KernelModels.start(net, task, setup.loss());
        models.setAmplitude(models.startAmplitude());
        try (Trainer trainer = setup.trainer(net, task)) {
            for (int t = 0; t < 50; t++) {
                trainer.step();
                models.step(trainer);
            }
        }
        assertThat(models.lawValues()).containsExactly(models.frozenValues());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("setups")
    void theResponseLawModelMovesByTheAmplitudeRatio(Setup setup) {
        // a(s) / a(t0) = 1/2 makes the response-law model the linearised network at half the learning rate
        Task task = setup.task();
        Network net = setup.network(task);
        KernelModels models = KernelModels.start(net, task, setup.loss());
        models.setAmplitude(0.5 * models.startAmplitude());
        LinearisedNetwork linear = new LinearisedNetwork(net);
        try (Trainer trainer = setup.trainer(net, task)) {
            for (int t = 0; t < 100; t++) {
                trainer.step();
                models.step(trainer);
                linear.step(setup.loss(), task.train().x(), batch(trainer), targets(trainer),
                        0.5 * trainer.learningRate());
            }
        }
        assertSameOnTheGrid(models.lawValues(), models, linear, task);
        assertThat(models.lawValues()).isNotEqualTo(models.frozenValues());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("setups")
    void atTheStartBothModelsAreTheNetwork(Setup setup) {
        Task task = setup.task();
        Network net = setup.network(task);
        KernelModels models = KernelModels.start(net, task, setup.loss());
        ModelOutputs start = models.probeOutputs();
        double[] f = new double[ModelGrid.probeCount(task) * task.outputs()];
        net.outputs(ModelGrid.probePart(task), ModelGrid.probeCount(task), f);
        assertThat(start.frozenError(f)).isLessThan(1e-14);
        assertThat(start.lawError(f)).isLessThan(1e-14);
        assertThat(java.util.Arrays.stream(f).map(Math::abs).max().orElse(0))
                .as("a network that is not zero, so that zero errors say something").isGreaterThan(1e-3);
    }

    /** A model's values (output-major) equal the linearised network's at every grid point; returns the largest |f|. */
    private static double assertSameOnTheGrid(double[] g, KernelModels models, LinearisedNetwork linear, Task task) {
        double[] z = ModelGrid.inputs(task);
        double largest = 0;
        for (int p = 0; p < models.points(); p++) {
            double[] f = linear.outputs(z, p);
            for (int o = 0; o < task.outputs(); o++) {
                assertThat(g[o * models.points() + p]).as("point %d output %d", p, o).isCloseTo(f[o], within(1e-10));
                largest = Math.max(largest, Math.abs(f[o]));
            }
        }
        return largest;
    }

    private static int[] batch(Trainer trainer) {
        int[] batch = new int[trainer.lastBatchSize()];
        for (int j = 0; j < batch.length; j++) {
            batch[j] = trainer.lastBatchSample(j);
        }
        return batch;
    }

    private static double[][] targets(Trainer trainer) {
        int k = trainer.network().outputs;
        double[][] y = new double[trainer.lastBatchSize()][k];
        for (int j = 0; j < y.length; j++) {
            for (int o = 0; o < k; o++) {
                y[j][o] = trainer.lastTarget(j, o);
            }
        }
        return y;
    }
}
