package trlab.app.chart;

import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import trlab.experiment.sweep.SweepSpec;
import trlab.experiment.sweep.SweepStatistics;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Renders the dashboard's charts to PNG files without a screen (Monocle's headless platform), for {@code run} on a
 * server or in CI. ChartFX draws in a post-layout pulse, so each chart is shown on an invisible stage and captured
 * once a pulse has left it clean.
 */
public final class ChartExport {
    private static final long TIMEOUT_SECONDS = 60;
    /**
     * Held so that its level sticks: JavaFX warns on every class-path start that it runs from the unnamed module,
     * which is how this jar is meant to run, and the warning would only clutter the command line's output.
     */
    private static final Logger JAVAFX_LOG = Logger.getLogger("javafx");

    private ChartExport() {
    }

    /**
     * Starts the JavaFX toolkit on the headless platform unless it is running already. Must run before any other
     * JavaFX class is touched for the properties to take effect.
     */
    public static void startHeadless() {
        quietStartup();
        System.setProperty("glass.platform", "Monocle");
        System.setProperty("monocle.platform", "Headless");
        System.setProperty("prism.order", "sw");
        CountDownLatch up = new CountDownLatch(1);
        try {
            Platform.startup(up::countDown);
            up.await();
        } catch (IllegalStateException alreadyRunning) {
            // a window or a test started the toolkit: use it as it is
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        Platform.setImplicitExit(false);
    }

    /** Silences JavaFX's start-up warning about the unnamed module (see {@link #JAVAFX_LOG}). */
    public static void quietStartup() {
        JAVAFX_LOG.setLevel(Level.SEVERE);
    }

    /** Writes one PNG per chart (width x height pixels) into dir and returns their paths. */
    public static List<Path> writeAll(ChartInput in, Path dir, int width, int height) throws IOException {
        startHeadless();
        List<ChartPane> charts = onFx(() -> {
            List<ChartPane> all = new ArrayList<>(new Dashboard().release());
            if (modelsRan(in)) {
                all.addAll(new TheoryView().release());
            }
            return all;
        });
        List<Path> files = new ArrayList<>();
        for (ChartPane chart : charts) {
            Path file = dir.resolve(chart.fileName() + ".png");
            ChartPane.writePng(render(chart, () -> chart.update(in), width, height), file);
            files.add(file);
        }
        return files;
    }

    /** Whether any run of the input ran the kernel models: only then are the theory's charts drawn for it. */
    static boolean modelsRan(ChartInput in) {
        return in.arms().stream().anyMatch(a -> a.latest() != null && (Double.isFinite(a.latest().lawModelError())
                || Double.isFinite(a.latest().frozenModelError())));
    }

    /** Writes one PNG per summary plot of a sweep into dir and returns their paths. */
    public static List<Path> writeSweepPlots(SweepSpec spec, List<SweepStatistics.Plot> plots, Path dir, int width,
                                             int height) throws IOException {
        startHeadless();
        List<Path> files = new ArrayList<>();
        for (SweepStatistics.Plot plot : plots) {
            SweepChart chart = onFx(() -> SweepChart.of(spec, plot));
            Path file = dir.resolve(chart.fileName() + ".png");
            ChartPane.writePng(render(chart, () -> { }, width, height), file);
            files.add(file);
        }
        return files;
    }

    /** Each chart by the name of its files, made new: the network's eight and the theory's four. */
    private static final Map<String, Supplier<ChartPane>> CHARTS = Map.ofEntries(
            Map.entry("output", OutputChart::new), Map.entry("response", ResponseChart::new),
            Map.entry("aging", AgingChart::new), Map.entry("loss", LossChart::new),
            Map.entry("feature-space", FeatureSpaceChart::new), Map.entry("spectrum", SpectrumChart::new),
            Map.entry("feature-dimension", FeatureDimensionChart::new), Map.entry("fragility", FragilityChart::new),
            Map.entry("model-output", ModelOutputChart::new), Map.entry("model-error", ModelErrorChart::new),
            Map.entry("decision", DecisionChart::new), Map.entry("plasticity", PlasticityChart::new));

    /** The names of the charts, as their files are named, sorted. */
    public static List<String> chartNames() {
        return CHARTS.keySet().stream().sorted().toList();
    }

    /**
     * One chart drawn headless from each input in turn (width x height pixels, TYPE_INT_RGB): the frames of an
     * animation. Each frame is a chart of its own, so that no frame waits for the locks of the one before.
     */
    public static List<BufferedImage> frames(String chartName, List<ChartInput> inputs, int width, int height)
            throws IOException {
        Supplier<ChartPane> make = CHARTS.get(chartName);
        if (make == null) {
            throw new IllegalArgumentException("there is no chart " + chartName + "; the charts are "
                    + String.join(", ", chartNames()));
        }
        startHeadless();
        List<BufferedImage> frames = new ArrayList<>(inputs.size());
        for (ChartInput in : inputs) {
            ChartPane chart = onFx(make::get);
            WritableImage image = render(chart, () -> chart.update(in), width, height);
            frames.add(AnimatedGif.frame(image, width, height));
        }
        return frames;
    }

    /** Draws a chart alone in a headless scene of this size, after {@code fill} has filled it (FX thread). */
    private static WritableImage render(ChartPane chart, Runnable fill, int width, int height) throws IOException {
        CompletableFuture<WritableImage> image = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                // fill first: once in a scene, a layout read-locks the data sets until the next pulse's end
                fill.run();
                Scene scene = new Scene(chart, width, height);
                scene.getStylesheets().add(ChartPane.STYLESHEET);
                Stage stage = new Stage();
                stage.setScene(scene);
                Runnable[] listener = new Runnable[1];
                listener[0] = () -> {
                    if (chart.chart().getBitState().isClean()) {
                        scene.removePostLayoutPulseListener(listener[0]);
                        Platform.runLater(() -> {
                            image.complete(chart.image(1, null)); // without the controls on the chart
                            stage.hide();
                        });
                    } else {
                        Platform.requestNextPulse();
                    }
                };
                scene.addPostLayoutPulseListener(listener[0]);
                stage.show();
            } catch (RuntimeException e) {
                image.completeExceptionally(e);
            }
        });
        try {
            return image.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException | ExecutionException | TimeoutException e) {
            throw new IOException("could not render the chart " + chart.fileName() + ": " + e, e);
        }
    }

    private interface FxTask<T> {
        T call();
    }

    private static <T> T onFx(FxTask<T> task) throws IOException {
        CompletableFuture<T> result = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                result.complete(task.call());
            } catch (RuntimeException e) {
                result.completeExceptionally(e);
            }
        });
        try {
            return result.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException | ExecutionException | TimeoutException e) {
            throw new IOException("could not build the charts: " + e, e);
        }
    }
}
