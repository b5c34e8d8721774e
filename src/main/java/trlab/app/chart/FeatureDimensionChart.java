package trlab.app.chart;

import trlab.measure.Series;

/** The feature dimension D_feat and the effective number of neurons N_eff over t: how much of the layer is used. */
public final class FeatureDimensionChart extends StepsChart {
    FeatureDimensionChart() {
        super("Feature dimension, N_eff", "count", null, false);
        line(Series.FEATURE_DIMENSION, "feature dimension D_feat", "feature-dimension", Compared.SOLID);
        line(Series.EFFECTIVE_NEURONS, "effective neurons N_eff", "effective-neurons", Compared.DASHED);
    }

    @Override
    public String fileName() {
        return "feature-dimension";
    }
}
