package trlab.app;

import trlab.app.chart.ChartPane;
import trlab.app.chart.ChartGrid;
import trlab.experiment.config.Lesson;
import trlab.core.TaskKind;
import trlab.experiment.AtomicFiles;
import trlab.experiment.Comparison;
import trlab.experiment.Experiment;
import trlab.experiment.Run;
import trlab.experiment.StateFile;
import trlab.experiment.config.Presets;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * What the File menu does once a file is chosen. Reading and writing that needs the live network (a state, the
 * run's record) happens on the training thread between two steps; the returned future completes when the file is
 * in place, or with the reason it is not.
 */
final class FileActions {
    /** How long an export waits for the training threads (each writes between two of its steps). */
    private static final long EXPORT_SECONDS = 30;

    private final Lab lab;
    /** The page of charts in view, which the dashboard export takes. */
    private final java.util.function.Supplier<ChartGrid> shown;

    FileActions(Lab lab, java.util.function.Supplier<ChartGrid> shown) {
        this.lab = lab;
        this.shown = shown;
    }

    void openPreset(Path file) {
        lab.load(Presets.load(file.toString(), List.of()));
    }

    void savePreset(Path file) throws IOException {
        AtomicFiles.write(file, lab.settings().toJson());
    }

    /**
     * Adds a step to the end of a lesson file, or starts a new lesson there (named after the file) with it as its
     * first step. A file that is not a lesson is refused, and left as it was.
     */
    void addLessonStep(Path file, Lesson.Step step) throws IOException {
        Lesson lesson = java.nio.file.Files.exists(file) ? Lesson.read(file)
                : new Lesson(file.getFileName().toString().replaceFirst("(?i)\\.json$", ""), List.of());
        AtomicFiles.write(file, lesson.with(step).toJson());
    }

    /** Trains on a CSV file's data (columns x1..xd, y1..yK) with the other settings as they are. */
    void openCsv(Path file) {
        lab.load(lab.settings().withTask(lab.settings().task().withKind(TaskKind.CSV).withFile(file.toString())));
    }

    /** Continues from a state file: its parameters, step, data and config. */
    void loadState(Path file) {
        StateFile.State state = StateFile.read(file);
        lab.resume(Experiment.resume(state.config(), state));
    }

    /** The state now, or after divergence the last finite one. */
    CompletableFuture<Void> saveState(Path file) {
        return FileActions.<Void>onTrainingThread(lab.run(), e -> {
            StateFile.write(e.finalState(), file);
            return null;
        });
    }

    /**
     * run.json, metrics.csv and final-state.json of the run so far; of a comparison, each arm's into its own folder
     * (named as {@code run --compare} names them) and, once all are written, comparison.csv with the very rows
     * each arm wrote. If a run ends before its turn (removed, reset) the export fails after a timeout, with a reason.
     */
    CompletableFuture<Void> exportRun(Path dir) {
        List<Lab.Arm> arms = lab.arms();
        List<String> labels = lab.labels();
        List<CompletableFuture<List<double[]>>> writes = new ArrayList<>();
        for (int i = 0; i < arms.size(); i++) {
            Path armDir = arms.size() == 1 ? dir : dir.resolve(Comparison.folder(i, labels.get(i)));
            writes.add(onTrainingThread(arms.get(i).run(), e -> {
                e.write(armDir);
                return e.record().rows();
            }));
        }
        CompletableFuture<Void> all = CompletableFuture.allOf(writes.toArray(CompletableFuture[]::new))
                .orTimeout(EXPORT_SECONDS, TimeUnit.SECONDS);
        if (arms.size() == 1) {
            return all;
        }
        return all.thenRun(() -> {
            try {
                AtomicFiles.write(dir.resolve(Comparison.CSV_FILE),
                        Comparison.csv(labels, writes.stream().map(CompletableFuture::join).toList()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /** Every run's recorded series in one CSV file: a column "arm" with its label, then metrics.csv's columns. */
    void exportSeries(Path file) throws IOException {
        AtomicFiles.write(file, Comparison.csv(lab.labels(), lab.arms().stream().map(a -> a.run().rows()).toList()));
    }

    /**
     * The page of charts in view, whole, as one PNG. The picture is taken now (on the FX thread, as it must be);
     * encoding and writing it, a large part of the work at 2x or 3x, go on in the background so that the window keeps answering.
     */
    CompletableFuture<Void> exportDashboard(Path file, double scale) {
        javafx.scene.image.WritableImage image = shown.get().snapshot(scale);
        return CompletableFuture.runAsync(() -> {
            try {
                ChartPane.writePng(image, file);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }, PNG_WRITER);
    }

    /** One thread for every image written in the background, whatever the number of exports. */
    private static final java.util.concurrent.Executor PNG_WRITER = java.util.concurrent.Executors
            .newSingleThreadExecutor(r -> {
                Thread t = new Thread(r, "png-writer");
                t.setDaemon(true);
                return t;
            });

    private interface Work<T> {
        T run(Experiment e) throws IOException;
    }

    private static <T> CompletableFuture<T> onTrainingThread(Run run, Work<T> work) {
        CompletableFuture<T> done = new CompletableFuture<>();
        run.send(e -> {
            try {
                done.complete(work.run(e));
            } catch (IOException ex) {
                done.completeExceptionally(new UncheckedIOException(ex));
            } catch (RuntimeException ex) {
                done.completeExceptionally(ex);
            }
        });
        return done;
    }
}
