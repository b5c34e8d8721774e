package trlab.experiment;

import trlab.experiment.config.ExperimentConfig;
import trlab.experiment.config.TrainingConfig;
import trlab.measure.Snapshot;

import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;

/**
 * One experiment driven by its own training thread, for a live view (DESIGN.md "Threads").
 *
 * <p>The thread is the only one that touches the experiment. Other threads send commands, which it applies between
 * steps, and read what it publishes: the latest live snapshot, the recorded rows and the status. A view asks for a
 * fresh snapshot with {@link #requestSnapshot()} (say once per frame); the thread answers at most once per
 * {@link #SNAPSHOT_INTERVAL_NANOS} (less often when snapshots are costly), and only when something changed. Nothing here blocks a caller except
 * {@link #close()}, which waits for the thread to end.
 */
public final class Run implements AutoCloseable {
    /** Shortest time between two live snapshots: about one per frame at 30 frames per second. */
    public static final long SNAPSHOT_INTERVAL_NANOS = 30_000_000L;
    /**
     * Live snapshots may take at most this share of the training thread's time: a costly snapshot (a wide network,
     * a 2-D grid) is taken less often, so the charts slow down before the training does.
     */
    private static final double SNAPSHOT_SHARE = 0.25;
    /** How long one burst of steps may take before the thread looks at its commands again. */
    private static final long BURST_NANOS = 4_000_000L;

    public enum State { PAUSED, RUNNING, FINISHED, DIVERGED }

    /**
     * What the status bar shows.
     *
     * @param stepsPerSecond training speed over the last half second (0 when paused)
     * @param message        a sentence for the user, or empty
     */
    public record Status(State state, long step, double epoch, double stepsPerSecond, String message) {
    }

    /** Built by the training thread itself (the first snapshot is numerics), then touched by it alone. */
    private Experiment experiment;
    private final java.util.function.Supplier<Experiment> build;
    private volatile ExperimentConfig config;
    private volatile trlab.core.Task task;
    private final Thread thread;
    private final BlockingQueue<Consumer<Experiment>> commands = new LinkedBlockingQueue<>();
    private final AtomicBoolean snapshotWanted = new AtomicBoolean(true);
    private final CopyOnWriteArrayList<double[]> rows = new CopyOnWriteArrayList<>();
    private final CopyOnWriteArrayList<int[]> decisions = new CopyOnWriteArrayList<>();
    private volatile boolean running;
    private volatile boolean closed;
    private volatile double speedLimit = Double.POSITIVE_INFINITY;
    /** The step at which training pauses by itself (see {@link #playUntil}). */
    private volatile long pauseAt = Long.MAX_VALUE;
    /** Permits for the cores that runs side by side may use, one per burst of work; null for no limit. */
    private volatile Semaphore cores;
    private volatile Snapshot latest;
    private volatile Snapshot first;
    private volatile Status status;
    private volatile String failure;

    // owned by the training thread
    private boolean changed = true;
    private long nextSnapshotNanos;
    private long burst = 1;
    private double stepCredit;
    private long creditNanos;
    private long rateStep;
    private long rateNanos;
    private double rate;


    /** A run of an experiment that exists already. */
    public Run(Experiment experiment, String threadName) {
        this(() -> experiment, experiment.config(), experiment.task(), threadName);
    }

    /**
     * A run whose experiment the training thread builds first, so that building it (the network, the first
     * snapshot) never holds up the caller.
     *
     * @param config the experiment's config, and its task if already built (else null until the thread built it)
     */
    public Run(java.util.function.Supplier<Experiment> build, ExperimentConfig config, trlab.core.Task task,
               String threadName) {
        this.build = build;
        this.config = config;
        this.task = task;
        this.status = new Status(State.PAUSED, 0, 0, 0, "");
        this.thread = new Thread(this::loop, threadName);
        thread.setDaemon(true);
        thread.start();
    }

    /** Starts or resumes training, to the end of its steps. */
    public void play() {
        playUntil(Long.MAX_VALUE);
    }

    /**
     * Trains until step {@code step} and pauses there exactly (a lesson's stop), or at the end of its steps if that
     * comes first; a run already there stays paused.
     */
    public void playUntil(long step) {
        pauseAt = step;
        running = true;
        wake();
    }

    public void pause() {
        running = false;
        wake();
    }

    public boolean isRunning() {
        return running;
    }

    /** Takes exactly one step (when paused). */
    public void step() {
        send(e -> e.advance(1));
    }

    /** Steps per second at most; infinity for as fast as possible. */
    public void setSpeed(double stepsPerSecond) {
        if (!(stepsPerSecond > 0)) {
            throw new IllegalArgumentException("speed must be positive: " + stepsPerSecond);
        }
        speedLimit = stepsPerSecond;
        wake();
    }

