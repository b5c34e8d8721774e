package trlab.theory;

import trlab.core.Linalg;
import trlab.core.Loss;
import trlab.core.Network;
import trlab.core.Task;
import trlab.core.Trainer;
import trlab.measure.HiddenFeatures;
import trlab.measure.Kernel;

/**
 * The two kernel models of SCIENCE.md §6, stepped in lock-step with the network: each holds values g_k(z) on the
 * model grid Z (the P training inputs, then the probe part) and moves them by the block kernel made once at t0,
 * <pre>
 *   g_k(z) -= (eta / |B|) m sum_{mu in B} sum_l Theta^kl_t0(z, x_mu) dl/df_l(g(x_mu), y~_mu),
 * </pre>
 * with m = 1 for the frozen-kernel model (gradient descent on the linearised network) and m = a(s) / a(t0) for the
 * response-law model (the kernel's shape at t0, the network's current amplitude). Both read the batch, the noisy
 * targets and the learning rate from the trainer's record of its last step, so they see exactly what the network
 * saw and never draw a random number of their own.
 *
 * <p>The kernel is stored batch-sample-major ([mu][k][l][z]), so a step is a few axpy loops over z that C2
 * vectorises, both models sharing each load of the kernel. A step allocates nothing.
 */
public final class KernelModels {
    private final int outputs;
    /** |Z|: training inputs first, then the probe part. */
    private final int points;
    private final int trainCount;
    private final double startAmplitude;
    private final Loss loss;
    /** Theta^kl_t0(z, x_mu) at ((mu K + k) K + l) |Z| + z. */
    private final double[] kernel;
    /** The models' values, output-major: g_k(z) at k |Z| + z. */
    private final double[] frozen;
    private final double[] law;
    /** m(t) = a(s) / a(t0) of the response-law model. */
    private double lawFactor = 1.0;
    // scratch for one step: a target and a model's values at a batch input, each batch sample's loss gradient
    private final double[] target;
    private final double[] atInput;
    private final double[] frozenGradient;
    private final double[] lawGradient;

    private KernelModels(int outputs, int points, int trainCount, double startAmplitude, Loss loss,
                         double[] kernel, double[] values) {
        this.outputs = outputs;
        this.points = points;
        this.trainCount = trainCount;
        this.startAmplitude = startAmplitude;
        this.loss = loss;
        this.kernel = kernel;
        this.frozen = values;
        this.law = values.clone();
        this.target = new double[outputs];
        this.atInput = new double[outputs];
        this.frozenGradient = new double[trainCount * outputs];
        this.lawGradient = new double[trainCount * outputs];
    }

    /**
     * Starts both models at the network's present state (the age t0 is the caller's): g = f on the model grid, and the
     * block kernel of §6 between every grid point and every training input.
     */
    public static KernelModels start(Network net, Task task, Loss loss) {
        double[] z = ModelGrid.inputs(task);
        int points = ModelGrid.size(task);
        int trainCount = task.train().size();
        int k = net.outputs;
        int n = net.width;
        int d = net.inputs;
        HiddenFeatures grid = HiddenFeatures.of(net, z, points);
        // the training inputs are the grid's first rows
        double[] xTrain = task.train().x();
        double s2 = net.scale * net.scale;
        double[] kernel = new double[trainCount * k * k * points];
        double[] weighted = new double[k * k * n];
        double[] phi = grid.phi();
        double[] dphi = grid.dphi();
        for (int mu = 0; mu < trainCount; mu++) {
            int mo = mu * n;
            // A_ki A_li phi'_i(x_mu): the hidden-layer part's weights for the pair (k, l)
            for (int o = 0; o < k; o++) {
                for (int l = 0; l < k; l++) {
                    int wo = (o * k + l) * n;
                    for (int i = 0; i < n; i++) {
                        weighted[wo + i] = net.a[o * n + i] * net.a[l * n + i] * dphi[mo + i];
                    }
                }
            }
            for (int p = 0; p < points; p++) {
                int po = p * n;
                double outputPart = s2 * Linalg.dot(phi, po, phi, mo, n) + 1.0;
                double dot = 1.0;
                for (int j = 0; j < d; j++) {
                    dot += z[p * d + j] * xTrain[mu * d + j];
                }
                for (int o = 0; o < k; o++) {
                    for (int l = 0; l < k; l++) {
                        double hidden = s2 * Linalg.dot(dphi, po, weighted, (o * k + l) * n, n) * dot;
                        kernel[((mu * k + o) * k + l) * points + p] = (o == l ? outputPart : 0.0) + hidden;
                    }
                }
            }
        }
        double[] f = grid.outputs(net);
        double[] values = new double[k * points];
        for (int p = 0; p < points; p++) {
            for (int o = 0; o < k; o++) {
                values[o * points + p] = f[p * k + o];
            }
        }
        double amplitude = Kernel.amplitude(net, HiddenFeatures.of(net, xTrain, trainCount), xTrain)[0];
        return new KernelModels(k, points, trainCount, amplitude, loss, kernel, values);
    }

