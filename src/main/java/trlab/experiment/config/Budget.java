package trlab.experiment.config;

import java.util.Locale;

/**
 * The one memory and time guard for every size that scales: the data (points and outputs), the width, the probe
 * points or grid, the references and the weight-noise draws. A config is refused before anything is built when
 * its arrays would pass {@link #MEMORY_LIMIT_BYTES} or one snapshot would take longer than
 * {@link #SNAPSHOT_LIMIT_SECONDS}; the sentence names the sizes, what they would need and which to lower. The
 * generated tasks are checked when the config is loaded, a CSV's or a state's data once it is read.
 */
public final class Budget {
    /** The largest array of hidden activations (data, probe points or grid): 2 GB. */
    public static final long MEMORY_LIMIT_BYTES = 2_000_000_000L;
    /** The longest one snapshot may take, as estimated: a live view and a run's recordings stay responsive. */
    public static final double SNAPSHOT_LIMIT_SECONDS = 2;
    /**
     * Seconds per neuron evaluated on one input (hidden feature, kernel entry, noisy forward pass; four more per
     * input for what does not depend on the width) and per unit of the feature-space decomposition (rows x width x
     * min(rows, width)), measured on the project's 2-core machine.
     */
    private static final double SECONDS_PER_EVALUATION = 6e-9;
    /** The longest the kernel models' start may take (their block kernel, once per run or "models from now"). */
    public static final double MODEL_START_LIMIT_SECONDS = 10;
    private static final double SECONDS_PER_DECOMPOSITION_UNIT = 4e-10;

    /** Which source to blame for a rule over some fields: the latest to set one of them. */
    @FunctionalInterface
    public interface Blame {
        String of(String... fields);
    }

    /**
     * The sizes of a run.
     *
     * @param points     P, the data's samples
     * @param pointsName what P is called in a message: "task.points", or the data file's rows
     * @param inputs     d, 1 or 2
     * @param outputs    K
     * @param references the reference inputs measured at every snapshot
     */
    public record Sizes(long points, String pointsName, int inputs, int outputs, int references) {
    }

    private Budget() {
    }

    /**
     * Refuses a run whose sizes need too much memory or time (see the class comment), and with the kernel models on,
     * whose block kernel would (|Z| x P x K^2 numbers, |Z| = P + the probe part).
     */
    public static void check(Sizes s, NetworkConfig network, MeasureConfig measure, TheoryConfig theory,
                             Blame blame) {
        check(s, network, measure, blame);
        if (theory.models()) {
            models(s, network, measure, blame);
        }
    }

    private static void models(Sizes s, NetworkConfig network, MeasureConfig measure, Blame blame) {
        long grid = s.points() + (s.inputs() == 2 ? 21 * 21 : measure.probePoints());
        long blocks = (long) s.outputs() * s.outputs();
        String source = blame.of("theory.models", "task.points", "measure.probePoints", "network.width");
        memory(source, "(" + s.pointsName() + " + probe points) x " + s.pointsName() + " x outputs^2",
                grid + " x " + s.points() + " x " + blocks, grid * s.points() * blocks,
                "the kernel models' block kernel", "lower " + s.pointsName() + " or turn theory.models off");
        double seconds = SECONDS_PER_EVALUATION * grid * s.points() * network.width() * (1.0 + blocks);
        if (seconds > MODEL_START_LIMIT_SECONDS) {
            throw new ConfigException(String.format(Locale.ROOT, "%s: theory.models with %s = %d, network.width ="
                            + " %d and %d outputs would take about %s to make the block kernel, more than the %.0f s"
                            + " limit; lower %s or network.width, or turn theory.models off.", source, s.pointsName(),
                    s.points(), network.width(), s.outputs(), duration(seconds), MODEL_START_LIMIT_SECONDS,
                    s.pointsName()));
        }
    }

    private static void check(Sizes s, NetworkConfig network, MeasureConfig measure, Blame blame) {
        long width = network.width();
        memory(blame.of("task.points", "network.width"), s.pointsName() + " x network.width",
                s.points() + " x " + width, s.points() * width, "the hidden activations of the data",
                "lower " + s.pointsName() + " or network.width");
        long probes;
        if (s.inputs() != 2) {
            probes = measure.probePoints();
            memory(blame.of("measure.probePoints", "network.width"), "measure.probePoints x network.width",
                    probes + " x " + width, probes * width, "the hidden activations on the probe points",
                    "lower measure.probePoints or network.width");
        } else {
            long g = measure.gridPoints();
            probes = g * g;
            memory(blame.of("measure.gridPoints", "network.width"), "measure.gridPoints^2 x network.width",
                    g + "^2 x " + width, probes * width, "the hidden activations on the probe grid",
                    "lower measure.gridPoints or network.width");
        }
        long r = s.references();
        memory(blame.of("measure.references", "measure.probePoints", "measure.gridPoints"),
                "references x probe points x (3 + outputs)", r + " x " + probes + " x " + (3 + s.outputs()),
                r * probes * (3 + s.outputs()), "the kernel and the response at every reference",
                "give fewer measure.references or lower the probe points");
        memory(blame.of("network.width"), "network.width x outputs", width + " x " + s.outputs(),
                width * s.outputs(), "the output weights", "lower network.width or use fewer y columns");

        // the feature space is compared on the probe points (1-D) or a fixed 21 x 21 grid (2-D)
        long features = s.inputs() == 2 ? 21 * 21 : probes;
        double evaluations = (width + 4.0) * (s.outputs() + 1) / 2
                * (s.points() * (2.0 + measure.noiseDraws()) + probes * (1.0 + 3.0 * r) + features + r);
        double seconds = SECONDS_PER_EVALUATION * evaluations
                + SECONDS_PER_DECOMPOSITION_UNIT * features * width * Math.min(features, width);
        if (seconds > SNAPSHOT_LIMIT_SECONDS) {
            String field = seconds > 2 * SECONDS_PER_DECOMPOSITION_UNIT * features * width * Math.min(features, width)
                    ? "lower measure.noiseDraws, " + s.pointsName() + ", the probe points, the references or"
                    + " network.width" : "lower the probe points or network.width";
            throw new ConfigException(String.format(Locale.ROOT, "%s: %s = %d, network.width = %d, %s = %d"
                            + " probe points, %d references and measure.noiseDraws = %d would take about %s per"
                            + " snapshot, more than the %.0f s limit; %s.",
                    blame.of("network.width", "task.points", "measure.probePoints", "measure.gridPoints",
                            "measure.references", "measure.noiseDraws"),
                    s.pointsName(), s.points(), width, s.inputs() == 2 ? "measure.gridPoints^2" : "measure.probePoints",
                    probes, r, measure.noiseDraws(), duration(seconds), SNAPSHOT_LIMIT_SECONDS, field));
        }
    }

    private static void memory(String source, String what, String values, long doubles, String purpose,
                               String fix) {
        double bytes = (double) doubles * Double.BYTES;
        if (bytes >= MEMORY_LIMIT_BYTES) {
            throw new ConfigException(String.format(Locale.ROOT,
                    "%s: %s = %s would need %.1f GB for %s (8 bytes each), more than the 2 GB limit; %s.",
                    source, what, values, bytes / 1e9, purpose, fix));
        }
    }

    private static String duration(double seconds) {
        if (seconds < 120) {
            return String.format(Locale.ROOT, "%.0f s", seconds);
        }
        if (seconds < 7200) {
            return String.format(Locale.ROOT, "%.0f minutes", seconds / 60);
        }
        return String.format(Locale.ROOT, "%.0f hours", seconds / 3600);
    }
}
