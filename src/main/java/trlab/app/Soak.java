package trlab.app;

import javafx.animation.PauseTransition;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.util.Duration;
import trlab.experiment.config.Presets;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.management.JMException;
import javax.management.ObjectName;

/**
 * A scripted classroom session for {@code gui --soak MINUTES}: every preset in turn, each run at full speed, SGD vs
 * full batch, Add run, Stop comparing, presentation mode on and off, the theory's page with its models started
 * afresh, Reset and every kind of export (into a folder
 * that is deleted at the end), one action every {@link #PACE_SECONDS}. Once a minute it prints one JSON line: the
 * live heap after a full collection, the thread count, and the slowest answer to an action in that minute, measured
 * from the action on the FX thread until the next pulse has laid the window out (the moment the user sees it).
 * At the start of each round of the script it prints the live heap and threads again, at a point where the lab
 * holds the same runs each round. A window that holds up through a lesson keeps heap and threads flat and every
 * answer below 200 ms.
 */
final class Soak {
    /** Seconds between two scripted actions: about as fast as a teacher clicks through a demonstration. */
    static final double PACE_SECONDS = 1.0;

    private final LabWindow window;
    private final double reportSeconds;
    private final PrintStream out;
    private final List<Step> script = new ArrayList<>();
    private final Path folder;
    private long endNanos;
    private long nextReportNanos;
    private int minute;
    private int next;
    private int actions;
    private int cycles;
    private boolean begun;
    private long startNanos;
    private double slowestMillis;
    private String slowestAction = "";
    private Runnable done;

    /** One scripted action and its name for the report. */
    private record Step(String name, Runnable action) {
    }

