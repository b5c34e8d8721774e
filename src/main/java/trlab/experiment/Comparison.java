package trlab.experiment;

import trlab.core.Method;
import trlab.experiment.config.ConfigException;
import trlab.experiment.config.ExperimentConfig;
import trlab.experiment.config.TrainingConfig;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Runs compared side by side. Every arm of a comparison starts from one initial state: the task, the network (its
 * width, parameterisation, scales and seed), the measurements, the loss, the number of steps and every seed are
 * shared, so the initial parameters and the data are the same bit for bit. An arm differs from the others only in
 * how it trains (method, batch size, learning rate, label noise) and in its activation, which leaves the initial
 * parameters as they are.
 */
public final class Comparison {
    /** Overrides that turn an SGD run into its full-batch twin: all samples each step, clean labels. */
    public static final List<String> FULL_BATCH_TWIN = List.of("training.method=full-batch", "training.labelNoise=0");

    /** The most arms a comparison holds: more lines than four per chart stop being readable. */
    public static final int MAX_ARMS = 4;

    /** The file that holds every arm's series ({@link #csv}). */
    public static final String CSV_FILE = "comparison.csv";

    /** The fields an arm may set; every other field is shared by all arms. */
    public static final List<String> ARM_FIELDS = List.of("training.method", "training.batchSize",
            "training.learningRate", "training.labelNoise", "network.activation");

    /** A comma that starts the next {@code section.field=} of an arm, so values keep their own commas. */
    private static final Pattern NEXT_FIELD = Pattern.compile(",(?=\\s*[A-Za-z][\\w.]*\\s*=)");

    private Comparison() {
    }

    /** An arm: the shared settings with the arm's own method, batch size, learning rate, label noise and activation. */
    public static ExperimentConfig arm(ExperimentConfig shared, ExperimentConfig own) {
        TrainingConfig t = own.training();
        return shared.withNetwork(shared.network().withActivation(own.network().activation()))
                .withTraining(shared.training().withMethod(t.method()).withBatchSize(t.batchSize())
                        .withLearningRate(t.learningRate()).withLabelNoise(t.labelNoise()));
    }

    /** Whether two configs start from the same initial state and measure alike (they may differ in the arm fields). */
    public static boolean sameStart(ExperimentConfig a, ExperimentConfig b) {
        return arm(a, b).withName(b.name()).withDescription(b.description()).equals(b);
    }

    /**
     * An arm of the command line: {@code section.field=value[,section.field=value]...} applied on top of the base.
     * Only {@link #ARM_FIELDS} may appear: anything else would change the initial state or the measurements.
     */
    public static ExperimentConfig parseArm(ExperimentConfig base, String spec) {
        List<String> overrides = new ArrayList<>();
        for (String part : NEXT_FIELD.split(spec.trim())) {
            String override = part.trim();
            int eq = override.indexOf('=');
            if (eq <= 0) {
                throw new ConfigException("--compare " + spec + ": \"" + override + "\" is not section.field=value;"
                        + " e.g. --compare training.method=full-batch,training.labelNoise=0.");
            }
            String key = override.substring(0, eq).trim();
            if (!ARM_FIELDS.contains(key)) {
                throw new ConfigException("--compare " + spec + ": " + key + " cannot differ between arms, which all"
                        + " start from one initial state; an arm may set " + String.join(", ", ARM_FIELDS)
                        + " (use --set to change " + key + " for every arm).");
            }
            overrides.add(override);
        }
        try {
            return base.withOverrides(overrides);
        } catch (ConfigException e) {
            // the override's own message names it as "--set field=value"; here it came from --compare
            throw new ConfigException(e.getMessage().replace("--set ", "--compare "), e);
        }
    }

    /**
     * The runs of {@code --compare}: the base, then one arm per spec ({@link #parseArm}). An arm may train exactly
     * like another: that is how one sees that a comparison's arms are alike but for what they change.
     *
     * @throws ConfigException for a bad spec, or for more than {@link #MAX_ARMS} runs in all
     */
    public static List<ExperimentConfig> arms(ExperimentConfig base, List<String> specs) {
        List<ExperimentConfig> arms = new ArrayList<>(List.of(base));
        for (String spec : specs) {
            arms.add(parseArm(base, spec));
        }
        if (arms.size() > MAX_ARMS) {
            throw new ConfigException("--compare: at most " + (MAX_ARMS - 1) + " arms beside the preset (" + MAX_ARMS
                    + " runs in all); " + specs.size() + " were given.");
        }
        return arms;
    }

