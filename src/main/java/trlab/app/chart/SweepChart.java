package trlab.app.chart;

import io.fair_acc.chartfx.renderer.ErrorStyle;
import io.fair_acc.chartfx.renderer.spi.ErrorDataSetRenderer;
import io.fair_acc.dataset.DataSet;
import io.fair_acc.dataset.spi.DoubleErrorDataSet;
import javafx.util.StringConverter;
import trlab.experiment.sweep.SweepStatistics;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One summary plot of a sweep: a quantity against a grid axis, one line per value of another axis, each point the
 * mean over the seeds with its standard error as an error bar; a log x axis where the values span a decade. Words on
 * the x axis (an activation, a method) stand at 0, 1, 2, ... under their names.
 */
public final class SweepChart extends ChartPane {
    private static final int COLOURS = 6;
    private final ErrorDataSetRenderer lines = lines();
    private final SweepStatistics.Plot plot;

    /** @param words the x axis's values as the spec writes them, for an axis of words; null for numbers */
    public SweepChart(SweepStatistics.Plot plot, List<String> words) {
        super(plot.quantity() + " against " + plot.xAxis(), axis(plot.xAxis(), null, plot.logX()),
                axis(plot.quantity() + " (mean \u00b1 SE over seeds)", null, false));
        this.plot = plot;
        lines.setErrorStyle(ErrorStyle.ERRORBARS);
        lines.getAxes().addAll(xAxis, yAxis);
        chart.getRenderers().add(lines);
        if (words != null) {
            xAxis.setAutoRangePadding(0.25); // the first and last word off the frame
            xAxis.setTickLabelFormatter(new StringConverter<>() {
                @Override
                public String toString(Number n) {
                    double v = n.doubleValue();
                    int i = (int) Math.rint(v);
                    return Math.abs(v - i) < 1e-9 && i >= 0 && i < words.size() ? words.get(i) : "";
                }

                @Override
                public Number fromString(String s) {
                    return words.indexOf(s);
                }
            });
        }
        List<DataSet> sets = new ArrayList<>();
        int colour = 0;
        for (SweepStatistics.Line line : plot.lines()) {
            String name = line.name().isEmpty() ? plot.quantity() : line.name();
            DoubleErrorDataSet ds = new DoubleErrorDataSet(name);
            ds.addStyleClasses("output-" + colour++ % COLOURS, "sweep-line");
            ds.set(line.x(), line.mean(), line.error(), line.error());
            sets.add(ds);
        }
        lines.getDatasets().setAll(sets);
        chart.setTitle(String.format(Locale.ROOT, "%s against %s", plot.quantity(), plot.xAxis()));
    }

    /** The chart of one of a spec's plots: words under the x axis where the spec's values for it are words. */
    public static SweepChart of(trlab.experiment.sweep.SweepSpec spec, SweepStatistics.Plot plot) {
        List<String> values = spec.grid().get(plot.xAxis());
        boolean words = values.stream().anyMatch(v -> !v.matches("[-+0-9.eE]+"));
        return new SweepChart(plot, words ? values : null);
    }

    @Override
    public String fileName() {
        return plot.fileName();
    }

    /** A sweep plot is drawn once, from its statistics, not from a run. */
    @Override
    protected void draw(ChartInput in) {
    }
}
