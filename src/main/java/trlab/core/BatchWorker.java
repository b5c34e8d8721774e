package trlab.core;

import java.util.concurrent.locks.LockSupport;

/**
 * A daemon thread that helps its owner with one job at a time: the owner calls {@link #start()}, which returns at
 * once, and the thread calls the job with the request's serial number. The job must be safe to run late or not at
 * all: the owner takes whatever part of the work the helper has not claimed yet (see {@link BatchGradient}), so a
 * helper that the OS does not schedule (both cores busy) slows nothing down, and nobody waits for a thread that
 * has not started.
 *
 * <p>While steps come quickly the thread spins (a handoff then costs well under a microsecond); after
 * {@link #SPIN_NANOS} without work it parks, so a paused run costs no CPU. The thread holds only the job, never its
 * owner, so an owner dropped without {@link #stop()} can still be collected (its Cleaner then stops the thread).
 */
final class BatchWorker implements Runnable {
    /** How long the worker keeps spinning after a job before it parks. */
    private static final long SPIN_NANOS = 200_000;
    private final java.util.function.LongConsumer job;
    private final Thread thread;
    private volatile long requested;
    private volatile boolean sleeping;
    private volatile boolean stopped;

    BatchWorker(java.util.function.LongConsumer job, String name) {
        this.job = job;
        this.thread = new Thread(this, name);
        thread.setDaemon(true);
        thread.start();
    }

    /** Hands request {@code serial} (different from the last one) to the thread; returns at once. */
    void start(long serial) {
        requested = serial;
        // sleeping is read after requested was written (both volatile): either the worker sees the new request
        // before it parks, or we see it asleep and wake it
        if (sleeping) {
            LockSupport.unpark(thread);
        }
    }

    /** Ends the thread (idempotent); it finishes a job in progress first. */
    void stop() {
        stopped = true;
        LockSupport.unpark(thread);
    }

    boolean alive() {
        return thread.isAlive();
    }

    @Override
    public void run() {
        long seen = 0;
        while (true) {
            long spinUntil = System.nanoTime() + SPIN_NANOS;
            int spins = 0;
            while (requested == seen && !stopped) {
                if ((++spins & 255) == 0 && System.nanoTime() > spinUntil) {
                    sleeping = true;
                    if (requested == seen && !stopped) {
                        LockSupport.park(this);
                    }
                    sleeping = false;
                    spinUntil = System.nanoTime() + SPIN_NANOS;
                } else {
                    Thread.onSpinWait();
                }
            }
            if (requested == seen) {
                return; // stopped with nothing to do
            }
            seen = requested;
            job.accept(seen);
            if (stopped) {
                return;
            }
        }
    }
}