    /** a(t0), the network's kernel amplitude when the models started. */
    public double startAmplitude() {
        return startAmplitude;
    }

    /**
     * The network's kernel amplitude a(s) at its latest recorded step s: from now on the response-law model moves by
     * a(s) / a(t0) times the frozen kernel.
     */
    public void setAmplitude(double amplitude) {
        lawFactor = amplitude / startAmplitude;
    }

    /** The step the network just took, taken by both models: call right after {@link Trainer#step()}. */
    public void step(Trainer trainer) {
        int batch = trainer.lastBatchSize();
        double eta = trainer.learningRate() / batch;
        if (outputs == 1 && loss == Loss.MSE) {
            stepOneOutputMse(trainer, batch, eta);
            return;
        }
        int k = outputs;
        // every gradient from the values before this step: the step moves all points at once
        for (int j = 0; j < batch; j++) {
            int mu = trainer.lastBatchSample(j);
            for (int o = 0; o < k; o++) {
                target[o] = trainer.lastTarget(j, o);
            }
            gradient(frozen, mu, frozenGradient, j * k);
            gradient(law, mu, lawGradient, j * k);
        }
        double lawEta = eta * lawFactor;
        for (int j = 0; j < batch; j++) {
            int mu = trainer.lastBatchSample(j);
            for (int o = 0; o < k; o++) {
                for (int l = 0; l < k; l++) {
                    descend(((mu * k + o) * k + l) * points, o * points, -eta * frozenGradient[j * k + l],
                            -lawEta * lawGradient[j * k + l]);
                }
            }
        }
    }

    /**
     * The common case written out: one output and dl/df = g - y, so the step is the kernel rows of the batch added
     * to both models, with no loss call and no gradient buffer between.
     */
    private void stepOneOutputMse(Trainer trainer, int batch, double eta) {
        double lawEta = eta * lawFactor;
        for (int j = 0; j < batch; j++) {
            int mu = trainer.lastBatchSample(j);
            double y = trainer.lastTarget(j, 0);
            frozenGradient[j] = frozen[mu] - y;
            lawGradient[j] = law[mu] - y;
        }
        for (int j = 0; j < batch; j++) {
            descend(trainer.lastBatchSample(j) * points, 0, -eta * frozenGradient[j], -lawEta * lawGradient[j]);
        }
    }

    /** Both models move along one kernel row: g_frozen += cf Theta, g_law += cl Theta, one load of Theta for both. */
    private void descend(int kernelRow, int valueRow, double cf, double cl) {
        for (int p = 0; p < points; p++) {
            double theta = kernel[kernelRow + p];
            frozen[valueRow + p] += cf * theta;
            law[valueRow + p] += cl * theta;
        }
    }

    /** dl/df at training input mu (the grid's row mu) with the model's own values there, against {@link #target}. */
    private void gradient(double[] g, int mu, double[] out, int offset) {
        for (int o = 0; o < outputs; o++) {
            atInput[o] = g[o * points + mu];
        }
        loss.gradient(atInput, 0, target, 0, outputs, 1.0, out, offset);
    }

    /** Number of model-grid points, |Z|. */
    public int points() {
        return points;
    }

    /** The frozen-kernel model's g_k(z), output-major (k |Z| + z); a live view, not a copy. */
    double[] frozenValues() {
        return frozen;
    }

    /** The response-law model's g_k(z), output-major (k |Z| + z); a live view, not a copy. */
    double[] lawValues() {
        return law;
    }

    /** Both models' values on the probe part, as {@link ModelOutputs}: a copy, for a snapshot. */
    public ModelOutputs probeOutputs() {
        return new ModelOutputs(probePart(frozen), probePart(law), outputs);
    }

    /** Probe-part values, sample-major (K per row), as run.json's {@code output}. */
    private double[] probePart(double[] g) {
        int m = points - trainCount;
        double[] out = new double[m * outputs];
        for (int p = 0; p < m; p++) {
            for (int o = 0; o < outputs; o++) {
                out[p * outputs + o] = g[o * points + trainCount + p];
            }
        }
        return out;
    }
}
