package trlab.experiment;

import trlab.core.Network;
import trlab.core.Task;
import trlab.core.Trainer;
import trlab.experiment.config.ConfigException;
import trlab.experiment.config.ExperimentConfig;
import trlab.experiment.config.TrainingConfig;
import trlab.measure.Measurer;
import trlab.measure.PowerLawFit;
import trlab.measure.Snapshot;
import trlab.measure.Stability;
import trlab.theory.KernelModels;
import trlab.theory.ModelOutputs;

import java.io.IOException;
import java.nio.file.Path;

/**
 * One run, stepped by its caller: the trainer, the measurer that snapshots it at the schedule's recording times,
 * and the record those snapshots go to. It is not thread-safe; exactly one thread drives it.
 *
 * <p>With {@code theory.models} on, the kernel models of SCIENCE.md §6 start at t0 and take every step the network
 * takes, right after it, from the trainer's record of that step; with them off the step loop is the trainer's alone.
 *
 * <p>When the loss or a parameter stops being finite the run stops at the recording where that is seen, and keeps
 * the state of the last finite recording as its final state.
 */
public final class Experiment implements AutoCloseable {
    private ExperimentConfig config;
    private final Task task;
    private final Network network;
    private final Trainer trainer;
    private final Measurer measurer;
    private Schedule schedule;
    private final RunRecord record;
    private long nextRecording;
    private StateFile.State lastFinite;
    /** The state of the last recording whose loss was not above the one before: training still went well there. */
    private StateFile.State lastFalling;
    private double lastLoss = Double.NaN;
    private long divergedAt = -1;
    /** The kernel models: null while they are off or before they start. */
    private KernelModels models;
    /** The step t0 at which the models start, or -1 when they are off. */
    private long modelStart;

    /** @param initial the record's initial state, or null for the state this run starts in */
    private Experiment(ExperimentConfig config, Task task, Network network, long startStep, StateFile.State initial) {
        this.config = config;
        this.task = task;
        this.network = network;
        this.trainer = Experiments.trainer(config, network, task.train(), startStep);
        this.measurer = Experiments.measurer(config, task);
        this.schedule = Schedule.forRun(config, startStep);
        this.record = new RunRecord(task, initial != null ? initial : state());
        this.nextRecording = schedule.first();
        this.modelStart = config.theory().models() ? Math.max(config.theory().start(), startStep) : -1;
        startModelsIfDue();
        recordIfDue();
    }

    /** A run from the initial network of the config's seeds. */
    public static Experiment start(ExperimentConfig config) {
        return start(config, Experiments.task(config));
    }

    /** As {@link #start(ExperimentConfig)} on a task already built from the config. */
    public static Experiment start(ExperimentConfig config, Task task) {
        return new Experiment(config, task, Experiments.network(config, task), 0, null);
    }

    /** A run under {@code config} from a saved state: its parameters, its step and its data. */
    public static Experiment resume(ExperimentConfig config, StateFile.State state) {
        return from(config, Experiments.task(config), state, null);
    }

    /**
     * One arm of a comparison: a run under {@code config} (on a task built from it) from the state every arm
     * starts from, its parameters, step and data. Its record keeps that state as it is, config included, as the
     * initial state, so that every arm's run.json holds the same one.
     */
    public static Experiment startFrom(ExperimentConfig config, Task task, StateFile.State shared) {
        return from(config, task, shared, shared);
    }

    private static Experiment from(ExperimentConfig config, Task task, StateFile.State state, StateFile.State initial) {
        Network saved = state.network();
        if (saved.inputs != task.inputs() || saved.outputs != task.outputs() || saved.width != config.network().width()) {
            throw new ConfigException("the state has a network with " + saved.inputs + " inputs, width " + saved.width
                    + " and " + saved.outputs + " outputs; the config needs " + task.inputs() + " inputs, width "
                    + config.network().width() + " and " + task.outputs() + " outputs.");
        }
        Experiments.checkData(config, state.data(), "the state's data");
        Network network = new Network(saved.inputs, saved.width, saved.outputs, config.network().activation(),
                config.network().parameterization());
        network.copyParametersFrom(saved);
        Task trained = state.data() == task.train() ? task : task.withTrain(state.data());
        return new Experiment(config, trained, network, state.step(), initial);
    }

