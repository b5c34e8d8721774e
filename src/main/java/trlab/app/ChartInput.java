package trlab.app;

import trlab.core.Task;
import trlab.measure.Snapshot;

import java.util.List;

/**
 * Everything a chart draws from, as the training thread published it: the task, the recorded rows (one value per
 * {@link trlab.measure.Series}), the run's first snapshot and its latest one. Charts only read it.
 */
public record ChartInput(Task task, List<double[]> rows, Snapshot first, Snapshot latest) {
}
