package trlab.measure;

import trlab.core.DataSet;
import trlab.core.Loss;
import trlab.core.Network;
import trlab.core.Task;

import java.util.Arrays;

/**
 * Takes snapshots of a network during one run. It remembers what later measurements compare with: the kernel at
 * the run's first snapshot (for the drifts) and the recorded amplitudes (for the aging exponent).
 */
public final class Measurer {
    private final Task task;
    private final Loss loss;
    private final MeasureSettings settings;
    private final DataSet references;
    private int focus = -1;
    private final Aging aging = new Aging();
    private double[] initialKernel;
    private double[] initialShape;

    public Measurer(Task task, Loss loss, MeasureSettings settings) {
        this.task = task;
        this.loss = loss;
        this.settings = settings;
        DataSet train = task.train();
        int[] idx = settings.references();
        int d = train.inputs();
        int k = train.outputs();
        double[] x = new double[idx.length * d];
        double[] y = new double[idx.length * k];
        for (int r = 0; r < idx.length; r++) {
            System.arraycopy(train.x(), idx[r] * d, x, r * d, d);
            System.arraycopy(train.y(), idx[r] * k, y, r * k, k);
        }
        this.references = new DataSet(d, k, idx.length, x, y);
    }

    public Task task() {
        return task;
    }

    public Aging aging() {
        return aging;
    }

    /**
     * Follows one more training sample: later snapshots add its kernel and response curves (-1 to stop). It takes
     * no part in the drifts or the kernel width, which stay with the configured references.
     */
    public void setFocus(int sample) {
        if (sample < -1 || sample >= task.train().size()) {
            throw new IllegalArgumentException("no training sample " + sample);
        }
        focus = sample;
    }

    /**
     * Measures everything at time {@code step}. A recorded snapshot joins the amplitude history that the aging
     * exponent fits; a live one (drawn between recording times) only reads it.
     *
     * @param eta the learning rate of the probe step
     */
    public Snapshot measure(Network net, long step, double epoch, double eta, boolean recorded) {
        DataSet train = task.train();
        HiddenFeatures atTrain = HiddenFeatures.of(net, train.x(), train.size());
        double[] trainOutputs = atTrain.outputs(net);
        double trainLoss = Fragility.meanLoss(loss, trainOutputs, train);

        HiddenFeatures atProbe = HiddenFeatures.of(net, task.probe(), task.probeCount());
        double[] output = atProbe.outputs(net);
        double testLoss = testLoss(output);

        int focusRow = focusRow();
        DataSet rows = focus < 0 || focusRow < references.size() ? references : withFocus();
        HiddenFeatures atRefs = HiddenFeatures.of(net, rows.x(), rows.size());
        Kernel.Parts ntk = Kernel.between(net, atProbe, task.probe(), atRefs, rows.x());
        Kernel.Parts self = Kernel.between(net, atRefs, rows.x(), atRefs, rows.x());
        int referenceEntries = references.size() * task.probeCount();
        double[] kernel = Arrays.copyOf(ntk.total(), referenceEntries);
        double[] shape = shape(kernel, self);
        if (initialKernel == null) {
            initialKernel = kernel;
            initialShape = shape;
        }
        double kernelDrift = relativeDistance(kernel, initialKernel);
        double shapeDrift = relativeDistance(shape, initialShape);

        double[] amplitude = Kernel.amplitude(net, atTrain, train.x());
        if (recorded) {
            aging.add(step, amplitude[0]);
        }
        PowerLawFit local = localFit(step, amplitude[0], recorded);

        HiddenFeatures atGrid = task.featureGrid() == task.probe() ? atProbe
                : HiddenFeatures.of(net, task.featureGrid(), task.featureCount());
        double[] sigma2 = FeatureSpace.squaredSingularValues(atGrid);
        double[] contributions = FeatureSpace.contributions(net, atTrain);

        Fragility.Ablation ablation = Fragility.ablation(net, loss, train, atTrain);
        double noise = Fragility.weightNoise(net, loss, train, trainLoss, settings.noiseEpsilon(),
                settings.noiseDraws());

        Curves curves = new Curves(settings.references().clone(), focus, focus < 0 ? -1 : focusRow, rows.x(), output,
                ntk, Response.measure(net, loss, task.probe(), task.probeCount(), rows, eta),
                FeatureSpace.spectrum(sigma2), FeatureSpace.project(atGrid), contributions, net.w.clone(),
                net.b.clone());
        return new Snapshot(step, epoch, trainLoss, testLoss, amplitude[0], amplitude[1], amplitude[2], kernelDrift,
                shapeDrift, kernelWidth(shape), local == null ? Double.NaN : local.alpha(),
                local == null ? Double.NaN : local.error(), FeatureSpace.featureDimension(sigma2,
                settings.rankTolerance()), FeatureSpace.effectiveNeurons(contributions), ablation.largest(),
                ablation.mean(), noise, Fragility.inputSensitivity(net, atTrain), curves);
    }