    /**
     * Makes this run take turns with the other runs holding the same permits: every burst of work (steps or a live
     * snapshot) holds one, so however many runs there are, no more of them work at once than there are permits. A
     * run's own helper (the second core of a large full batch or of a snapshot) comes on top of its permit.
     */
    public void shareCores(Semaphore permits) {
        cores = permits;
    }

    /** Applies new training settings (method, batch, learning rate, label noise) between two steps. */
    public void retrain(TrainingConfig training) {
        send(e -> e.retrain(training));
    }

    /**
     * Lets the run go on to {@code steps} steps in all (more than it had), from where it is: its time and its record
     * go on. The run's config says so at once, for a caller that compares it with the settings shown.
     */
    public void extend(long steps) {
        config = config.withTraining(config.training().withSteps(steps));
        send(e -> e.extend(steps));
    }

    /**
     * Starts the kernel models afresh at the step the run is at (see {@link Experiment#startModelsNow()}); the rows
     * published so far are published again without the replaced models' errors.
     */
    public void startModelsNow() {
        send(e -> {
            e.startModelsNow();
            RunRecord record = e.record();
            for (int i = 0; i < Math.min(rows.size(), record.size()); i++) {
                rows.set(i, record.row(i));
            }
        });
    }

    /** Adds the curves of one more training sample to later snapshots (-1: none). */
    public void setFocus(int sample) {
        send(e -> e.measurer().setFocus(sample));
    }

    /** Runs any action on the training thread between steps, e.g. to save its state. */
    public void send(Consumer<Experiment> command) {
        commands.add(command);
    }

    /** Asks for a fresh snapshot; the thread answers when it has something new. */
    public void requestSnapshot() {
        snapshotWanted.set(true);
    }

    /** The latest live snapshot (never null once the first one is taken). */
    public Snapshot latest() {
        return latest;
    }

    /** The run's first snapshot. */
    public Snapshot first() {
        return first;
    }

    /**
     * The decision over the probe grid at each recorded row so far, published before the rows so that a reader never
     * sees a row without its decision; safe to read from any thread.
     */
    public List<int[]> decisions() {
        return decisions;
    }

    /** The recorded rows so far, one value per {@link trlab.measure.Series}; safe to read from any thread. */
    public List<double[]> rows() {
        return rows;
    }

    public Status status() {
        return status;
    }

    public ExperimentConfig config() {
        return config;
    }

    /** The run's task (immutable, so any thread may read it); null while the thread is still building it. */
    public trlab.core.Task task() {
        return task;
    }

    /** Whether the training thread has ended. */
    public boolean isAlive() {
        return thread.isAlive();
    }

    /** Tells the training thread to end, without waiting for it (so that several runs end at once). */
    public void stop() {
        closed = true;
        wake();
        thread.interrupt();
    }

