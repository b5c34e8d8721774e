package trlab.app.chart;

import java.util.List;

/**
 * The theory beside the network (SCIENCE.md §6): the network's output beside the two kernel models', how far each
 * model is from the network over t, the decision's regions over t, and plasticity; 2 x 2 on a wide screen, one
 * column on a narrow one (see {@link ChartGrid}).
 */
public final class TheoryView extends ChartGrid {
    public final ModelOutputChart outputs = new ModelOutputChart();
    public final ModelErrorChart errors = new ModelErrorChart();
    public final DecisionChart decision = new DecisionChart();
    public final PlasticityChart plasticity = new PlasticityChart();

    public TheoryView() {
        super("theoryView", 2);
        hold(List.of(outputs, errors, decision, plasticity));
    }
}
