package trlab.experiment;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import trlab.core.Task;
import trlab.measure.Curves;
import trlab.measure.PowerLawFit;
import trlab.measure.Regions;
import trlab.measure.Series;
import trlab.measure.Snapshot;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * What a run leaves behind (SCIENCE.md §5): the scalar series of every recorded snapshot and the curves of the last
 * one, written as run.json, metrics.csv and final-state.json. Only scalars are kept per sample, so a long run's
 * record stays small.
 */
public final class RunRecord {
    public static final String RUN_JSON = "run.json";
    public static final String METRICS_CSV = "metrics.csv";
    public static final String FINAL_STATE = "final-state.json";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final Series[] SERIES = Series.values();
    /** The part of a run, by time, that late means average: t >= LATE_FRACTION * T. */
    public static final double LATE_FRACTION = 0.5;

    private final Task task;
    private final StateFile.State initialState;
    private final List<double[]> rows = new ArrayList<>();
    private final List<int[]> decisions = new ArrayList<>();
    private Snapshot first;
    private Snapshot last;

    public RunRecord(Task task, StateFile.State initialState) {
        this.task = task;
        this.initialState = StateFile.copyOf(initialState);
    }

    public void add(Snapshot s) {
        double[] row = new double[SERIES.length];
        for (int i = 0; i < SERIES.length; i++) {
            row[i] = SERIES[i].of(s);
        }
        rows.add(row);
        decisions.add(Regions.decisions(s.curves().output(), task.outputs()));
        if (first == null) {
            first = s;
        }
        last = s;
    }

    /**
     * Forgets the kernel models' errors recorded before step {@code t0}, where models that have been replaced were
     * measured, and takes the errors of the new ones at t0 when t0 is the last recorded step.
     *
     * @param atStart the last recorded snapshot with the new models' values, or null when t0 was not recorded
     */
    void forgetModels(long t0, Snapshot atStart) {
        for (int i = 0; i < rows.size(); i++) {
            double[] row = rows.get(i);
            if (row[Series.STEP.ordinal()] < t0) {
                row[Series.FROZEN_MODEL_ERROR.ordinal()] = Double.NaN;
                row[Series.LAW_MODEL_ERROR.ordinal()] = Double.NaN;
            }
        }
        if (atStart != null) {
            double[] row = rows.get(rows.size() - 1);
            row[Series.FROZEN_MODEL_ERROR.ordinal()] = Series.FROZEN_MODEL_ERROR.of(atStart);
            row[Series.LAW_MODEL_ERROR.ordinal()] = Series.LAW_MODEL_ERROR.of(atStart);
            last = atStart;
        }
    }

    /**
     * The decision over the probe grid at recorded sample i (the largest output, or the sign of f): the history the
     * space-time picture of the regions draws. A few hundred small arrays for a whole run.
     */
    public int[] decision(int i) {
        return decisions.get(i).clone();
    }

    /** Every recorded decision, oldest first (copies). */
    public List<int[]> decisions() {
        List<int[]> copy = new ArrayList<>(decisions.size());
        for (int[] d : decisions) {
            copy.add(d.clone());
        }
        return copy;
    }

    /** The recorded values of one series, oldest first. */
    public double[] series(Series series) {
        double[] v = new double[rows.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = rows.get(i)[series.ordinal()];
        }
        return v;
    }

    public int size() {
        return rows.size();
    }

    /** The last finite value of a series, or NaN. */
    public double last(Series series) {
        double[] v = series(series);
        for (int i = v.length - 1; i >= 0; i--) {
            if (Double.isFinite(v[i])) {
                return v[i];
            }
        }
        return Double.NaN;
    }

    /** The mean of a series' finite values recorded in the late half of the run, t >= T/2, or NaN. */
    public double lateMean(Series series) {
        return lateMean(series(series));
    }

    /** The late mean of values given one per recorded sample (a series, or one computed from several). */
    public double lateMean(double[] values) {
        double[] steps = series(Series.STEP);
        double from = steps.length == 0 ? 0 : LATE_FRACTION * steps[steps.length - 1];
        double sum = 0;
        int n = 0;
        for (int i = 0; i < values.length; i++) {
            if (steps[i] >= from && Double.isFinite(values[i])) {
                sum += values[i];
                n++;
            }
        }
        return n == 0 ? Double.NaN : sum / n;
    }

    /** Recorded sample i: one value per {@link Series}, in their order. */
    public double[] row(int i) {
        return rows.get(i).clone();
    }

