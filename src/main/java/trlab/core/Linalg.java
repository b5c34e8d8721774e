package trlab.core;

/**
 * The few dense kernels the hot paths share, written for C2: the reductions keep several independent partial sums
 * (a double sum is otherwise one long chain of dependent adds, which C2 may not reorder), combined in a fixed
 * order so the result depends only on the inputs.
 */
public final class Linalg {
    private Linalg() {
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
