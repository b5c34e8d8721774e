package trlab.measure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.SingularValueDecomposition_F64;
import org.junit.jupiter.api.Test;
import trlab.core.Activation;
import trlab.core.Loss;
import trlab.core.Method;
import trlab.core.Network;
import trlab.core.Parameterization;
import trlab.core.Rng;
import trlab.core.Task;
import trlab.core.TaskKind;
import trlab.core.TaskSpec;
import trlab.core.Tasks;
import trlab.core.Trainer;
import trlab.measure.FiniteDifferences.Group;

/** {@link Measurer} snapshots on small tasks: drifts, the aging window, kernel parts, losses, curves, widths. */
class MeasurerTest {
    private static final int PROBES = 21;
    private static final int POINTS = 8;
    private static final int WIDTH = 20;
    private static final double ETA = 1e-3;

    private static Task sine() {
        return Tasks.build(new TaskSpec(TaskKind.SINE, POINTS, 1, 3.0, 4, 0.0, null), PROBES, 41);
    }

    /** The first, middle and last training samples (SCIENCE.md §3). */
    private static int[] references(int points) {
        return new int[]{0, (points - 1) / 2, points - 1};
    }

    private static MeasureSettings settings(int points) {
        return new MeasureSettings(references(points), 1e-3, 0.05, 16, 3);
    }

    private static Network tanhNetwork(int d, int k, double weightScale) {
        return Network.initialize(d, WIDTH, k, Activation.TANH, Parameterization.STANDARD, weightScale, 0.5, 42);
    }

    private static Trainer sgd(Network net, Task task) {
        return new Trainer(net, task.train(), Loss.MSE, Method.SGD, 2, 0.1, 0.0, 5, 0);
    }

    private static void steps(Trainer trainer, int n) {
        for (int i = 0; i < n; i++) {
            trainer.step();
        }
    }

    @Test
    void firstSnapshotHasZeroDriftAndTrainingMakesBothDriftsPositiveAsDefined() {
        Task task = sine();
        Network net = tanhNetwork(1, 1, 1.0);
        Network initial = net.copy();
        Measurer measurer = new Measurer(task, Loss.MSE, settings(POINTS));

        Snapshot first = measurer.measure(net, 0, 0, ETA, true);
        Trainer trainer = sgd(net, task);
        steps(trainer, 200);
        Snapshot later = measurer.measure(net, 200, trainer.epoch(), ETA, true);

        assertThat(first.kernelDrift()).isEqualTo(0.0);
        assertThat(first.shapeDrift()).isEqualTo(0.0);
        assertThat(later.kernelDrift()).isPositive();
        assertThat(later.shapeDrift()).isPositive();
        // D = ||Theta_t - Theta_0|| / ||Theta_0||, D_shape = ||kappa_t - kappa_0|| / ||kappa_0|| over probe x refs
        double[] theta0 = fdKernel(initial, task);
        double[] thetaT = fdKernel(net, task);
        double[] kappa0 = fdShape(initial, task, theta0);
        double[] kappaT = fdShape(net, task, thetaT);
        double kernelDrift = relativeDistance(thetaT, theta0);
        double shapeDrift = relativeDistance(kappaT, kappa0);
        assertThat(Math.abs(kernelDrift - shapeDrift)).as("the two drifts differ here").isGreaterThan(1e-3);
        assertThat(later.kernelDrift()).isCloseTo(kernelDrift, within(1e-6 * kernelDrift));
        assertThat(later.shapeDrift()).isCloseTo(shapeDrift, within(1e-6 * shapeDrift));
        assertThat(later.step()).isEqualTo(200);
        assertThat(later.epoch()).isEqualTo(50.0);
    }

    /** Theta(x'_m, x_r) over the probe grid and the default references from FD Jacobians, entry r*M + m. */
    private static double[] fdKernel(Network net, Task task) {
        int[] refs = references(task.train().size());
        int d = task.inputs();
        int m = task.probeCount();
        Group[] groups = FiniteDifferences.groups(net);
        double[][][] jp = new double[m][][];
        for (int p = 0; p < m; p++) {
            jp[p] = FiniteDifferences.parameterJacobian(net, FiniteDifferences.row(task.probe(), p, d));
        }
        double[] theta = new double[refs.length * m];
        for (int r = 0; r < refs.length; r++) {
            double[][] jr = FiniteDifferences.parameterJacobian(net, FiniteDifferences.row(task.train().x(),
                    refs[r], d));
            for (int p = 0; p < m; p++) {
                theta[r * m + p] = FiniteDifferences.kernel(jp[p], jr, groups, Group.values());
            }
        }
        return theta;
    }

