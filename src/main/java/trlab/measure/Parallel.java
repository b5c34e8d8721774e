package trlab.measure;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.Supplier;

/**
 * Runs independent measurement tasks on the calling thread and one shared helper thread (when the machine has a
 * second core). Each task computes a result from inputs nobody writes meanwhile; the same task always gives the
 * same result, so the numbers never depend on which thread ran what. A task may run twice at once (see below):
 * it must return a new result, or write only final values into memory that readers share.
 *
 * <p>The caller takes tasks from the front of the list (put the long ones there), the helper from the back. When
 * the caller runs out, it waits for the helper's unfinished tasks, but only {@link #PATIENCE_NANOS}: a task
 * still unfinished then (the helper was not given a core: the lab machine shares its two cores with other
 * programs) the caller computes itself, and whichever result comes first is kept. So a busy machine costs at most
 * the time of one short task, never a wait for a thread that does not run.
 *
 * <p>A helper that was late may still be computing after {@link #run} returned. Memory its tasks write into may
 * be used again only once {@link #finished} says so for that call's {@link Results#job}.
 */
final class Parallel {
    private static final long PATIENCE_NANOS = 500_000;
    private static final int FREE = 0;
    private static final int HELPER = 1;
    private static final int CALLER = 2;

    private static final ExecutorService HELPER_THREAD = Runtime.getRuntime().availableProcessors() < 2 ? null
            : Executors.newSingleThreadExecutor(r -> {
                Thread t = new Thread(r, "trlab-measure-helper");
                t.setDaemon(true);
                return t;
            });

    /** Helper jobs handed out, and the last one done: the helper runs them one at a time, in order. */
    private static final Object SUBMIT = new Object();
    private static long submitted;
    private static volatile long finished;

    private Parallel() {
    }

    /**
     * The results of one call, in task order.
     *
     * @param job the helper's job for this call (0 when the caller did everything), see {@link #finished}
     */
    record Results(Object[] values, long job) {
    }

    /** The results of the tasks, in task order. */
    static Results run(java.util.List<Supplier<?>> tasks) {
        int n = tasks.size();
        Object[] out = new Object[n];
        if (HELPER_THREAD == null || n < 2) {
            for (int i = 0; i < n; i++) {
                out[i] = tasks.get(i).get();
            }
            return new Results(out, 0);
        }
        AtomicIntegerArray state = new AtomicIntegerArray(n);
        AtomicReferenceArray<Object> results = new AtomicReferenceArray<>(n);
        Object lock = new Object();
        long job;
        synchronized (SUBMIT) {
            // numbered in the order the executor queues them
            job = ++submitted;
            HELPER_THREAD.execute(() -> {
                helpWith(tasks, state, results, lock);
                finished = job;
            });
        }
        for (int i = 0; i < n; i++) {
            if (state.compareAndSet(i, FREE, CALLER)) {
                results.set(i, tasks.get(i).get());
            }
        }
        long deadline = System.nanoTime() + PATIENCE_NANOS;
        for (int i = 0; i < n; i++) {
            if (results.get(i) == null) {
                awaitOrCompute(i, tasks.get(i), results, lock, deadline);
            }
            out[i] = results.get(i);
        }
        return new Results(out, job);
    }

    /** Whether the helper is done with {@code job} and every job before it. */
    static boolean finished(long job) {
        return finished >= job;
    }

    private static void helpWith(java.util.List<Supplier<?>> tasks, AtomicIntegerArray state,
                                 AtomicReferenceArray<Object> results, Object lock) {
        for (int i = tasks.size() - 1; i >= 0; i--) {
            if (state.compareAndSet(i, FREE, HELPER)) {
                try {
                    results.compareAndSet(i, null, tasks.get(i).get());
                } catch (RuntimeException | Error e) {
                    // left unfinished: the caller computes it and meets the same error on its own thread
                }
                synchronized (lock) {
                    lock.notifyAll();
                }
            }
        }
    }

    private static void awaitOrCompute(int i, Supplier<?> task, AtomicReferenceArray<Object> results, Object lock,
                                       long deadline) {
        synchronized (lock) {
            long left;
            while (results.get(i) == null && (left = deadline - System.nanoTime()) > 0) {
                try {
                    lock.wait(left / 1_000_000, (int) (left % 1_000_000));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
        }
        if (results.get(i) == null) {
            results.compareAndSet(i, null, task.get());
        }
    }
}
