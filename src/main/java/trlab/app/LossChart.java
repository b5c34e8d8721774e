package trlab.app;

import trlab.measure.Series;

/** Training loss (all samples, clean targets) and test loss (probe grid, clean target function) over t. */
final class LossChart extends StepsChart {
    LossChart() {
        super("Loss", "loss", null, true);
        line(Series.TRAIN_LOSS, "training loss", "train-loss");
        line(Series.TEST_LOSS, "test loss", "test-loss");
    }

    @Override
    public String fileName() {
        return "loss";
    }
}