    /** kappa = Theta(x'_m, x_r) / Theta(x_r, x_r), the diagonal from FD Jacobians. */
    private static double[] fdShape(Network net, Task task, double[] theta) {
        int[] refs = references(task.train().size());
        int d = task.inputs();
        int m = task.probeCount();
        Group[] groups = FiniteDifferences.groups(net);
        double[] kappa = new double[theta.length];
        for (int r = 0; r < refs.length; r++) {
            double[][] jr = FiniteDifferences.parameterJacobian(net, FiniteDifferences.row(task.train().x(),
                    refs[r], d));
            double self = FiniteDifferences.kernel(jr, jr, groups, Group.values());
            for (int p = 0; p < m; p++) {
                kappa[r * m + p] = theta[r * m + p] / self;
            }
        }
        return kappa;
    }

    private static double relativeDistance(double[] u, double[] v) {
        double diff = 0;
        double norm = 0;
        for (int i = 0; i < u.length; i++) {
            diff += (u[i] - v[i]) * (u[i] - v[i]);
            norm += v[i] * v[i];
        }
        return Math.sqrt(diff / norm);
    }

    @Test
    void agingExponentIsNaNUntilTheWindowFromTOverTenToTHoldsThreeRecordedSamples() {
        Task task = sine();
        Network net = tanhNetwork(1, 1, 1.0);
        Measurer measurer = new Measurer(task, Loss.MSE, settings(POINTS));
        Trainer trainer = sgd(net, task);
        Snapshot[] s = new Snapshot[4];
        for (int t = 0; t <= 3; t++) {
            if (t > 0) {
                trainer.step();
            }
            s[t] = measurer.measure(net, t, trainer.epoch(), ETA, true);
        }

        assertThat(s[0].agingExponent()).isNaN(); // t = 0 is not in any log window
        assertThat(s[1].agingExponent()).isNaN();
        assertThat(s[2].agingExponent()).isNaN();
        assertThat(s[2].agingExponentError()).isNaN();
        assertThat(s[3].agingExponent()).isFinite();
        assertThat(s[3].agingExponentError()).isFinite();
        // the least-squares exponent of the three recorded amplitudes at t = 1, 2, 3
        double[] lx = {Math.log(1), Math.log(2), Math.log(3)};
        double[] ly = {Math.log(s[1].kernelAmplitude()), Math.log(s[2].kernelAmplitude()),
                Math.log(s[3].kernelAmplitude())};
        double mx = (lx[0] + lx[1] + lx[2]) / 3;
        double my = (ly[0] + ly[1] + ly[2]) / 3;
        double sxy = 0;
        double sxx = 0;
        for (int i = 0; i < 3; i++) {
            sxy += (lx[i] - mx) * (ly[i] - my);
            sxx += (lx[i] - mx) * (lx[i] - mx);
        }
        assertThat(s[3].agingExponent()).isCloseTo(-sxy / sxx, within(1e-9));
        assertThat(measurer.aging().size()).isEqualTo(4);

        // at t = 40 the window [4, 40] holds only the new sample
        steps(trainer, 37);
        Snapshot far = measurer.measure(net, 40, trainer.epoch(), ETA, true);
        assertThat(far.agingExponent()).isNaN();
    }

    @Test
    void liveSnapshotCountsItselfInTheWindowButDoesNotJoinTheHistory() {
        Task task = sine();
        Network net = tanhNetwork(1, 1, 1.0);
        Measurer measurer = new Measurer(task, Loss.MSE, settings(POINTS));
        Trainer trainer = sgd(net, task);
        measurer.measure(net, 1, 0, ETA, true);
        trainer.step();
        measurer.measure(net, 2, 0, ETA, true);
        trainer.step();

        Snapshot live = measurer.measure(net, 3, 0, ETA, false);

        assertThat(live.agingExponent()).isFinite();
        assertThat(measurer.aging().size()).isEqualTo(2);
        assertThat(measurer.aging().times()).containsExactly(1.0, 2.0);
    }

