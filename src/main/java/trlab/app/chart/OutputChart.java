package trlab.app.chart;

import io.fair_acc.chartfx.axes.spi.DefaultNumericAxis;
import io.fair_acc.chartfx.renderer.spi.ErrorDataSetRenderer;
import io.fair_acc.chartfx.renderer.spi.utils.ColorGradient;
import io.fair_acc.dataset.DataSet;
import io.fair_acc.dataset.spi.DoubleDataSet;
import javafx.geometry.Point2D;
import javafx.scene.canvas.Canvas;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.paint.Color;
import javafx.scene.paint.Stop;
import trlab.core.Task;
import trlab.measure.Curves;
import trlab.measure.Snapshot;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntConsumer;

/**
 * The network output over the input space, with the training data on top.
 *
 * <ul>
 *   <li>d = 1: one line per output f_k over the probe grid, the clean target (dashed) and the training samples.
 *       With K = 1 the samples are the black points (x_p, y_p). With K > 1 (one-hot targets) each sample is drawn
 *       once, at (x_p, y_pc) where c is its class (the output with the largest target, so height 1 for one-hot
 *       data), in the colour of output c: the dots show which output should be high where. The zeros of the other
 *       outputs are not drawn; they would all pile up on the line y = 0 and hide each other.</li>
 *   <li>d = 2: a heat map of output 1 over the plane, on a diverging scale centred on 0 (so the decision boundary
 *       f = 0 is the white band), with the samples as two point sets by label (the sign of y_1).</li>
 * </ul>
 * Compared runs draw their outputs each in their colour over the black data (d = 1); a heat map shows the selected
 * run and names it in the legend. A primary click (not a drag) near a training sample reports its index to
 * {@link #setOnSampleClicked}.
 */
public final class OutputChart extends ChartPane {
    /** Pick radius for a click on a training sample, in pixels. */
    static final double PICK_RADIUS = 12;

    /**
     * Light blue, white, light orange: pale enough that the saturated label colours (data-negative blue,
     * data-positive orange) stay visible on every part of the map.
     */
    static final ColorGradient DIVERGING = new LevelledGradient("light blue-white-orange",
            new Stop(0.0, Color.web("#5e9fd0")), new Stop(0.25, Color.web("#b3d3ea")),
            new Stop(0.5, Color.web("#f7f7f7")), new Stop(0.75, Color.web("#f7c6a6")),
            new Stop(1.0, Color.web("#e8915c")));

    // d = 1
    private final ErrorDataSetRenderer lineRenderer = lines();
    private final ErrorDataSetRenderer pointRenderer = points();
    private final List<DoubleDataSet> outputLines = new ArrayList<>();
    private final List<DoubleDataSet> classPoints = new ArrayList<>();
    /** The clean target of each output; only the first has a legend entry. */
    private final List<DoubleDataSet> targets = new ArrayList<>();
    private final DoubleDataSet data = dataSet("training data", "data-points");
    /** Only a legend entry for the coloured class points when K > 1. */
    private final DoubleDataSet dataLegend = dataSet("training data (colour = class)", "data-points");

    // d = 2
    private final HeatMap heat;
    private final ErrorDataSetRenderer labelRenderer = points();
    private final DoubleDataSet positive = dataSet("label +1", "data-positive");
    private final DoubleDataSet negative = dataSet("label -1", "data-negative");

    private final DoubleDataSet focusPoint = dataSet("selected sample", "focus-point");

    private Task task;
    private int mode; // 0 = nothing yet, 1 or 2 = input dimension shown
    private IntConsumer onSampleClicked;
    /** The training samples as drawn: chart coordinates and sample index, for picking. */
    private double[] pickX = new double[0];
    private double[] pickY = new double[0];
    private int[] pickSample = new int[0];

    OutputChart() {
        super("Network output", axis("input x", null, false), axis("output f(x)", null, false));
        lineRenderer.getAxes().addAll(xAxis, yAxis);
        pointRenderer.getAxes().addAll(xAxis, yAxis);

        heat = new HeatMap(xAxis, yAxis, "output f", DIVERGING);
        heat.zAxis().setAutoRanging(false);
        heat.zAxis().set(-1, 1);
        labelRenderer.getAxes().addAll(xAxis, yAxis);
        addRenderers(heat.renderer(), lineRenderer, pointRenderer, labelRenderer);

        chart.addEventFilter(MouseEvent.MOUSE_CLICKED, e -> {
            if (e.getButton() == MouseButton.PRIMARY && e.isStillSincePress() && onSampleClicked != null) {
                Canvas canvas = chart.getCanvas();
                Point2D p = canvas.sceneToLocal(e.getSceneX(), e.getSceneY());
                if (p != null && p.getX() >= 0 && p.getY() >= 0 && p.getX() <= canvas.getWidth()
                        && p.getY() <= canvas.getHeight()) {
                    int sample = sampleAt(p.getX(), p.getY());
                    if (sample >= 0) {
                        onSampleClicked.accept(sample);
                    }
                }
            }
        });
    }

