package trlab.app.chart;

import trlab.measure.Series;

/**
 * How far the two kernel models of the theory are from the network over t (SCIENCE.md §6), on log-log axes with the
 * output's own RMS for scale: a model within a few percent of that scale explains how the network learns, one as
 * large as it does not.
 */
public final class ModelErrorChart extends StepsChart {
    ModelErrorChart() {
        super("Theory against the network", "RMS distance from f", null, true);
        line(Series.FROZEN_MODEL_ERROR, "frozen-kernel model", "frozen-model", Compared.SOLID, "frozen kernel");
        line(Series.LAW_MODEL_ERROR, "response-law model", "law-model", Compared.DASHED, "response law");
        line(Series.OUTPUT_RMS, "output RMS (the scale)", "output-rms", Compared.NO);
    }

    @Override
    public String fileName() {
        return "model-error";
    }
}
