package trlab.app;

import javafx.animation.PauseTransition;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.geometry.Rectangle2D;
import javafx.scene.Scene;
import javafx.stage.Screen;
import javafx.stage.Stage;
import javafx.util.Duration;
import trlab.app.chart.ChartExport;
import trlab.app.chart.ChartPane;
import trlab.experiment.Comparison;
import trlab.experiment.Jit;
import trlab.experiment.config.ConfigException;
import trlab.experiment.config.ExperimentConfig;
import trlab.experiment.config.Presets;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The JavaFX application. Named parameters (set by the {@code gui} command): {@code --preset=FILE},
 * {@code --presentation=true}, {@code --projector=true}, {@code --screenshot=FILE} with {@code --after=SECONDS} (run, save a PNG of the whole
 * window, exit), {@code --benchmark=SECONDS} (run, print frame and training rates as JSON, exit) and
 * {@code --soak=MINUTES} (a scripted classroom session that prints heap, threads and latency each minute, then exits).
 */
public class TrlabApp extends Application {
    public static final String TITLE = "Training Response Lab";
    private static final double WIDTH = 1600;
    private static final double HEIGHT = 960;
    private static final long BENCHMARK_STEPS = 1_000_000_000_000L;
    /** The longest a benchmark warms up before it starts timing. */
    private static final int MAX_WARMUP_SECONDS = 60;
    /** Joins the specs of several --compare options into one named parameter (a spec has no semicolon). */
    public static final String ARM_SEPARATOR = ";";
    private static volatile int exitCode;

    private LabWindow window;

    /** Opens the window and blocks until it is closed (called by {@code trlab.Launcher}). */
    public static void launchWindow(String[] args) {
        ChartExport.quietStartup();
        Application.launch(TrlabApp.class, args);
    }

    public static void main(String[] args) {
        launch(args);
    }

    /** The status a scripted session (screenshot, benchmark) ended with. */
    public static int exitCode() {
        return exitCode;
    }

    /** The window content, for tests. */
    public LabWindow window() {
        return window;
    }

    @Override
    public void start(Stage stage) {
        Map<String, String> named = getParameters() == null ? Map.of() : getParameters().getNamed();
        ExperimentConfig config = Presets.builtinDefault();
        String problem = null;
        if (named.containsKey("preset")) {
            try {
                config = Presets.load(named.get("preset"), List.of());
            } catch (ConfigException e) {
                problem = e.getMessage();
            }
        }
        Lab lab = new Lab(config);
        if (problem == null) {
            try {
                // the arms given, else those the preset compares
                List<ExperimentConfig> runs = named.containsKey("compare")
                        ? Comparison.arms(config, List.of(named.get("compare").split(ARM_SEPARATOR)))
                        : PresetComparisons.runs(config);
                if (runs.size() > 1) {
                    lab.compare(runs);
                }
            } catch (ConfigException e) {
                problem = e.getMessage();
            }
        }
        // the window comes with the runs it opens on, so that a page it opens on acts on them
        window = new LabWindow(lab);
        if (problem != null) {
            window.lab().say(problem);
        }
        Rectangle2D screen = Screen.getPrimary().getVisualBounds();
        Scene scene = new Scene(window, Math.min(WIDTH, screen.getWidth()), Math.min(HEIGHT, screen.getHeight()));
        scene.getStylesheets().addAll(ChartPane.STYLESHEET, TrlabApp.class.getResource("lab.css").toExternalForm());
        stage.setTitle(TITLE);
        stage.setScene(scene);
        // closing the window ends the training thread at once, whether or not the application exits with it
        stage.setOnHidden(e -> window.close());
        window.warmUpPresentation();
        stage.show();
        if (Boolean.parseBoolean(named.getOrDefault("presentation", "false"))) {
            window.setPresentation(true);
        }
        if (Boolean.parseBoolean(named.getOrDefault("projector", "false"))) {
            window.setProjectorTheme(true);
        }
        if (named.containsKey("screenshot")) {
            screenshotAfter(Path.of(named.get("screenshot")), Double.parseDouble(named.getOrDefault("after", "5")));
        } else if (named.containsKey("benchmark")) {
            benchmark(Double.parseDouble(named.get("benchmark")));
        } else if (named.containsKey("soak")) {
            new Soak(window, 60, System.out).start(Double.parseDouble(named.get("soak")), () -> {
                exitCode = 0;
                Platform.exit();
            });
        }
    }

    private void screenshotAfter(Path file, double seconds) {
        window.lab().play();
        later(seconds, () -> {
            try {
                ChartPane.writePng(window.getScene().snapshot(null), file);
                System.out.println("saved " + file);
                exitCode = 0;
            } catch (IOException | RuntimeException e) {
                System.err.println("trlab: could not save the screenshot " + file + ": " + e.getMessage());
                exitCode = 1;
            }
            Platform.exit();
        });
    }

    /**
     * Runs the preset (or the comparison) as fast as it may and reports how the window keeps up: frames and
     * training speed, the steps of all runs together. The timing starts once the JIT has settled (see
     * {@link #whenCompiled}): a window compiles for many seconds, and a compiler thread busy on one of two cores
     * would make the figures those of the first seconds, not of a lesson.
     */
    private void benchmark(double seconds) {
        // the preset's own length may end within the warm-up at full speed: measure an open-ended run of it
        Lab lab = window.lab();
        lab.apply(lab.settings().with("training.steps=" + BENCHMARK_STEPS));
        lab.reset();
        window.runAtFullSpeed();
        lab.play();
        long opened = System.nanoTime();
        long[] start = new long[2];
        whenCompiled(() -> {
            window.clock().restart();
            start[0] = steps(lab);
            start[1] = System.nanoTime();
            later(seconds, () -> {
                FrameClock clock = window.clock();
                double elapsed = (System.nanoTime() - start[1]) / 1e9;
                long steps = steps(lab) - start[0];
                System.out.printf(Locale.ROOT, "{\"fps\": %.1f, \"pulseMillisMedian\": %.2f, \"pulseMillisP95\": %.2f,"
                                + " \"stepsPerSecond\": %.1f, \"runs\": %d, \"frames\": %d, \"seconds\": %.2f,"
                                + " \"warmupSeconds\": %.1f}%n",
                        clock.framesPerSecond(), clock.intervalMillis(0.5), clock.intervalMillis(0.95),
                        steps / elapsed, lab.arms().size(), clock.frames(), elapsed, (start[1] - opened) / 1e9);
                exitCode = 0;
                Platform.exit();
            });
        });
    }

    /**
     * Runs {@code action} once the JIT has settled over the last second ({@link Jit#settled}), but after one second
     * at least and {@link #MAX_WARMUP_SECONDS} at most (a JVM that does not report its compilation time gets the
     * most).
     */
    private static void whenCompiled(Runnable action) {
        afterSettling(action, Jit.compileMillis(), 1);
    }

    private static void afterSettling(Runnable action, long compiledBefore, int seconds) {
        later(1, () -> {
            long compiled = Jit.compileMillis();
            if (Jit.settled(compiledBefore, compiled, 1000) || seconds >= MAX_WARMUP_SECONDS) {
                action.run();
            } else {
                afterSettling(action, compiled, seconds + 1);
            }
        });
    }

    private static long steps(Lab lab) {
        return lab.arms().stream().mapToLong(a -> a.run().status().step()).sum();
    }

    private static void later(double seconds, Runnable action) {
        PauseTransition pause = new PauseTransition(Duration.seconds(seconds));
        pause.setOnFinished(e -> action.run());
        pause.play();
    }

    @Override
    public void stop() {
        if (window != null) {
            window.close();
        }
    }
}
