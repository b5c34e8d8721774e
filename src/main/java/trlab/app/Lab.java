package trlab.app;

import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import trlab.core.Task;
import trlab.experiment.Comparison;
import trlab.experiment.Experiment;
import trlab.experiment.Experiments;
import trlab.experiment.Run;
import trlab.experiment.StateFile;
import trlab.experiment.config.ConfigException;
import trlab.experiment.config.ExperimentConfig;
import trlab.experiment.config.TrainingConfig;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Semaphore;
import java.util.function.Supplier;

/**
 * The window's model, used on the FX thread only: the runs (one, or up to four arms of a comparison that start
 * from one initial state), the settings of each, which arm the controls edit, and a message for the user. Views
 * bind to its read-only properties and send intentions back through its methods. Run, pause, step and reset act on
 * every arm; an edit of the controls acts on the selected arm where arms may differ (method, batch size, learning
 * rate, label noise, activation) and on every arm elsewhere, so that they keep one initial state.
 */
public final class Lab implements AutoCloseable {
    /**
     * One run of the lab: the settings the controls show for it, the run built from them, and its colour in the
     * charts (0 .. 3), which stays with it while other runs come and go.
     */
    public record Arm(ExperimentConfig settings, Run run, int colour) {
    }

    /** The arms, in order; one unless runs are compared. */
    private final ReadOnlyObjectWrapper<List<Arm>> arms = new ReadOnlyObjectWrapper<>(List.of());
    /** Each arm's name by what sets it apart, e.g. "SGD, batch 1, noise 1.0"; empty for a lone run. */
    private final ReadOnlyObjectWrapper<List<String>> labels = new ReadOnlyObjectWrapper<>(List.of(""));
    private final ReadOnlyIntegerWrapper selected = new ReadOnlyIntegerWrapper(0);
    /** The selected arm's settings; its run may still use older ones until Reset. */
    private final ReadOnlyObjectWrapper<ExperimentConfig> settings = new ReadOnlyObjectWrapper<>();
    /** The selected arm's run. */
    private final ReadOnlyObjectWrapper<Run> run = new ReadOnlyObjectWrapper<>();
    /** True when settings changed that only a Reset can apply (task, network, seeds). */
    private final ReadOnlyObjectWrapper<Boolean> resetPending = new ReadOnlyObjectWrapper<>(false);
    /** The last error or hint for the user, or empty. */
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private double speed = Double.POSITIVE_INFINITY;
    /**
     * How many runs may work at once, one permit per burst of work: one fewer than the machine has cores, so that
     * compared runs at full speed take turns and the window (drawing, in software where there is no GPU) keeps
     * room to draw; without it, four runs on two cores drew 12-14 frames per second instead of 20-27.
     */
    private final Semaphore cores = new Semaphore(Math.max(1, Runtime.getRuntime().availableProcessors() - 1), true);
    private int runNumber;

