package trlab.app.chart;

import io.fair_acc.chartfx.axes.spi.DefaultNumericAxis;
import io.fair_acc.chartfx.renderer.spi.ErrorDataSetRenderer;
import io.fair_acc.chartfx.ui.geometry.Side;
import io.fair_acc.dataset.DataSet;
import io.fair_acc.dataset.spi.DoubleDataSet;
import trlab.measure.Series;
import trlab.measure.Snapshot;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * A chart of measured series over the training time t on a log axis: the recorded samples (log-spaced, so every
 * decade gets its share) followed by the latest live snapshot.
 *
 * <p>When runs are compared, each arm draws its series in its own colour: the chart's main series solid, a second
 * one dashed, the rest (and the right axis) left out so that the lines stay readable; the legend names each arm
 * once and each line style once.
 */
public abstract class StepsChart extends ChartPane {
    /**
     * How a series is drawn when runs are compared: the word of its legend key and its style classes. The legend
     * names each run once, by its solid line; a dashed line has only its key.
     */
    enum Compared {
        SOLID("solid"), DASHED("dashed", "arm-dashed"), NO(null);

        final String word;
        /** The key's style classes. */
        final String[] styles;
        /** A run's line's style classes. */
        final String[] runStyles;

        Compared(String word, String... styles) {
            this.word = word;
            this.styles = styles;
            this.runStyles = styles.length == 0 ? styles : Stream.concat(Stream.of(styles), Stream.of("no-legend"))
                    .toArray(String[]::new);
        }
    }

    /** @param key what the legend calls the line when runs are compared, e.g. "dashed: test loss" */
    private record Line(Series series, DoubleDataSet data, boolean logY, String name, Compared compared, String key) {
    }

    /** One run's samples: the steps and the row values, the live snapshot last when it is newer than the rows. */
    record Samples(double[] steps, int count, List<double[]> rows, Snapshot live) {
        /** The values of one series at these steps. */
        double[] values(Series series) {
            double[] y = new double[count];
            for (int i = 0; i < rows.size(); i++) {
                y[i] = rows.get(i)[series.ordinal()];
            }
            if (live != null) {
                y[count - 1] = series.of(live);
            }
            return y;
        }

        static Samples of(ChartInput.Arm arm) {
            List<double[]> rows = arm.rows();
            Snapshot live = arm.latest();
            int recorded = rows.size();
            boolean withLive = live != null
                    && (recorded == 0 || live.step() > rows.get(recorded - 1)[Series.STEP.ordinal()]);
            int count = recorded + (withLive ? 1 : 0);
            double[] steps = new double[count];
            for (int i = 0; i < recorded; i++) {
                steps[i] = rows.get(i)[Series.STEP.ordinal()];
            }
            if (withLive) {
                steps[recorded] = live.step();
            }
            return new Samples(steps, count, rows, withLive ? live : null);
        }
    }

    private final List<Line> lines = new ArrayList<>();
    /** What the left renderer draws for a lone run. */
    private final List<DataSet> leftSets = new ArrayList<>();
    private final ErrorDataSetRenderer left = lines();
    private ErrorDataSetRenderer right;
    private DefaultNumericAxis rightAxis;
    private final boolean logY;
    private boolean comparing;
    /**
     * Two invisible points that stretch a log axis to whole decades when fewer than two powers of ten lie within the
     * data (a(t) from 15 to 49, say): a log axis labels only powers of ten, so it would show one number or none.
     */
    private final DoubleDataSet decades = dataSet("decades", DECADE_FRAME);
    private double low;
    private double high;
    private double firstStep;

    /** The x values (steps) and each series' values of the last update of a lone run, oldest first. */
    protected double[] steps = new double[0];
    protected int count;

    StepsChart(String title, String yName, String yUnit, boolean logY) {
        super(title, axis("steps t", null, true), axis(yName, yUnit, logY));
        this.logY = logY;
        left.getAxes().addAll(xAxis, yAxis);
        addRenderers(left);
        setRenderers(left);
    }

    /** Adds a series drawn against the left axis, and how it is drawn when runs are compared. */
    protected DoubleDataSet line(Series series, String name, String styleClass, Compared compared) {
        return line(series, name, styleClass, compared, name);
    }

    /** As above, with a shorter name for the legend's key of compared runs' line styles. */
    protected DoubleDataSet line(Series series, String name, String styleClass, Compared compared, String key) {
        DoubleDataSet ds = dataSet(name, styleClass);
        lines.add(new Line(series, ds, logY, name, compared, key));
        addLeft(ds);
        return ds;
    }

