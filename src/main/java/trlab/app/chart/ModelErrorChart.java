package trlab.app.chart;

import io.fair_acc.dataset.spi.DoubleDataSet;
import trlab.measure.Series;
import trlab.measure.Snapshot;

/**
 * How far the two kernel models of the theory are from the network over t (SCIENCE.md §6), on log-log axes with the
 * output's own RMS for scale: a model within a few percent of that scale explains how the network learns, one as
 * large as it does not.
 */
public final class ModelErrorChart extends StepsChart {
    static final String FROZEN = "frozen-kernel model";
    private final DoubleDataSet frozen;

    ModelErrorChart() {
        super("Theory against the network", "RMS distance from f", null, true);
        frozen = line(Series.FROZEN_MODEL_ERROR, FROZEN, "frozen-model", Compared.SOLID, "frozen kernel");
        line(Series.LAW_MODEL_ERROR, "response-law model", "law-model", Compared.DASHED, "response law");
        line(Series.OUTPUT_RMS, "output RMS (the scale)", "output-rms", Compared.NO);
    }

    /**
     * Where the learning rate is too large for the first kernel (eta times its largest eigenvalue above 2), the frozen
     * model, gradient descent on the linearised network, runs away while the network itself calms its kernel: the
     * legend says so once its error is past a thousand times the output's RMS.
     */
    @Override
    protected void afterUpdate(ChartInput in) {
        Snapshot latest = in.latest();
        // a thousand times the output itself is no longer an error of a model that follows the network
        boolean diverged = latest != null && Double.isFinite(latest.lawModelError())
                && !(latest.frozenModelError() < 1e3 * latest.outputRms());
        frozen.setName(diverged ? FROZEN + ": diverged" : FROZEN);
    }

    @Override
    public String fileName() {
        return "model-error";
    }
}
