package trlab.app.chart;

import io.fair_acc.dataset.spi.DoubleDataSet;
import io.fair_acc.dataset.DataSet;
import javafx.application.Platform;
import trlab.measure.PowerLawFit;
import trlab.measure.Series;

import java.util.List;
import java.util.Locale;

/**
 * Aging: the kernel amplitude a(t) and its two parts on log-log axes, with the power law a0 t^-alpha fitted over the
 * last decade [t/10, t] (or over the visible steps once the user has zoomed in), and alpha +- its error in the legend.
 * Compared runs each show their total amplitude, their own fitted line and their alpha.
 */
public final class AgingChart extends StepsChart {
    private final DoubleDataSet fit = dataSet("fit", "aging-fit");
    private final DoubleDataSet total;
    private PowerLawFit lastFit;

    AgingChart() {
        super("Aging: kernel amplitude", "kernel amplitude a(t)", null, true);
        // added first: a renderer draws its first data set last, so the fitted line stays on top of the data
        addLeft(fit);
        total = line(Series.KERNEL_AMPLITUDE, "a(t) total", "kernel-total", Compared.SOLID);
        line(Series.KERNEL_AMPLITUDE_OUTPUT, "output-layer part", "kernel-output", Compared.NO);
        line(Series.KERNEL_AMPLITUDE_HIDDEN, "hidden-layer part", "kernel-hidden", Compared.NO);
        explain("The kernel amplitude a(t) on log-log axes; a power law a0 t^-\u03b1 is a straight line. "
                + "The fit covers the last decade [t/10, t], or the steps you zoom to.\n"
                + "Under label noise a(t) jitters from step to step: a fit over a short window can overshoot "
                + "(a steeper or flatter \u03b1 than the long-run trend, with a large \u00b1). "
                + "Zoom to a longer range of steps for a steadier \u03b1.");
        // a zoom refits at once, whether the run runs, pauses or has finished (no new data would redraw the chart)
        xAxis.autoRangingProperty().addListener(o -> refitLater());
        xAxis.minProperty().addListener(o -> refitLater());
        xAxis.maxProperty().addListener(o -> refitLater());
    }

    private ChartInput last;
    private boolean refitPending;

    /**
     * Redraws the last input with the fit over the zoomed steps, after the current pulse: the axis range changes
     * during layout, while ChartFX holds the data sets read-locked. Auto-ranging as data arrive is no zoom.
     */
    private void refitLater() {
        boolean fitWindowChanged = zoomed() || !window().equals(fittedOver);
        if (last == null || refitPending || !fitWindowChanged) {
            return;
        }
        refitPending = true;
        Platform.runLater(() -> {
            refitPending = false;
            if (last != null) {
                update(last);
            }
        });
    }

    /** The window the fits drawn now were made over. */
    private String fittedOver = "";

    @Override
    protected void draw(ChartInput in) {
        last = in;
        fittedOver = window();
        super.draw(in);
    }

    @Override
    public String fileName() {
        return "aging";
    }

    /** The fit drawn now for a lone run, or null. */
    PowerLawFit fit() {
        return lastFit;
    }

    @Override
    protected void afterUpdate(ChartInput in) {
        lastFit = count == 0 ? null : fitLine(steps, total.getValues(DataSet.DIM_Y).clone(), count, fit);
        if (count > 0 && lastFit == null) {
            fit.setName("fit: needs 3 samples in [t/10, t]");
        } else if (lastFit != null) {
            fit.setName(String.format(Locale.ROOT, "fit t^-\u03b1 over %s: \u03b1 = %.3f \u00b1 %.3f", window(),
                    lastFit.alpha(), lastFit.error()));
        }
    }

    /** Each compared run gets its own fitted line, and its alpha in its legend entry. */
    @Override
    protected void afterArm(ChartInput.Arm arm, Samples s, List<DataSet> sets) {
        DoubleDataSet line = armSet(Series.KERNEL_AMPLITUDE.key(), arm);
        DoubleDataSet armFit = armSet("aging-fit", arm, "arm-fit", "no-legend");
        nameColumns(armFit, arm.label() + ": fit t^-\u03b1");
        PowerLawFit f = s.count() == 0 ? null
                : fitLine(s.steps(), s.values(Series.KERNEL_AMPLITUDE), s.count(), armFit);
        if (f != null) {
            // alpha first: where a long name is cut short in a narrow chart, the exponent stays
            line.setName(String.format(Locale.ROOT, "\u03b1 = %.2f \u00b1 %.2f: %s", plain(f.alpha()), f.error(),
                    arm.label()));
            sets.add(0, armFit); // drawn over every arm's data
        }
    }

    /** A value as shown to two decimals, without the sign of a rounded-off zero ("-0.00"). */
    private static double plain(double v) {
        return Math.abs(v) < 0.005 ? 0 : v;
    }

    /** The fit window's name: the last decade, or the zoomed steps. */
    private String window() {
        return zoomed() ? "the zoomed steps" : "[t/10, t]";
    }

    private boolean zoomed() {
        return !xAxis.isAutoRanging() && xAxis.getMax() > xAxis.getMin();
    }

    /**
     * Fits a0 t^-alpha to a(t) over [t/10, t] (or the zoomed steps) and draws the fitted line over that window into
     * {@code into}; clears it and returns null when fewer than three samples lie there.
     */
    private PowerLawFit fitLine(double[] t, double[] a, int n, DoubleDataSet into) {
        double end = t[n - 1];
        double from = zoomed() ? xAxis.getMin() : end / 10;
        double to = zoomed() ? xAxis.getMax() : end;
        PowerLawFit f = PowerLawFit.fit(t, a, n, from, to);
        if (f == null) {
            into.clearData();
            return null;
        }
        double lo = Math.max(from, firstPositive(t, n));
        double hi = Math.min(to, end);
        into.set(new double[]{lo, hi}, new double[]{f.at(lo), f.at(hi)});
        return f;
    }

    private static double firstPositive(double[] t, int n) {
        for (int i = 0; i < n; i++) {
            if (t[i] > 0) {
                return t[i];
            }
        }
        return 1;
    }
}