    public ExperimentConfig config() {
        return config;
    }

    public Task task() {
        return task;
    }

    public Trainer trainer() {
        return trainer;
    }

    public Measurer measurer() {
        return measurer;
    }

    public RunRecord record() {
        return record;
    }

    public Schedule schedule() {
        return schedule;
    }

    /** The current state (the live network, not a copy). */
    public StateFile.State state() {
        return new StateFile.State(config, trainer.time(), network, task.train());
    }

    public boolean finished() {
        return diverged() || trainer.time() >= schedule.end();
    }

    public boolean diverged() {
        return divergedAt >= 0;
    }

    /**
     * Whether the run was not finite from its very start (the loss or a parameter at its first recording), so that
     * there is no finite state to keep.
     */
    public boolean neverFinite() {
        return diverged() && lastFinite == null;
    }

    /** The step at which divergence was seen, or -1. */
    public long divergedAt() {
        return divergedAt;
    }

    /**
     * Takes up to {@code steps} steps, stopping early at the end of the schedule or on divergence, and records
     * every scheduled snapshot on the way. Parameters that stopped being finite between recordings are caught at
     * the end of the call.
     */
    public void advance(long steps) {
        long target = Math.min(schedule.end(), trainer.time() + steps);
        while (!diverged() && trainer.time() < target) {
            long stop = Math.min(target, nextRecording);
            if (models == null && modelStart > trainer.time()) {
                stop = Math.min(stop, modelStart);
            }
            stepTo(stop);
            startModelsIfDue();
            recordIfDue();
        }
        if (!diverged() && !network.isFinite()) {
            divergedAt = trainer.time();
        }
    }

    /**
     * Takes {@code steps} steps and records nothing, whatever the schedule says: for timing the steps alone
     * ({@code bench}). The kernel models take them too when they run.
     */
    public void stepWithoutRecording(long steps) {
        stepTo(trainer.time() + steps);
    }

    /** Steps the network, and the kernel models right after it when they run, until time {@code stop}. */
    private void stepTo(long stop) {
        if (models == null) {
            while (trainer.time() < stop) {
                trainer.step();
            }
        } else {
            while (trainer.time() < stop) {
                trainer.step();
                models.step(trainer);
            }
        }
    }

    /**
     * Changes how training goes on from here: method, batch size, learning rate and label noise may change between
     * steps; anything else needs a new run.
     */
    public void retrain(TrainingConfig training) {
        TrainingConfig now = config.training();
        if (training.loss() != now.loss() || training.seed() != now.seed() || training.steps() != now.steps()) {
            throw new IllegalArgumentException("the loss, the training seed and the number of steps are fixed for a run");
        }
        ExperimentConfig next = config.withTraining(training);
        trainer.setMethod(training.method(), training.batchSize());
        trainer.setLearningRate(training.learningRate());
        trainer.setLabelNoise(training.labelNoise());
        config = next;
    }

    /**
     * Lets the run go on to {@code steps} steps in all, counted from its start: the schedule reaches further and
     * the record goes on from the step it is at (whose recording stays as it is).
     *
     * @throws IllegalArgumentException for fewer steps than the run has taken
     */
    public void extend(long steps) {
        long end = schedule.start() + steps;
        if (end < trainer.time()) {
            throw new IllegalArgumentException("the run is at step " + trainer.time() + ", beyond " + steps + " steps");
        }
        config = config.withTraining(config.training().withSteps(steps));
        schedule = new Schedule(schedule.start(), end, schedule.samplesPerDecade());
        // every recording step up to now is recorded (when it is reached): the next is after now
        nextRecording = schedule.next(trainer.time());
    }

    /** A snapshot now, for a view; it does not join the record. */
    public Snapshot liveSnapshot() {
        return withModels(measurer.measure(network, trainer.time(), trainer.epoch(), trainer.learningRate(), false));
    }