    /**
     * @param reportSeconds seconds between two reports (60 for a report each minute; shorter in a test)
     */
    Soak(LabWindow window, double reportSeconds, PrintStream out) {
        this.window = window;
        this.reportSeconds = reportSeconds;
        this.out = out;
        try {
            folder = Files.createTempDirectory("trlab-soak");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Lab lab = window.lab();
        FileActions files = window.files;
        for (String preset : Presets.names()) {
            script.add(new Step("preset " + preset, () -> window.controls().preset.setValue(preset)));
            script.add(new Step("run", lab::play));
            script.add(new Step("SGD vs full batch", lab::compareSgdWithFullBatch));
            script.add(new Step("add run", () -> {
                lab.addArm();
                lab.play();
            }));
            script.add(new Step("stop comparing", lab::stopComparing));
            script.add(new Step("presentation on", () -> window.setPresentation(true)));
            script.add(new Step("presentation off", () -> window.setPresentation(false)));
            script.add(new Step("theory page", () -> window.showTheory(true)));
            script.add(new Step("models from now", lab::startModelsNow));
            script.add(new Step("network page", () -> window.showTheory(false)));
            script.add(new Step("reset", lab::reset));
            script.add(new Step("run", lab::play));
            script.add(new Step("export dashboard", () -> window.exportDashboardTo(folder.resolve("dashboard.png"), 1)));
            script.add(new Step("export run", () -> window.exportRunTo(folder.resolve("run"))));
            script.add(new Step("export chart", () -> window.exportChartTo(folder.resolve("aging.png"))));
        }
    }

    /** Runs the script for this long, then calls {@code done} (on the FX thread). */
    void start(double minutes, Runnable done) {
        this.done = done;
        long now = System.nanoTime();
        startNanos = now;
        endNanos = now + (long) (minutes * 60e9);
        nextReportNanos = now + (long) (reportSeconds * 1e9);
        window.runAtFullSpeed();
        later(this::step);
    }

    private void step() {
        long now = System.nanoTime();
        if (now >= nextReportNanos) {
            report();
            nextReportNanos += (long) (reportSeconds * 1e9);
        }
        if (now >= endNanos) {
            if (actions > 0) {
                report(); // the last, shorter interval
            }
            deleteFolder();
            done.run();
            return;
        }
        if (next == 0 && begun) {
            cycle(); // the same point of the script each time: heaps that can be compared
        }
        begun = true;
        Step s = script.get(next);
        next = (next + 1) % script.size();
        long start = System.nanoTime();
        s.action().run();
        actions++;
        afterNextPulse(window.getScene(), () -> {
            double millis = (System.nanoTime() - start) / 1e6;
            if (millis > slowestMillis) {
                slowestMillis = millis;
                slowestAction = s.name();
            }
        });
        later(this::step);
    }

    /** Runs {@code then} once, at the end of the layout of the next pulse. */
    private static void afterNextPulse(Scene scene, Runnable then) {
        Runnable[] self = new Runnable[1];
        self[0] = () -> {
            scene.removePostLayoutPulseListener(self[0]);
            then.run();
        };
        scene.addPostLayoutPulseListener(self[0]);
        Platform.requestNextPulse();
    }

    /**
     * The live heap: the bytes of every object still reachable, as a class histogram counts them after its full
     * collection (the heap's "used" would also count the unused ends of the regions that hold large arrays such as
     * canvas textures, which vary with their sizes). The histogram's own collection is skipped when it meets an
     * image being compressed in the background (the "GC locker"), and then counts garbage; a full collection asked
     * for just before waits for the compression instead, so little garbage is left for the histogram to count. The
     * least of two.
     */
    private static long liveHeap() {
        long heap = Long.MAX_VALUE;
        for (int i = 0; i < 2; i++) {
            System.gc();
            heap = Math.min(heap, histogramTotal());
        }
        return heap;
    }

    /** The total bytes of a live class histogram, or the heap used after a full collection where there is none. */
    private static long histogramTotal() {
        try {
            String histogram = (String) ManagementFactory.getPlatformMBeanServer().invoke(
                    new ObjectName("com.sun.management:type=DiagnosticCommand"), "gcClassHistogram",
                    new Object[]{new String[0]}, new String[]{String[].class.getName()});
            String text = histogram.strip(); // its last line: Total, instances, bytes
            String[] total = text.substring(text.lastIndexOf('\n') + 1).trim().split("\\s+");
            return Long.parseLong(total[total.length - 1]);
        } catch (JMException | RuntimeException e) {
            System.gc();
            return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        }
    }

    /**
     * One line at the start of each round of the script, where the lab holds the same runs each time (the last
     * preset's, after its exports): what a minute's line measures depends on the preset of that moment (a network of
     * 1024 neurons holds more than one of 100), this one does not, so a leak shows as growth from round to round.
     */
    private void cycle() {
        cycles++;
        out.printf(Locale.ROOT, "{\"round\": %d, \"minute\": %.1f, \"liveHeapMB\": %.1f, \"threads\": %d}%n", cycles,
                (System.nanoTime() - startNanos) / 60e9, liveHeap() / 1048576.0,
                ManagementFactory.getThreadMXBean().getThreadCount());
        out.flush();
    }

    private void report() {
        minute++;
        long heap = liveHeap();
        int threads = ManagementFactory.getThreadMXBean().getThreadCount();
        out.printf(Locale.ROOT, "{\"minute\": %d, \"liveHeapMB\": %.1f, \"threads\": %d, \"actions\": %d,"
                        + " \"slowestMillis\": %.1f, \"slowestAction\": \"%s\", \"preset\": \"%s\", \"runs\": %d}%n",
                minute, heap / 1048576.0, threads, actions, slowestMillis, slowestAction,
                window.lab().settings().name(), window.lab().arms().size());
        out.flush();
        actions = 0;
        slowestMillis = 0;
        slowestAction = "";
    }

    private void deleteFolder() {
        try (var paths = Files.walk(folder)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a temporary folder left behind is harmless
        }
    }

    private static void later(Runnable action) {
        PauseTransition pause = new PauseTransition(Duration.seconds(PACE_SECONDS));
        pause.setOnFinished(e -> action.run());
        pause.play();
    }
}
