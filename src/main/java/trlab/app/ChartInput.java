package trlab.app;

import trlab.core.Task;
import trlab.experiment.RunRecord;
import trlab.measure.Snapshot;

import java.util.ArrayList;
import java.util.List;

/**
 * Everything a chart draws from, as the training thread published it: the task, the recorded rows (one value per
 * {@link trlab.measure.Series}), the run's first snapshot and its latest one. Charts only read it.
 */
public record ChartInput(Task task, List<double[]> rows, Snapshot first, Snapshot latest) {

    /** What a finished run's charts show: its recorded rows, from its first to its last recorded snapshot. */
    public static ChartInput ofRecord(Task task, RunRecord record) {
        List<double[]> rows = new ArrayList<>(record.size());
        for (int i = 0; i < record.size(); i++) {
            rows.add(record.row(i));
        }
        return new ChartInput(task, rows, record.first(), record.last());
    }
}
