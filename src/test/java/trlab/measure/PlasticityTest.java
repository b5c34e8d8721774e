package trlab.measure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import trlab.core.Activation;
import trlab.core.DataSet;
import trlab.core.Network;
import trlab.core.Parameterization;
import trlab.core.Task;
import trlab.core.TaskKind;
import trlab.core.TaskSpec;
import trlab.core.Tasks;
import trlab.theory.LinearisedNetwork;

class PlasticityTest {

    /** A 1-D task with the given training inputs and a probe grid of 11 points on [-1, 1]. */
    private static Task task(double... x) {
        double[] probe = new double[11];
        for (int p = 0; p < probe.length; p++) {
            probe[p] = -1 + 0.2 * p;
        }
        DataSet train = new DataSet(1, 1, x.length, x, new double[x.length]);
        return new Task(TaskKind.SINE, train, probe, probe.length, 0, null, probe, probe.length, new double[]{-1},
                new double[]{1});
    }

    @Test
    void theConflictingInputIsTheProbeNearestTheMidpointOfTheTwoTrainingInputsNearestTheCentre() {
        // nearest the centre 0: 0.1 and 0.25, midpoint 0.175, nearest probe 0.2 (index 6)
        assertThat(Plasticity.probeIndex(task(-0.9, -0.3, 0.1, 0.25, 0.8))).isEqualTo(6);
        // -0.2 and 0.2 tie for nearest: both are taken, midpoint 0
        assertThat(Plasticity.probeIndex(task(-0.7, -0.2, 0.2, 0.9))).isEqualTo(5);
        // midpoint 0.1 lies halfway between the probes 0 and 0.2: the smaller wins
        assertThat(Plasticity.probeIndex(task(-0.9, 0.05, 0.15, 0.9))).isEqualTo(5);
        // 0.3 and -0.3 tie for second nearest behind 0.05: the smaller input, -0.3, is taken; midpoint -0.125
        assertThat(Plasticity.probeIndex(task(-0.3, 0.05, 0.3))).isEqualTo(4);
    }

    @Test
    void onAPlaneTheConflictingInputIsTheCentreOfTheGrid() {
        Task circle = Tasks.build(new TaskSpec(TaskKind.CIRCLE, 20, 1, 3, 4, 0, null), 9, 5);
        int index = Plasticity.probeIndex(circle);
        assertThat(index).isEqualTo(2 * 5 + 2);
    }

    @Test
    void plasticityIsHowFarAFewStepsMoveTheOutputTowardsTheConflictingTarget() {
        Task task = task(-0.9, -0.3, 0.1, 0.25, 0.8);
        Network net = Network.initialize(1, 6, 1, Activation.TANH, Parameterization.STANDARD, 1.0, 0.5, 3);
        double eta = 0.4;
        int steps = 3;
        int probe = Plasticity.probeIndex(task);
        double measured = Plasticity.measure(net, task, probe, eta, steps);

        // the definition, step by step, with the exact Jacobian: mse steps at eta / 10 towards y* = f - sign f
        double[] x = {task.probe()[probe]};
        double[] before = new double[1];
        net.outputs(x, 1, before);
        double target = before[0] - Math.signum(before[0]);
        Network copy = net.copy();
        for (int t = 0; t < steps; t++) {
            double[] f = new double[1];
            copy.outputs(x, 1, f);
            double[] jac = LinearisedNetwork.jacobian(copy, x, 0)[0];
            for (int p = 0; p < jac.length; p++) {
                copy.setParameter(p, copy.parameter(p) - eta / 10 * jac[p] * (f[0] - target));
            }
        }
        double[] after = new double[1];
        copy.outputs(x, 1, after);
        assertThat(measured).isCloseTo(Math.abs(after[0] - before[0]), within(1e-13));
        assertThat(measured).isBetween(1e-3, 1.0);
    }

    @Test
    void theNetworkItselfIsNotChanged() {
        Task task = task(-0.9, -0.3, 0.1, 0.25, 0.8);
        Network net = Network.initialize(1, 6, 1, Activation.TANH, Parameterization.STANDARD, 1.0, 0.5, 3);
        Network before = net.copy();
        Plasticity.measure(net, task, 3, 0.5, 3);
        assertThat(net.sameParameters(before)).isTrue();
    }

    @Test
    void withSeveralOutputsTheLargestIsPushedDownByOne() {
        Task task = Tasks.build(new TaskSpec(TaskKind.ENCODING, 16, 1, 3, 3, 0, null), 21, 5);
        Network net = Network.initialize(1, 8, 3, Activation.TANH, Parameterization.STANDARD, 1.0, 0.5, 5);
        double measured = Plasticity.measure(net, task, Plasticity.probeIndex(task), 0.3, 3);
        double[] x = {task.probe()[Plasticity.probeIndex(task)]};
        double[] before = new double[3];
        net.outputs(x, 1, before);
        int largest = 0;
        for (int k = 1; k < 3; k++) {
            largest = before[k] > before[largest] ? k : largest;
        }
        double[] target = before.clone();
        target[largest] -= 1;
        Network copy = net.copy();
        for (int t = 0; t < 3; t++) {
            double[] f = new double[3];
            copy.outputs(x, 1, f);
            double[][] jac = LinearisedNetwork.jacobian(copy, x, 0);
            double[] theta = new double[jac[0].length];
            for (int p = 0; p < theta.length; p++) {
                theta[p] = copy.parameter(p);
                for (int k = 0; k < 3; k++) {
                    theta[p] -= 0.03 * jac[k][p] * (f[k] - target[k]);
                }
            }
            for (int p = 0; p < theta.length; p++) {
                copy.setParameter(p, theta[p]);
            }
        }
        double[] after = new double[3];
        copy.outputs(x, 1, after);
        double moved = 0;
        for (int k = 0; k < 3; k++) {
            moved += (after[k] - before[k]) * (after[k] - before[k]);
        }
        assertThat(measured).isCloseTo(Math.sqrt(moved), within(1e-13));
    }
}
