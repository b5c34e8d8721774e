package trlab.core;

import com.sun.management.HotSpotDiagnosticMXBean;
import java.lang.management.ManagementFactory;

/**
 * The few dense kernels the hot paths share, written for C2: the reductions keep several independent partial sums
 * (a double sum is otherwise one long chain of dependent adds, which C2 may not reorder), combined in a fixed
 * order so the result depends only on the inputs.
 */
public final class Linalg {
    /**
     * Whether {@link #madd} is fused: the JVM computes Math.fma with the CPU's FMA instruction (its UseFMA flag; x86
     * since 2013, every 64-bit ARM). Without the instruction Math.fma runs in software, hundreds of times slower.
     */
    public static final boolean FUSED = jvmUsesFma();

    private Linalg() {
    }

    /**
     * a b + c: one fused multiply-add (rounded once, a third fewer operations in a vectorised loop) where the CPU
     * has the instruction, a multiply and an add elsewhere. Exact IEEE arithmetic either way, so a result is the
     * same bit for bit on every machine of one kind; FUSED is a constant, so each loop compiles to one kind.
     */
    public static double madd(double a, double b, double c) {
        return FUSED ? Math.fma(a, b, c) : a * b + c;
    }

    private static boolean jvmUsesFma() {
        try {
            return Boolean.parseBoolean(ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class)
                    .getVMOption("UseFMA").getValue());
        } catch (RuntimeException | LinkageError e) {
            return false; // not HotSpot, or no management module: the plain kind is never slow
        }
    }

    /** sum_i a[ao + i] b[bo + i] over i in [0, n), as four interleaved partial sums added pairwise. */
    public static double dot(double[] a, int ao, double[] b, int bo, int n) {
        double s0 = 0;
        double s1 = 0;
        double s2 = 0;
        double s3 = 0;
        int i = 0;
        for (; i + 3 < n; i += 4) {
            s0 += a[ao + i] * b[bo + i];
            s1 += a[ao + i + 1] * b[bo + i + 1];
            s2 += a[ao + i + 2] * b[bo + i + 2];
            s3 += a[ao + i + 3] * b[bo + i + 3];
        }
        for (; i < n; i++) {
            s0 += a[ao + i] * b[bo + i];
        }
        return (s0 + s1) + (s2 + s3);
    }

    /**
     * out[q] = dot(a, ao, b, o_q, n) for q = 0, 1, 2, 3: each summed exactly as {@link #dot} sums it, the four
     * side by side. One dot is a chain of dependent adds, so its adds wait on each other; four independent ones
     * fill those waits (timed about a third faster than four dots in a row).
     */
    public static void dot4(double[] a, int ao, double[] b, int o0, int o1, int o2, int o3, int n, double[] out) {
        double s00 = 0;
        double s01 = 0;
        double s02 = 0;
        double s03 = 0;
        double s10 = 0;
        double s11 = 0;
        double s12 = 0;
        double s13 = 0;
        double s20 = 0;
        double s21 = 0;
        double s22 = 0;
        double s23 = 0;
        double s30 = 0;
        double s31 = 0;
        double s32 = 0;
        double s33 = 0;
        int i = 0;
        for (; i + 3 < n; i += 4) {
            double a0 = a[ao + i];
            double a1 = a[ao + i + 1];
            double a2 = a[ao + i + 2];
            double a3 = a[ao + i + 3];
            s00 += a0 * b[o0 + i];
            s01 += a1 * b[o0 + i + 1];
            s02 += a2 * b[o0 + i + 2];
            s03 += a3 * b[o0 + i + 3];
            s10 += a0 * b[o1 + i];
            s11 += a1 * b[o1 + i + 1];
            s12 += a2 * b[o1 + i + 2];
            s13 += a3 * b[o1 + i + 3];
            s20 += a0 * b[o2 + i];
            s21 += a1 * b[o2 + i + 1];
            s22 += a2 * b[o2 + i + 2];
            s23 += a3 * b[o2 + i + 3];
            s30 += a0 * b[o3 + i];
            s31 += a1 * b[o3 + i + 1];
            s32 += a2 * b[o3 + i + 2];
            s33 += a3 * b[o3 + i + 3];
        }
        for (; i < n; i++) {
            double ai = a[ao + i];
            s00 += ai * b[o0 + i];
            s10 += ai * b[o1 + i];
            s20 += ai * b[o2 + i];
            s30 += ai * b[o3 + i];
        }
        out[0] = (s00 + s01) + (s02 + s03);
        out[1] = (s10 + s11) + (s12 + s13);
        out[2] = (s20 + s21) + (s22 + s23);
        out[3] = (s30 + s31) + (s32 + s33);
    }

    /**
     * y[yo + i] += alpha x[xo + i] over i in [0, n). (C2 vectorises this only where it can prove xo == yo or inlines
     * constants: JDK 17 does not vectorise loops whose arrays carry different offsets. Hot loops therefore index
     * every array by the same i.)
     */
    public static void axpy(double alpha, double[] x, int xo, double[] y, int yo, int n) {
        for (int i = 0; i < n; i++) {
            y[yo + i] += alpha * x[xo + i];
        }
    }
}