    /**
     * The paper's central contrast from these settings: stochastic training (SGD with the settings' batch size and
     * label noise, or one sample per step if they train on the full batch) and its full-batch twin on clean labels
     * ({@link #FULL_BATCH_TWIN}), both from the same initial network.
     */
    public static List<ExperimentConfig> sgdVsFullBatch(ExperimentConfig settings) {
        TrainingConfig t = settings.training();
        ExperimentConfig sgd = t.method() == Method.SGD ? settings
                : settings.withTraining(t.withMethod(Method.SGD).withBatchSize(1));
        return List.of(sgd, settings.withOverrides(FULL_BATCH_TWIN));
    }

    /**
     * A short name for each arm that says what sets it apart: the method and batch size, the label noise, the
     * learning rate and the activation, each only where the arms differ in it. The first arm names its value of
     * each such setting, every other arm only where it differs from the first, e.g. "SGD, batch 1, noise 1.0" and
     * "full batch" (clean labels go without saying beside full batch). Arms with the same settings are told apart
     * by number.
     */
    public static List<String> labels(List<ExperimentConfig> arms) {
        boolean method = differ(arms, Comparison::method);
        boolean noise = differ(arms, c -> c.training().labelNoise());
        boolean rate = differ(arms, c -> c.training().learningRate());
        boolean activation = differ(arms, c -> c.network().activation());
        ExperimentConfig first = arms.get(0);
        List<String> labels = new ArrayList<>();
        for (ExperimentConfig c : arms) {
            TrainingConfig t = c.training();
            boolean all = c == first;
            List<String> parts = new ArrayList<>();
            boolean ownMethod = method && (all || !method(c).equals(method(first)));
            if (ownMethod) {
                parts.add(method(c));
            }
            if (noise && (all || t.labelNoise() != first.training().labelNoise())
                    && (t.labelNoise() > 0 || !ownMethod)) {
                parts.add(t.labelNoise() > 0 ? "noise " + number(t.labelNoise()) : "no noise");
            }
            if (rate && (all || t.learningRate() != first.training().learningRate())) {
                parts.add("\u03b7 = " + number(t.learningRate()));
            }
            if (activation && (all || c.network().activation() != first.network().activation())) {
                parts.add(c.network().activation().id());
            }
            // an arm that differs from the first in none of them trains like it, and is named like it
            labels.add(parts.isEmpty() && !all ? labels.get(0) : String.join(", ", parts));
        }
        for (int i = 0; i < labels.size(); i++) {
            if (labels.get(i).isEmpty() || labels.indexOf(labels.get(i)) != labels.lastIndexOf(labels.get(i))) {
                String same = labels.get(i);
                for (int j = i; j < labels.size(); j++) {
                    if (labels.get(j).equals(same)) {
                        labels.set(j, (same.isEmpty() ? "run " : same + ", run ") + (j + 1));
                    }
                }
            }
        }
        return labels;
    }

    private static String method(ExperimentConfig c) {
        return c.training().method() == Method.FULL_BATCH ? "full batch" : "SGD, batch " + c.training().batchSize();
    }

    private static boolean differ(List<ExperimentConfig> arms, Function<ExperimentConfig, Object> f) {
        return arms.stream().map(f).distinct().count() > 1;
    }

    /** A setting as a person writes it: 1.0, 0.02, 0.0001 (never in E notation). */
    private static String number(double v) {
        String s = Double.toString(v);
        return s.contains("E") ? new java.math.BigDecimal(s).stripTrailingZeros().toPlainString() : s;
    }

    /** A folder name for arm i (from 0): its number and its label in lower case, e.g. "1-sgd-batch-1-noise-1.0". */
    public static String folder(int i, String label) {
        String slug = label.toLowerCase(Locale.ROOT).replace("\u03b7", "eta")
                .replaceAll("[^a-z0-9.]+", "-").replaceAll("(^-+|-+$)", "");
        return (i + 1) + (slug.isEmpty() ? "" : "-" + slug);
    }

    /**
     * Every arm's recorded series in one table: a first column "arm" with the arm's label, then the columns of
     * metrics.csv, the rows of each arm in turn.
     */
    public static String csv(List<String> labels, List<List<double[]>> rows) {
        StringBuilder sb = new StringBuilder("arm,");
        RunRecord.appendCsvHeader(sb);
        for (int a = 0; a < labels.size(); a++) {
            String cell = Csv.cell(labels.get(a));
            for (double[] row : rows.get(a)) {
                sb.append(cell).append(',');
                RunRecord.appendCsvRow(sb, row);
            }
        }
        return sb.toString();
    }
}