    /** The row of the focus sample: its place among the references, or one past them. */
    private int focusRow() {
        int[] idx = settings.references();
        for (int r = 0; r < idx.length; r++) {
            if (idx[r] == focus) {
                return r;
            }
        }
        return idx.length;
    }

    /** The references followed by the focus sample. */
    private DataSet withFocus() {
        DataSet train = task.train();
        int d = train.inputs();
        int k = train.outputs();
        int r = references.size();
        double[] x = Arrays.copyOf(references.x(), (r + 1) * d);
        double[] y = Arrays.copyOf(references.y(), (r + 1) * k);
        System.arraycopy(train.x(), focus * d, x, r * d, d);
        System.arraycopy(train.y(), focus * k, y, r * k, k);
        return new DataSet(d, k, r + 1, x, y);
    }

    /** A live snapshot's exponent also counts the live sample itself, as the last point of its window. */
    private PowerLawFit localFit(long step, double amplitude, boolean recorded) {
        if (recorded) {
            return aging.local(step);
        }
        Aging withLive = aging.copy();
        withLive.add(step, amplitude);
        return withLive.local(step);
    }

    private double testLoss(double[] output) {
        if (task.probeTarget() == null) {
            return Double.NaN;
        }
        int k = task.outputs();
        double sum = 0;
        for (int m = 0; m < task.probeCount(); m++) {
            sum += loss.value(output, m * k, task.probeTarget(), m * k, k);
        }
        return sum / task.probeCount();
    }

    /** kappa(x'; x_r) = Theta(x', x_r) / Theta(x_r, x_r) for the configured references. */
    private double[] shape(double[] kernel, Kernel.Parts self) {
        int r = references.size();
        int m = kernel.length / r;
        double[] kappa = new double[kernel.length];
        for (int q = 0; q < r; q++) {
            double diagonal = self.total(q * self.columns() + q);
            for (int p = 0; p < m; p++) {
                kappa[q * m + p] = kernel[q * m + p] / diagonal;
            }
        }
        return kappa;
    }

    /** ||u - v|| / ||v|| in the Frobenius norm. */
    private static double relativeDistance(double[] u, double[] v) {
        double diff = 0;
        double norm = 0;
        for (int i = 0; i < u.length; i++) {
            double e = u[i] - v[i];
            diff += e * e;
            norm += v[i] * v[i];
        }
        return Math.sqrt(diff / norm);
    }

    /**
     * The half-width at half-maximum of kappa around each reference: the smallest distance |x' - x_r| to a probe
     * point where kappa < 1/2 (the distance to the farthest probe point if there is none), averaged over references.
     * SCIENCE.md defines it for d = 1; the same rule with the Euclidean distance serves d = 2.
     */
    private double kernelWidth(double[] kappa) {
        int d = task.inputs();
        int m = task.probeCount();
        int r = references.size();
        double total = 0;
        for (int q = 0; q < r; q++) {
            double nearestBelowHalf = Double.POSITIVE_INFINITY;
            double farthest = 0;
            for (int p = 0; p < m; p++) {
                double dist2 = 0;
                for (int j = 0; j < d; j++) {
                    double e = task.probe()[p * d + j] - references.x()[q * d + j];
                    dist2 += e * e;
                }
                double dist = Math.sqrt(dist2);
                farthest = Math.max(farthest, dist);
                if (kappa[q * m + p] < 0.5) {
                    nearestBelowHalf = Math.min(nearestBelowHalf, dist);
                }
            }
            total += Double.isInfinite(nearestBelowHalf) ? farthest : nearestBelowHalf;
        }
        return total / r;
    }
}
