package trlab.app.chart;

import io.fair_acc.chartfx.renderer.spi.ErrorDataSetRenderer;
import io.fair_acc.dataset.spi.DoubleDataSet;
import io.fair_acc.dataset.DataSet;
import trlab.measure.Snapshot;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The feature spectrum sigma_j / sigma_1 of the feature matrix Phi (SCIENCE.md §3) on a log axis, now and at the
 * start of the run: when training reduces the feature space, the tail of the spectrum collapses below the faint
 * start curve. Compared runs each draw their spectrum now in their colour over the start they share.
 */
public final class SpectrumChart extends ChartPane {
    /**
     * The smallest sigma_j / sigma_1 the measurement resolves. The sigma_j^2 are eigenvalues of a Gram matrix
     * (Phi^T Phi or Phi Phi^T), which a backward-stable eigensolver returns with an absolute error of a few
     * eps * sigma_1^2 (eps = 2.2e-16). So sigma_j / sigma_1 is pure roundoff below about sqrt(eps) = 1.5e-8: on the
     * default task the measured tail runs flat from there down to 3e-10 and then hits exact zeros, a plateau a
     * reader would take for real features. Values below 1e-7 (sigma_j^2 below about 50 eps sigma_1^2) are not shown;
     * this also removes the zeros, which would blank the log axis. The y axis is fixed from just below this floor to
     * just above 1, so the frame stays still while the tail moves down, and roundoff never sets the scale.
     */
    static final double RESOLVED = 1e-7;
    private static final double Y_MIN = RESOLVED / 2;
    private static final double Y_MAX = 2;

    private final DoubleDataSet now = dataSet("now", "spectrum-latest");
    private final DoubleDataSet start = dataSet("start", "spectrum-first");
    private final DoubleDataSet floor = dataSet("roundoff: smaller values not resolved", "spectrum-floor");
    private final ErrorDataSetRenderer lines = lines();

    SpectrumChart() {
        super("Feature spectrum", axis("index j", null, false), axis("\u03c3_j / \u03c3_1", null, true));
        yAxis.setAutoRanging(false);
        yAxis.set(Y_MIN, Y_MAX);
        lines.getAxes().addAll(xAxis, yAxis);
        // the first set of a renderer is drawn last, so "now" lies over the faint start curve
        lines.getDatasets().addAll(now, start, floor);
        chart.getRenderers().add(lines);
    }

    @Override
    public String fileName() {
        return "spectrum";
    }

    DoubleDataSet latestSet() {
        return now;
    }

    DoubleDataSet firstSet() {
        return start;
    }

    @Override
    protected void draw(ChartInput in) {
        if (in.comparing()) {
            updateArms(in);
            return;
        }
        setIfChanged(lines, List.of(now, start, floor));
        Snapshot latest = in.latest();
        if (latest == null) {
            now.clearData();
            start.clearData();
            floor.clearData();
            return;
        }
        int size = show(now, latest, at("now", latest));
        Snapshot first = in.first();
        if (first == null) {
            start.clearData();
        } else {
            size = Math.max(size, show(start, first, at("start", first)));
        }
        showFloor(size);
    }

    /**
     * Each arm's spectrum now in its colour, over the faint start they share; an arm whose start differs (another
     * activation) draws its own start, dashed.
     */
    private void updateArms(ChartInput in) {
        List<DataSet> sets = new ArrayList<>();
        List<DataSet> starts = new ArrayList<>();
        List<double[]> startsDrawn = new ArrayList<>();
        int size = 0;
        for (int a = 0; a < in.arms().size(); a++) {
            ChartInput.Arm arm = in.arms().get(a);
            if (arm.latest() != null) {
                DoubleDataSet ds = armSet("spectrum", arm, "arm-spectrum");
                // the runs' steps differ little and their names are long: no "(t = ...)"
                size = Math.max(size, show(ds, arm.latest(), arm.label()));
                sets.add(ds);
            }
            if (arm.first() != null) {
                double[] spectrum = arm.first().curves().spectrum();
                if (startsDrawn.stream().noneMatch(d -> Arrays.equals(d, spectrum))) {
                    DoubleDataSet ds = startsDrawn.isEmpty() ? start
                            : armSet("spectrum-start", arm, "arm-dashed", "arm-spectrum-start");
                    show(ds, arm.first(), at(startsDrawn.isEmpty() ? "start" : arm.label() + ", start", arm.first()));
                    startsDrawn.add(spectrum);
                    starts.add(ds);
                }
            }
        }
        sets.addAll(starts);
        if (size > 0) {
            showFloor(size);
            sets.add(floor);
        }
        setIfChanged(lines, sets);
    }

    private void showFloor(int size) {
        floor.set(new double[]{1, Math.max(size, 2)}, new double[]{RESOLVED, RESOLVED});
    }

    /** A legend name with the snapshot's step, e.g. "now (t = 1,000)". */
    private static String at(String what, Snapshot s) {
        return String.format(Locale.ROOT, "%s (t = %,d)", what, s.step());
    }

    /** Fills one set with sigma_j / sigma_1 for j = 1..min(M, N) and names it; returns the number of values. */
    private int show(DoubleDataSet ds, Snapshot s, String name) {
        double[] spectrum = s.curves().spectrum();
        int n = spectrum.length;
        double[] j = new double[n];
        double[] ratio = new double[n];
        double top = n > 0 ? spectrum[0] : 0;
        for (int k = 0; k < n; k++) {
            j[k] = k + 1;
            double r = top > 0 ? spectrum[k] / top : Double.NaN;
            ratio[k] = r >= RESOLVED ? r : Double.NaN;
        }
        fill(ds, j, ratio, n, false, true);
        ds.setName(name);
        return n;
    }
}