    /** Every recorded sample, oldest first (copies). */
    public List<double[]> rows() {
        List<double[]> copy = new ArrayList<>(rows.size());
        for (double[] row : rows) {
            copy.add(row.clone());
        }
        return copy;
    }

    /** The first recorded snapshot (the run's starting point), or null. */
    public Snapshot first() {
        return first;
    }

    public Snapshot last() {
        return last;
    }

    public StateFile.State initialState() {
        return initialState;
    }

    /**
     * The record as the JSON of run.json.
     *
     * @param finalState  the state the run ended in
     * @param agingFit    the power-law fit over the run's last two decades, or null
     * @param divergedAt  the step at which the loss or a parameter stopped being finite, or -1
     * @param suggestedLearningRate after divergence, a learning rate below the stability bound; else NaN
     */
    public ObjectNode toTree(StateFile.State finalState, PowerLawFit agingFit, long divergedAt,
                             double suggestedLearningRate) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        ObjectNode root = f.objectNode();
        root.set("config", finalState.config().toJsonTree());
        root.put("diverged", divergedAt >= 0);
        if (divergedAt >= 0) {
            root.put("divergedAtStep", divergedAt);
            root.put("lastFiniteStep", finalState.step());
            root.put("suggestedLearningRate", suggestedLearningRate);
        }
        root.set("initialState", StateFile.toTree(initialState));
        root.set("finalState", StateFile.toTree(finalState));
        ObjectNode series = root.putObject("series");
        for (Series s : SERIES) {
            ArrayNode a = series.putArray(s.key());
            for (double[] row : rows) {
                if (s.integral() && Double.isFinite(row[s.ordinal()])) {
                    a.add((long) row[s.ordinal()]);
                } else {
                    number(a, row[s.ordinal()]);
                }
            }
        }
        ObjectNode undefined = undefined(finalState);
        if (!undefined.isEmpty()) {
            root.set("undefined", undefined);
        }
        if (last != null) {
            root.set("probe", probe(last.curves()));
            ObjectNode neurons = root.putObject("neurons");
            neurons.set("projection", rows(last.curves().projection().coordinates(), 2));
            neurons.set("explainedVariance", values(last.curves().projection().explained()));
            neurons.set("contribution", values(last.curves().contributions()));
        }
        if (agingFit != null) {
            ObjectNode aging = root.putObject("agingFit");
            aging.put("alpha", agingFit.alpha());
            aging.put("error", agingFit.error());
            aging.put("samples", agingFit.samples());
        }
        return root;
    }

    /**
     * Why a series holds nulls, beside them: for each series with a value that is not defined or not finite, how
     * many samples and from which step, and the reason. A series is never silently null.
     */
    private ObjectNode undefined(StateFile.State finalState) {
        ObjectNode why = JsonNodeFactory.instance.objectNode();
        for (Series s : SERIES) {
            int count = 0;
            long from = -1;
            for (double[] row : rows) {
                if (!Double.isFinite(row[s.ordinal()])) {
                    count++;
                    from = from < 0 ? (long) row[Series.STEP.ordinal()] : from;
                }
            }
            if (count > 0) {
                why.put(s.key(), "null at " + count + " of " + rows.size() + " samples, from step " + from + ": "
                        + reason(s, finalState));
            }
        }
        return why;
    }

    private String reason(Series s, StateFile.State finalState) {
        return switch (s) {
            case TEST_LOSS -> task.probeTarget() == null ? "the task has no clean targets to test on"
                    : "the loss on the clean targets overflows double precision";
            case AGING_EXPONENT, AGING_EXPONENT_ERROR -> "the fit needs at least 3 recorded samples in [t/10, t]"
                    + " with a positive, finite kernel amplitude";
            case NOISE_FRAGILITY -> "the loss of the network under weight noise (measure.noiseEpsilon = "
                    + finalState.config().measure().noiseEpsilon() + ") overflows double precision";
            case KERNEL_AMPLITUDE, KERNEL_AMPLITUDE_OUTPUT, KERNEL_AMPLITUDE_HIDDEN, KERNEL_DRIFT ->
                    "the kernel overflows double precision (inputs, weights or outputs too large)";
            case SHAPE_DRIFT, KERNEL_WIDTH -> "the kernel at a reference input is zero or overflows double precision,"
                    + " so its shape is not defined";
            case FROZEN_MODEL_ERROR, LAW_MODEL_ERROR -> finalState.config().theory().models()
                    ? "the kernel models run from step t0 = " + finalState.config().theory().start()
                    + " (theory.start) and have no value before it, or their outputs overflow double precision"
                    : "the kernel models are off (theory.models)";
            default -> "the value overflows double precision or is not defined for this network";
        };
    }

    private ObjectNode probe(Curves c) {
        int d = task.inputs();
        int k = task.outputs();
        int m = task.probeCount();
        int r = c.references().length;
        ObjectNode p = JsonNodeFactory.instance.objectNode();
        p.set("x", rows(task.probe(), d));
        p.set("references", rows(Arrays.copyOf(c.referenceX(), r * d), d));
        ArrayNode idx = p.putArray("referenceIndices");
        for (int i : c.references()) {
            idx.add(i);
        }
        p.set("output", rows(c.output(), k));
        p.set("ntk", rows(Arrays.copyOf(c.ntk().total(), r * m), m));
        p.set("ntkOutputPart", rows(Arrays.copyOf(c.ntk().output(), r * m), m));
        p.set("ntkHiddenPart", rows(Arrays.copyOf(c.ntk().hidden(), r * m), m));
        ArrayNode response = p.putArray("response");
        for (int q = 0; q < r; q++) {
            ArrayNode row = response.addArray();
            for (int i = 0; i < m; i++) {
                if (k == 1) {
                    number(row, c.response()[q * m + i]);
                } else {
                    ArrayNode perOutput = row.addArray();
                    for (int o = 0; o < k; o++) {
                        number(perOutput, c.response()[(q * m + i) * k + o]);
                    }
                }
            }
        }
        p.set("featureSpectrum", values(c.spectrum()));
        if (c.frozenModelOutput() != null) {
            // on the feature grid, the probe part of the models' grid: the probe grid for d = 1
            p.set("frozenModelOutput", rows(c.frozenModelOutput(), k));
            p.set("lawModelOutput", rows(c.lawModelOutput(), k));
        }
        return p;
    }

    /** metrics.csv: one column per series, one row per recorded sample; an undefined value is left empty. */
    public String toCsv() {
        StringBuilder sb = new StringBuilder();
        appendCsvHeader(sb);
        for (double[] row : rows) {
            appendCsvRow(sb, row);
        }
        return sb.toString();
    }

    /** The header line of metrics.csv: the key of every series. */
    static void appendCsvHeader(StringBuilder sb) {
        for (int i = 0; i < SERIES.length; i++) {
            sb.append(i == 0 ? "" : ",").append(SERIES[i].key());
        }
        sb.append('\n');
    }

    /** One line of metrics.csv: the step as a whole number, an undefined value left empty. */
    static void appendCsvRow(StringBuilder sb, double[] row) {
        for (int i = 0; i < row.length; i++) {
            if (i > 0) {
                sb.append(',');
            }
            if (SERIES[i].integral() && Double.isFinite(row[i])) {
                sb.append((long) row[i]);
            } else if (Double.isFinite(row[i])) {
                sb.append(row[i]);
            }
        }
        sb.append('\n');
    }

    /** Writes run.json, metrics.csv and final-state.json into dir (created if needed), each file atomically. */
    public void write(Path dir, StateFile.State finalState, PowerLawFit agingFit, long divergedAt,
                      double suggestedLearningRate) throws IOException {
        Files.createDirectories(dir);
        String runJson;
        try {
            runJson = JSON.writeValueAsString(toTree(finalState, agingFit, divergedAt, suggestedLearningRate));
        } catch (JsonProcessingException e) {
            throw new IOException(e);
        }
        AtomicFiles.write(dir.resolve(RUN_JSON), runJson);
        AtomicFiles.write(dir.resolve(METRICS_CSV), toCsv());
        StateFile.write(finalState, dir.resolve(FINAL_STATE));
    }

    private static void number(ArrayNode a, double v) {
        if (Double.isFinite(v)) {
            a.add(v);
        } else {
            a.addNull();
        }
    }

    private static ArrayNode values(double[] v) {
        ArrayNode a = JsonNodeFactory.instance.arrayNode(v.length);
        for (double x : v) {
            number(a, x);
        }
        return a;
    }

    private static ArrayNode rows(double[] v, int cols) {
        ArrayNode a = JsonNodeFactory.instance.arrayNode();
        for (int r = 0; r < v.length / cols; r++) {
            ArrayNode row = a.addArray();
            for (int j = 0; j < cols; j++) {
                number(row, v[r * cols + j]);
            }
        }
        return a;
    }
}
