package trlab.experiment.reproduce;

import trlab.core.Task;
import trlab.experiment.Comparison;
import trlab.experiment.config.Presets;
import trlab.measure.Series;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * The claims of SCIENCE.md §4 as checks, plus the two demonstration presets (encoding, default): which presets and
 * twins each one runs, the numbers it reads from their series, and the direction that makes it pass.
 *
 * <p>Every number uses the measurement definitions of SCIENCE.md §3 unchanged, and the same reading rules for every
 * run: "start" is the first recorded sample (t = 0), "late" the mean over the samples recorded in the second half of
 * the run, t in [T/2, T] ({@link RunOutcome#late}). A twin keeps every seed of its preset, so a comparison starts
 * from one initial network. Full-batch twins train on the clean labels (training.labelNoise=0): plain gradient
 * descent, the deterministic method that SGD with label noise is compared with.
 */
public final class Claims {

    private static final List<String> FULL_BATCH = Comparison.FULL_BATCH_TWIN;

    private Claims() {
    }

    /**
     * The claims in report order: 1, 2, 3, 4a, 4b, 5, 6, 7, then the theory's 8 to 11 ({@link TheoryClaims}), then the
     * demonstrations E (encoding) and D (default).
     */
    public static List<Claim> all() {
        return List.of(constantKernel(), aging("2", "aging", "Label-noise SGD: the kernel amplitude ages like a power"
                        + " law while its shape changes less than its size",
                        "Held at every seed, width (50-300) and task (teacher, random labels, sin(2x), sin(5x), circle)"
                        + " we tried, and for eta from 0.005 (alpha only 0.20) to 0.03. The fall is a crossover, not an"
                        + " endless power law: the amplitude levels off at the smallest value that still fits the data,"
                        + " so alpha depends on where the two-decade window lies. Aging needs eta^2 sigma^2 t of order"
                        + " 10^2: with eta = 0.005 and sigma = 1 it has barely begun after 2e5 steps (alpha about 0.1)."
                        + " In the standard scaling the kernel grows like N, so eta = 0.02 diverges at N = 400; use"
                        + " eta of about 2/N."),
                kernelParts(), activation(), sigmoid(), method(), featureSpace(), fragility(),
                TheoryClaims.lazyRegime(), TheoryClaims.responseLaw(), TheoryClaims.subSpaces(),
                TheoryClaims.plasticity(), encoding(),
                aging("D", "default", "The default preset shows the aging of claim 2 (same numbers, same thresholds)",
                        "With label noise 0.5, the old default, aging has only begun after 2e5 steps (alpha about 0.35)."));
    }

    /** Every preset a reproduction runs: those of the claims, then any other shipped preset, each once. */
    public static List<String> presets(List<Claim> claims) {
        LinkedHashSet<String> names = new LinkedHashSet<>();
        for (Claim c : claims) {
            names.addAll(c.presets());
        }
        names.addAll(Presets.names());
        return List.copyOf(names);
    }

    /**
     * Every run a reproduction makes, each once, in report order: the claims' runs, then each shipped preset that no
     * claim uses, as a plain demonstration run.
     */
    public static List<RunSpec> runs(List<Claim> claims) {
        Map<String, RunSpec> byKey = new LinkedHashMap<>();
        for (Claim c : claims) {
            for (RunSpec r : c.runs()) {
                byKey.putIfAbsent(r.key(), r);
            }
        }
        for (String preset : Presets.names()) {
            byKey.putIfAbsent(preset, RunSpec.of(preset));
        }
        return List.copyOf(byKey.values());
    }

    /** Judges every claim on the finished runs. */
    public static List<ClaimResult> judge(List<Claim> claims, Map<String, RunOutcome> outcomes) {
        List<ClaimResult> results = new ArrayList<>();
        for (Claim c : claims) {
            results.add(c.judge(outcomes));
        }
        return results;
    }

    // ---- 1. constant kernel in the wide ntk regime

    static Claim constantKernel() {
        List<RunSpec> runs = widths("constant-kernel");
        return new Claim("1", "Wide network, ntk scaling, full batch: the kernel stays nearly constant, and more so"
                + " the wider the network", runs, "D < 0.05 at the widest N, and D falls as N grows", outcomes -> {
                    List<Claim.Measured> numbers = new ArrayList<>();
                    double[] d = byWidth(runs, outcomes, o -> o.max(Series.KERNEL_DRIFT), "D", numbers);
                    return new Claim.Verdict(numbers, d[d.length - 1] < 0.05 && fallsWithWidth(d),
                            "D is the largest kernel drift ||Theta_t - Theta_0|| / ||Theta_0|| over the whole run.");
                }, "Held at every width, seed, learning rate (0.5 and 1) and task we tried (teacher, random labels,"
                + " sin(6x), circle); relu drifts more than tanh at the same width.");
    }

    // ---- 2. power-law aging (and the default preset, judged the same way)

    static Claim aging(String id, String preset, String title, String limits) {
        RunSpec run = RunSpec.of(preset);
        return new Claim(id, title, List.of(run),
                "alpha > 0.2 with SE < alpha/5; shape drift < relative fall of the amplitude", outcomes -> {
                    RunOutcome o = outcomes.get(run.key());
                    double alpha = o.agingFit() == null ? Double.NaN : o.agingFit().alpha();
                    double error = o.agingFit() == null ? Double.NaN : o.agingFit().error();
                    double shape = o.max(Series.SHAPE_DRIFT);
                    double fall = 1 - o.late(Series.KERNEL_AMPLITUDE) / o.first(Series.KERNEL_AMPLITUDE);
                    boolean pass = alpha > 0.2 && error < alpha / 5 && shape < fall;
                    return new Claim.Verdict(List.of(new Claim.Measured("alpha", alpha),
                            new Claim.Measured("SE of alpha", error), new Claim.Measured("max shape drift", shape),
                            new Claim.Measured("relative fall 1 - a_late/a_0", fall)), pass,
                            "alpha is run.json's agingFit, over the last two decades [T/100, T].");
                }, limits);
    }

    // ---- 3. the two kernel parts change balance with the training stage

    static Claim kernelParts() {
        RunSpec run = RunSpec.of("kernel-parts");
        return new Claim("3", "The balance of the hidden-layer and output-layer parts of the kernel changes with the"
                + " training stage", List.of(run), "the ratio hidden/output changes by at least 2x", outcomes -> {
                    RunOutcome o = outcomes.get(run.key());
                    double[] hidden = o.series(Series.KERNEL_AMPLITUDE_HIDDEN);
                    double[] output = o.series(Series.KERNEL_AMPLITUDE_OUTPUT);
                    double[] ratio = new double[hidden.length];
                    for (int i = 0; i < ratio.length; i++) {
                        ratio[i] = hidden[i] / output[i];
                    }
                    double start = ratio[0];
                    double late = o.lateMean(ratio);
                    double change = Math.max(late / start, start / late);
                    return new Claim.Verdict(List.of(new Claim.Measured("hidden/output at start", start),
                            new Claim.Measured("hidden/output late", late), new Claim.Measured("change (x)", change)),
                            change >= 2, String.format(Locale.ROOT, "Output-layer part %.3g -> %.3g, hidden-layer part"
                                    + " %.3g -> %.3g.", output[0], o.late(Series.KERNEL_AMPLITUDE_OUTPUT), hidden[0],
                                    o.late(Series.KERNEL_AMPLITUDE_HIDDEN)));
                }, "Held at every seed, width (30-200), learning rate (0.005-0.03) and task we tried, with relu and"
                + " with tanh (tanh: 3.5x-19x). Full batch on clean labels changes the balance less (about 3x on"
                + " sin(3x), 1.5x on the teacher task).");
    }

    // ---- 4. activation dependence

    private static final String ACT = "activation";
    private static final RunSpec TANH_SGD = RunSpec.of(ACT);
    private static final RunSpec TANH_FB = new RunSpec(ACT, "full-batch", FULL_BATCH);
    private static final RunSpec RELU_SGD = RunSpec.twin(ACT, "relu", "network.activation=relu");
    private static final RunSpec RELU_FB = new RunSpec(ACT, "relu-full-batch",
            concat(List.of("network.activation=relu"), FULL_BATCH));
    private static final RunSpec SIGMOID_SGD = RunSpec.twin(ACT, "sigmoid", "network.activation=sigmoid");
    private static final RunSpec SIGMOID_FB = new RunSpec(ACT, "sigmoid-full-batch",
            concat(List.of("network.activation=sigmoid"), FULL_BATCH));

    static Claim activation() {
        return activationClaim("4a", "tanh", TANH_SGD, TANH_FB, "Held on sin(2x), sin(3x), sin(5x) at every seed,"
                + " width (50-200) and learning rate (0.005-0.03) we tried; it fails where the full-batch twin itself"
                + " keeps only a few effective neurons (task.kind=teacher: ratio about 1.7) and is borderline on random"
                + " labels (about 0.5). With less training (eta = 0.005 and half the steps) the ratio rises to about"
                + " 0.6: the noise needs time to act.");
    }

    static Claim sigmoid() {
        return activationClaim("4b", "sigmoid", SIGMOID_SGD, SIGMOID_FB, "Weaker than tanh: it fails on the teacher"
                + " task (ratio about 3), where the sigmoid's full-batch twin keeps few effective neurons itself, and"
                + " with eta = 0.005 (about 0.9, too little training); it is borderline on sin(2x) (about 0.5).");
    }

    private static Claim activationClaim(String id, String name, RunSpec sgd, RunSpec fb, String limits) {
        List<RunSpec> runs = List.of(sgd, fb, RELU_SGD, RELU_FB);
        return new Claim(id, "Under the same label-noise SGD, " + name + " loses far more effective neurons than"
                + " relu (each against its own full-batch twin), while both kernel amplitudes age", runs,
                name + " share <= 0.5 x relu share; both amplitudes fall >= 2x", outcomes -> {
                    double share = share(outcomes.get(sgd.key()), outcomes.get(fb.key()));
                    double reluShare = share(outcomes.get(RELU_SGD.key()), outcomes.get(RELU_FB.key()));
                    double fall = fall(outcomes.get(sgd.key()));
                    double reluFall = fall(outcomes.get(RELU_SGD.key()));
                    double ratio = share / reluShare;
                    boolean pass = ratio <= 0.5 && fall <= 0.5 && reluFall <= 0.5;
                    return new Claim.Verdict(List.of(new Claim.Measured(name + " N_eff share SGD/full batch", share),
                            new Claim.Measured("relu N_eff share SGD/full batch", reluShare),
                            new Claim.Measured(name + " share / relu share", ratio),
                            new Claim.Measured(name + " amplitude a_late/a_0", fall),
                            new Claim.Measured("relu amplitude a_late/a_0", reluFall)), pass,
                            String.format(Locale.ROOT, "Late effective neurons: %s %.3g (full batch %.3g), relu %.3g"
                                    + " (full batch %.3g).", name, outcomes.get(sgd.key()).late(Series.EFFECTIVE_NEURONS),
                                    outcomes.get(fb.key()).late(Series.EFFECTIVE_NEURONS),
                                    outcomes.get(RELU_SGD.key()).late(Series.EFFECTIVE_NEURONS),
                                    outcomes.get(RELU_FB.key()).late(Series.EFFECTIVE_NEURONS)));
                }, limits);
    }

    // ---- 5. full batch keeps the kernel, SGD with noise ages it

    static Claim method() {
        String p = "method";
        RunSpec sgd = RunSpec.of(p);
        RunSpec fb = new RunSpec(p, "full-batch", FULL_BATCH);
        RunSpec noisy = RunSpec.twin(p, "full-batch-noisy", "training.method=full-batch");
        return new Claim("5", "From one initial state, full batch keeps the kernel while SGD with label noise ages it",
                List.of(sgd, fb, noisy), "full-batch amplitude moves < 10%; SGD amplitude falls >= 2x", outcomes -> {
                    RunOutcome f = outcomes.get(fb.key());
                    double a0 = f.first(Series.KERNEL_AMPLITUDE);
                    double move = 0;
                    for (double a : f.series(Series.KERNEL_AMPLITUDE)) {
                        if (Double.isFinite(a)) {
                            move = Math.max(move, Math.abs(a / a0 - 1));
                        }
                    }
                    double sgdFall = fall(outcomes.get(sgd.key()));
                    double noisyFall = fall(outcomes.get(noisy.key()));
                    return new Claim.Verdict(List.of(new Claim.Measured("full batch: largest |a/a_0 - 1|", move),
                            new Claim.Measured("SGD: a_late/a_0", sgdFall),
                            new Claim.Measured("context, not judged: full batch with the same label noise, a_late/a_0",
                                    noisyFall)), move < 0.1 && sgdFall <= 0.5,
                            "The full-batch twin uses the clean labels; the third run (full batch with the preset's label"
                                    + " noise) shows that the noise, not the batch, ages the kernel.");
                }, "With the same label noise, full batch ages too (only more slowly: the noise of a step is averaged"
                + " over 16 samples). On random labels full batch cannot fit the labels and its kernel moves"
                + " too (its amplitude by up to about 60%).");
    }

    // ---- 6. feature space reduction

    static Claim featureSpace() {
        String p = "feature-space";
        RunSpec sgd = RunSpec.of(p);
        RunSpec fb = new RunSpec(p, "full-batch", FULL_BATCH);
        return new Claim("6", "Stochastic training with noise reduces the feature space (tanh)", List.of(sgd, fb),
                "feature dimension and N_eff of SGD <= 0.6x full batch", outcomes -> {
                    RunOutcome s = outcomes.get(sgd.key());
                    RunOutcome f = outcomes.get(fb.key());
                    double dim = s.late(Series.FEATURE_DIMENSION) / f.late(Series.FEATURE_DIMENSION);
                    double neff = s.late(Series.EFFECTIVE_NEURONS) / f.late(Series.EFFECTIVE_NEURONS);
                    return new Claim.Verdict(List.of(new Claim.Measured("feature dimension SGD/full batch", dim),
                            new Claim.Measured("N_eff SGD/full batch", neff)), dim <= 0.6 && neff <= 0.6,
                            String.format(Locale.ROOT, "Late feature dimension %.3g vs %.3g; effective neurons %.3g vs"
                                    + " %.3g (start: %.3g and %.3g).", s.late(Series.FEATURE_DIMENSION),
                                    f.late(Series.FEATURE_DIMENSION), s.late(Series.EFFECTIVE_NEURONS),
                                    f.late(Series.EFFECTIVE_NEURONS), s.first(Series.FEATURE_DIMENSION),
                                    s.first(Series.EFFECTIVE_NEURONS)));
                }, "The effective neurons fall early; the feature dimension only late, after eta^2 sigma^2 t of about"
                + " 10^2 (with eta = 0.01, sigma = 2 after about 3e5 steps; with eta = 0.005 not within 4e5 steps)."
                + " On random labels N_eff falls to only about 0.6x, because full batch keeps few neurons there too.");
    }

    // ---- 7. fragility

    static Claim fragility() {
        String p = "fragility";
        RunSpec sgd = RunSpec.of(p);
        RunSpec fb = new RunSpec(p, "full-batch", FULL_BATCH);
        return new Claim("7", "The run with the reduced feature space is more fragile to losing one neuron (tanh)",
                List.of(sgd, fb), "ablation fragility of SGD >= 1.5x full batch", outcomes -> {
                    RunOutcome s = outcomes.get(sgd.key());
                    RunOutcome f = outcomes.get(fb.key());
                    double ratio = s.late(Series.ABLATION_FRAGILITY) / f.late(Series.ABLATION_FRAGILITY);
                    return new Claim.Verdict(List.of(new Claim.Measured("ablation fragility SGD", s.late(Series.ABLATION_FRAGILITY)),
                            new Claim.Measured("ablation fragility full batch", f.late(Series.ABLATION_FRAGILITY)),
                            new Claim.Measured("SGD / full batch", ratio)), ratio >= 1.5,
                            "Ablation fragility: the largest rise of the training loss when one neuron's output weights"
                                    + " are zeroed.");
                }, "Held on sin(2x) and sin(3x) at every seed, width and learning rate we tried. It does NOT hold on"
                + " task.kind=teacher, random-labels or sin(5x): there full batch itself concentrates the function"
                + " on a few neurons with large output weights, and the full-batch run is the more fragile one.");
    }

    // ---- E. encoding: the output splits into regions

    static Claim encoding() {
        RunSpec run = RunSpec.of("encoding");
        return new Claim("E", "Encoding: the output over [0, 1] splits into regions as the kernels compete",
                List.of(run), ">= 85% of the probe grid in the right region; kernel width falls to <= 0.7x",
                outcomes -> {
                    RunOutcome o = outcomes.get(run.key());
                    double agreement = regionAgreement(o);
                    double width = o.late(Series.KERNEL_WIDTH) / o.first(Series.KERNEL_WIDTH);
                    return new Claim.Verdict(List.of(new Claim.Measured("grid points whose largest output is their"
                            + " region", agreement), new Claim.Measured("kernel width late/start", width)),
                            agreement >= 0.85 && width <= 0.7, String.format(Locale.ROOT, "Kernel half-width %.3g ->"
                                    + " %.3g.", o.first(Series.KERNEL_WIDTH), o.late(Series.KERNEL_WIDTH)));
                }, "Held at every seed, width (50-200), learning rate (0.01-0.04), number of regions (3-6) and"
                + " label noise (0.3-1) we tried. Without label noise the kernel narrows more slowly: at eta = 0.01 only"
                + " to about 0.85x in 1e5 steps, though the output still splits into the regions.");
    }

    /** The fraction of probe points whose largest output is the one of their region, floor(regions * x). */
    static double regionAgreement(RunOutcome o) {
        Task task = o.task();
        int k = task.outputs();
        int m = task.probeCount();
        int regions = o.config().task().regions();
        double[] out = o.record().last().curves().output();
        int right = 0;
        for (int i = 0; i < m; i++) {
            int best = 0;
            for (int j = 1; j < k; j++) {
                if (out[i * k + j] > out[i * k + best]) {
                    best = j;
                }
            }
            int region = Math.min(regions - 1, Math.max(0, (int) Math.floor(regions * task.probe()[i])));
            if (best == region) {
                right++;
            }
        }
        return right / (double) m;
    }

    // ---- helpers

    /** A preset run at widths 64 and 256 beside its own (the widest): the width claims' runs. */
    static List<RunSpec> widths(String preset) {
        return List.of(RunSpec.twin(preset, "width-64", "network.width=64"),
                RunSpec.twin(preset, "width-256", "network.width=256"), RunSpec.of(preset));
    }

    /**
     * A value of each run, narrowest network first, each also added to {@code numbers} as "name at N=width".
     */
    static double[] byWidth(List<RunSpec> runs, Map<String, RunOutcome> outcomes, ToDoubleFunction<RunOutcome> value,
                            String name, List<Claim.Measured> numbers) {
        List<RunOutcome> sorted = new ArrayList<>();
        for (RunSpec r : runs) {
            sorted.add(outcomes.get(r.key()));
        }
        sorted.sort(Comparator.comparingInt(o -> o.config().network().width()));
        double[] values = new double[sorted.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = value.applyAsDouble(sorted.get(i));
            numbers.add(new Claim.Measured(name + " at N=" + sorted.get(i).config().network().width(), values[i]));
        }
        return values;
    }

    /** Whether values given narrowest network first fall strictly as the network widens. */
    static boolean fallsWithWidth(double[] values) {
        for (int i = 1; i < values.length; i++) {
            if (!(values[i] < values[i - 1])) {
                return false;
            }
        }
        return true;
    }

    /** a_late / a_0 of a run's kernel amplitude: below 0.5 means it fell at least twofold. */
    static double fall(RunOutcome o) {
        return o.late(Series.KERNEL_AMPLITUDE) / o.first(Series.KERNEL_AMPLITUDE);
    }

    /** The share of effective neurons a run keeps against its full-batch twin, late values. */
    static double share(RunOutcome sgd, RunOutcome fullBatch) {
        return sgd.late(Series.EFFECTIVE_NEURONS) / fullBatch.late(Series.EFFECTIVE_NEURONS);
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return List.copyOf(all);
    }
}
