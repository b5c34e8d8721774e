package trlab.experiment.reproduce;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One claim judged on several seed triples: how many pass, and for each of its measured numbers the mean and the
 * standard error of the mean over the seeds that measured it (a seed whose run diverged measures nothing).
 *
 * @param seeds   the seed triples judged
 * @param passed  how many of them pass
 * @param numbers each measured number's spread, in the claim's order
 */
public record SeedSpread(int seeds, int passed, List<Spread> numbers) {

    /** Seed triple i >= 1 sets network.seed, task.seed and training.seed to these offsets plus i. */
    static final long NETWORK = 100;
    static final long TASK = 200;
    static final long TRAINING = 300;
    /** The rule above, for a report. */
    public static final String RULE = "network.seed = " + NETWORK + " + i, task.seed = " + TASK
            + " + i and training.seed = " + TRAINING + " + i";

    /**
     * A number's mean over the seeds and the standard error of that mean (sample standard deviation over the square
     * root of the count; NaN with fewer than two seeds).
     */
    public record Spread(String name, double mean, double standardError, int count) {
    }

    public SeedSpread {
        numbers = List.copyOf(numbers);
    }

    /**
     * The overrides of seed triple i: none for i = 0 (the presets' own seeds, so the first triple is the plain
     * reproduction), otherwise network, task and training seeds {@value #NETWORK}+i, {@value #TASK}+i,
     * {@value #TRAINING}+i, set together so that a preset's twins still start from one initial network.
     */
    public static List<String> overrides(int i) {
        if (i < 0) {
            throw new IllegalArgumentException("seed triple " + i);
        }
        if (i == 0) {
            return List.of();
        }
        return List.of("network.seed=" + (NETWORK + i), "task.seed=" + (TASK + i), "training.seed=" + (TRAINING + i));
    }

    /** The spread of one claim's results, one per seed triple. */
    public static SeedSpread of(List<ClaimResult> perSeed) {
        Map<String, List<Double>> values = new LinkedHashMap<>();
        int passed = 0;
        for (ClaimResult r : perSeed) {
            passed += r.pass() ? 1 : 0;
            for (Claim.Measured m : r.numbers()) {
                List<Double> list = values.computeIfAbsent(m.name(), k -> new ArrayList<>());
                if (Double.isFinite(m.value())) {
                    list.add(m.value());
                }
            }
        }
        List<Spread> spreads = new ArrayList<>();
        values.forEach((name, list) -> spreads.add(spread(name, list)));
        return new SeedSpread(perSeed.size(), passed, spreads);
    }

    private static Spread spread(String name, List<Double> xs) {
        int n = xs.size();
        double mean = 0;
        for (double x : xs) {
            mean += x;
        }
        mean = n == 0 ? Double.NaN : mean / n;
        double squares = 0;
        for (double x : xs) {
            squares += (x - mean) * (x - mean);
        }
        double se = n < 2 ? Double.NaN : Math.sqrt(squares / (n - 1) / n);
        return new Spread(name, mean, se, n);
    }

    /**
     * One sentence for the report: "Across 5 seed triples it passes at 3; D(N=1024) = 0.0120 ± 0.00300 (5 seeds)."
     * A number measured at fewer seeds than judged (a diverged run) says at how many.
     */
    public String sentence() {
        List<String> parts = new ArrayList<>();
        for (Spread s : numbers) {
            parts.add(s.name() + " = " + Report.format(s.mean()) + " \u00b1 " + Report.format(s.standardError())
                    + (s.count() == seeds ? "" : " (at " + s.count() + " seeds)"));
        }
        return String.format(Locale.ROOT, "Across %d seed triples it passes at %d%s.", seeds, passed,
                parts.isEmpty() ? "" : "; mean \u00b1 standard error: " + String.join("; ", parts));
    }

    /**
     * A claim's limits with "every seed" taken out of the list of what it held at: the seeds are now measured, and
     * the spread says how it held.
     */
    public static String limitsBesideSeeds(String limits) {
        return limits.replace("every seed, ", "every ").replace(", seed, ", ", ");
    }
}