    /**
     * Starts the kernel models afresh at the current step (t0 = now), whether they were off or running from an
     * earlier t0: from here on, does the theory predict the network? The config says so (theory.models on,
     * theory.start = now), and the record forgets the model errors it holds from before t0, which belonged to
     * models that are no more.
     *
     * @throws trlab.experiment.config.ConfigException when the block kernel for this data would need too much
     *                                                 memory or time, and nothing changes
     */
    public void startModelsNow() {
        if (diverged()) {
            throw new IllegalStateException("the run diverged, so the kernel models have no finite network to start"
                    + " from; press Reset");
        }
        long now = trainer.time();
        ExperimentConfig next = config.withTheory(config.theory().withModels(true).withStart(now));
        Experiments.checkData(next, task.train(), "the run's data");
        config = next;
        modelStart = now;
        models = null;
        startModelsIfDue();
        Snapshot last = record.last();
        boolean recordedNow = last != null && last.step() == now;
        if (recordedNow) {
            // as if they had been there when step t0 was recorded (see recordIfDue)
            models.setAmplitude(last.kernelAmplitude());
        }
        record.forgetModels(now, recordedNow ? withModels(last) : null);
    }

    private void startModelsIfDue() {
        if (models == null && modelStart >= 0 && trainer.time() == modelStart) {
            models = KernelModels.start(network, task, config.training().loss());
        }
    }

    /** The snapshot with the models' errors and outputs when they run. */
    private Snapshot withModels(Snapshot s) {
        if (models == null) {
            return s;
        }
        ModelOutputs m = models.probeOutputs();
        double[] f = s.curves().featureOutput();
        return s.withModels(m.frozenError(f), m.lawError(f), m.frozen(), m.law());
    }

    private void recordIfDue() {
        if (trainer.time() != nextRecording) {
            return;
        }
        nextRecording = schedule.next(trainer.time());
        Snapshot s = network.isFinite()
                ? measurer.measure(network, trainer.time(), trainer.epoch(), trainer.learningRate(), true)
                : null;
        if (s == null || !Double.isFinite(s.trainLoss())) {
            divergedAt = trainer.time();
            return;
        }
        s = withModels(s);
        if (models != null) {
            // the response-law model moves by the amplitude of the latest recorded step from here on
            models.setAmplitude(s.kernelAmplitude());
        }
        record.add(s);
        lastFinite = StateFile.copyOf(state());
        if (!(s.trainLoss() > lastLoss)) {
            lastFalling = lastFinite;
        }
        lastLoss = s.trainLoss();
    }

    /** The final state: the current one, or after divergence the last finite recording (null if it never was). */
    public StateFile.State finalState() {
        return diverged() ? lastFinite : state();
    }

    /**
     * After divergence, a learning rate to try: 90 % of the stability bound (see {@link Stability}) of the last
     * recorded state whose loss was still falling; NaN before. Not the last finite state's: on the way to overflow
     * the weights grow so large that its bound is absurdly small (3e-289 after a learning rate of 50).
     */
    public double suggestedLearningRate() {
        if (!diverged() || neverFinite()) {
            return Double.NaN;
        }
        StateFile.State sound = lastFallingState();
        return 0.9 * Stability.maxLearningRate(sound.network(), sound.data(), trainer.batchSize());
    }

    /** After divergence, the last recorded state whose loss was not above the recording before (null before any). */
    public StateFile.State lastFallingState() {
        return lastFalling;
    }

    /** The power-law fit of the amplitude over the last two decades of the run, or null. */
    public PowerLawFit agingFit() {
        if (neverFinite()) {
            return null;
        }
        long end = finalState().step();
        return measurer.aging().fit(end / 100.0, end);
    }

    /** Ends the trainer's helper thread, if a large batch started one. */
    @Override
    public void close() {
        trainer.close();
    }

    /** Writes run.json, metrics.csv and final-state.json into dir. */
    public void write(Path dir) throws IOException {
        record.write(dir, finalState(), agingFit(), divergedAt, suggestedLearningRate());
    }
}
