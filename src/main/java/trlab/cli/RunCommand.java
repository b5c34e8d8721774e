package trlab.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import trlab.app.chart.AnimatedGif;
import trlab.app.chart.ChartExport;
import trlab.app.chart.ChartInput;
import trlab.core.Task;
import trlab.experiment.AtomicFiles;
import trlab.experiment.Comparison;
import trlab.experiment.Experiment;
import trlab.experiment.Experiments;
import trlab.experiment.RunFolder;
import trlab.experiment.RunRecord;
import trlab.experiment.StateFile;
import trlab.experiment.config.ConfigException;
import trlab.experiment.config.ExperimentConfig;
import trlab.experiment.config.Presets;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

@Command(name = "run", description = "Train on a preset and write run.json, metrics.csv and final-state.json;"
        + " with --compare, train several arms from one initial state side by side.")
final class RunCommand implements Callable<Integer> {
    /** Steps taken between checks of the progress line. */
    private static final long CHUNK = 4096;
    private static final int PNG_WIDTH = 900;
    private static final int PNG_HEIGHT = 600;
    /** An animation's frame: smaller than a PNG, for a file a slide or a web page takes. */
    private static final int GIF_WIDTH = 720;
    private static final int GIF_HEIGHT = 480;
    private static final int GIF_DELAY_CENTIS = 25;

    @Parameters(index = "0", paramLabel = "PRESET", description = "a preset file, or the name of a built-in preset")
    String preset;

    @Option(names = "--set", paramLabel = "section.field=value", description = "override one config field")
    List<String> overrides = new ArrayList<>();

    @Option(names = "--steps", paramLabel = "N", description = "steps to take (training.steps)")
    Long steps;

    @Option(names = "--init", paramLabel = "STATE", description = "start from a state file: its parameters, step and data")
    Path init;

    @Option(names = "--out", paramLabel = "DIR", description = "output folder (default: runs/<preset name>)")
    Path out;

    @Option(names = "--no-png", description = "do not render the charts as PNG")
    boolean noPng;

    @Option(names = "--gif", paramLabel = "CHART", description = "also animate one chart over the run as CHART.gif,"
            + " looping (CHART: the name of its PNG, e.g. aging)")
    String gif;

    @Option(names = "--gif-frames", paramLabel = "N", description = "frames of the animation, spaced evenly in log t"
            + " (default 40, at a quarter second each)")
    int gifFrames = 40;

    @Option(names = "--force", description = "replace DIR whole even if it holds files that no run writes")
    boolean force;

    @Option(names = "--compare", paramLabel = "field=value[,field=value]...",
            description = "also train an arm with these settings from the same initial state (repeatable, up to 3);"
                    + " an arm may set training.method, training.batchSize, training.learningRate,"
                    + " training.labelNoise and network.activation. Each arm gets its own folder in DIR; the charts"
                    + " overlay the arms and comparison.csv holds every arm's series.")
    List<String> compare = new ArrayList<>();

