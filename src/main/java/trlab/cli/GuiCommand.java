package trlab.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import trlab.app.TrlabApp;
import trlab.experiment.Comparison;
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
    @Parameters(index = "0", arity = "0..1", paramLabel = "PRESET", description = "a preset file or built-in name")
    String preset;

    @Option(names = "--screenshot", paramLabel = "FILE.png", description = "run, save a PNG of the whole window, exit")
    Path screenshot;

    @Option(names = "--after", paramLabel = "SECONDS", description = "when to take the screenshot (default 5)")
    double after = 5;

    @Option(names = "--presentation", description = "start in presentation mode (large fonts and lines)")
    boolean presentation;

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
        if (!compare.isEmpty()) {
            Comparison.arms(config, compare); // so do bad arms
            args.add("--compare=" + String.join(TrlabApp.ARM_SEPARATOR, compare));
        }
        if (screenshot != null) {
            Path dir = screenshot.toAbsolutePath().getParent();
            if (dir == null || !Files.isDirectory(dir)) {
                throw new ConfigException("--screenshot " + screenshot + ": the folder " + dir + " does not exist.");
            }
            if (!(after > 0)) {
                throw new ConfigException("--after " + after + " must be a positive number of seconds.");
            }
            args.add("--screenshot=" + screenshot);
            args.add("--after=" + after);
        }
        if (benchmark != null) {
            if (!(benchmark > 0)) {
                throw new ConfigException("--benchmark " + benchmark + " must be a positive number of seconds.");
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
        TrlabApp.launchWindow(args.toArray(String[]::new));
        return TrlabApp.exitCode();
    }
}