    @Override
    public String fileName() {
        return "output";
    }

    /** Called with a training sample's index when the user clicks on (or within 12 px of) its point. */
    public void setOnSampleClicked(IntConsumer handler) {
        onSampleClicked = handler;
    }

    /**
     * The training sample drawn nearest to a point of the plot canvas (pixels, as the renderers draw), if it is
     * within {@link #PICK_RADIUS}; else -1.
     */
    int sampleAt(double canvasX, double canvasY) {
        int best = -1;
        double bestDistance = PICK_RADIUS * PICK_RADIUS;
        for (int i = 0; i < pickX.length; i++) {
            double dx = xAxis.getDisplayPosition(pickX[i]) - canvasX;
            double dy = yAxis.getDisplayPosition(pickY[i]) - canvasY;
            double distance = dx * dx + dy * dy;
            if (distance <= bestDistance) {
                bestDistance = distance;
                best = pickSample[i];
            }
        }
        return best;
    }

    /** Where sample i is drawn, in chart coordinates (for tests and for a caller that wants to point at it). */
    Point2D samplePosition(int sample) {
        for (int i = 0; i < pickSample.length; i++) {
            if (pickSample[i] == sample) {
                return new Point2D(pickX[i], pickY[i]);
            }
        }
        return null;
    }

    /** The lines of the outputs f_k (d = 1). */
    List<DoubleDataSet> outputLines() {
        return List.copyOf(outputLines.subList(0, Math.min(outputLines.size(), task == null ? 0 : task.outputs())));
    }

    DoubleDataSet trainingData() {
        return data;
    }

    /** The clean target of output k (d = 1), drawn when the task has one. */
    DoubleDataSet targetLine(int k) {
        return targets.get(k);
    }

    DoubleDataSet positive() {
        return positive;
    }

    DoubleDataSet negative() {
        return negative;
    }

    DoubleDataSet focusPoint() {
        return focusPoint;
    }

    HeatMap heatMap() {
        return heat;
    }

    @Override
    protected void draw(ChartInput in) {
        Snapshot s = in.latest();
        Task t = in.task();
        if (s == null || t == null) {
            clear(); // a run without its first snapshot yet: nothing to draw
            return;
        }
        if (t != task) {
            task = t;
            resetZoom();
        }
        Curves c = s.curves();
        if (t.inputs() == 1) {
            updateLine(t, c, in);
        } else {
            updatePlane(t, c, in);
        }
    }

    private void updateLine(Task t, Curves c, ChartInput in) {
        int m = t.probeCount();
        int k = t.outputs();
        trlab.core.DataSet train = t.train();
        int p = train.size();
        while (outputLines.size() < k) {
            int i = outputLines.size();
            outputLines.add(dataSet("output " + (i + 1), "output-" + (i % 6)));
            DoubleDataSet points = dataSet("class " + (i + 1), "output-" + (i % 6));
            points.addStyleClasses("class-points", "no-legend");
            classPoints.add(points);
            DoubleDataSet goal = dataSet(i == 0 ? "target" : "target " + (i + 1), "target");
            if (i > 0) {
                goal.addStyleClasses("no-legend");
            }
            targets.add(goal);
        }
        if (mode != 1) {
            mode = 1;
            setRenderers(lineRenderer, pointRenderer);
            chart.getGridRenderer().setDrawOnTop(true);
            heat.detach();
            xAxis.setName("input x");
            yAxis.setName("output f(x)");
        }

        // lines
        double[] x = new double[m];
        for (int i = 0; i < m; i++) {
            x[i] = t.probe()[i];
        }
        double[] y = new double[m];
        for (int j = 0; j < k; j++) {
            for (int i = 0; i < m; i++) {
                y[i] = c.output()[i * k + j];
            }
            DoubleDataSet line = outputLines.get(j);
            line.setName(k == 1 ? "f(x)" : "output " + (j + 1));
            fill(line, x, y, m, false, false);
        }
        double[] goal = t.probeTarget();
        if (goal != null) {
            for (int j = 0; j < k; j++) {
                for (int i = 0; i < m; i++) {
                    y[i] = goal[i * k + j];
                }
                fill(targets.get(j), x, y, m, false, false);
            }
        }

        // training data: each sample once, at its largest target (see the class comment)
        pickX = new double[p];
        pickY = new double[p];
        pickSample = new int[p];
        int[] cls = new int[p];
        for (int q = 0; q < p; q++) {
            cls[q] = targetClass(train, q);
            pickX[q] = train.x(q, 0);
            pickY[q] = train.y(q, cls[q]);
            pickSample[q] = q;
        }
        // one black set of every sample; with K > 1 a lone run draws them coloured by class instead
        fill(data, pickX, pickY, p, false, false);
        if (k > 1) {
            for (int j = 0; j < k; j++) {
                double[] px = new double[p];
                double[] py = new double[p];
                int n = 0;
                for (int q = 0; q < p; q++) {
                    if (cls[q] == j) {
                        px[n] = pickX[q];
                        py[n] = pickY[q];
                        n++;
                    }
                }
                fill(classPoints.get(j), px, py, n, false, false);
            }
        }
        int focus = c.focus();
        if (focus >= 0 && focus < p) {
            focusPoint.set(new double[]{pickX[focus]}, new double[]{pickY[focus]});
        } else {
            focusPoint.clearData();
        }

        // which sets the legend shows
        List<DataSet> lineSets = new ArrayList<>(in.comparing() ? armLines(in, x) : outputLines.subList(0, k));
        if (goal != null) {
            lineSets.addAll(targets.subList(0, k));
        }
        List<DataSet> pointSets = new ArrayList<>();
        if (focus >= 0) {
            pointSets.add(focusPoint); // first in the renderer = drawn on top
        }
        if (k == 1 || in.comparing()) {
            pointSets.add(data); // compared runs own the colours: their data stay black
        } else {
            pointSets.add(dataLegend);
            pointSets.addAll(classPoints.subList(0, k));
        }
        setIfChanged(lineRenderer, lineSets);
        setIfChanged(pointRenderer, pointSets);
    }

