package trlab.experiment.sweep;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a sweep's summary plots draw: a summarised quantity against one grid axis, one line per value of another
 * axis, each point the mean over the seeds (and over any further axes) with its standard error. Runs that diverged
 * or left a quantity undefined do not count; a point without any run left is NaN.
 */
public final class SweepStatistics {

    /**
     * One line of a plot.
     *
     * @param name   the line axis and its value, e.g. "training.labelNoise = 1", or empty for a grid of one axis
     * @param x      the x axis's values, in the spec's order (numbers where the values are numbers, else 0, 1, ...)
     * @param mean   the mean at each x
     * @param error  the standard error of the mean at each x (0 for a single run)
     * @param counts how many runs each mean averages
     */
    public record Line(String name, double[] x, double[] mean, double[] error, int[] counts) {
    }

    /** A plot: a quantity against an axis, its lines, and whether the x values span a decade or more (log axis). */
    public record Plot(String quantity, String xAxis, List<Line> lines, boolean logX) {
        public String fileName() {
            return quantity + "-vs-" + xAxis.replaceAll("[^A-Za-z0-9.]", "_");
        }
    }

    private SweepStatistics() {
    }

    /**
     * Every plot of a sweep: each quantity against each grid axis, with lines by the next axis (cyclically), so a
     * grid of two axes gets both views. A grid of no axis has nothing to plot.
     */
    public static List<Plot> plots(SweepSpec spec, List<PointResult> results) {
        List<String> axes = new ArrayList<>(spec.grid().keySet());
        List<Plot> plots = new ArrayList<>();
        for (String quantity : PointResult.summaryNames(spec.summarise())) {
            for (int a = 0; a < axes.size(); a++) {
                String line = axes.size() > 1 ? axes.get((a + 1) % axes.size()) : null;
                plots.add(plot(spec, results, quantity, axes.get(a), line));
            }
        }
        return plots;
    }

    /** One plot: {@code quantity} against {@code xAxis}, one line per value of {@code lineAxis} (null: one line). */
    static Plot plot(SweepSpec spec, List<PointResult> results, String quantity, String xAxis, String lineAxis) {
        List<String> xValues = spec.grid().get(xAxis);
        double[] x = numbers(xValues);
        List<String> lineValues = lineAxis == null ? List.of("") : spec.grid().get(lineAxis);
        List<Line> lines = new ArrayList<>();
        for (String lv : lineValues) {
            Map<String, List<Double>> byX = new LinkedHashMap<>();
            xValues.forEach(v -> byX.put(v, new ArrayList<>()));
            for (PointResult r : results) {
                if (r.diverged() || (lineAxis != null && !lv.equals(r.values().get(lineAxis)))) {
                    continue;
                }
                double v = r.summaries().getOrDefault(quantity, Double.NaN);
                List<Double> at = byX.get(r.values().get(xAxis));
                if (at != null && Double.isFinite(v)) {
                    at.add(v);
                }
            }
            int n = xValues.size();
            double[] mean = new double[n];
            double[] error = new double[n];
            int[] counts = new int[n];
            for (int i = 0; i < n; i++) {
                List<Double> v = byX.get(xValues.get(i));
                counts[i] = v.size();
                mean[i] = mean(v);
                error[i] = standardError(v, mean[i]);
            }
            lines.add(new Line(lineAxis == null ? "" : lineAxis + " = " + lv, x, mean, error, counts));
        }
        return new Plot(quantity, xAxis, lines, spansADecade(x));
    }

    static double mean(List<Double> v) {
        if (v.isEmpty()) {
            return Double.NaN;
        }
        double sum = 0;
        for (double d : v) {
            sum += d;
        }
        return sum / v.size();
    }

    /** The standard error of the mean, s / sqrt(n) with the sample standard deviation s; 0 for one value. */
    static double standardError(List<Double> v, double mean) {
        if (v.size() < 2) {
            return v.isEmpty() ? Double.NaN : 0;
        }
        double squares = 0;
        for (double d : v) {
            squares += (d - mean) * (d - mean);
        }
        return Math.sqrt(squares / (v.size() - 1) / v.size());
    }

    /** The values as numbers where every one is a number; else their positions 0, 1, 2, ... */
    private static double[] numbers(List<String> values) {
        double[] x = new double[values.size()];
        for (int i = 0; i < x.length; i++) {
            try {
                x[i] = Double.parseDouble(values.get(i));
            } catch (NumberFormatException notANumber) {
                for (int j = 0; j < x.length; j++) {
                    x[j] = j;
                }
                return x;
            }
        }
        return x;
    }

    private static boolean spansADecade(double[] x) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = 0;
        for (double v : x) {
            if (!(v > 0)) {
                return false;
            }
            lo = Math.min(lo, v);
            hi = Math.max(hi, v);
        }
        return hi >= 10 * lo;
    }
}
