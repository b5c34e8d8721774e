package trlab.app.chart;

import io.fair_acc.chartfx.axes.spi.DefaultNumericAxis;
import io.fair_acc.chartfx.renderer.ContourType;
import io.fair_acc.chartfx.renderer.spi.ContourDataSetRenderer;
import io.fair_acc.chartfx.renderer.spi.ErrorDataSetRenderer;
import io.fair_acc.chartfx.renderer.spi.utils.ColorGradient;
import io.fair_acc.dataset.AxisDescription;
import io.fair_acc.dataset.DataSet;
import io.fair_acc.dataset.spi.DoubleDataSet;
import io.fair_acc.dataset.spi.DoubleGridDataSet;
import javafx.scene.Node;
import javafx.scene.paint.Color;
import javafx.scene.paint.Stop;
import javafx.util.StringConverter;
import trlab.core.Task;
import trlab.measure.Regions;
import trlab.measure.Series;
import trlab.measure.Snapshot;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The decision in space and time (SCIENCE.md §6, claim 10): the input across, the training time t up on a log scale,
 * each point coloured by its decision (the largest output, or the sign of f for one output), so the splits of the
 * input space into regions show as new bands appearing one after another. For a 1-D task; compared runs show the
 * selected one, named in the legend. The title gives the current number of regions.
 */
public final class DecisionChart extends ChartPane {
    /** Rows per decade of t: the recording schedule takes 20 samples a decade, so no sample falls between rows. */
    static final int ROWS_PER_DECADE = 40;
    /** The classes' colours: those of the output lines (Okabe-Ito), so class k reads as output k everywhere. */
    private static final Color[] COLOURS = {Color.web("#0072B2"), Color.web("#D55E00"), Color.web("#009E73"),
        Color.web("#CC79A7"), Color.web("#E69F00"), Color.web("#56B4E9")};

    private final DefaultNumericAxis zAxis = axis("decision", null, false);
    private final ContourDataSetRenderer map = new ContourDataSetRenderer() {
        {
            // the legend names each colour; a colour bar under the map would only repeat it
            ((Node) gradientBar).setVisible(false);
            ((Node) gradientBar).setManaged(false);
        }
    };
    private final DoubleGridDataSet grid = new DoubleGridDataSet("decision over x and t", 3);
    private final ErrorDataSetRenderer legend = lines();
    private int classes = -1;
    private final java.util.Map<Integer, DoubleDataSet> keys = new java.util.HashMap<>();

    DecisionChart() {
        super("Decision over time", axis("input x", null, false), axis("steps t", null, false));
        yAxis.setTickLabelFormatter(POWERS_OF_TEN);
        zAxis.setDimIndex(DataSet.DIM_Z);
        zAxis.setAutoRanging(false);
        zAxis.setVisible(false); // the legend names the colours
        map.setContourType(ContourType.HEATMAP);
        map.setSmooth(false);
        map.setShowInLegend(false);
        map.getAxes().addAll(xAxis, yAxis, zAxis);
        // the grid joins the map once filled: ChartFX's contour renderer fails on an empty grid
        legend.getAxes().addAll(xAxis, yAxis);
        chart.getRenderers().addAll(map, legend);
    }

    @Override
    public String fileName() {
        return "decision";
    }

    @Override
    protected void draw(ChartInput in) {
        Task task = in.task();
        int k = task.outputs();
        if (k != classes) {
            classes = k;
            int n = Math.max(2, k);
            zAxis.set(-0.5, n - 0.5);
            map.setColorGradient(gradient(n));
        }
        List<DataSet> keys = classKeys(in, k);
        ChartInput.Arm arm = in.arm();
        if (task.inputs() != 1 || arm.rows().isEmpty()) {
            chart.setTitle(task.inputs() != 1 ? "Decision over time (1-D tasks)" : "Decision over time");
            setIfChanged(map, List.of());
            setIfChanged(legend, keys);
            return;
        }
        List<double[]> rows = arm.rows();
        List<int[]> decisions = new ArrayList<>(arm.decisions().subList(0, Math.min(rows.size(),
                arm.decisions().size())));
        List<Double> steps = new ArrayList<>();
        for (int i = 0; i < decisions.size(); i++) {
            steps.add(rows.get(i)[Series.STEP.ordinal()]);
        }
        Snapshot live = arm.latest();
        if (live != null && (steps.isEmpty() || live.step() > steps.get(steps.size() - 1))) {
            decisions.add(Regions.decisions(live.curves().output(), k));
            steps.add((double) live.step());
        }
        if (decisions.isEmpty()) {
            setIfChanged(map, List.of());
            setIfChanged(legend, keys);
            return;
        }
        double top = fill(task, steps, decisions);
        setIfChanged(map, List.of(grid));
        // whole decades as ticks on the log10 t axis: 1, 10, 100, ... (every other one past eight decades)
        yAxis.setAutoRanging(false);
        yAxis.set(0, Math.max(1, top));
        yAxis.setTickUnit(top > 8 ? 2 : 1);
        double regions = live != null ? live.regions() : rows.get(rows.size() - 1)[Series.REGIONS.ordinal()];
        chart.setTitle(String.format(Locale.ROOT, "Decision over time: %.0f region%s now", regions,
                regions == 1 ? "" : "s"));
        setIfChanged(legend, keys);
    }

