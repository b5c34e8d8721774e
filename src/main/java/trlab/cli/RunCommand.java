package trlab.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import trlab.app.ChartExport;
import trlab.app.ChartInput;
import trlab.experiment.ConfigException;
import trlab.experiment.Experiment;
import trlab.experiment.ExperimentConfig;
import trlab.experiment.Presets;
import trlab.experiment.StateFile;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

@Command(name = "run", description = "Train on a preset and write run.json, metrics.csv and final-state.json.")
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
        try (Experiment run = init == null ? Experiment.start(config)
                : Experiment.resume(config, StateFile.read(init))) {
            long start = run.trainer().time();
            long end = run.schedule().end();
            Progress progress = new Progress(System.err, start, end);
            long t0 = System.nanoTime();
            while (!run.finished()) {
                run.advance(CHUNK);
                progress.update(run.trainer().time());
            }
            progress.done();
            double seconds = (System.nanoTime() - t0) / 1e9;
            run.write(dir);
            String written = "run.json, metrics.csv, final-state.json";
            if (!noPng && run.record().last() != null) {
                written += " and " + writeCharts(run, dir) + " charts as PNG";
            }
            if (run.diverged()) {
                System.err.printf(Locale.ROOT, "trlab: the run diverged at step %d (the loss or a parameter is no"
                        + " longer finite); %s keeps the last finite state, from step %d. Try training.learningRate"
                        + " below %.3g, the stability bound of that state.%n", run.divergedAt(),
                        dir.resolve("final-state.json"), run.finalState().step(), run.suggestedLearningRate());
                return Cli.DIVERGED;
            }
            System.out.printf(Locale.ROOT, "%s: %,d steps in %.1f s; train loss %.4g; wrote %s to %s%n",
                    config.name(), end - start, seconds, run.record().last().trainLoss(), written, dir);
            return 0;
        }
    }

    /** One PNG per chart, rendered headless from the record; returns how many. */
    private static int writeCharts(Experiment run, Path dir) throws IOException {
        return ChartExport.writeAll(ChartInput.ofRecord(run.task(), run.record()), dir, PNG_WIDTH, PNG_HEIGHT).size();
    }
}
