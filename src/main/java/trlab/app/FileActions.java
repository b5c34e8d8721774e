package trlab.app;

import trlab.core.TaskKind;
import trlab.experiment.AtomicFiles;
import trlab.experiment.Experiment;
import trlab.experiment.Presets;
import trlab.experiment.StateFile;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
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
        return onTrainingThread(e -> StateFile.write(e.finalState(), file));
    }

    /** run.json, metrics.csv and final-state.json of the run so far. */
    CompletableFuture<Void> exportRun(Path dir) {
        return onTrainingThread(e -> e.write(dir));
    }

    void exportDashboard(Path file, double scale) throws IOException {
        ChartPane.writePng(dashboard.snapshot(scale), file);
    }

    private interface Work {
        void run(Experiment e) throws IOException;
    }

    private CompletableFuture<Void> onTrainingThread(Work work) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        lab.run().send(e -> {
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