    @Override
    public Integer call() throws Exception {
        List<String> all = new ArrayList<>(overrides);
        if (steps != null) {
            all.add("training.steps=" + steps);
        }
        ExperimentConfig config = Presets.load(preset, all);
        String option = out != null ? "--out" : "the run folder";
        Path dir = out != null ? out : Path.of("runs", RunFolder.safeName(config.name()));
        RunFolder.check(dir, option, force); // a folder that cannot take the run is refused before any work
        StateFile.State start = init == null ? null : StateFile.read(init);
        if (gif != null) {
            if (!ChartExport.chartNames().contains(gif)) {
                throw new ConfigException("--gif " + Sentences.clean(gif) + " is not a chart; the charts are "
                        + String.join(", ", ChartExport.chartNames()) + ".");
            }
            if (gifFrames < 2 || gifFrames > AnimatedGif.MAX_FRAMES) {
                throw new ConfigException("--gif-frames " + gifFrames + " is not allowed; it must be from 2 to "
                        + AnimatedGif.MAX_FRAMES + ".");
            }
            if (!compare.isEmpty()) {
                throw new ConfigException("--gif animates one run; leave out --compare, or animate each arm's run.");
            }
        }
        if (!compare.isEmpty()) {
            return compare(config, start, dir, option);
        }
        try (Experiment run = open(config, start)) {
            if (run.neverFinite()) {
                return notFiniteAtStart("the run", run);
            }
            double seconds;
            String written = "run.json, metrics.csv, final-state.json";
            try (RunFolder folder = RunFolder.open(dir, option, force)) {
                List<ChartInput> frames = new ArrayList<>();
                seconds = train(run, "", gif == null ? new long[0] : frameSteps(run, gifFrames),
                        () -> frames.add(frame(run)));
                run.write(folder.path());
                if (gif != null) {
                    AnimatedGif.write(ChartExport.frames(gif, frames, GIF_WIDTH, GIF_HEIGHT), GIF_DELAY_CENTIS,
                            folder.path().resolve(gif + ".gif"));
                    written += ", " + gif + ".gif (" + frames.size() + " frames)";
                }
                if (!noPng && run.record().last() != null) {
                    written += " and " + writeCharts(ChartInput.ofRecord(run.task(), run.record()), folder.path())
                            + " charts as PNG";
                }
                folder.commit();
            }
            if (run.diverged()) {
                reportDivergence(run, dir, "the run");
                return Cli.DIVERGED;
            }
            System.out.printf(Locale.ROOT, "%s: %,d steps in %.1f s; train loss %.4g; wrote %s to %s%n",
                    Sentences.clean(config.name()), steps(run), seconds, run.record().last().trainLoss(), written,
                    dir);
            return 0;
        }
    }

    /**
     * The preset and every --compare arm, trained one after the other from one shared initial state (the preset's
     * initial network, or the --init state): each arm's files in its own folder, then the overlay charts and
     * comparison.csv.
     */
    private Integer compare(ExperimentConfig base, StateFile.State start, Path dir, String option)
            throws IOException {
        List<ExperimentConfig> arms = Comparison.arms(base, compare);
        List<String> labels = Comparison.labels(arms);
        List<String> folders = new ArrayList<>();
        for (int i = 0; i < arms.size(); i++) {
            folders.add(Comparison.folder(i, labels.get(i)));
        }
        // every arm is built, and so checked, before anything is written: its data, its start state
        Task task = Experiments.task(base);
        StateFile.State shared = start != null ? start : Experiments.initialState(base, task);
        List<Experiment> runs = new ArrayList<>();
        try {
            for (int i = 0; i < arms.size(); i++) {
                runs.add(startArm(arms.get(i), task, shared));
                if (runs.get(i).neverFinite()) {
                    return notFiniteAtStart("arm " + (i + 1) + " (" + labels.get(i) + ")", runs.get(i));
                }
            }
            return compare(base, runs, labels, folders, dir, option);
        } finally {
            runs.forEach(Experiment::close);
        }
    }

    private Integer compare(ExperimentConfig base, List<Experiment> runs, List<String> labels, List<String> folders,
                            Path dir, String option) throws IOException {
        List<RunRecord> records = new ArrayList<>();
        Task trained = null; // the task with the shared state's data, for the charts
        int status = 0;
        String written = String.join("/, ", folders) + "/ (run.json, metrics.csv, final-state.json each), "
                + Comparison.CSV_FILE;
        try (RunFolder folder = RunFolder.open(dir, option, force)) {
            for (int i = 0; i < runs.size(); i++) {
                Experiment run = runs.get(i);
                String what = String.format(Locale.ROOT, "arm %d of %d (%s): ", i + 1, runs.size(), labels.get(i));
                double seconds = train(run, what);
                run.write(folder.path().resolve(folders.get(i)));
                records.add(run.record());
                trained = run.task();
                if (run.diverged()) {
                    reportDivergence(run, dir.resolve(folders.get(i)), "arm " + (i + 1) + " (" + labels.get(i) + ")");
                    status = Cli.DIVERGED;
                } else {
                    System.out.printf(Locale.ROOT, "  %s: %,d steps in %.1f s; train loss %.4g%n", folders.get(i),
                            steps(run), seconds, run.record().last().trainLoss());
                }
            }
            ChartInput overlay = ChartInput.ofRecords(trained, labels, records);
            AtomicFiles.write(folder.path().resolve(Comparison.CSV_FILE),
                    Comparison.csv(labels, overlay.arms().stream().map(ChartInput.Arm::rows).toList()));
            if (!noPng) {
                written += " and " + writeCharts(overlay, folder.path()) + " charts overlaying the arms as PNG";
            }
            folder.commit();
        }
        System.out.printf(Locale.ROOT, "%s: %d runs from one initial state; wrote %s to %s%n",
                Sentences.clean(base.name()), runs.size(), written, dir);
        return status;
    }