    @Test
    void kernelAmplitudeIsTheSumOfItsPartsAndTheMeanFiniteDifferenceDiagonal() {
        Task task = sine();
        Network net = tanhNetwork(1, 1, 1.0);
        steps(sgd(net, task), 50);
        Measurer measurer = new Measurer(task, Loss.MSE, settings(POINTS));

        Snapshot s = measurer.measure(net, 50, 0, ETA, true);

        assertThat(s.kernelAmplitude()).isCloseTo(s.kernelAmplitudeOutput() + s.kernelAmplitudeHidden(),
                within(1e-12 * s.kernelAmplitude()));
        Group[] groups = FiniteDifferences.groups(net);
        double out = 0;
        double hid = 0;
        for (int p = 0; p < POINTS; p++) {
            double[][] j = FiniteDifferences.parameterJacobian(net, FiniteDifferences.row(task.train().x(), p, 1));
            out += FiniteDifferences.kernel(j, j, groups, Group.A, Group.C) / POINTS;
            hid += FiniteDifferences.kernel(j, j, groups, Group.W, Group.B) / POINTS;
        }
        assertThat(s.kernelAmplitudeOutput()).isCloseTo(out, within(1e-6 * (out + hid)));
        assertThat(s.kernelAmplitudeHidden()).isCloseTo(hid, within(1e-6 * (out + hid)));
    }

    @Test
    void lossesAreTheMeanLossOnTheTrainingSetAndOnTheCleanSineOverTheProbeGrid() {
        Task task = sine();
        Network net = tanhNetwork(1, 1, 1.0);
        steps(sgd(net, task), 30);
        Measurer measurer = new Measurer(task, Loss.MSE, settings(POINTS));

        Snapshot s = measurer.measure(net, 30, 0, ETA, true);

        double[] f = new double[PROBES];
        net.outputs(task.probe(), PROBES, f);
        double expected = 0;
        for (int m = 0; m < PROBES; m++) {
            double x = -1 + 2.0 * m / (PROBES - 1);
            assertThat(task.probe()[m]).isCloseTo(x, within(1e-15));
            double r = f[m] - Math.sin(3 * x);
            expected += 0.5 * r * r / PROBES;
        }
        assertThat(s.testLoss()).isCloseTo(expected, within(1e-12));
        assertThat(s.trainLoss()).isCloseTo(net.meanLoss(Loss.MSE, task.train().x(), task.train().y(), POINTS),
                within(1e-15));
    }

    @Test
    void neuronAndFragilityScalarsAreMeasuredOnTheTrainingSet() {
        Task task = sine();
        Network net = tanhNetwork(1, 1, 1.0);
        steps(sgd(net, task), 40);
        Measurer measurer = new Measurer(task, Loss.MSE, settings(POINTS));
        double[] x = task.train().x();
        double[] y = task.train().y();
        double base = net.meanLoss(Loss.MSE, x, y, POINTS);

        Snapshot s = measurer.measure(net, 40, 0, ETA, true);

        // c_i = s² A_i² mean over the training inputs of tanh(h_i)², N_eff = (sum c)² / sum c²
        double sum = 0;
        double sumSq = 0;
        for (int i = 0; i < WIDTH; i++) {
            double meanSq = 0;
            for (int p = 0; p < POINTS; p++) {
                double f = Math.tanh(net.w[i] * x[p] + net.b[i]);
                meanSq += f * f / POINTS;
            }
            double c = net.a[i] * net.a[i] * meanSq;
            assertThat(s.curves().contributions()[i]).isCloseTo(c, within(1e-14));
            sum += c;
            sumSq += c * c;
        }
        assertThat(s.effectiveNeurons()).isCloseTo(sum * sum / sumSq, within(1e-10));
        // ablation: zero one neuron's output weight on a copy
        double largest = Double.NEGATIVE_INFINITY;
        double total = 0;
        for (int i = 0; i < WIDTH; i++) {
            Network ablated = net.copy();
            ablated.a[i] = 0;
            double increase = ablated.meanLoss(Loss.MSE, x, y, POINTS) - base;
            largest = Math.max(largest, increase);
            total += increase / WIDTH;
        }
        assertThat(s.ablationFragility()).isCloseTo(largest, within(1e-12));
        assertThat(s.ablationFragilityMean()).isCloseTo(total, within(1e-12));
        // weight noise: 16 draws of eps = 0.05 from the fixed seed, one Gaussian per parameter in flat order
        Rng noise = new Rng(Fragility.NOISE_SEED);
        double noiseSum = 0;
        for (int draw = 0; draw < 16; draw++) {
            Network noisy = net.copy();
            for (int p = 0; p < net.parameterCount(); p++) {
                noisy.setParameter(p, net.parameter(p) * (1 + 0.05 * noise.nextGaussian()));
            }
            noiseSum += noisy.meanLoss(Loss.MSE, x, y, POINTS) - base;
        }
        assertThat(s.noiseFragility()).isCloseTo(noiseSum / 16, within(1e-12));
        // input sensitivity: mean |df/dx| over the training inputs
        double sensitivity = 0;
        for (int p = 0; p < POINTS; p++) {
            sensitivity += Math.abs(FiniteDifferences.inputJacobian(net, new double[]{x[p]})[0][0]) / POINTS;
        }
        assertThat(s.inputSensitivity()).isCloseTo(sensitivity, within(1e-7 * sensitivity));
    }

