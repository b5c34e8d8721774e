package trlab.core;

/**
 * A task: the training data, and the probe grid on which curves and kernels are drawn.
 *
 * @param train        the P training samples
 * @param probe        the probe inputs, M rows of d: M evenly spaced points for d = 1, a G x G grid for d = 2
 *                     (row r, column c at index r*G + c, with x1 from column c and x2 from row r)
 * @param probeCount   M (G² for d = 2)
 * @param gridSide     G for d = 2, 0 for d = 1
 * @param probeTarget  the clean target function on the probe grid (M rows of K), or null where the task has none
 * @param featureGrid  the inputs over which the hidden features are compared: the probe grid for d = 1, a
 *                     21 x 21 grid over the same square for d = 2
 * @param featureCount the number of feature-grid points
 * @param lower        lower corner of the input range (d values)
 * @param upper        upper corner of the input range (d values)
 */
public record Task(TaskKind kind, DataSet train, double[] probe, int probeCount, int gridSide, double[] probeTarget,
                   double[] featureGrid, int featureCount, double[] lower, double[] upper) {

    /** The same task trained on other data of the same shape (a state file's data). */
    public Task withTrain(DataSet data) {
        if (data.inputs() != train.inputs() || data.outputs() != train.outputs()) {
            throw new IllegalArgumentException("data has " + data.inputs() + " inputs and " + data.outputs()
                    + " outputs; the task has " + train.inputs() + " and " + train.outputs());
        }
        return new Task(kind, data, probe, probeCount, gridSide, probeTarget, featureGrid, featureCount, lower, upper);
    }

    public int inputs() {
        return train.inputs();
    }

    public int outputs() {
        return train.outputs();
    }
}
