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
 * {@link #IDLE_NANOS} without work it parks, so a paused run costs no CPU. The thread holds only the job, never its
 * owner, so an owner dropped without {@link #stop()} can still be collected (its Cleaner then stops the thread).
 */
final class BatchWorker implements Runnable {
    /**
     * After a job the worker spins this long (a step's update takes less), then yields its core for up to
     * {@link #IDLE_NANOS} (when the machine is busy, a spinning helper would take the core the trainer's own
     * thread needs), then parks.
     */
    private static final long SPIN_NANOS = 20_000;
    private static final long IDLE_NANOS = 200_000;
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

    Thread thread() {
        return thread;
    }

    @Override
    public void run() {
        long seen = 0;
        while (true) {
            long idleSince = System.nanoTime();
            int spins = 0;
            while (requested == seen && !stopped) {
                if ((++spins & 63) != 0) {
                    Thread.onSpinWait();
                    continue;
                }
                long idle = System.nanoTime() - idleSince;
                if (idle < SPIN_NANOS) {
                    Thread.onSpinWait();
                } else if (idle < IDLE_NANOS) {
                    Thread.yield();
                } else {
                    sleeping = true;
                    if (requested == seen && !stopped) {
                        LockSupport.park(this);
                    }
                    sleeping = false;
                    idleSince = System.nanoTime();
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
