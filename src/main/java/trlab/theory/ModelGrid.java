package trlab.theory;

import trlab.core.Task;

/**
 * The model grid Z of SCIENCE.md §6: the P training inputs, then the probe part, which is the probe grid for d = 1
 * and the 21 x 21 sub-grid for d = 2: the task's feature grid in both cases. The models' errors and outputs are
 * read on the probe part.
 */
public final class ModelGrid {
    private ModelGrid() {
    }

    /** The inputs of the probe part, rows of d. */
    public static double[] probePart(Task task) {
        return task.featureGrid();
    }

    /** The number of points in the probe part. */
    public static int probeCount(Task task) {
        return task.featureCount();
    }

    /** |Z| = P + the probe part's size. */
    public static int size(Task task) {
        return task.train().size() + probeCount(task);
    }

    /** Every input of Z, rows of d: the training inputs first. */
    public static double[] inputs(Task task) {
        int d = task.inputs();
        int p = task.train().size();
        double[] z = new double[size(task) * d];
        System.arraycopy(task.train().x(), 0, z, 0, p * d);
        System.arraycopy(probePart(task), 0, z, p * d, probeCount(task) * d);
        return z;
    }
}
