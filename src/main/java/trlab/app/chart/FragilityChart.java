package trlab.app.chart;

import trlab.measure.Series;

/**
 * Fragility over t: the largest loss increase when one neuron is removed, the mean increase under 5 % weight noise
 * (left axis), and the input sensitivity |df/dx| (right axis).
 */
public final class FragilityChart extends StepsChart {
    FragilityChart() {
        super("Fragility", "loss increase", null, false);
        line(Series.ABLATION_FRAGILITY, "ablation: one neuron removed (largest)", "ablation", Compared.SOLID,
                "one neuron removed");
        line(Series.NOISE_FRAGILITY, "weight noise (mean)", "weight-noise", Compared.DASHED,
                "weight noise");
        rightLine(Series.INPUT_SENSITIVITY, "input sensitivity |df/dx|", "sensitivity", "|df/dx|", null);
    }

    @Override
    public String fileName() {
        return "fragility";
    }
}