    /** An arm from the shared state; a state that does not fit the arm's config is blamed on --init. */
    private Experiment startArm(ExperimentConfig arm, Task task, StateFile.State shared) {
        try {
            return Experiment.startFrom(arm, task, shared);
        } catch (ConfigException e) {
            throw init == null ? e : new ConfigException("--init " + init + ": " + e.getMessage(), e);
        }
    }

    private Experiment open(ExperimentConfig config, StateFile.State start) {
        if (start == null) {
            return Experiment.start(config);
        }
        try {
            return Experiment.resume(config, start);
        } catch (ConfigException e) {
            throw new ConfigException("--init " + init + ": " + e.getMessage(), e);
        }
    }

    /** Trains to the end of the run's schedule with a progress line; returns the seconds it took. */
    private static double train(Experiment run, String what) {
        return train(run, what, new long[0], () -> { });
    }

    /**
     * As {@link #train(Experiment, String)}, calling {@code capture} at each of the given steps (increasing) that the
     * run reaches; a capture only looks (a live snapshot), so the run's numbers are those of a run without it.
     */
    private static double train(Experiment run, String what, long[] captureAt, Runnable capture) {
        Progress progress = new Progress(System.err, run.trainer().time(), run.schedule().end(), what);
        long t0 = System.nanoTime();
        int next = 0;
        while (!run.finished()) {
            long stop = next < captureAt.length ? captureAt[next] - run.trainer().time() : CHUNK;
            run.advance(Math.max(1, Math.min(CHUNK, stop)));
            if (next < captureAt.length && run.trainer().time() >= captureAt[next] && !run.diverged()) {
                capture.run();
                next++;
            }
            progress.update(run.trainer().time());
        }
        progress.done();
        return (System.nanoTime() - t0) / 1e9;
    }

    /** The steps of an animation's frames: from the run's first step to its last, evenly in log t. */
    static long[] frameSteps(Experiment run, int frames) {
        long start = run.trainer().time();
        long span = run.schedule().end() - start;
        long[] steps = new long[frames];
        for (int k = 0; k < frames; k++) {
            steps[k] = start + Math.max(k, Math.round(Math.pow(span, k / (frames - 1.0))));
        }
        for (int k = 1; k < frames; k++) {
            steps[k] = Math.min(start + span, Math.max(steps[k], steps[k - 1] + 1));
        }
        return steps;
    }

    /** What the charts would draw now: the record so far and a live snapshot. */
    private static ChartInput frame(Experiment run) {
        RunRecord record = run.record();
        return new ChartInput(run.task(), List.of(new ChartInput.Arm("", 0, record.rows(), record.first(),
                run.liveSnapshot(), record.decisions())), 0);
    }

    private static long steps(Experiment run) {
        return run.trainer().time() - run.record().first().step();
    }

    /** Exit 3 with one sentence, nothing written: a run not finite at its start has no state worth keeping. */
    static int notFiniteAtStart(String which, Experiment run) {
        System.err.println("trlab: " + Sentences.clean(which + " " + trlab.experiment.Divergence.atStart(run)));
        return Cli.DIVERGED;
    }

    private static void reportDivergence(Experiment run, Path dir, String which) {
        System.err.printf(Locale.ROOT, "trlab: %s diverged at step %d (the loss or a parameter is no longer finite);"
                        + " %s keeps the last finite state, from step %d. Try training.learningRate=%.2g or less, nine"
                        + " tenths of the stability bound at step %d, where the loss was still falling.%n", which,
                run.divergedAt(), dir.resolve(RunRecord.FINAL_STATE), run.finalState().step(),
                run.suggestedLearningRate(), run.lastFallingState().step());
    }

    /** One PNG per chart, rendered headless; returns how many. */
    private static int writeCharts(ChartInput in, Path dir) throws IOException {
        return ChartExport.writeAll(in, dir, PNG_WIDTH, PNG_HEIGHT).size();
    }
}