    /** Ends the training thread and waits (at most a second) until it has. */
    @Override
    public void close() {
        stop();
        try {
            thread.join(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void wake() {
        commands.add(e -> { });
    }

    private void loop() {
        try {
            experiment = build.get();
        } catch (RuntimeException e) {
            status = new Status(State.PAUSED, 0, 0, 0, "The run could not start: " + e.getMessage());
            return;
        }
        task = experiment.task();
        // the start the charts compare with is the recorded one (step 0, or the resumed step), not whichever live
        // snapshot comes first: runs compared side by side must show one start
        first = experiment.record().first();
        status = new Status(State.PAUSED, experiment.trainer().time(), experiment.trainer().epoch(), 0, "");
        publishRows();
        rateNanos = System.nanoTime();
        rateStep = experiment.trainer().time();
        creditNanos = rateNanos;
        try {
            while (!closed) {
                applyCommands();
                if (running && !experiment.finished()) {
                    try {
                        train();
                    } catch (RuntimeException e) {
                        // a failure inside a step or a recording stops the training, not the thread or the window
                        running = false;
                        // one sentence in the status bar and on stderr, never a stack trace
                        failure = "Training stopped at step " + experiment.trainer().time() + ": "
                                + (e.getMessage() != null ? e.getMessage() : "an internal fault") + ".";
                        System.err.println("trlab: " + failure);
                    }
                } else {
                    if (running) {
                        running = false;
                    }
                    if (!changed || !snapshotWanted.get()) {
                        Consumer<Experiment> c = commands.poll(100, TimeUnit.MILLISECONDS);
                        if (c != null) {
                            apply(c);
                        }
                    }
                }
                maybeSnapshot();
                updateStatus();
            }
        } catch (InterruptedException e) {
            // closing
        } finally {
            experiment.close();
        }
    }

    private void applyCommands() {
        Consumer<Experiment> c;
        while ((c = commands.poll()) != null) {
            apply(c);
        }
    }

    private void apply(Consumer<Experiment> c) {
        try {
            c.accept(experiment);
            config = experiment.config();
        } catch (RuntimeException e) {
            status = new Status(State.PAUSED, experiment.trainer().time(), experiment.trainer().epoch(), 0,
                    e.getMessage());
            running = false;
        }
        publishRows();
        changed = true; // a command may change what the next snapshot shows
    }

    /** One burst of steps, as many as the speed limit allows and at most about {@link #BURST_NANOS} of work. */
    private void train() throws InterruptedException {
        long now = System.nanoTime();
        long steps;
        if (Double.isInfinite(speedLimit)) {
            steps = burst;
            creditNanos = now;
            stepCredit = 0;
        } else {
            stepCredit = Math.min(stepCredit + speedLimit * (now - creditNanos) / 1e9, Math.max(1, speedLimit / 10));
            creditNanos = now;
            steps = (long) stepCredit;
            if (steps == 0) {
                LockSupport.parkNanos(Math.min(20_000_000L, (long) ((1 - stepCredit) / speedLimit * 1e9)));
                return;
            }
            stepCredit -= steps;
        }
        long room = pauseAt - experiment.trainer().time();
        if (room <= 0) {
            running = false;
            return;
        }
        steps = Math.min(steps, room);
        Semaphore permits = cores;
        if (permits != null) {
            permits.acquire();
            now = System.nanoTime(); // a turn's wait is not work
        }
        try {
            experiment.advance(steps);
        } finally {
            if (permits != null) {
                permits.release();
            }
        }
        long took = Math.max(1, System.nanoTime() - now);
        // aim each burst at BURST_NANOS of work: doubling at most, so a slow start does not overshoot
        burst = Math.max(1, Math.min(2 * burst, (long) (burst * (double) BURST_NANOS / took)));
        publishRows();
        changed = true;
    }

    private void maybeSnapshot() throws InterruptedException {
        long now = System.nanoTime();
        if (!changed || !snapshotWanted.get() || now < nextSnapshotNanos) {
            return;
        }
        snapshotWanted.set(false);
        changed = false;
        if (experiment.diverged()) {
            // the views show the last finite state, the last one recorded, not the state before the blow-up
            latest = experiment.record().last();
            return;
        }
        Semaphore permits = cores;
        if (permits != null) {
            permits.acquire();
            now = System.nanoTime();
        }
        Snapshot s;
        try {
            s = experiment.liveSnapshot();
        } finally {
            if (permits != null) {
                permits.release();
            }
        }
        long took = System.nanoTime() - now;
        nextSnapshotNanos = now + snapshotPeriod(took);
        if (first == null) {
            first = s;
        }
        latest = s;
    }

    /** From the start of one live snapshot to the next, given how long it took. */
    public static long snapshotPeriod(long tookNanos) {
        return Math.max(SNAPSHOT_INTERVAL_NANOS, (long) (tookNanos / SNAPSHOT_SHARE));
    }

    private void publishRows() {
        RunRecord record = experiment.record();
        for (int i = decisions.size(); i < record.size(); i++) {
            decisions.add(record.decision(i));
        }
        for (int i = rows.size(); i < record.size(); i++) {
            rows.add(record.row(i));
        }
    }

    private void updateStatus() {
        long now = System.nanoTime();
        long step = experiment.trainer().time();
        if (now - rateNanos >= 500_000_000L) {
            rate = (step - rateStep) / ((now - rateNanos) / 1e9);
            rateStep = step;
            rateNanos = now;
        }
        State state;
        String message = status.message();
        if (experiment.diverged()) {
            state = State.DIVERGED;
            running = false;
            if (status.state() != State.DIVERGED && experiment.neverFinite()) {
                message = "The run " + Divergence.atStart(experiment).replace("nothing was written", "there is"
                        + " nothing to continue") + " Change the settings and press Reset.";
            } else if (status.state() != State.DIVERGED) {
                message = String.format(java.util.Locale.ROOT, "Diverged at step %,d: the loss grew without bound."
                        + " The charts show step %,d, the last finite state. Press Reset and try a learning rate of"
                        + " %.2g or less (nine tenths of the stability bound at step %,d, where the loss was still"
                        + " falling).", experiment.divergedAt(), experiment.finalState().step(),
                        experiment.suggestedLearningRate(), experiment.lastFallingState().step());
            }
        } else if (failure != null) {
            state = State.PAUSED;
            message = failure;
        } else if (experiment.finished()) {
            state = State.FINISHED;
            message = String.format(java.util.Locale.ROOT, "Finished: all %,d steps are done.",
                    experiment.config().training().steps());
        } else if (running) {
            state = State.RUNNING;
            message = "";
        } else {
            state = State.PAUSED;
        }
        double shownRate = running ? rate : 0;
        status = new Status(state, step, experiment.trainer().epoch(), shownRate, message);
    }
}