    @Test
    void testLossIsNaNForRandomLabels() {
        Task task = Tasks.build(new TaskSpec(TaskKind.RANDOM_LABELS, POINTS, 1, 3.0, 4, 0.0, null), PROBES, 41);
        Measurer measurer = new Measurer(task, Loss.MSE, settings(POINTS));

        Snapshot s = measurer.measure(tanhNetwork(1, 1, 1.0), 0, 0, ETA, true);

        assertThat(s.testLoss()).isNaN();
        assertThat(s.trainLoss()).isFinite();
    }

    @Test
    void curvesHoldOneEntryPerReferenceProbePointAndOutput() {
        Task sine = sine();
        Snapshot one = new Measurer(sine, Loss.MSE, settings(POINTS)).measure(tanhNetwork(1, 1, 1.0), 0, 0, ETA,
                true);
        Task encoding = Tasks.build(new TaskSpec(TaskKind.ENCODING, POINTS, 1, 3.0, 4, 0.0, null), PROBES, 41);
        Snapshot four = new Measurer(encoding, Loss.CROSS_ENTROPY, settings(POINTS))
                .measure(tanhNetwork(1, 4, 1.0), 0, 0, ETA, true);

        assertThat(one.curves().response()).hasSize(3 * PROBES);
        assertThat(four.curves().response()).hasSize(3 * PROBES * 4);
        assertThat(four.curves().output()).hasSize(PROBES * 4);
        assertThat(four.curves().ntk().rows()).isEqualTo(3);
        assertThat(four.curves().ntk().columns()).isEqualTo(PROBES);
        assertThat(four.curves().references()).containsExactly(0, 3, 7);
        assertThat(four.curves().referenceX()).containsExactly(encoding.train().x()[0], encoding.train().x()[3],
                encoding.train().x()[7]);
    }

    @Test
    void planarTaskGivesAFiniteKernelWidthAndFeaturesOnTheTwentyOneByTwentyOneGrid() {
        Task circle = Tasks.build(new TaskSpec(TaskKind.CIRCLE, 30, 1, 3.0, 4, 0.1, null), PROBES, 11);
        Network net = tanhNetwork(2, 1, 2.0);
        Measurer measurer = new Measurer(circle, Loss.MSE, settings(30));

        Snapshot s = measurer.measure(net, 0, 0, ETA, true);

        assertThat(circle.probeCount()).isEqualTo(121);
        assertThat(circle.featureCount()).isEqualTo(441);
        assertThat(s.kernelWidth()).isFinite().isPositive();
        assertThat(s.curves().response()).hasSize(3 * 121);
        // feature dimension of Phi over a 21 x 21 grid of the square, by EJML's SVD
        int g = 21;
        double[] grid = new double[g * g * 2];
        for (int r = 0; r < g; r++) {
            for (int c = 0; c < g; c++) {
                grid[2 * (r * g + c)] = -1 + 2.0 * c / (g - 1);
                grid[2 * (r * g + c) + 1] = -1 + 2.0 * r / (g - 1);
            }
        }
        assertThat(s.featureDimension()).isCloseTo(featureDimensionBySvd(net, grid, g * g, 1e-3), within(1e-6));
        assertThat(s.curves().spectrum()).hasSize(WIDTH);
    }

    @Test
    void oneDimensionalKernelWidthIsTheHalfMaximumDistanceAveragedOverReferences() {
        Task task = sine();
        Network net = tanhNetwork(1, 1, 1.0);
        Measurer measurer = new Measurer(task, Loss.MSE, settings(POINTS));

        Snapshot s = measurer.measure(net, 0, 0, ETA, true);

        assertThat(s.kernelWidth()).isGreaterThan(0.0).isLessThanOrEqualTo(2.0);
        // kappa(x'; x_r) = Theta(x', x_r) / Theta(x_r, x_r) from finite-difference Jacobians
        int[] refs = references(POINTS);
        double[] kappa = fdShape(net, task, fdKernel(net, task));
        double total = 0;
        int crossing = 0;
        for (int r = 0; r < refs.length; r++) {
            double xr = task.train().x()[refs[r]];
            double nearest = Double.POSITIVE_INFINITY;
            double farthest = 0;
            for (int m = 0; m < PROBES; m++) {
                double k = kappa[r * PROBES + m];
                assertThat(Math.abs(k - 0.5)).as("kappa away from the threshold").isGreaterThan(1e-6);
                double dist = Math.abs(task.probe()[m] - xr);
                farthest = Math.max(farthest, dist);
                if (k < 0.5) {
                    nearest = Math.min(nearest, dist);
                }
            }
            total += Double.isInfinite(nearest) ? farthest : nearest;
            crossing += Double.isInfinite(nearest) ? 0 : 1;
        }
        // both rules are exercised: some references reach kappa < 1/2 on the grid, some do not
        assertThat(crossing).isBetween(1, refs.length - 1);
        assertThat(s.kernelWidth()).isCloseTo(total / refs.length, within(1e-12));
        assertThat(s.featureDimension()).isCloseTo(featureDimensionBySvd(net, task.probe(), PROBES, 1e-3),
                within(1e-6));
    }

