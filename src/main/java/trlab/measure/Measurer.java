package trlab.measure;

import trlab.core.DataSet;
import trlab.core.Loss;
import trlab.core.Network;
import trlab.core.Task;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;

/**
 * Takes snapshots of a network during one run. It remembers what later measurements compare with: the kernel at
 * the run's first snapshot (for the drifts) and the recorded amplitudes (for the aging exponent).
 *
 * <p>A snapshot computes the hidden features at the training inputs, the probe grid and the references once, and
 * every measurement reads them. Independent measurements run as tasks on the caller and a helper thread
 * ({@link Parallel}); each writes its own result, so a snapshot is the same bit for bit however they are scheduled.
 */
public final class Measurer {
    /** Weight-noise draws per parallel task: eight tasks for the default sixteen draws. */
    private static final int NOISE_DRAWS_PER_TASK = 2;

    private final Task task;
    private final Loss loss;
    private final MeasureSettings settings;
    private final DataSet references;
    private int focus = -1;
    private final Aging aging = new Aging();
    private double[] initialKernel;
    private double[] initialShape;
    /** x* of the plasticity probe, on the probe grid. */
    private final int plasticityProbe;
    /**
     * Hidden features of earlier snapshots, to fill again (see {@link #features}), each with the two parallel calls
     * that last used it: until the helper has left them, a late task of the helper's may still read or write it.
     */
    private final List<Features> features = new ArrayList<>();

    /** The hidden features a snapshot computes: at the training inputs, probes, reference rows, feature grid. */
    private static final class Features {
        final HiddenFeatures train;
        final HiddenFeatures probe;
        final HiddenFeatures refs;
        final HiddenFeatures grid;
        /** The calls that filled and read these features; null while a snapshot uses them (or failed in them). */
        Parallel.Results filled;
        Parallel.Results measured;

        Features(Network net, Task task, int refs) {
            this.train = HiddenFeatures.allocate(net, task.train().size());
            this.probe = HiddenFeatures.allocate(net, task.probeCount());
            this.refs = HiddenFeatures.allocate(net, refs);
            this.grid = task.featureGrid() == task.probe() ? probe : HiddenFeatures.allocate(net, task.featureCount());
        }

        boolean fit(Network net, int refCount) {
            return train.width() == net.width && refs.count() == refCount;
        }

        boolean free() {
            return filled != null && measured != null && filled.helperDone() && measured.helperDone();
        }
    }

    /** At most this many sets of features: a helper late twice in a row is rare, later ones are not kept. */
    private static final int FEATURE_SETS = 3;

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
        this.plasticityProbe = Plasticity.probeIndex(task);
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
        int focusRow = focusRow();
        DataSet rows = focus < 0 || focusRow < references.size() ? references : withFocus();

        // 1. the hidden features, computed once and shared by every measurement below
        Features at = features(net, rows.size());
        at.filled = null; // in use: should this snapshot fail, the set is not used again
        at.measured = null;
        HiddenFeatures atTrain = at.train;
        HiddenFeatures atProbe = at.probe;
        HiddenFeatures atRefs = at.refs;
        HiddenFeatures atGrid = at.grid;
        boolean gridIsProbe = atGrid == atProbe;
        int half = train.size() / 2;
        // each task fills its own rows (a task the caller takes over fills the same rows with the same numbers)
        Parallel.Results filled = Parallel.run(List.of(
                () -> atTrain.fill(net, train.x(), 0, half),
                () -> atTrain.fill(net, train.x(), half, train.size()),
                () -> {
                    atProbe.fill(net, task.probe(), 0, task.probeCount());
                    atRefs.fill(net, rows.x(), 0, rows.size());
                    if (!gridIsProbe) {
                        atGrid.fill(net, task.featureGrid(), 0, task.featureCount());
                    }
                    return Boolean.TRUE;
                }));

