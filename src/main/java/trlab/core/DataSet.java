package trlab.core;

/**
 * P samples: inputs x (P rows of d, row-major) and targets y (P rows of K).
 *
 * <p>The arrays are shared, not copied: nobody writes to a data set after it is built.
 */
public record DataSet(int inputs, int outputs, int size, double[] x, double[] y) {
    public DataSet {
        if (x.length != size * inputs || y.length != size * outputs) {
            throw new IllegalArgumentException("data arrays do not match " + size + " samples of " + inputs
                    + " inputs and " + outputs + " outputs");
        }
    }

    public double x(int sample, int j) {
        return x[sample * inputs + j];
    }

    public double y(int sample, int k) {
        return y[sample * outputs + k];
    }
}
