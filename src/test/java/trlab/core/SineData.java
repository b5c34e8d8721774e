package trlab.core;

/** The default task's data for the core tests, built here rather than by Tasks: P points on [-1, 1], y = sin(3x). */
final class SineData {
    private SineData() {
    }

    static DataSet of(int p) {
        double[] x = new double[p];
        double[] y = new double[p];
        for (int n = 0; n < p; n++) {
            x[n] = -1 + 2.0 * n / (p - 1);
            y[n] = Math.sin(3 * x[n]);
        }
        return new DataSet(1, 1, p, x, y);
    }
}
