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
 * be used again only once that call's {@link Results#helperDone} says so. It asks about that call alone: a helper
 * busy with other callers' calls (compared runs share it) leaves this one done, as it can no longer start any of
 * its tasks.
 */
final class Parallel {
    private static final long PATIENCE_NANOS = 500_000;
    private static final int FREE = 0;
    private static final int HELPER = 1;
    private static final int HELPER_DONE = 2;
    private static final int CALLER = 3;

    private static final ExecutorService HELPER_THREAD = Runtime.getRuntime().availableProcessors() < 2 ? null
            : Executors.newSingleThreadExecutor(r -> {
                Thread t = new Thread(r, "trlab-measure-helper");
                t.setDaemon(true);
                return t;
            });

    private Parallel() {
    }

    /**
     * The results of one call, in task order.
     *
     * @param claims who took each task (null when the caller did everything), see {@link #helperDone}
     */
    record Results(Object[] values, AtomicIntegerArray claims) {
        /**
         * Whether the helper has left every task of this call it took. Once {@link #run} returned, no task is free
         * any more, so the helper cannot take another.
         */
        boolean helperDone() {
            if (claims != null) {
                for (int i = 0; i < claims.length(); i++) {
                    if (claims.get(i) == HELPER) {
                        return false;
                    }
                }
            }
            return true;
        }
    }

    /** The results of the tasks, in task order. */
    static Results run(java.util.List<Supplier<?>> tasks) {
        int n = tasks.size();
        Object[] out = new Object[n];
        if (HELPER_THREAD == null || n < 2) {
            for (int i = 0; i < n; i++) {
                out[i] = tasks.get(i).get();
            }
            return new Results(out, null);
        }
        AtomicIntegerArray state = new AtomicIntegerArray(n);
        AtomicReferenceArray<Object> results = new AtomicReferenceArray<>(n);
        Object lock = new Object();
        HELPER_THREAD.execute(() -> helpWith(tasks, state, results, lock));
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
        return new Results(out, state);
    }

    private static void helpWith(java.util.List<Supplier<?>> tasks, AtomicIntegerArray state,
                                 AtomicReferenceArray<Object> results, Object lock) {
        for (int i = tasks.size() - 1; i >= 0; i--) {
            if (state.compareAndSet(i, FREE, HELPER)) {
                try {
                    results.compareAndSet(i, null, tasks.get(i).get());
                } catch (RuntimeException | Error e) {
                    // left unfinished: the caller computes it and meets the same error on its own thread
                } finally {
                    state.set(i, HELPER_DONE);
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