        // 2. independent measurements, each a result of its own, longest first (the caller starts there, the
        // helper at the other end); the weight noise is split by draws and its mean formed in draw order
        int draws = settings.noiseDraws();
        Fragility.NoiseFactors factors = Fragility.NoiseFactors.of(net.parameterCount(), settings.noiseEpsilon(),
                draws);
        List<Supplier<?>> tasks = new ArrayList<>();
        tasks.add(() -> FeatureSpace.project(atGrid));
        int noiseTasks = 0;
        for (int from = 0; from < draws; from += NOISE_DRAWS_PER_TASK) {
            int lo = from;
            int hi = Math.min(draws, from + NOISE_DRAWS_PER_TASK);
            tasks.add(() -> Fragility.noisyLosses(net, loss, train, factors, lo, hi));
            noiseTasks++;
        }
        tasks.add(() -> FeatureSpace.squaredSingularValues(atGrid));
        tasks.add(() -> Response.measure(net, loss, task.probe(), task.probeCount(), rows, eta));
        tasks.add(() -> new Object[]{Kernel.between(net, atProbe, task.probe(), atRefs, rows.x()),
                Kernel.between(net, atRefs, rows.x(), atRefs, rows.x()), Kernel.amplitude(net, atTrain, train.x())});
        tasks.add(() -> new Object[]{Fragility.ablation(net, loss, train, atTrain),
                FeatureSpace.contributions(net, atTrain), Fragility.inputSensitivity(net, atTrain)});
        Parallel.Results measured = Parallel.run(tasks);
        at.filled = filled;
        at.measured = measured;
        Object[] results = measured.values();
        FeatureSpace.Projection projection = (FeatureSpace.Projection) results[0];
        double[] noisyLosses = new double[draws];
        for (int t = 0; t < noiseTasks; t++) {
            double[] part = (double[]) results[1 + t];
            System.arraycopy(part, 0, noisyLosses, t * NOISE_DRAWS_PER_TASK, part.length);
        }
        int r = 1 + noiseTasks;
        double[] sigma2 = (double[]) results[r];
        double[] response = (double[]) results[r + 1];
        Object[] kernels = (Object[]) results[r + 2];
        Kernel.Parts ntk = (Kernel.Parts) kernels[0];
        Kernel.Parts self = (Kernel.Parts) kernels[1];
        double[] amplitude = (double[]) kernels[2];
        Object[] neurons = (Object[]) results[r + 3];
        Fragility.Ablation ablation = (Fragility.Ablation) neurons[0];
        double[] contributions = (double[]) neurons[1];
        double sensitivity = (double) neurons[2];

        // 3. what depends on the above or on this measurer's history, here on the caller
        double[] trainOutputs = atTrain.outputs(net);
        double trainLoss = Fragility.meanLoss(loss, trainOutputs, train);
        double[] output = atProbe.outputs(net);
        double testLoss = testLoss(output);
        double noise = Fragility.meanIncrease(noisyLosses, trainLoss);
        double[] featureOutput = gridIsProbe ? output : atGrid.outputs(net);
        double regions = Regions.count(output, task.outputs(), task.gridSide());
        double plasticity = Plasticity.measure(net, task, plasticityProbe, eta, settings.plasticitySteps());

        int referenceEntries = references.size() * task.probeCount();
        double[] kernel = Arrays.copyOf(ntk.total(), referenceEntries);
        double[] shape = shape(kernel, self);
        if (initialKernel == null) {
            initialKernel = kernel;
            initialShape = shape;
        }
        double kernelDrift = relativeDistance(kernel, initialKernel);
        double shapeDrift = relativeDistance(shape, initialShape);

        if (recorded) {
            aging.add(step, amplitude[0]);
        }
        PowerLawFit local = localFit(step, amplitude[0], recorded);

        Curves curves = new Curves(settings.references().clone(), focus, focus < 0 ? -1 : focusRow, rows.x(), output,
                ntk, response, FeatureSpace.spectrum(sigma2), projection, contributions, net.w.clone(),
                net.b.clone(), featureOutput, null, null);
        return new Snapshot(step, epoch, trainLoss, testLoss, amplitude[0], amplitude[1], amplitude[2], kernelDrift,
                shapeDrift, kernelWidth(shape), local == null ? Double.NaN : local.alpha(),
                local == null ? Double.NaN : local.error(), FeatureSpace.featureDimension(sigma2,
                settings.rankTolerance()), FeatureSpace.effectiveNeurons(contributions), ablation.largest(),
                ablation.mean(), noise, sensitivity, rms(featureOutput), regions, plasticity, Double.NaN, Double.NaN,
                curves);
    }

    /**
     * Hidden features to fill: a set from an earlier snapshot that fits and that no late task of the helper's can
     * still touch, else a new one. A snapshot of a wide network thus allocates no megabytes (see {@link Scratch}).
     */
    private Features features(Network net, int refs) {
        for (Features f : features) {
            if (f.fit(net, refs) && f.free()) {
                return f;
            }
        }
        Features f = new Features(net, task, refs);
        if (features.size() == FEATURE_SETS) {
            features.remove(0);
        }
        features.add(f);
        return f;
    }

    /** outputRms: the RMS of the output over the feature grid and the outputs, the scale of the models' errors. */
    private static double rms(double[] f) {
        double sum = 0;
        for (double v : f) {
            sum += v * v;
        }
        return Math.sqrt(sum / f.length);
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
