package trlab.app.chart;

import trlab.core.Task;
import trlab.experiment.RunRecord;
import trlab.measure.Snapshot;

import java.util.ArrayList;
import java.util.List;

/**
 * Everything a chart draws from, as the training threads published it: the task and, for each run (one, or the
 * arms of a comparison, which share the task), its recorded rows (one value per {@link trlab.measure.Series}), its
 * first snapshot and its latest one. Charts only read it. A comparison's charts overlay every arm; what cannot be
 * overlaid (a heat map) shows the selected arm.
 */
public record ChartInput(Task task, List<Arm> arms, int selected) {

    /**
     * One run's part: its label (what sets it apart; empty for a lone run), its colour (0 .. 3, kept while other
     * runs come and go), its rows, first and latest snapshot, and the decision over the probe grid at each row (at
     * least as many as rows; none where no chart needs them).
     */
    public record Arm(String label, int colour, List<double[]> rows, Snapshot first, Snapshot latest,
                      List<int[]> decisions) {

        /** An arm without the decisions' history. */
        public Arm(String label, int colour, List<double[]> rows, Snapshot first, Snapshot latest) {
            this(label, colour, rows, first, latest, List.of());
        }
    }

    public ChartInput {
        arms = List.copyOf(arms);
        if (arms.isEmpty() || selected < 0 || selected >= arms.size()) {
            throw new IllegalArgumentException("no arm " + selected + " among " + arms.size());
        }
    }

    /** A lone run. */
    public ChartInput(Task task, List<double[]> rows, Snapshot first, Snapshot latest) {
        this(task, List.of(new Arm("", 0, rows, first, latest)), 0);
    }

    /** What a finished run's charts show: its recorded rows, from its first to its last recorded snapshot. */
    public static ChartInput ofRecord(Task task, RunRecord record) {
        return ofRecords(task, List.of(""), List.of(record));
    }

    /** Finished arms of a comparison, each under its label; the first is the selected one. */
    public static ChartInput ofRecords(Task task, List<String> labels, List<RunRecord> records) {
        List<Arm> arms = new ArrayList<>(records.size());
        for (int a = 0; a < records.size(); a++) {
            RunRecord record = records.get(a);
            arms.add(new Arm(labels.get(a), a, record.rows(), record.first(), record.last(), record.decisions()));
        }
        return new ChartInput(task, arms, 0);
    }

    /** Whether several runs are compared (and every chart overlays them). */
    public boolean comparing() {
        return arms.size() > 1;
    }

    /**
     * The arm that what cannot overlay (a heat map, the reference chooser) shows: the lone run, or the one a
     * comparison's controls edit; while that one has no snapshot yet (a run just added), the first that has.
     */
    public Arm arm() {
        Arm chosen = arms.get(selected);
        if (chosen.latest() == null) {
            for (Arm a : arms) {
                if (a.latest() != null) {
                    return a;
                }
            }
        }
        return chosen;
    }

    public List<double[]> rows() {
        return arm().rows();
    }

    public Snapshot first() {
        return arm().first();
    }

    public Snapshot latest() {
        return arm().latest();
    }
}