    /**
     * Fills the grid: one row every 1/40 of a decade from t = 1 to the latest step, each showing the latest sample
     * at or before its time (step 0 folds into the first row), so the picture's rows are evenly spaced in log t.
     *
     * @return log10 of the latest step, the top of the picture
     */
    private double fill(Task task, List<Double> steps, List<int[]> decisions) {
        int m = task.probeCount();
        double[] x = new double[m];
        System.arraycopy(task.probe(), 0, x, 0, m);
        double top = Math.log10(Math.max(1, steps.get(steps.size() - 1)));
        int rowCount = Math.max(2, (int) Math.ceil(top * ROWS_PER_DECADE) + 1);
        double[] y = new double[rowCount];
        double[] z = new double[rowCount * m];
        int sample = 0;
        for (int r = 0; r < rowCount; r++) {
            y[r] = top * r / (rowCount - 1);
            double t = Math.pow(10, y[r]);
            while (sample + 1 < steps.size() && steps.get(sample + 1) <= t * (1 + 1e-9)) {
                sample++;
            }
            int[] d = decisions.get(sample);
            for (int p = 0; p < m; p++) {
                z[r * m + p] = d[p];
            }
        }
        grid.lock().writeLockGuard(() -> {
            grid.set(false, new double[][]{x, y}, z);
            grid.getAxisDescriptions().forEach(AxisDescription::clear);
        });
        return top;
    }

    /** Legend entries naming each class's colour (and the run shown, in a comparison). */
    private List<DataSet> classKeys(ChartInput in, int k) {
        List<DataSet> keys = new ArrayList<>();
        if (k == 1) {
            keys.add(classKey(0, "f < 0"));
            keys.add(classKey(1, "f >= 0"));
        } else {
            for (int o = 0; o < k; o++) {
                keys.add(classKey(o, "output " + (o + 1) + " largest"));
            }
        }
        if (in.comparing()) {
            keys.add(mapKey(in));
        }
        return keys;
    }

    /** An empty set whose legend swatch has class c's colour (made once per class and kept). */
    private DoubleDataSet classKey(int c, String name) {
        DoubleDataSet key = keys.computeIfAbsent(c, k -> dataSet(name, "output-" + (k % COLOURS.length)));
        key.addStyleClasses("class-key");
        key.setName(name);
        return key;
    }

    /** Discrete bands: class c takes [c/n, (c+1)/n] of the gradient in one colour. */
    private static ColorGradient gradient(int n) {
        List<Stop> stops = new ArrayList<>();
        for (int c = 0; c < n; c++) {
            Color colour = COLOURS[c % COLOURS.length];
            stops.add(new Stop((double) c / n, colour));
            stops.add(new Stop((c + 1.0) / n - 1e-6, colour));
        }
        return new LevelledGradient("classes", stops.toArray(Stop[]::new));
    }

    /** Ticks of a log10(t) axis read as t: 0 -> "1", 3 -> "1,000", 6 -> "1e6". */
    private static final StringConverter<Number> POWERS_OF_TEN = new StringConverter<>() {
        @Override
        public String toString(Number v) {
            double decade = v.doubleValue();
            if (Math.abs(decade - Math.rint(decade)) > 1e-9) {
                return ""; // the axis may put a tick between two decades: only powers of ten are labelled
            }
            return decade < 5 ? String.format(Locale.ROOT, "%,.0f", Math.pow(10, decade))
                    : String.format(Locale.ROOT, "1e%.0f", decade);
        }

        @Override
        public Number fromString(String s) {
            return Math.log10(Double.parseDouble(s.replace(",", "")));
        }
    };
}
