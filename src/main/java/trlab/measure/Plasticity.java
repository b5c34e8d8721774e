package trlab.measure;

import trlab.core.DataSet;
import trlab.core.Loss;
import trlab.core.Method;
import trlab.core.Network;
import trlab.core.Task;
import trlab.core.Trainer;

/**
 * Plasticity (SCIENCE.md §6): can the network still learn something new? A copy takes a few mse gradient steps at
 * eta / 10 on one conflicting sample (x*, y*), y* = f(x*) - e_k* with k* its largest output (K = 1: f(x*) - sign
 * f(x*)), and plasticity = ||f(x*) after - f(x*) before|| / ||y* - f(x*) before||. The copy is discarded.
 */
public final class Plasticity {
    private Plasticity() {
    }

    /**
     * The probe point x*: for d = 1 the one nearest the midpoint of the two training inputs nearest the centre of
     * the input range, for d = 2 the one nearest the centre of the grid; ties go to the smaller input.
     */
    public static int probeIndex(Task task) {
        int d = task.inputs();
        double[] target = new double[d];
        for (int j = 0; j < d; j++) {
            target[j] = 0.5 * (task.lower()[j] + task.upper()[j]);
        }
        if (d == 1) {
            target[0] = midpointOfNearestTwo(task.train().x(), task.train().size(), target[0]);
        }
        int best = 0;
        double bestDistance = Double.POSITIVE_INFINITY;
        for (int p = 0; p < task.probeCount(); p++) {
            double distance = 0;
            for (int j = 0; j < d; j++) {
                double r = task.probe()[p * d + j] - target[j];
                distance += r * r;
            }
            // strictly nearer only: the probe grid ascends, so a tie keeps the smaller input
            if (distance < bestDistance) {
                bestDistance = distance;
                best = p;
            }
        }
        return best;
    }

    private static double midpointOfNearestTwo(double[] x, int count, double centre) {
        int first = -1;
        int second = -1;
        for (int p = 0; p < count; p++) {
            if (first < 0 || nearer(x[p], x[first], centre)) {
                second = first;
                first = p;
            } else if (second < 0 || nearer(x[p], x[second], centre)) {
                second = p;
            }
        }
        return second < 0 ? x[first] : 0.5 * (x[first] + x[second]);
    }

    /** Whether u is nearer the centre than v, the smaller input winning a tie. */
    private static boolean nearer(double u, double v, double centre) {
        double du = Math.abs(u - centre);
        double dv = Math.abs(v - centre);
        return du < dv || (du == dv && u < v);
    }

    /**
     * @param learningRate the run's current eta; the copy steps at eta / 10
     * @param steps        theory.plasticitySteps
     */
    public static double measure(Network net, Task task, int probeIndex, double learningRate, int steps) {
        int d = net.inputs;
        int k = net.outputs;
        double[] x = new double[d];
        System.arraycopy(task.probe(), probeIndex * d, x, 0, d);
        double[] before = new double[k];
        net.outputs(x, 1, before);
        double[] y = before.clone();
        if (k == 1) {
            y[0] -= before[0] >= 0 ? 1.0 : -1.0;
        } else {
            y[Regions.decision(before, 0, k)] -= 1.0; // the largest output
        }
        Network copy = net.copy();
        try (Trainer trainer = new Trainer(copy, new DataSet(d, k, 1, x, y), Loss.MSE, Method.SGD, 1,
                learningRate / 10, 0, 0, 0)) {
            for (int t = 0; t < steps; t++) {
                trainer.step();
            }
        }
        double[] after = new double[k];
        copy.outputs(x, 1, after);
        double moved = 0;
        double asked = 0;
        for (int o = 0; o < k; o++) {
            moved += (after[o] - before[o]) * (after[o] - before[o]);
            asked += (y[o] - before[o]) * (y[o] - before[o]);
        }
        return Math.sqrt(moved / asked);
    }
}
