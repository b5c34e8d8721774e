package trlab.experiment.sweep;

import java.util.List;

/**
 * How long the rest of a sweep will take, from the wall times of its first points. A run's cost grows with its steps
 * times its width (each step passes every sample through every neuron), so the first points' seconds per
 * step-neuron, times the rest's step-neurons, over the threads, is the estimate. It is as good as the first points
 * are like the rest: a grid that changes the batch size or the task's size is not weighed.
 *
 * @param firstSeconds the wall time of the first points together, as they ran (on the same threads as the rest)
 * @param seconds      the estimated wall time of the remaining points
 */
public record Estimate(int measured, double firstSeconds, int remaining, double seconds) {

    /** A point's cost in step-neurons: its steps times its width. */
    public static double cost(SweepPoint p) {
        return (double) p.config().training().steps() * p.config().network().width();
    }

    /**
     * The estimate for the rest from the first points: each first point's wall seconds over its cost gives seconds
     * per step-neuron (the points ran side by side on the threads, so their wall times already hold the sharing of
     * the cores), and the rest's cost at that rate, spread over the threads, is the time left.
     *
     * @param first       the points timed, with their wall seconds in the same order
     * @param wallSeconds each first point's wall time
     * @param rest        the points still to run
     * @param threads     the runs trained at once
     */
    public static Estimate of(List<SweepPoint> first, List<Double> wallSeconds, List<SweepPoint> rest, int threads) {
        if (first.size() != wallSeconds.size() || first.isEmpty()) {
            throw new IllegalArgumentException("one wall time per first point, at least one");
        }
        double seconds = 0;
        double cost = 0;
        double longest = 0;
        for (int i = 0; i < first.size(); i++) {
            seconds += wallSeconds.get(i);
            cost += cost(first.get(i));
            longest = Math.max(longest, wallSeconds.get(i));
        }
        double perCost = seconds / cost;
        double restCost = 0;
        for (SweepPoint p : rest) {
            restCost += cost(p);
        }
        // fewer points than threads leave threads idle: the rest takes at least its longest point
        int busy = Math.max(1, Math.min(threads, rest.size()));
        double left = restCost * perCost / busy;
        return new Estimate(first.size(), longest, rest.size(), left);
    }

    /** Minutes, for a bound given in minutes. */
    public double minutes() {
        return seconds / 60;
    }
}
