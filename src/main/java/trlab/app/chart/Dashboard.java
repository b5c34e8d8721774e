package trlab.app.chart;

import java.util.List;

/**
 * The network's live charts: what it computes (output, response, aging, loss), then what its hidden layer becomes
 * (neurons, spectrum, dimension, fragility); 4 x 2 on a wide screen, reflowing to 2 or 1 columns (see
 * {@link ChartGrid}).
 */
public final class Dashboard extends ChartGrid {
    public final OutputChart output = new OutputChart();
    public final ResponseChart response = new ResponseChart();
    public final AgingChart aging = new AgingChart();
    public final LossChart loss = new LossChart();
    public final FeatureSpaceChart features = new FeatureSpaceChart();
    public final SpectrumChart spectrum = new SpectrumChart();
    public final FeatureDimensionChart dimension = new FeatureDimensionChart();
    public final FragilityChart fragility = new FragilityChart();

    public Dashboard() {
        super("dashboard", 4);
        hold(List.of(output, response, aging, loss, features, spectrum, dimension, fragility));
    }
}
