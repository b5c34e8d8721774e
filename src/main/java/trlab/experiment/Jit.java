package trlab.experiment;

import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;

/**
 * How busy the JIT compilers are. A timing means something only once they have compiled the code it times: a
 * window's code compiles for 30-60 s, and a snapshot's for seconds after its first hundreds of calls (methods it
 * calls once each reach C2 late). Timed meanwhile, a compiler thread on one of two cores is measured as much as the
 * code.
 */
public final class Jit {
    /** The JIT has settled when it compiles for less than this share of the time. */
    public static final double SETTLED_SHARE = 0.1;

    private Jit() {
    }

    /** The compilers' time so far, all their threads together, in milliseconds; -1 if the JVM does not say. */
    public static long compileMillis() {
        CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
        return jit != null && jit.isCompilationTimeMonitoringSupported() ? jit.getTotalCompilationTime() : -1;
    }

    /**
     * Whether the compilers took less than {@link #SETTLED_SHARE} of {@code elapsedMillis} between two readings of
     * {@link #compileMillis}; never for a JVM that does not say.
     */
    public static boolean settled(long before, long after, double elapsedMillis) {
        return before >= 0 && after >= 0 && after - before < SETTLED_SHARE * elapsedMillis;
    }
}
