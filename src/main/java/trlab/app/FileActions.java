package trlab.app;

import trlab.core.TaskKind;
import trlab.experiment.AtomicFiles;
import trlab.experiment.Comparison;
import trlab.experiment.Experiment;
import trlab.experiment.Presets;
import trlab.experiment.Run;
import trlab.experiment.StateFile;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * What the File menu does once a file is chosen. Reading and writing that needs the live network (a state, the
 * run's record) happens on the training thread between two steps; the returned future completes when the file is
 * in place, or with the reason it is not.
 */
final class FileActions {
    private final Lab lab;
    private final Dashboard dashboard;

    FileActions(Lab lab, Dashboard dashboard) {
        this.lab = lab;
        this.dashboard = dashboard;
    }

    void openPreset(Path file) {
        lab.load(Presets.load(file.toString(), List.of()));
    }

    void savePreset(Path file) throws IOException {
        AtomicFiles.write(file, lab.settings().toJson());
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
        return onTrainingThread(lab.run(), e -> StateFile.write(e.finalState(), file));
    }

    /**
     * run.json, metrics.csv and final-state.json of the run so far; of a comparison, each arm's into its own folder
     * (named as {@code run --compare} names them) and every arm's series into comparison.csv.
     */
    CompletableFuture<Void> exportRun(Path dir) {
        List<Lab.Arm> arms = lab.arms();
        if (arms.size() == 1) {
            return onTrainingThread(arms.get(0).run(), e -> e.write(dir));
        }
        List<String> labels = lab.labels();
        List<CompletableFuture<Void>> writes = new ArrayList<>();
        for (int i = 0; i < arms.size(); i++) {
            Path armDir = dir.resolve(Comparison.folder(i, labels.get(i)));
            writes.add(onTrainingThread(arms.get(i).run(), e -> e.write(armDir)));
        }
        return CompletableFuture.allOf(writes.toArray(CompletableFuture[]::new)).thenRun(() -> {
            try {
                AtomicFiles.write(dir.resolve(Comparison.CSV_FILE), series(arms, labels));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /** Every run's recorded series in one CSV file: a column "arm" with its label, then metrics.csv's columns. */
    void exportSeries(Path file) throws IOException {
        AtomicFiles.write(file, series(lab.arms(), lab.labels()));
    }

    private static String series(List<Lab.Arm> arms, List<String> labels) {
        return Comparison.csv(labels, arms.stream().map(a -> a.run().rows()).toList());
    }

    void exportDashboard(Path file, double scale) throws IOException {
        ChartPane.writePng(dashboard.snapshot(scale), file);
    }

    private interface Work {
        void run(Experiment e) throws IOException;
    }

    private static CompletableFuture<Void> onTrainingThread(Run run, Work work) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        run.send(e -> {
            try {
                work.run(e);
                done.complete(null);
            } catch (IOException ex) {
                done.completeExceptionally(new UncheckedIOException(ex));
            } catch (RuntimeException ex) {
                done.completeExceptionally(ex);
            }
        });
        return done;
    }
}