    /** Adds a set to the left renderer of a lone run (drawn over the sets added after it). */
    protected void addLeft(DoubleDataSet ds) {
        leftSets.add(ds);
        left.getDatasets().add(ds);
    }

    /** Adds a series drawn against a second, linear axis on the right (left out when runs are compared). */
    protected DoubleDataSet rightLine(Series series, String name, String styleClass, String axisName, String unit) {
        if (right == null) {
            rightAxis = axis(axisName, unit, false);
            rightAxis.setSide(Side.RIGHT);
            right = lines();
            right.getAxes().addAll(xAxis, rightAxis);
            addRenderers(right);
            setRenderers(left, right);
        }
        DoubleDataSet ds = dataSet(name, styleClass);
        lines.add(new Line(series, ds, false, name, Compared.NO, name));
        right.getDatasets().add(ds);
        return ds;
    }

    @Override
    protected void draw(ChartInput in) {
        setComparing(in.comparing());
        if (in.comparing()) {
            updateArms(in);
            return;
        }
        Samples s = Samples.of(in.arm());
        steps = s.steps();
        count = s.count();
        startRange();
        for (Line line : lines) {
            double[] y = s.values(line.series());
            fill(line.data(), steps, y, count, true, line.logY());
            if (line.logY()) {
                widen(s, y);
            }
        }
        afterUpdate(in);
        frameDecades(leftSets);
    }

    private void startRange() {
        low = Double.POSITIVE_INFINITY;
        high = 0;
        firstStep = Double.POSITIVE_INFINITY;
    }

    private void widen(Samples s, double[] y) {
        for (int i = 0; i < s.count(); i++) {
            if (y[i] > 0 && drawable(y[i])) {
                low = Math.min(low, y[i]);
                high = Math.max(high, y[i]);
            }
            if (s.steps()[i] > 0) {
                firstStep = Math.min(firstStep, s.steps()[i]);
            }
        }
    }

    /** Adds the decade frame to the left sets when fewer than two powers of ten lie within the log axis's data. */
    private void frameDecades(List<DataSet> sets) {
        List<DataSet> drawn = new ArrayList<>(sets);
        drawn.remove(decades);
        if (logY && high > 0 && Double.isFinite(firstStep)
                && Math.floor(Math.log10(high)) - Math.ceil(Math.log10(low)) < 1) {
            double below = Math.pow(10, Math.floor(Math.log10(low)));
            double above = Math.pow(10, Math.ceil(Math.log10(high)));
            decades.set(new double[]{firstStep, firstStep}, new double[]{below, Math.max(above, 10 * below)});
            drawn.add(decades);
        }
        setIfChanged(left, drawn);
    }

    private void setComparing(boolean on) {
        if (on == comparing) {
            return;
        }
        comparing = on;
        if (right != null) {
            if (on) {
                setRenderers(left);
            } else {
                setRenderers(left, right);
            }
            showAxis(rightAxis, !on);
        }
    }

    private void updateArms(ChartInput in) {
        List<Line> drawn = lines.stream().filter(l -> l.compared() != Compared.NO).toList();
        List<DataSet> sets = new ArrayList<>();
        List<ChartInput.Arm> arms = in.arms();
        startRange();
        for (int a = 0; a < arms.size(); a++) {
            Samples s = Samples.of(arms.get(a));
            for (Line line : drawn) {
                DoubleDataSet ds = armSet(line.series().key(), arms.get(a), line.compared().runStyles);
                ds.setName(arms.get(a).label());
                nameColumns(ds, arms.get(a).label() + ": " + line.name());
                double[] y = s.values(line.series());
                fill(ds, s.steps(), y, s.count(), true, line.logY());
                if (line.logY()) {
                    widen(s, y);
                }
                sets.add(ds);
            }
            afterArm(arms.get(a), s, sets);
        }
        if (drawn.size() > 1) {
            for (Line line : drawn) {
                sets.add(keySet(line.series().key(), line.compared().word + ": " + line.key(), line.compared().styles));
            }
        }
        frameDecades(sets);
    }

    /** Hook for charts that draw more than the series (a fitted line, a label). */
    protected void afterUpdate(ChartInput in) {
    }

    /** Hook for charts that draw more per arm of a comparison; may add sets to the left renderer's list. */
    protected void afterArm(ChartInput.Arm arm, Samples samples, List<DataSet> sets) {
    }
}
