package trlab.app.chart;

import io.fair_acc.chartfx.axes.spi.DefaultNumericAxis;
import io.fair_acc.chartfx.renderer.Renderer;
import io.fair_acc.chartfx.renderer.spi.ErrorDataSetRenderer;
import io.fair_acc.chartfx.renderer.spi.utils.ColorGradient;
import io.fair_acc.chartfx.ui.geometry.Side;
import io.fair_acc.dataset.DataSet;
import io.fair_acc.dataset.spi.DoubleDataSet;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import trlab.core.Task;
import trlab.measure.Curves;
import trlab.measure.Kernel;
import trlab.measure.Snapshot;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The training response at one reference input x_r (SCIENCE.md §3): how a training step at x_r moves the output at
 * every probe input x'.
 *
 * <ul>
 *   <li>d = 1: the kernel Theta(x', x_r) and its output-layer and hidden-layer parts on the left axis, the measured
 *       response R(x'; x_r) (dashed) on a right axis, and the point (x_r, Theta(x_r, x_r)). For K > 1 the response
 *       is that of the output of x_r's class (the largest entry of its target).</li>
 *   <li>d = 2: a heat map of Theta(x', x_r) over the plane with x_r marked.</li>
 * </ul>
 * Compared runs draw each their kernel Theta(x', x_r) in their colour (d = 1); a heat map shows the selected run
 * and names it in the legend.
 * The row shown is the focus sample's (a clicked sample) while there is one, else the reference chosen with
 * {@link #chooseReference} or in the chart's own combo box (the middle reference by default). Choosing a reference
 * overrides the focus until another focus arrives.
 */
public final class ResponseChart extends ChartPane {
    private static final ColorGradient VIRIDIS = new LevelledGradient(ColorGradient.VIRIDIS);
    /** The measured response's legend entry, with the formula that explains its sign. */
    static final String RESPONSE_NAME = "measured R = \u2212\u0398\u00b7dl/df (right axis)";

    // d = 1
    private final DefaultNumericAxis rightAxis = axis("measured R", null, false); // short: the legend explains R
    private final ErrorDataSetRenderer kernelRenderer = lines();
    private final ErrorDataSetRenderer responseRenderer = lines();
    private final DoubleDataSet total = dataSet("kernel \u0398(x', x_r)", "kernel-total");
    private final DoubleDataSet outputPart = dataSet("output-layer part", "kernel-output");
    private final DoubleDataSet hiddenPart = dataSet("hidden-layer part", "kernel-hidden");
    private final DoubleDataSet response = dataSet(RESPONSE_NAME, "response-measured");

    // d = 2
    private final HeatMap heat;

    // both
    private final ErrorDataSetRenderer markRenderer = points();
    private final DoubleDataSet reference = dataSet("reference x_r", "focus-point");

    private final ComboBox<String> choice = new ComboBox<>();
    private final HBox bar;
    private boolean syncing;

    private ChartInput last;
    private Task task;
    private int mode; // 0 = nothing yet, 1 or 2 = input dimension shown, 3 = compared runs' kernels (d = 1)
    /** The configured reference the user chose, or -1 for the default (the middle one). */
    private int chosen = -1;
    /** The focus sample the user turned away from by choosing a reference, or -1. */
    private int dismissedFocus = -1;
    private int shown = -1;

    ResponseChart() {
        super("Training response", axis("probe input x'", null, false), axis("kernel \u0398(x', x_r)", null, false));
        yAxis.setForceZeroInRange(true);
        rightAxis.setSide(Side.RIGHT);
        rightAxis.setForceZeroInRange(true);
        kernelRenderer.getAxes().addAll(xAxis, yAxis);
        kernelRenderer.getDatasets().addAll(total, outputPart, hiddenPart);
        responseRenderer.getAxes().addAll(xAxis, rightAxis);
        responseRenderer.getDatasets().add(response);
        markRenderer.getAxes().addAll(xAxis, yAxis);
        markRenderer.getDatasets().add(reference);

        heat = new HeatMap(xAxis, yAxis, "kernel \u0398(x', x_r)", VIRIDIS);
        heat.zAxis().setAutoRangePadding(0);
        explain("The kernel \u0398(x', x_r): how much one training step at x_r moves the output at x'.\n"
                + "The measured response R (dashed, right axis) is that move per unit learning rate: "
                + "R = \u2212\u0398\u00b7dl/df. It has the opposite sign to the kernel where the output at x_r is "
                + "above its target (the step pulls the output down) and the same sign where it is below.");
        addRenderers(heat.renderer(), kernelRenderer, responseRenderer, markRenderer);
        showAxis(rightAxis, false);

        // the reference chooser: a strip above the chart, so it covers neither the title nor the legend
        choice.setId("referenceChoice");
        choice.setVisibleRowCount(12);
        choice.getSelectionModel().selectedIndexProperty().addListener((o, before, now) -> {
            if (!syncing && now != null && now.intValue() >= 0) {
                choose(now.intValue());
            }
        });
        Label label = new Label("reference x_r");
        label.setLabelFor(choice);
        label.setMinWidth(Region.USE_PREF_SIZE); // in a narrow chart the chooser's text is cut, not its label
        choice.setMinWidth(60);
        HBox bar = new HBox(6, label, choice);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(2, 4, 0, 4));
        bar.setMaxSize(Region.USE_PREF_SIZE, Region.USE_PREF_SIZE);
        bar.getStyleClass().add("reference-bar");
        StackPane.setAlignment(bar, Pos.TOP_LEFT);
        getChildren().add(bar);
        this.bar = bar;
    }

    @Override
    List<Node> widgets() {
        return List.of(bar);
    }

    /** The chart starts below the chooser's strip, whatever the strip's height in the current fonts. */
    @Override
    protected void layoutChildren() {
        double top = snapSizeY(bar.prefHeight(-1));
        Insets margin = StackPane.getMargin(chart);
        if (margin == null || margin.getTop() != top) {
            StackPane.setMargin(chart, new Insets(top, 0, 0, 0));
        }
        super.layoutChildren();
    }

    @Override
    public String fileName() {
        return "response";
    }

    /** Shows configured reference r (0 .. references - 1) until another focus sample arrives. */
    void chooseReference(int r) {
        int count = last == null ? Integer.MAX_VALUE : last.latest().curves().references().length;
        if (r < 0 || r >= count) {
            throw new IllegalArgumentException("no reference " + r + " (there are " + count + ")");
        }
        chosen = r;
        dismissedFocus = last == null ? -1 : last.latest().curves().focus();
        redraw();
    }

    /** The row of the curves drawn now (a reference, or the focus row), -1 before the first snapshot. */
    int shownRow() {
        return shown;
    }

    /** One name per configured reference, e.g. "x = -1.00 (sample 0)", for a chooser. */
    List<String> referenceNames() {
        if (last == null) {
            return List.of();
        }
        Curves c = last.latest().curves();
        List<String> names = new ArrayList<>();
        for (int r = 0; r < c.references().length; r++) {
            names.add(rowName(last.task(), c, r));
        }
        return names;
    }

    ComboBox<String> referenceChoice() {
        return choice;
    }

    DoubleDataSet kernelLine() {
        return total;
    }

    DoubleDataSet outputPartLine() {
        return outputPart;
    }

    DoubleDataSet hiddenPartLine() {
        return hiddenPart;
    }

    DoubleDataSet responseLine() {
        return response;
    }

    DoubleDataSet referencePoint() {
        return reference;
    }

    HeatMap heatMap() {
        return heat;
    }

    DefaultNumericAxis rightAxis() {
        return rightAxis;
    }

    @Override
    protected void draw(ChartInput in) {
        if (in.latest() == null || in.task() == null) {
            clear(); // a run without its first snapshot yet: nothing to draw
            return;
        }
        if (in.task() != task) {
            task = in.task();
            chosen = -1;
            dismissedFocus = -1;
            resetZoom();
        }
        last = in;
        redraw();
    }

    private void clear() {
        last = null;
        shown = -1;
        if (mode != 0) {
            mode = 0;
            setRenderers();
            heat.detach();
            showAxis(rightAxis, false);
            chart.setTitle("Training response");
        }
        syncing = true;
        try {
            choice.getItems().clear();
        } finally {
            syncing = false;
        }
    }

    /** A combo item: a configured reference, or the focus row after them. */
    private void choose(int row) {
        if (last == null) {
            return;
        }
        Curves c = last.latest().curves();
        if (row < c.references().length) {
            chooseReference(row);
        } else {
            dismissedFocus = -1;
            redraw();
        }
    }

    private int rowToShow(Curves c) {
        int count = c.references().length;
        if (c.focus() < 0) {
            dismissedFocus = -1;
        }
        if (c.focusRow() >= 0 && c.focus() != dismissedFocus) {
            return c.focusRow();
        }
        int r = chosen < 0 ? Math.min(1, count - 1) : chosen;
        return Math.max(0, Math.min(r, count - 1));
    }

    private void redraw() {
        if (last == null) {
            return;
        }
        Task t = last.task();
        Curves c = last.latest().curves();
        shown = rowToShow(c);
        int d = t.inputs();
        String at = d == 1
                ? String.format(Locale.ROOT, "%.3f", c.referenceX()[shown])
                : String.format(Locale.ROOT, "(%.2f, %.2f)", c.referenceX()[shown * d], c.referenceX()[shown * d + 1]);
        chart.setTitle("Response at x_r = " + at);
        // a heat map cannot overlay runs: a comparison's map is the selected run's, named in the legend
        setIfChanged(markRenderer, last.comparing() && d != 1 ? List.of(reference, mapKey(last)) : List.of(reference));
        if (d == 1 && last.comparing()) {
            drawArms(t, c, shown);
        } else if (d == 1) {
            drawLine(t, c, shown);
        } else {
            drawPlane(t, c, shown);
        }
        syncChoice(t, c);
    }

    /** Switches to curves over the probe inputs (mode 1, or 3 for compared runs) drawn by these renderers. */
    private void showCurves(int curvesMode, Renderer... renderers) {
        if (mode != curvesMode) {
            mode = curvesMode;
            setRenderers(renderers);
            chart.getGridRenderer().setDrawOnTop(true);
            heat.detach();
            showAxis(rightAxis, curvesMode == 1); // compared runs show no measured response
            xAxis.setName("probe input x'");
            yAxis.setName("kernel \u0398(x', x_r)");
        }
    }

    private void drawLine(Task t, Curves c, int row) {
        setIfChanged(kernelRenderer, List.of(total, outputPart, hiddenPart));
        showCurves(1, kernelRenderer, responseRenderer, markRenderer);
        int m = t.probeCount();
        int k = t.outputs();
        Kernel.Parts ntk = c.ntk();
        double[] x = new double[m];
        double[] theta = new double[m];
        double[] out = new double[m];
        double[] hid = new double[m];
        double[] r = new double[m];
        // for K > 1 the response shown is that of the class of the row's sample (its largest target)
        int cls = targetClass(t.train(), sampleOf(c, row));
        for (int i = 0; i < m; i++) {
            int e = row * m + i;
            x[i] = t.probe()[i];
            out[i] = ntk.output()[e];
            hid[i] = ntk.hidden()[e];
            theta[i] = out[i] + hid[i];
            r[i] = c.response()[e * k + cls];
        }
        fill(total, x, theta, m, false, false);
        fill(outputPart, x, out, m, false, false);
        fill(hiddenPart, x, hid, m, false, false);
        fill(response, x, r, m, false, false);
        response.setName(k == 1 ? RESPONSE_NAME
                : "measured R, output " + (cls + 1) + " (x_r's class; right axis)");
        double xr = c.referenceX()[row];
        reference.set(new double[]{xr}, new double[]{interpolate(x, theta, xr)});
    }

    /**
     * Compared runs: each arm's kernel Theta(x', x_r) in its colour, with x_r marked on every curve. An arm whose
     * latest snapshot does not have the row yet (a sample clicked a moment ago) is left out until it has.
     */
    private void drawArms(Task t, Curves shownCurves, int row) {
        showCurves(3, kernelRenderer, markRenderer);
        int m = t.probeCount();
        int sample = sampleOf(shownCurves, row);
        double[] x = new double[m];
        for (int i = 0; i < m; i++) {
            x[i] = t.probe()[i];
        }
        double xr = shownCurves.referenceX()[row];
        List<DataSet> sets = new ArrayList<>();
        List<ChartInput.Arm> arms = last.arms();
        double[] markY = new double[arms.size()];
        int marks = 0;
        for (int a = 0; a < arms.size(); a++) {
            Snapshot s = arms.get(a).latest();
            if (s == null || row >= s.curves().rows() || sampleOf(s.curves(), row) != sample) {
                continue;
            }
            Kernel.Parts ntk = s.curves().ntk();
            double[] theta = new double[m];
            for (int i = 0; i < m; i++) {
                theta[i] = ntk.total(row * m + i);
            }
            DoubleDataSet line = armSet("kernel", arms.get(a));
            line.setName(arms.get(a).label());
            nameColumns(line, arms.get(a).label() + ": kernel \u0398(x', x_r)");
            fill(line, x, theta, m, false, false);
            sets.add(line);
            markY[marks++] = interpolate(x, theta, xr);
        }
        setIfChanged(kernelRenderer, sets);
        double[] markX = new double[marks];
        java.util.Arrays.fill(markX, xr);
        reference.set(markX, java.util.Arrays.copyOf(markY, marks));
    }

    private void drawPlane(Task t, Curves c, int row) {
        if (mode != 2) {
            mode = 2;
            setRenderers(heat.renderer(), markRenderer);
            heat.attach(chart);
            showAxis(rightAxis, false);
        }
        int m = t.probeCount();
        double[] z = new double[m];
        Kernel.Parts ntk = c.ntk();
        for (int i = 0; i < m; i++) {
            z[i] = ntk.total(row * m + i);         // index row * G + column = iy * G + ix
        }
        if (heat.fill(t, z)) {
            noteClipped();
        }
        reference.set(new double[]{c.referenceX()[row * 2]}, new double[]{c.referenceX()[row * 2 + 1]});
    }

    /** The combo lists every row (the references, then a clicked sample) and selects the one shown. */
    private void syncChoice(Task t, Curves c) {
        List<String> names = new ArrayList<>();
        for (int r = 0; r < c.rows(); r++) {
            names.add(rowName(t, c, r) + (r == c.focusRow() ? ", clicked" : ""));
        }
        syncing = true;
        try {
            if (!names.equals(choice.getItems())) {
                choice.getItems().setAll(names);
                choice.getSelectionModel().clearSelection(); // else the button keeps the old row's text
            }
            if (choice.getSelectionModel().getSelectedIndex() != shown) {
                choice.getSelectionModel().select(shown);
            }
        } finally {
            syncing = false;
        }
    }

    /** The training sample of a row: a configured reference, or the focus after them. */
    private static int sampleOf(Curves c, int row) {
        return row < c.references().length ? c.references()[row] : c.focus();
    }

    private static String rowName(Task t, Curves c, int row) {
        int d = t.inputs();
        double[] x = c.referenceX();
        String at = d == 1 ? String.format(Locale.ROOT, "%.2f", x[row])
                : String.format(Locale.ROOT, "(%.2f, %.2f)", x[row * d], x[row * d + 1]);
        return "x = " + at + " (sample " + sampleOf(c, row) + ")";
    }

    /** Linear interpolation of y(x) on an increasing grid, clamped at its ends. */
    static double interpolate(double[] x, double[] y, double at) {
        int n = x.length;
        if (at <= x[0]) {
            return y[0];
        }
        if (at >= x[n - 1]) {
            return y[n - 1];
        }
        int i = 1;
        while (x[i] < at) {
            i++;
        }
        double w = (at - x[i - 1]) / (x[i] - x[i - 1]);
        return y[i - 1] + w * (y[i] - y[i - 1]);
    }
}
