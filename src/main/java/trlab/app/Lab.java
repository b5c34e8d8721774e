package trlab.app;

import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import trlab.experiment.ConfigException;
import trlab.core.Task;
import trlab.experiment.Experiment;
import trlab.experiment.Experiments;
import trlab.experiment.ExperimentConfig;
import trlab.experiment.Run;
import trlab.experiment.TrainingConfig;

import java.util.Objects;

/**
 * The window's model, used on the FX thread only: the settings the controls show, the run built from them, and a
 * message for the user. Views bind to its read-only properties and send intentions back through its methods.
 */
public final class Lab implements AutoCloseable {
    /** The settings the controls show; the run may still use older ones until Reset. */
    private final ReadOnlyObjectWrapper<ExperimentConfig> settings = new ReadOnlyObjectWrapper<>();
    /** The live run. */
    private final ReadOnlyObjectWrapper<Run> run = new ReadOnlyObjectWrapper<>();
    /** True when settings changed that only a Reset can apply (task, network, seeds). */
    private final ReadOnlyObjectWrapper<Boolean> resetPending = new ReadOnlyObjectWrapper<>(false);
    /** The last error or hint for the user, or empty. */
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private int runNumber;

    public Lab(ExperimentConfig initial) {
        settings.set(initial);
        reset();
    }

    public ReadOnlyObjectProperty<ExperimentConfig> settingsProperty() {
        return settings.getReadOnlyProperty();
    }

    public ExperimentConfig settings() {
        return settings.get();
    }

    public ReadOnlyObjectProperty<Run> runProperty() {
        return run.getReadOnlyProperty();
    }

    public Run run() {
        return run.get();
    }

    public ReadOnlyObjectProperty<Boolean> resetPendingProperty() {
        return resetPending.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public void say(String text) {
        message.set(text);
    }

    /**
     * Takes new settings. Training settings that a run can change between steps (method, batch size, learning rate,
     * label noise) go to the live run at once; anything else waits for {@link #reset()}.
     */
    public void apply(ExperimentConfig next) {
        ExperimentConfig live = run.get().config();
        settings.set(next);
        message.set("");
        if (sameRunShape(next, live)) {
            if (!next.training().equals(live.training())) {
                run.get().retrain(next.training());
            }
            resetPending.set(false);
        } else {
            resetPending.set(true);
        }
    }

    /** Whether the two configs differ at most in what a run can change while it goes. */
    static boolean sameRunShape(ExperimentConfig a, ExperimentConfig b) {
        TrainingConfig ta = a.training();
        TrainingConfig tb = b.training();
        return a.task().equals(b.task()) && a.network().equals(b.network()) && a.measure().equals(b.measure())
                && ta.loss() == tb.loss() && ta.seed() == tb.seed() && ta.steps() == tb.steps();
    }

    /**
     * Replaces the settings (a preset, a loaded file) and starts over from them. Settings whose data cannot be
     * built (a broken CSV file) are refused with a {@link ConfigException}, and the previous ones stay.
     */
    public void load(ExperimentConfig next) {
        Task task = Experiments.task(Objects.requireNonNull(next));
        settings.set(next);
        start(next, task);
    }

    /** Stops the run and builds a fresh one from the current settings; the new run is paused. */
    public void reset() {
        ExperimentConfig config = settings.get();
        try {
            start(config, Experiments.task(config)); // reads a CSV task's file: a bad file is reported here at once
        } catch (ConfigException | IllegalArgumentException e) {
            message.set(e.getMessage());
        }
    }

    /** The training thread builds the network and takes the first snapshot, so that the window never waits. */
    private void start(ExperimentConfig config, Task task) {
        Run old = run.get();
        if (old != null) {
            old.close();
        }
        run.set(new Run(() -> Experiment.start(config, task), config, task, "training-" + (++runNumber)));
        resetPending.set(false);
        message.set("");
    }

    /** Replaces the run with one resumed from a saved state under the current settings. */
    public void resume(Experiment experiment) {
        Run old = run.get();
        if (old != null) {
            old.close();
        }
        settings.set(experiment.config());
        run.set(new Run(experiment, "training-" + (++runNumber)));
        resetPending.set(false);
    }

    public void toggleRunning() {
        if (run.get().isRunning()) {
            run.get().pause();
        } else {
            run.get().play();
        }
    }

    @Override
    public void close() {
        Run r = run.get();
        if (r != null) {
            r.close();
        }
    }
}
