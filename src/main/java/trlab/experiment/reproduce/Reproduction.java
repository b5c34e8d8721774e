package trlab.experiment.reproduce;

import trlab.core.Method;
import trlab.experiment.Experiment;
import trlab.experiment.RunPool;
import trlab.experiment.config.ExperimentConfig;
import trlab.experiment.config.TrainingConfig;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Runs a list of {@link RunSpec}s on a fixed number of threads and hands each finished run to a {@link Sink}.
 *
 * <p>Specs whose configs are equal apart from name and description (the same training in two presets) are trained
 * once and handed over together. Every run is a pure function of its config, so the outcomes do not depend on the
 * number of threads or on the order in which runs finish; the most expensive runs start first only to finish sooner.
 */
public final class Reproduction {

    /** Steps taken between checks for interruption. */
    private static final long CHUNK = 1 << 16;

    /** Receives each finished training, on the worker thread that ran it. */
    @FunctionalInterface
    public interface Sink {
        /**
         * @param run      the finished experiment (its config is the first spec's)
         * @param outcomes one outcome per spec that shares this training, each with the spec's own config
         */
        void finished(Experiment run, List<RunOutcome> outcomes) throws IOException;
    }

    private Reproduction() {
    }

    /**
     * Runs every spec and returns the outcomes by {@link RunSpec#key()}, in the order of {@code specs}.
     *
     * @throws IOException if the sink fails to write
     */
    public static Map<String, RunOutcome> run(List<RunSpec> specs, int threads, Sink sink) throws IOException {
        Map<String, List<RunSpec>> groups = new LinkedHashMap<>();
        Map<String, ExperimentConfig> configs = new LinkedHashMap<>();
        for (RunSpec spec : specs) {
            ExperimentConfig c = spec.config();
            configs.put(spec.key(), c);
            groups.computeIfAbsent(trainingKey(c), k -> new ArrayList<>()).add(spec);
        }
        List<List<RunSpec>> jobs = new ArrayList<>(groups.values());
        jobs.sort(Comparator.comparingDouble((List<RunSpec> g) -> cost(configs.get(g.get(0).key()))).reversed());

        Map<String, RunOutcome> done = new ConcurrentHashMap<>();
        List<RunPool.Job> work = new ArrayList<>();
        for (List<RunSpec> group : jobs) {
            work.add(() -> runGroup(group, configs, sink, done));
        }
        RunPool.runAll("reproduce", threads, work);
        Map<String, RunOutcome> ordered = new LinkedHashMap<>();
        for (RunSpec spec : specs) {
            ordered.put(spec.key(), done.get(spec.key()));
        }
        return ordered;
    }

    private static void runGroup(List<RunSpec> group, Map<String, ExperimentConfig> configs, Sink sink,
                                 Map<String, RunOutcome> done) throws IOException {
        ExperimentConfig config = configs.get(group.get(0).key());
        long t0 = System.nanoTime();
        Experiment run = Experiment.start(config);
        try {
            while (!run.finished()) {
                if (Thread.currentThread().isInterrupted()) {
                    throw new IOException("interrupted");
                }
                run.advance(CHUNK);
            }
        } finally {
            run.close(); // ends the trainer's helper thread for big batches, if it started one
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        List<RunOutcome> outcomes = new ArrayList<>();
        for (RunSpec spec : group) {
            outcomes.add(new RunOutcome(spec, configs.get(spec.key()), run.task(), run.record(), run.agingFit(),
                    run.divergedAt(), seconds));
        }
        sink.finished(run, outcomes);
        for (RunOutcome o : outcomes) {
            done.put(o.spec().key(), o);
        }
    }

    /** Two configs that differ only in name and description train identically. */
    static String trainingKey(ExperimentConfig c) {
        return c.withName("run").withDescription("").toJson();
    }

    /** A rough cost for scheduling: steps times width times the samples per step. */
    static double cost(ExperimentConfig c) {
        TrainingConfig t = c.training();
        double perStep = t.method() == Method.FULL_BATCH ? c.task().points() : t.batchSize();
        return t.steps() * (double) c.network().width() * Math.max(1, perStep);
    }
}