    @Test
    void measuringTwiceInTheSameStateWithoutRecordingGivesIdenticalSnapshots() {
        Task task = sine();
        Network net = tanhNetwork(1, 1, 1.0);
        Measurer measurer = new Measurer(task, Loss.MSE, settings(POINTS));
        Trainer trainer = sgd(net, task);
        for (int t = 1; t <= 5; t++) {
            trainer.step();
            measurer.measure(net, t, trainer.epoch(), ETA, true);
        }
        steps(trainer, 3);

        Snapshot a = measurer.measure(net, 8, trainer.epoch(), ETA, false);
        Snapshot b = measurer.measure(net, 8, trainer.epoch(), ETA, false);

        assertThat(a.agingExponent()).isFinite();
        for (Series series : Series.values()) {
            assertThat(Double.compare(series.of(a), series.of(b))).as(series.key()).isZero();
        }
        // NaN (a kernel model's error while the models are off) equals NaN here, as Double.compare has it
        assertThat(b).usingRecursiveComparison().withComparatorForType(Double::compare, Double.class).isEqualTo(a);
        assertThat(b.curves().response()).containsExactly(a.curves().response());
        assertThat(b.curves().projection().coordinates()).containsExactly(a.curves().projection().coordinates());
    }

    /** D_feat from the singular values of Phi_mi = tanh(h_i(x_m)) computed by EJML. */
    private static double featureDimensionBySvd(Network net, double[] x, int count, double tol) {
        int n = net.width;
        int d = net.inputs;
        DMatrixRMaj phi = new DMatrixRMaj(count, n);
        for (int m = 0; m < count; m++) {
            for (int i = 0; i < n; i++) {
                double h = net.b[i];
                for (int j = 0; j < d; j++) {
                    h += net.w[i * d + j] * x[m * d + j];
                }
                phi.set(m, i, Math.tanh(h));
            }
        }
        SingularValueDecomposition_F64<DMatrixRMaj> svd = DecompositionFactory_DDRM.svd(count, n, false, false, true);
        assertThat(svd.decompose(phi)).isTrue();
        double[] sv = Arrays.copyOf(svd.getSingularValues(), svd.numberOfSingularValues());
        double top = Arrays.stream(sv).max().orElseThrow();
        double sum = 0;
        for (double v : sv) {
            sum += v * v / (v * v + tol * tol * top * top);
        }
        return sum;
    }

    /**
     * A live view takes a snapshot every frame: one of a wide network must not allocate megabytes (fresh heap is
     * slow to touch, which made snapshots several times slower for seconds). Width 1000, 256 points allocated
     * 9.8 MB a snapshot before the work arrays were kept. Counted on the calling thread, which allocates the
     * hidden features and takes over whatever the helper does not get to (the helper is shared, here perhaps with
     * runs other tests left behind, so its count is not this measurer's alone).
     */
    @Test
    void aSnapshotOfAWideNetworkAllocatesNoMegabytes() {
        Task task = Tasks.build(new TaskSpec(TaskKind.SINE, 256, 1, 3.0, 4, 0.0, null), 101, 41);
        Network net = Network.initialize(1, 1000, 1, Activation.TANH, Parameterization.STANDARD, 1, 1, 3);
        Measurer measurer = new Measurer(task, Loss.MSE, settings(256));
        for (int i = 0; i < 5; i++) {
            measurer.measure(net, 1, 0, ETA, false); // every work array of this thread exists now
        }
        com.sun.management.ThreadMXBean threads =
                (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
        long before = threads.getCurrentThreadAllocatedBytes();
        int snapshots = 20;
        for (int i = 0; i < snapshots; i++) {
            measurer.measure(net, 1, 0, ETA, false);
        }
        long perSnapshot = (threads.getCurrentThreadAllocatedBytes() - before) / snapshots;
        assertThat(perSnapshot).as("bytes allocated per snapshot").isLessThan(2_000_000);
    }
}
