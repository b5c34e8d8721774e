package trlab.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import trlab.core.Trainer;
import trlab.experiment.Experiment;
import trlab.experiment.Jit;
import trlab.experiment.Run;
import trlab.experiment.config.ConfigException;
import trlab.experiment.config.ExperimentConfig;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * Training throughput and snapshot cost on the built-in defaults (sine, 16 points, width 100, tanh, SGD batch 1),
 * changed with {@code --set}. Like the NumPy reference, the learning rate is 0.5 / width unless set, which keeps
 * every width stable.
 */
@Command(name = "bench", description = "Measure steps per second and the cost of one snapshot; print one JSON line.")
final class BenchCommand implements Callable<Integer> {
    private static final int CHUNK = 256;
    private static final int SNAPSHOT_RUNS = 15;
    private static final int SNAPSHOT_WARMUP_RUNS = 5;
    /** The longest the snapshots warm up (a JVM that does not report its compiling time always takes it). */
    private static final double MAX_SNAPSHOT_WARMUP_SECONDS = 30;
    /** The JIT's settling is judged over windows of this length. */
    private static final long SETTLING_WINDOW_NANOS = 1_000_000_000L;
    /** The longest timing a bench takes: an hour is far more than a steady figure needs. */
    private static final double MAX_SECONDS = 3600;
    /** Longer than any bench can take, within the config's limit. */
    private static final long BENCH_STEPS = 1_000_000_000_000L;

    @Option(names = "--set", paramLabel = "section.field=value", description = "override one config field")
    List<String> overrides = new ArrayList<>();

    @Option(names = "--seconds", paramLabel = "S", description = "how long to time the training (default 3)")
    double seconds = 3;

    @Override
    public Integer call() {
        if (!(seconds > 0 && seconds <= MAX_SECONDS)) {
            throw new ConfigException("--seconds " + seconds + " is not allowed; it must be a number of seconds"
                    + " greater than 0 and at most " + (int) MAX_SECONDS + ".");
        }
        ExperimentConfig config = ExperimentConfig.defaults().withOverrides(overrides);
        if (overrides.stream().noneMatch(o -> o.startsWith("training.learningRate="))) {
            config = config.with("training.learningRate=" + 0.5 / config.network().width());
        }
        config = config.with("training.steps=" + BENCH_STEPS);
        Experiment run = Experiment.start(config);
        if (run.neverFinite()) {
            run.close();
            return RunCommand.notFiniteAtStart("the bench's network", run);
        }
        Trainer trainer = run.trainer();
        double firstSecond = firstSecondSnapshotMillis(run);

        long warmupEnd = System.nanoTime() + (long) (Math.min(1.0, seconds / 3) * 1e9);
        while (System.nanoTime() < warmupEnd) {
            run.stepWithoutRecording(CHUNK);
        }
        long steps = 0;
        long t0 = System.nanoTime();
        long limit = t0 + (long) (seconds * 1e9);
        long now;
        do {
            run.stepWithoutRecording(CHUNK);
            steps += CHUNK;
            now = System.nanoTime();
        } while (now < limit);
        double elapsed = (now - t0) / 1e9;
        if (!trainer.network().isFinite()) {
            // a snapshot of a network that overflowed measures nothing: say so instead of timing it
            run.close();
            System.err.printf(Locale.ROOT, "trlab: the bench's training diverged within %,d steps (a parameter is no"
                    + " longer finite), so its speed and its snapshot are not measured; lower"
                    + " training.learningRate (it was %.3g).%n", trainer.time(), trainer.learningRate());
            return Cli.DIVERGED;
        }

        double snapshotWarmup = warmUpSnapshots(run);
        double[] millis = new double[SNAPSHOT_RUNS];
        for (int i = 0; i < SNAPSHOT_RUNS; i++) {
            long s0 = System.nanoTime();
            run.liveSnapshot();
            millis[i] = (System.nanoTime() - s0) / 1e6;
        }
        Arrays.sort(millis);

        ObjectNode line = new ObjectMapper().createObjectNode();
        line.put("impl", "trlab");
        line.put("stepsPerSecond", Math.round(steps / elapsed * 10) / 10.0);
        line.put("width", config.network().width());
        line.put("points", run.task().train().size());
        line.put("batch", trainer.batchSize());
        line.put("activation", config.network().activation().id());
        line.put("method", config.training().method().id());
        line.put("learningRate", trainer.learningRate());
        line.put("steps", steps);
        line.put("seconds", Math.round(elapsed * 1e4) / 1e4);
        line.put("snapshotMillis", Math.round(millis[SNAPSHOT_RUNS / 2] * 1000) / 1000.0);
        line.put("snapshotFirstSecondMillis", Math.round(firstSecond * 1000) / 1000.0);
        line.put("snapshotWarmupSeconds", Math.round(snapshotWarmup * 10) / 10.0);
        line.put("finite", run.trainer().network().isFinite());
        run.close();
        System.out.println(line);
        return 0;
    }

    /**
     * Takes snapshots until the JIT has compiled their code ({@link Jit#settled} over a second), for at least
     * {@link #SNAPSHOT_WARMUP_RUNS} and min(3 s, seconds / 2), at most min({@link #MAX_SNAPSHOT_WARMUP_SECONDS},
     * 5 x seconds) once it has those runs; returns the seconds it took. A live view takes a snapshot every frame,
     * so the cost that matters is the compiled one, and it comes late: a snapshot calls many of its methods once,
     * and these reach C2 after hundreds of snapshots. After a fixed 2 s some processes were still compiling them
     * (Response.measure, EJML's tridiagonal decomposition) while the timing ran, and gave 8-10 ms at width 1000
     * where the others gave 6.
     */
    private double warmUpSnapshots(Experiment run) {
        long start = System.nanoTime();
        long least = start + (long) (Math.min(3.0, seconds / 2) * 1e9);
        long most = start + (long) (Math.min(MAX_SNAPSHOT_WARMUP_SECONDS, 5 * seconds) * 1e9);
        long windowStart = start;
        long compiled = Jit.compileMillis();
        for (int runs = 1; ; runs++) {
            run.liveSnapshot();
            long now = System.nanoTime();
            if (runs < SNAPSHOT_WARMUP_RUNS) {
                continue;
            }
            if (now >= most) {
                break;
            }
            if (now - windowStart >= SETTLING_WINDOW_NANOS) {
                long compiledNow = Jit.compileMillis();
                if (Jit.settled(compiled, compiledNow, (now - windowStart) / 1e6) && now >= least) {
                    break;
                }
                windowStart = now;
                compiled = compiledNow;
            }
        }
        return (System.nanoTime() - start) / 1e9;
    }

    /**
     * The median snapshot of the run's first second, taken as a live view takes them: a snapshot, then training
     * until the next one is due ({@link Run#snapshotPeriod}). Nothing is compiled yet: this is the cost a user
     * sees when a run starts.
     */
    private static double firstSecondSnapshotMillis(Experiment run) {
        List<Double> millis = new ArrayList<>();
        long end = System.nanoTime() + 1_000_000_000L;
        long now;
        while ((now = System.nanoTime()) < end) {
            run.liveSnapshot();
            long took = System.nanoTime() - now;
            millis.add(took / 1e6);
            long next = now + Run.snapshotPeriod(took);
            while (System.nanoTime() < next) {
                run.stepWithoutRecording(1);
            }
        }
        Collections.sort(millis);
        return millis.get(millis.size() / 2);
    }
}
