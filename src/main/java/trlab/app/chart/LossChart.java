package trlab.app.chart;

import trlab.measure.Series;

/**
 * Training loss (all samples, clean targets) and test loss (probe grid, clean target function) over t, beside how
 * far the kernel has moved from its start (right axis): the lazy regime shows a falling loss over a flat drift.
 * Compared runs show their training loss (solid) and test loss (dashed).
 */
public final class LossChart extends StepsChart {
    LossChart() {
        super("Loss and kernel drift", "loss", null, true);
        // the test loss is added first so that it is drawn last, over the training loss that it follows closely
        line(Series.TEST_LOSS, "test loss", "test-loss", Compared.DASHED);
        line(Series.TRAIN_LOSS, "training loss", "train-loss", Compared.SOLID);
        rightLine(Series.KERNEL_DRIFT, "kernel drift D (right)", "kernel-drift", "drift from the start", null);
        rightLine(Series.SHAPE_DRIFT, "shape drift (right)", "shape-drift", "drift from the start", null);
    }

    @Override
    public String fileName() {
        return "loss";
    }
}
