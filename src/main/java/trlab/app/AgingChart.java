package trlab.app;

import io.fair_acc.dataset.spi.DoubleDataSet;
import trlab.measure.PowerLawFit;
import trlab.measure.Series;

import java.util.Locale;

/**
 * Aging: the kernel amplitude a(t) and its two parts on log-log axes, with the power law a0 t^-alpha fitted over the
 * last decade [t/10, t] (or over the visible steps once the user has zoomed in), and alpha +- its error in the legend.
 */
final class AgingChart extends StepsChart {
    private final DoubleDataSet fit = dataSet("fit", "aging-fit");
    private final DoubleDataSet total;
    private PowerLawFit lastFit;

    AgingChart() {
        super("Aging: kernel amplitude", "kernel amplitude a(t)", null, true);
        // added first: a renderer draws its first data set last, so the fitted line stays on top of the data
        leftRenderer().getDatasets().add(fit);
        total = line(Series.KERNEL_AMPLITUDE, "a(t) total", "kernel-total");
        line(Series.KERNEL_AMPLITUDE_OUTPUT, "output-layer part", "kernel-output");
        line(Series.KERNEL_AMPLITUDE_HIDDEN, "hidden-layer part", "kernel-hidden");
    }

    @Override
    public String fileName() {
        return "aging";
    }

    /** The fit drawn now, or null. */
    PowerLawFit fit() {
        return lastFit;
    }

    @Override
    protected void afterUpdate(ChartInput in) {
        if (count == 0) {
            return;
        }
        double[] a = total.getValues(io.fair_acc.dataset.DataSet.DIM_Y).clone();
        double end = steps[count - 1];
        double from = end / 10;
        double to = end;
        String window = "[t/10, t]";
        if (!xAxis.isAutoRanging() && xAxis.getMax() > xAxis.getMin()) {
            from = xAxis.getMin();
            to = xAxis.getMax();
            window = "the zoomed steps";
        }
        lastFit = PowerLawFit.fit(steps, a, count, from, to);
        if (lastFit == null) {
            fit.setName("fit: needs 3 samples in [t/10, t]");
            fit.clearData();
            return;
        }
        double lo = Math.max(from, firstPositive());
        double hi = Math.min(to, end);
        fit.set(new double[]{lo, hi}, new double[]{lastFit.at(lo), lastFit.at(hi)});
        fit.setName(String.format(Locale.ROOT, "fit t^-\u03b1 over %s: \u03b1 = %.3f \u00b1 %.3f", window, lastFit.alpha(),
                lastFit.error()));
    }

    private double firstPositive() {
        for (int i = 0; i < count; i++) {
            if (steps[i] > 0) {
                return steps[i];
            }
        }
        return 1;
    }
}
