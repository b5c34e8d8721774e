package trlab.app.chart;

import trlab.measure.Series;

/**
 * Plasticity over t (SCIENCE.md §6): the share of a new, conflicting target that three small steps learn, on a log
 * axis since it falls by decades under noisy SGD; and the number of regions of constant decision on the right.
 */
public final class PlasticityChart extends StepsChart {
    PlasticityChart() {
        super("Plasticity", "share of a new target learned", null, true);
        line(Series.PLASTICITY, "plasticity", "plasticity", Compared.SOLID);
        rightLine(Series.REGIONS, "regions of constant decision (right)", "regions", "regions", null);
    }

    @Override
    public String fileName() {
        return "plasticity";
    }
}