    public Lab(ExperimentConfig initial) {
        publish(List.of(new Arm(Objects.requireNonNull(initial), null, 0)), 0);
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

    /** The selected arm's run. */
    public Run run() {
        return run.get();
    }

    public ReadOnlyObjectProperty<List<Arm>> armsProperty() {
        return arms.getReadOnlyProperty();
    }

    public List<Arm> arms() {
        return arms.get();
    }

    public ReadOnlyObjectProperty<List<String>> labelsProperty() {
        return labels.getReadOnlyProperty();
    }

    public List<String> labels() {
        return labels.get();
    }

    public ReadOnlyIntegerProperty selectedProperty() {
        return selected.getReadOnlyProperty();
    }

    public int selected() {
        return selected.get();
    }

    /** Whether several runs are compared. */
    public boolean comparing() {
        return arms.get().size() > 1;
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
     * Takes new settings for the selected arm. Of a comparison's other arms, each keeps its own method, batch size,
     * learning rate, label noise and activation and takes the rest. Training settings that a run can change between
     * steps go to the live runs at once; anything else waits for {@link #reset()}. Settings that some arm cannot
     * take are refused with a {@link ConfigException}, and nothing changes.
     */
    public void apply(ExperimentConfig next) {
        List<Arm> now = arms.get();
        List<Arm> updated = new ArrayList<>(now.size());
        for (int i = 0; i < now.size(); i++) {
            Arm arm = now.get(i);
            ExperimentConfig s;
            try {
                s = i == selected.get() ? next : Comparison.arm(next, arm.settings());
            } catch (ConfigException e) {
                throw new ConfigException(labels.get().get(i) + ": " + e.getMessage(), e);
            }
            updated.add(new Arm(s, arm.run(), arm.colour()));
        }
        boolean pending = false;
        for (int i = 0; i < updated.size(); i++) {
            ExperimentConfig s = updated.get(i).settings();
            Run r = updated.get(i).run();
            ExperimentConfig live = r.config();
            // against the settings sent last as well as the run's: a retrain still queued is not in its config yet
            TrainingConfig sent = now.get(i).settings().training();
            if (!sameRunShape(s, live)) {
                pending = true;
            } else if (!s.training().equals(sent) || !s.training().equals(live.training())) {
                r.retrain(s.training());
            }
        }
        message.set("");
        resetPending.set(pending);
        publish(updated, selected.get());
    }

    /** Whether the two configs differ at most in what a run can change while it goes. */
    static boolean sameRunShape(ExperimentConfig a, ExperimentConfig b) {
        TrainingConfig ta = a.training();
        TrainingConfig tb = b.training();
        return a.task().equals(b.task()) && a.network().equals(b.network()) && a.measure().equals(b.measure())
                && ta.loss() == tb.loss() && ta.seed() == tb.seed() && ta.steps() == tb.steps();
    }

    /**
     * Replaces the settings (a preset, a loaded file) and starts over from them with one run. Settings whose data
     * cannot be built (a broken CSV file) are refused with a {@link ConfigException}, and the previous ones stay.
     */
    public void load(ExperimentConfig next) {
        Task task = Experiments.task(Objects.requireNonNull(next));
        start(List.of(next), task, 0, null);
    }

    /** Stops every run and builds fresh ones from the current settings, from one initial state; they are paused. */
    public void reset() {
        List<ExperimentConfig> configs = arms.get().stream().map(Arm::settings).toList();
        try {
            // reads a CSV task's file: a bad file is reported here at once
            start(configs, Experiments.task(configs.get(0)), selected.get(),
                    arms.get().stream().map(Arm::colour).toList());
        } catch (ConfigException | IllegalArgumentException e) {
            message.set(e.getMessage());
        }
    }

    /**
     * Compares runs of these settings side by side, from one initial state: stops the runs there are and starts
     * one per config, paused, with the first selected. Settings whose data cannot be built (a broken CSV file) are
     * reported in the message, and the runs there are stay.
     *
     * @return whether the runs started
     * @throws IllegalArgumentException for more than {@link Comparison#MAX_ARMS} configs, or configs that differ
     *                                  in more than an arm may
     */
    public boolean compare(List<ExperimentConfig> configs) {
        return compare(configs, null);
    }

    /** As {@link #compare(List)}, in the given colours (null: in turn from the first). */
    private boolean compare(List<ExperimentConfig> configs, List<Integer> colours) {
        if (configs.isEmpty() || configs.size() > Comparison.MAX_ARMS) {
            throw new IllegalArgumentException("a comparison has 1 to " + Comparison.MAX_ARMS + " runs, not "
                    + configs.size());
        }
        for (ExperimentConfig c : configs) {
            if (!Comparison.sameStart(configs.get(0), c)) {
                throw new IllegalArgumentException("compared runs may differ only in " + Comparison.ARM_FIELDS);
            }
        }
        try {
            start(configs, Experiments.task(configs.get(0)), 0, colours);
            return true;
        } catch (ConfigException e) {
            message.set(e.getMessage());
            return false;
        }
    }

    /**
     * The ready pair, running at once: SGD beside its full-batch twin on clean labels, from the settings of the
     * first run that trains by SGD (else the selected one's), so that a second click gives the same pair.
     */
    public void compareSgdWithFullBatch() {
        ExperimentConfig base = arms.get().stream().map(Arm::settings)
                .filter(c -> c.training().method() == trlab.core.Method.SGD).findFirst().orElse(settings());
        if (compare(Comparison.sgdVsFullBatch(base))) {
            play();
        }
    }

    /**
     * Adds a run with the selected arm's settings, for the user to change; every arm starts again from the initial
     * state, paused, and the new one is selected.
     */
    public void addArm() {
        List<ExperimentConfig> configs = new ArrayList<>(arms.get().stream().map(Arm::settings).toList());
        if (configs.size() >= Comparison.MAX_ARMS) {
            message.set("At most " + Comparison.MAX_ARMS + " runs can be compared; remove one first.");
            return;
        }
        configs.add(settings());
        // the runs there are keep their colours; the new one takes the first that is free
        List<Integer> colours = new ArrayList<>(arms.get().stream().map(Arm::colour).toList());
        int free = 0;
        while (colours.contains(free)) {
            free++;
        }
        colours.add(free);
        if (compare(configs, colours)) {
            select(configs.size() - 1);
        }
    }

    /** Stops and removes one arm; the others go on. The last arm cannot be removed. */
    public void removeArm(int index) {
        List<Arm> now = arms.get();
        if (now.size() == 1 || index < 0 || index >= now.size()) {
            return;
        }
        now.get(index).run().close();
        List<Arm> rest = new ArrayList<>(now);
        rest.remove(index);
        int keep = selected.get();
        publish(rest, keep > index ? keep - 1 : Math.min(keep, rest.size() - 1));
    }

    /** Keeps only the selected run, which goes on as it is. */
    public void stopComparing() {
        List<Arm> now = arms.get();
        Arm keep = now.get(selected.get());
        close(now.stream().filter(arm -> arm != keep).map(Arm::run).toList());
        publish(List.of(keep), 0);
    }

    /** Which arm the controls show and edit. */
    public void select(int index) {
        if (index >= 0 && index < arms.get().size() && index != selected.get()) {
            publish(arms.get(), index);
        }
    }

    /** Replaces the runs with one resumed from a saved state under the current settings. */
    public void resume(Experiment experiment) {
        closeRuns();
        Run r = new Run(experiment, "training-" + (++runNumber));
        r.setSpeed(speed);
        r.shareCores(cores);
        resetPending.set(false);
        publish(List.of(new Arm(experiment.config(), r, 0)), 0);
    }

    /** Pauses every run if any is running, else runs them all. */
    public void toggleRunning() {
        if (running()) {
            arms.get().forEach(a -> a.run().pause());
        } else {
            play();
        }
    }

    /** Runs every run. */
    public void play() {
        arms.get().forEach(a -> a.run().play());
    }

    /** Whether any run is training. */
    public boolean running() {
        return arms.get().stream().anyMatch(a -> a.run().isRunning());
    }

    /** Takes exactly one step in every run. */
    public void step() {
        arms.get().forEach(a -> a.run().step());
    }

    /** Adds one training sample's curves to every run's snapshots (-1: none). */
    public void setFocus(int sample) {
        arms.get().forEach(a -> a.run().setFocus(sample));
    }

    /** Steps per second at most, for every run (infinity for as fast as possible). */
    public void setSpeed(double stepsPerSecond) {
        speed = stepsPerSecond;
        arms.get().forEach(a -> a.run().setSpeed(stepsPerSecond));
    }

    /** Asks every run for a fresh snapshot (once per frame). */
    public void requestSnapshots() {
        arms.get().forEach(a -> a.run().requestSnapshot());
    }

    /**
     * One run per config, each on its own training thread, in the given colours (null: in turn from the first). The
     * arms share the task and start from one initial state, which every arm's record keeps: the first training
     * thread to get there builds it (the network is numerics, which the FX thread leaves alone), the others wait.
     */
    private void start(List<ExperimentConfig> configs, Task task, int select, List<Integer> colours) {
        closeRuns();
        Once<StateFile.State> shared = new Once<>(() -> Experiments.initialState(configs.get(0), task));
        List<Arm> started = new ArrayList<>(configs.size());
        for (ExperimentConfig c : configs) {
            Run r = new Run(() -> Experiment.startFrom(c, task, shared.get()), c, task, "training-" + (++runNumber));
            r.setSpeed(speed);
            r.shareCores(cores);
            int i = started.size();
            started.add(new Arm(c, r, colours == null ? i : colours.get(i)));
        }
        resetPending.set(false);
        message.set("");
        publish(started, Math.min(select, started.size() - 1));
    }

    private void publish(List<Arm> next, int select) {
        List<ExperimentConfig> configs = next.stream().map(Arm::settings).toList();
        List<String> names = next.size() == 1 ? List.of("") : Comparison.labels(configs);
        // names first: a view that rebuilds on new arms reads them
        if (!names.equals(labels.get())) {
            labels.set(names);
        }
        arms.set(List.copyOf(next));
        selected.set(select);
        settings.set(next.get(select).settings());
        run.set(next.get(select).run());
    }

    private void closeRuns() {
        close(arms.get().stream().map(Arm::run).filter(Objects::nonNull).toList());
    }

    /** Tells every run to stop first and then waits, so that the waits overlap. */
    private static void close(List<Run> runs) {
        runs.forEach(Run::stop);
        runs.forEach(Run::close);
    }

    /** A value computed once, by the first thread that asks for it; the others wait for it. */
    private static final class Once<T> implements Supplier<T> {
        private final Supplier<T> make;
        private T value;

        Once(Supplier<T> make) {
            this.make = make;
        }

        @Override
        public synchronized T get() {
            if (value == null) {
                value = make.get();
            }
            return value;
        }
    }

    @Override
    public void close() {
        closeRuns();
    }
}
