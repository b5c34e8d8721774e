package trlab.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import trlab.app.TrlabApp;
import trlab.experiment.Comparison;
import trlab.experiment.Experiment;
import trlab.experiment.config.ConfigException;
import trlab.experiment.config.ExperimentConfig;
import trlab.experiment.config.Presets;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "gui", description = "Open the lab's window, optionally on a preset; or run it for a screenshot, a benchmark or a soak.")
final class GuiCommand implements Callable<Integer> {
    /** The longest a scripted session (screenshot, benchmark) may run: an hour. */
    private static final double MAX_SECONDS = 3600;

    @Parameters(index = "0", arity = "0..1", paramLabel = "PRESET", description = "a preset file or built-in name")
    String preset;

    @Option(names = "--screenshot", paramLabel = "FILE.png", description = "run, save a PNG of the whole window, exit")
    Path screenshot;

    @Option(names = "--after", paramLabel = "SECONDS", description = "when to take the screenshot (default 5)")
    double after = 5;

    @Option(names = "--presentation", description = "start in presentation mode (large fonts and lines)")
    boolean presentation;

    @Option(names = "--projector", description = "start in the projector theme (high contrast, thick lines)")
    boolean projector;

    @Option(names = "--compare", paramLabel = "field=value[,field=value]...",
            description = "open comparing the preset with an arm of these settings, as run --compare (repeatable)")
    List<String> compare = new ArrayList<>();

    @Option(names = "--benchmark", paramLabel = "SECONDS",
            description = "run as fast as possible and print frames per second and steps per second as JSON")
    Double benchmark;

    @Option(names = "--soak", paramLabel = "MINUTES",
            description = "click through every preset, comparisons, presentation mode and exports for this long and"
                    + " print the live heap, threads and slowest answer to a click as JSON each minute")
    Double soak;

    @Override
    public Integer call() {
        List<String> args = new ArrayList<>();
        ExperimentConfig config = preset == null ? Presets.builtinDefault()
                : Presets.load(preset, List.of()); // a bad preset fails here with its message, before any window opens
        if (preset != null) {
            args.add("--preset=" + preset);
        }
        List<ExperimentConfig> runs = Comparison.arms(config, compare); // so do bad arms
        for (int i = 0; i < runs.size(); i++) {
            // and so do their data (a CSV's bad row) and a start that is not finite, before any window opens
            try (Experiment run = Experiment.start(runs.get(i))) {
                if (run.neverFinite()) {
                    return RunCommand.notFiniteAtStart(i == 0 ? "the preset" : "arm " + (i + 1), run);
                }
            }
        }
        if (!compare.isEmpty()) {
            args.add("--compare=" + String.join(TrlabApp.ARM_SEPARATOR, compare));
        }
        if (screenshot != null) {
            if (screenshot.getFileName() == null || screenshot.toString().isBlank()) {
                throw new ConfigException("--screenshot '" + screenshot + "' names no file; give the PNG to write.");
            }
            Path dir = screenshot.toAbsolutePath().getParent();
            if (dir == null || !Files.isDirectory(dir)) {
                throw new ConfigException("--screenshot " + screenshot + ": the folder " + dir + " does not exist.");
            }
            if (!(after > 0 && after <= MAX_SECONDS)) {
                throw new ConfigException("--after " + after + " is not allowed; it must be a number of seconds"
                        + " greater than 0 and at most " + (int) MAX_SECONDS + ".");
            }
            args.add("--screenshot=" + screenshot);
            args.add("--after=" + after);
        }
        if (benchmark != null) {
            if (!(benchmark > 0 && benchmark <= MAX_SECONDS)) {
                throw new ConfigException("--benchmark " + benchmark + " is not allowed; it must be a number of"
                        + " seconds greater than 0 and at most " + (int) MAX_SECONDS + ".");
            }
            args.add("--benchmark=" + benchmark);
        }
        if (soak != null) {
            if (!(soak > 0)) {
                throw new ConfigException("--soak " + soak + " must be a positive number of minutes.");
            }
            args.add("--soak=" + soak);
        }
        if (presentation) {
            args.add("--presentation=true");
        }
        if (projector) {
            args.add("--projector=true");
        }
        try {
            TrlabApp.launchWindow(args.toArray(String[]::new));
        } catch (UnsupportedOperationException | IllegalStateException noScreen) {
            // JavaFX cannot open a window without a display (GTK says "Unable to open DISPLAY")
            System.err.println("trlab: gui needs a display and found none (" + Sentences.clean(
                    String.valueOf(noScreen.getMessage())) + "); on a server use run, or start it under xvfb-run.");
            return Cli.FAILED;
        }
        return TrlabApp.exitCode();
    }
}