    /** Each compared run's outputs in its colour; the legend names each run once. */
    private List<DataSet> armLines(ChartInput in, double[] x) {
        int m = x.length;
        int k = in.task().outputs();
        List<DataSet> sets = new ArrayList<>();
        double[] y = new double[m];
        for (int a = 0; a < in.arms().size(); a++) {
            Snapshot s = in.arms().get(a).latest();
            if (s == null) {
                continue;
            }
            double[] f = s.curves().output();
            for (int j = 0; j < k; j++) {
                for (int i = 0; i < m; i++) {
                    y[i] = f[i * k + j];
                }
                ChartInput.Arm arm = in.arms().get(a);
                DoubleDataSet line = j == 0 ? armSet("output-" + j, arm) : armSet("output-" + j, arm, "no-legend");
                line.setName(in.arms().get(a).label());
                nameColumns(line, in.arms().get(a).label() + (k == 1 ? ": f(x)" : ": output " + (j + 1)));
                fill(line, x, y, m, false, false);
                sets.add(line);
            }
        }
        return sets;
    }

    private void updatePlane(Task t, Curves c, ChartInput in) {
        int g = t.gridSide();
        int k = t.outputs();
        trlab.core.DataSet train = t.train();
        int p = train.size();
        if (mode != 2) {
            mode = 2;
            setRenderers(heat.renderer(), labelRenderer);
            heat.attach(chart);
        }
        double[] z = new double[g * g];
        double extent = 1;
        for (int i = 0; i < g * g; i++) {
            z[i] = c.output()[i * k];              // output 1; index row * G + column = iy * G + ix
            if (drawable(z[i])) {
                extent = Math.max(extent, Math.abs(z[i]));
            }
        }
        double range = extent;
        if (heat.fill(t, z)) {
            noteClipped();
        }
        // symmetric around 0, so that f = 0 is the white middle of the scale
        DefaultNumericAxis zAxis = heat.zAxis();
        if (zAxis.getMin() != -range || zAxis.getMax() != range) {
            zAxis.set(-range, range);
            zAxis.forceRedraw();
        }

        double[] px = new double[p];
        double[] py = new double[p];
        double[] nx = new double[p];
        double[] ny = new double[p];
        int np = 0;
        int nn = 0;
        pickX = new double[p];
        pickY = new double[p];
        pickSample = new int[p];
        for (int q = 0; q < p; q++) {
            double x1 = train.x(q, 0);
            double x2 = train.x(q, 1);
            pickX[q] = x1;
            pickY[q] = x2;
            pickSample[q] = q;
            if (train.y(q, 0) > 0) {
                px[np] = x1;
                py[np++] = x2;
            } else {
                nx[nn] = x1;
                ny[nn++] = x2;
            }
        }
        fill(positive, px, py, np, false, false);
        fill(negative, nx, ny, nn, false, false);
        int focus = c.focus();
        List<DataSet> sets = new ArrayList<>();
        if (focus >= 0 && focus < p) {
            focusPoint.set(new double[]{pickX[focus]}, new double[]{pickY[focus]});
            sets.add(focusPoint);
        } else {
            focusPoint.clearData();
        }
        sets.add(positive);
        sets.add(negative);
        if (in.comparing()) {
            sets.add(mapKey(in));
        }
        setIfChanged(labelRenderer, sets);
    }

    private void clear() {
        if (mode != 0) {
            mode = 0;
            pickX = new double[0];
            pickY = new double[0];
            pickSample = new int[0];
            setRenderers();
            heat.detach();
        }
    }
}
