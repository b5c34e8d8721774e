package trlab.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import trlab.app.chart.ChartExport;
import trlab.app.chart.ChartInput;
import trlab.core.Task;
import trlab.experiment.AtomicFiles;
import trlab.experiment.Comparison;
import trlab.experiment.Experiment;
import trlab.experiment.Experiments;
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
        Path dir = out != null ? out : Path.of("runs", config.name());
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw new ConfigException("--out " + dir + " is a file, not a folder.");
        }
        StateFile.State start = init == null ? null : StateFile.read(init);
        if (!compare.isEmpty()) {
            return compare(config, start, dir);
        }
        try (Experiment run = open(config, start)) {
            double seconds = train(run, "");
            run.write(dir);
            String written = "run.json, metrics.csv, final-state.json";
            if (!noPng && run.record().last() != null) {
                written += " and " + writeCharts(ChartInput.ofRecord(run.task(), run.record()), dir)
                        + " charts as PNG";
            }
            if (run.diverged()) {
                reportDivergence(run, dir, "the run");
                return Cli.DIVERGED;
            }
            System.out.printf(Locale.ROOT, "%s: %,d steps in %.1f s; train loss %.4g; wrote %s to %s%n",
                    config.name(), steps(run), seconds, run.record().last().trainLoss(), written, dir);
            return 0;
        }
    }

    /**
     * The preset and every --compare arm, trained one after the other from one shared initial state (the preset's
     * initial network, or the --init state): each arm's files in its own folder, then the overlay charts and
     * comparison.csv.
     */
    private Integer compare(ExperimentConfig base, StateFile.State start, Path dir) throws IOException {
        List<ExperimentConfig> arms = Comparison.arms(base, compare);
        List<String> labels = Comparison.labels(arms);
        List<String> folders = new ArrayList<>();
        for (int i = 0; i < arms.size(); i++) {
            folders.add(Comparison.folder(i, labels.get(i)));
        }
        refuseOtherArms(dir, folders);
        for (String folder : folders) {
            Files.createDirectories(dir.resolve(folder)); // a folder that cannot be made fails before any training
        }
        Task task = Experiments.task(base);
        StateFile.State shared = start != null ? start : Experiments.initialState(base, task);
        List<RunRecord> records = new ArrayList<>();
        Task trained = null; // the task with the shared state's data, for the charts
        int status = 0;
        for (int i = 0; i < arms.size(); i++) {
            String folder = folders.get(i);
            Path armDir = dir.resolve(folder);
            try (Experiment run = Experiment.startFrom(arms.get(i), task, shared)) {
                String what = String.format(Locale.ROOT, "arm %d of %d (%s): ", i + 1, arms.size(), labels.get(i));
                double seconds = train(run, what);
                run.write(armDir);
                records.add(run.record());
                trained = run.task();
                if (run.diverged()) {
                    reportDivergence(run, armDir, "arm " + (i + 1) + " (" + labels.get(i) + ")");
                    status = Cli.DIVERGED;
                } else {
                    System.out.printf(Locale.ROOT, "  %s: %,d steps in %.1f s; train loss %.4g%n", folder, steps(run),
                            seconds, run.record().last().trainLoss());
                }
            }
        }
        ChartInput overlay = ChartInput.ofRecords(trained, labels, records);
        AtomicFiles.write(dir.resolve(Comparison.CSV_FILE),
                Comparison.csv(labels, overlay.arms().stream().map(ChartInput.Arm::rows).toList()));
        String written = String.join("/, ", folders) + "/ (run.json, metrics.csv, final-state.json each), "
                + Comparison.CSV_FILE;
        if (!noPng) {
            written += " and " + writeCharts(overlay, dir)
                    + " charts overlaying the arms as PNG";
        }
        System.out.printf(Locale.ROOT, "%s: %d runs from one initial state; wrote %s to %s%n", base.name(),
                arms.size(), written, dir);
        return status;
    }

    /**
     * Refuses an output folder that holds the run folders of another comparison: its arms would stand beside these
     * with nothing to tell them apart, while the charts and comparison.csv show only these.
     */
    private static void refuseOtherArms(Path dir, List<String> folders) throws IOException {
        if (!Files.isDirectory(dir)) {
            return;
        }
        try (var entries = Files.list(dir)) {
            for (Path entry : entries.sorted().toList()) {
                String name = entry.getFileName().toString();
                if (name.matches("\\d+(-.*)?") && Files.isRegularFile(entry.resolve(RunRecord.RUN_JSON))
                        && !folders.contains(name)) {
                    throw new ConfigException("--out " + dir + " holds " + name + "/ from another comparison, which"
                            + " would stand beside these runs; choose another folder, or remove it.");
                }
            }
        }
    }

    private static Experiment open(ExperimentConfig config, StateFile.State start) {
        return start == null ? Experiment.start(config) : Experiment.resume(config, start);
    }

    /** Trains to the end of the run's schedule with a progress line; returns the seconds it took. */
    private static double train(Experiment run, String what) {
        Progress progress = new Progress(System.err, run.trainer().time(), run.schedule().end(), what);
        long t0 = System.nanoTime();
        while (!run.finished()) {
            run.advance(CHUNK);
            progress.update(run.trainer().time());
        }
        progress.done();
        return (System.nanoTime() - t0) / 1e9;
    }

    private static long steps(Experiment run) {
        return run.trainer().time() - run.record().first().step();
    }

    private static void reportDivergence(Experiment run, Path dir, String which) {
        System.err.printf(Locale.ROOT, "trlab: %s diverged at step %d (the loss or a parameter is no longer finite);"
                        + " %s keeps the last finite state, from step %d. Try training.learningRate below %.3g, the"
                        + " stability bound of that state.%n", which, run.divergedAt(), dir.resolve(RunRecord.FINAL_STATE),
                run.finalState().step(), run.suggestedLearningRate());
    }

    /** One PNG per chart, rendered headless; returns how many. */
    private static int writeCharts(ChartInput in, Path dir) throws IOException {
        return ChartExport.writeAll(in, dir, PNG_WIDTH, PNG_HEIGHT).size();
    }
}
