package trlab.app;

import io.fair_acc.chartfx.axes.spi.DefaultNumericAxis;
import io.fair_acc.chartfx.renderer.spi.ErrorDataSetRenderer;
import io.fair_acc.chartfx.ui.geometry.Side;
import io.fair_acc.dataset.spi.DoubleDataSet;
import trlab.measure.Series;
import trlab.measure.Snapshot;

import java.util.ArrayList;
import java.util.List;

/**
 * A chart of measured series over the training time t on a log axis: the recorded samples (log-spaced, so every
 * decade gets its share) followed by the latest live snapshot.
 */
abstract class StepsChart extends ChartPane {
    private record Line(Series series, DoubleDataSet data, boolean logY) {
    }

    private final List<Line> lines = new ArrayList<>();
    private final ErrorDataSetRenderer left = lines();
    private ErrorDataSetRenderer right;
    private final boolean logY;

    /** The x values (steps) and each series' values of the last update, oldest first. */
    protected double[] steps = new double[0];
    protected int count;

    StepsChart(String title, String yName, String yUnit, boolean logY) {
        super(title, axis("steps t", null, true), axis(yName, yUnit, logY));
        this.logY = logY;
        left.getAxes().addAll(xAxis, yAxis);
        chart.getRenderers().add(left);
    }

    /** Adds a series drawn against the left axis. */
    protected DoubleDataSet line(Series series, String name, String styleClass) {
        DoubleDataSet ds = dataSet(name, styleClass);
        lines.add(new Line(series, ds, logY));
        left.getDatasets().add(ds);
        return ds;
    }

    /** Adds a series drawn against a second, linear axis on the right. */
    protected DoubleDataSet rightLine(Series series, String name, String styleClass, String axisName, String unit) {
        if (right == null) {
            DefaultNumericAxis axis = axis(axisName, unit, false);
            axis.setSide(Side.RIGHT);
            right = lines();
            right.getAxes().addAll(xAxis, axis);
            chart.getRenderers().add(right);
        }
        DoubleDataSet ds = dataSet(name, styleClass);
        lines.add(new Line(series, ds, false));
        right.getDatasets().add(ds);
        return ds;
    }

    protected ErrorDataSetRenderer leftRenderer() {
        return left;
    }

    @Override
    public void update(ChartInput in) {
        List<double[]> rows = in.rows();
        Snapshot live = in.latest();
        int recorded = rows.size();
        boolean withLive = live != null && (recorded == 0 || live.step() > rows.get(recorded - 1)[Series.STEP.ordinal()]);
        count = recorded + (withLive ? 1 : 0);
        steps = new double[count];
        for (int i = 0; i < recorded; i++) {
            steps[i] = rows.get(i)[Series.STEP.ordinal()];
        }
        if (withLive) {
            steps[recorded] = live.step();
        }
        for (Line line : lines) {
            double[] y = values(line.series(), rows, withLive ? live : null);
            fill(line.data(), steps, y, count, true, line.logY());
        }
        afterUpdate(in);
    }

    /** The values of one series at the steps of the last update. */
    protected double[] values(Series series, List<double[]> rows, Snapshot live) {
        int recorded = rows.size();
        double[] y = new double[recorded + (live != null ? 1 : 0)];
        for (int i = 0; i < recorded; i++) {
            y[i] = rows.get(i)[series.ordinal()];
        }
        if (live != null) {
            y[recorded] = series.of(live);
        }
        return y;
    }

    /** Hook for charts that draw more than the series (a fitted line, a label). */
    protected void afterUpdate(ChartInput in) {
    }
}
