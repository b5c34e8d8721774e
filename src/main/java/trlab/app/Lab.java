package trlab.app;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
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
    /** What waits for Reset, in words, e.g. "data and width"; empty when nothing does. */
    private final ReadOnlyStringWrapper pending = new ReadOnlyStringWrapper("");
    /** Whether the runs a Reset replaced can come back (one level). */
    private final ReadOnlyBooleanWrapper undoable = new ReadOnlyBooleanWrapper(false);
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
    /**
     * A run younger than this goes at Reset without an undo: a few seconds of training are quickly redone, and
     * keeping them would only hold a thread.
     */
    static final long UNDO_AFTER_NANOS = 3_000_000_000L;
    /** {@link #UNDO_AFTER_NANOS}, which a test may shorten so as not to wait. */
    long undoAfterNanos = UNDO_AFTER_NANOS;
    /** How many times longer Continue trains a finished run, counted from its start. */
    static final int CONTINUE_FACTOR = 10;
    /** The initial state the arms share and their task, to rebuild one arm from; null after a resume. */
    private Once<StateFile.State> shared;
    private Task task;
    private long startedNanos = System.nanoTime();
    /** What Reset replaced, paused, while it can still come back. */
    private Undo undo;

    /** The runs before a Reset, with their settings, selection and names. */
    private record Undo(List<Arm> arms, int selected) {
    }

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

    /** What waits for Reset, in words, e.g. "data and width"; empty when nothing does. */
    public ReadOnlyStringProperty pendingProperty() {
        return pending.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty undoableProperty() {
        return undoable.getReadOnlyProperty();
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
        for (int i = 0; i < updated.size(); i++) {
            Arm arm = updated.get(i);
            ExperimentConfig s = arm.settings();
            Run r = arm.run();
            ExperimentConfig live = r.config();
            if (comparing() && shared != null && !sameRunShape(s, live) && sameRunShape(s, withActivation(live, s))) {
                // a compared run's own activation: it leaves the shared initial parameters as they are, so this
                // run starts again from them at once; left for Reset, the run would train under another name
                updated.set(i, new Arm(s, rebuild(s, r.isRunning()), arm.colour()));
                r.close();
                continue;
            }
            boolean moreSteps = s.training().steps() > live.training().steps();
            if (!sameRunShape(s, live) && sameRunShape(s, withSteps(live, s)) && moreSteps) {
                r.extend(s.training().steps()); // more steps: the run goes on, its record and time axis too
            }
            // against the settings sent last as well as the run's: a retrain still queued is not in its config yet
            TrainingConfig sent = now.get(i).settings().training();
            if (sameRunShape(s, r.config())
                    && (!s.training().equals(sent) || !s.training().equals(live.training()))) {
                r.retrain(s.training());
            }
        }
        message.set("");
        publish(updated, selected.get());
    }

    /**
     * Trains every run on to {@link #CONTINUE_FACTOR} times its number of steps, from where it stopped: time goes on
     * counting and each record goes on. A run that diverged stays as it is.
     */
    public void continueRuns() {
        List<Arm> now = arms.get();
        List<Arm> updated = new ArrayList<>(now.size());
        for (Arm arm : now) {
            long steps = Math.multiplyExact(arm.settings().training().steps(), CONTINUE_FACTOR);
            ExperimentConfig s = arm.settings().withTraining(arm.settings().training().withSteps(steps));
            if (arm.run().status().state() != Run.State.DIVERGED && sameRunShape(withSteps(arm.run().config(), s), s)) {
                arm.run().extend(steps);
            }
            updated.add(new Arm(s, arm.run(), arm.colour()));
        }
        message.set("");
        publish(updated, selected.get());
        play();
    }

    /**
     * Starts the kernel models of the theory (SCIENCE.md §6) afresh in every run that has not diverged, at the step
     * it is at (t0 = now): from here on, does the theory predict the network? The settings keep the models on, so
     * that a Reset starts them with the new runs at step 0. Data too large for the models' block kernel is refused
     * in the message, and nothing changes.
     *
     * @return whether the models started
     */
    public boolean startModelsNow() {
        List<Arm> now = arms.get();
        List<Arm> updated = new ArrayList<>(now.size());
        for (Arm arm : now) {
            ExperimentConfig s = arm.settings().withTheory(arm.settings().theory().withModels(true).withStart(0));
            Task t = arm.run().task();
            try {
                if (t != null) {
                    Experiments.checkData(s, t.train(), "the data");
                }
            } catch (ConfigException e) {
                message.set("The kernel models cannot run here: " + e.getMessage());
                return false;
            }
            updated.add(new Arm(s, arm.run(), arm.colour()));
        }
        for (Arm arm : now) {
            if (arm.run().status().state() != Run.State.DIVERGED) {
                arm.run().startModelsNow();
            }
        }
        message.set("");
        publish(updated, selected.get());
        return true;
    }

    /**
     * Whether the selected run's settings have the kernel models on; its run has them, or takes them between its
     * next two steps.
     */
    public boolean modelsOn() {
        return settings().theory().models();
    }

    private static ExperimentConfig withActivation(ExperimentConfig c, ExperimentConfig from) {
        return c.withNetwork(c.network().withActivation(from.network().activation()));
    }

    private static ExperimentConfig withSteps(ExperimentConfig c, ExperimentConfig from) {
        return c.withTraining(c.training().withSteps(from.training().steps()));
    }

    /** A run of these settings from the shared initial state, running if {@code running}. */
    private Run rebuild(ExperimentConfig c, boolean running) {
        Once<StateFile.State> start = shared;
        Task t = task;
        Run r = new Run(() -> Experiment.startFrom(c, t, start.get()), c, t, "training-" + (++runNumber));
        r.setSpeed(speed);
        r.shareCores(cores);
        if (running) {
            r.play();
        }
        return r;
    }

    /**
     * What differs between the settings shown and the run's that only Reset can apply, in words: everything but
     * what a run takes between two steps, and more steps, which it takes by going on.
     */
    static List<String> waitingForReset(ExperimentConfig shown, ExperimentConfig live) {
        List<String> what = new ArrayList<>(SettingsDiff.between(shown, live));
        what.removeAll(SettingsDiff.LIVE);
        if (shown.training().steps() > live.training().steps()) {
            what.remove("steps");
        }
        return what;
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
        Task t = Experiments.task(Objects.requireNonNull(next));
        start(List.of(next), t, 0, null, null);
    }

    /** Stops every run and builds fresh ones from the current settings, from one initial state; they are paused. */
    public void reset() {
        List<Arm> before = arms.get();
        List<ExperimentConfig> configs = before.stream().map(Arm::settings).toList();
        boolean worthKeeping = System.nanoTime() - startedNanos > undoAfterNanos
                && before.stream().anyMatch(a -> a.run().status().step() > 0);
        Undo replaced = worthKeeping ? new Undo(before, selected.get()) : null;
        try {
            // reads a CSV task's file: a bad file is reported here at once
            start(configs, Experiments.task(configs.get(0)), selected.get(),
                    before.stream().map(Arm::colour).toList(), replaced);
        } catch (ConfigException | IllegalArgumentException e) {
            message.set(e.getMessage());
        }
    }

    /** Brings back the runs the last Reset replaced, paused where they were; the fresh ones end. */
    public void undoReset() {
        Undo back = undo;
        if (back == null) {
            return;
        }
        undo = null;
        undoable.set(false);
        closeRuns();
        back.arms().forEach(a -> a.run().setSpeed(speed));
        message.set("");
        publish(back.arms(), back.selected());
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
            start(configs, Experiments.task(configs.get(0)), 0, colours, null);
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
        dropUndo();
        shared = null;
        task = experiment.task();
        startedNanos = System.nanoTime();
        Run r = new Run(experiment, "training-" + (++runNumber));
        r.setSpeed(speed);
        r.shareCores(cores);
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

    /** Runs every run until step {@code step}, where each pauses exactly (a lesson's stop). */
    public void playUntil(long step) {
        arms.get().forEach(a -> a.run().playUntil(step));
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
     *
     * @param replaced the runs there are, kept paused for {@link #undoReset()}; null to end them
     */
    private void start(List<ExperimentConfig> configs, Task t, int select, List<Integer> colours, Undo replaced) {
        dropUndo();
        if (replaced != null) {
            replaced.arms().forEach(a -> a.run().pause());
            undo = replaced;
        } else {
            closeRuns();
        }
        undoable.set(undo != null);
        Task from = t;
        Once<StateFile.State> start = new Once<>(() -> Experiments.initialState(configs.get(0), from));
        shared = start;
        task = t;
        startedNanos = System.nanoTime();
        List<Arm> started = new ArrayList<>(configs.size());
        for (ExperimentConfig c : configs) {
            Run r = new Run(() -> Experiment.startFrom(c, from, start.get()), c, from, "training-" + (++runNumber));
            r.setSpeed(speed);
            r.shareCores(cores);
            int i = started.size();
            started.add(new Arm(c, r, colours == null ? i : colours.get(i)));
        }
        message.set("");
        publish(started, Math.min(select, started.size() - 1));
    }

    /** Ends the runs a Reset replaced: something else happened since, so they are not coming back. */
    private void dropUndo() {
        if (undo != null) {
            close(undo.arms().stream().map(Arm::run).toList());
            undo = null;
        }
        undoable.set(false);
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
        // what waits for Reset, worked out afresh from what each run was built with, so it never goes stale
        List<String> waiting = new ArrayList<>();
        for (Arm arm : next) {
            if (arm.run() != null) {
                waitingForReset(arm.settings(), arm.run().config()).stream()
                        .filter(w -> !waiting.contains(w)).forEach(waiting::add);
            }
        }
        pending.set(SettingsDiff.words(waiting));
        resetPending.set(!waiting.isEmpty());
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
        dropUndo();
        closeRuns();
    }
}
