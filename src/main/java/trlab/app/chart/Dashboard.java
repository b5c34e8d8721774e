package trlab.app.chart;

import javafx.scene.SnapshotParameters;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.RowConstraints;
import javafx.scene.transform.Transform;

import java.util.List;

/**
 * The live charts in a 4 x 2 grid: what the network computes (output, response, aging, loss) above, what its
 * hidden layer becomes (neurons, spectrum, dimension, fragility) below.
 */
public final class Dashboard extends GridPane {
    public final OutputChart output = new OutputChart();
    public final ResponseChart response = new ResponseChart();
    public final AgingChart aging = new AgingChart();
    public final LossChart loss = new LossChart();
    public final FeatureSpaceChart features = new FeatureSpaceChart();
    public final SpectrumChart spectrum = new SpectrumChart();
    public final FeatureDimensionChart dimension = new FeatureDimensionChart();
    public final FragilityChart fragility = new FragilityChart();
    private final List<ChartPane> charts = List.of(output, response, aging, loss, features, spectrum, dimension,
            fragility);

    public Dashboard() {
        setId("dashboard");
        setHgap(4);
        setVgap(4);
        for (int c = 0; c < 4; c++) {
            ColumnConstraints col = new ColumnConstraints();
            col.setPercentWidth(25);
            getColumnConstraints().add(col);
        }
        for (int r = 0; r < 2; r++) {
            RowConstraints row = new RowConstraints();
            row.setPercentHeight(50);
            getRowConstraints().add(row);
        }
        for (int i = 0; i < charts.size(); i++) {
            add(charts.get(i), i % 4, i / 4);
        }
    }

    public List<ChartPane> charts() {
        return charts;
    }

    /** The input each chart last drew. */
    private final ChartInput[] drawn = new ChartInput[8];
    private int nextChart;

    /**
     * Redraws at most {@code budget} charts that have not drawn {@code in} yet, taking them in turn, so that one
     * frame's work stays bounded however many charts a new snapshot touches (each chart is drawn in software
     * where there is no GPU).
     *
     * @param relayout true when the data changed shape (a new run, a newly recorded sample): new data can change an
     *                 axis's tick labels and so its size, and ChartFX only redraws an axis, so the layout that moves
     *                 the axis name below its labels is asked for then (not on every frame: it costs)
     * @return whether every chart now shows {@code in}
     */
    public boolean update(ChartInput in, boolean relayout, int budget) {
        int n = charts.size();
        for (int k = 0; k < n && budget > 0; k++) {
            int i = (nextChart + k) % n;
            if (drawn[i] == in) {
                continue;
            }
            ChartPane c = charts.get(i);
            c.update(in);
            if (relayout) {
                c.chart().getAxes().forEach(axis -> axis.requestAxisLayout());
            }
            drawn[i] = in;
            budget--;
            nextChart = (i + 1) % n;
        }
        for (ChartInput d : drawn) {
            if (d != in) {
                return false;
            }
        }
        return true;
    }

    /** Where every chart's own exports (its context menu) report. */
    public void setExportReport(ChartPane.ExportReport report) {
        charts.forEach(c -> c.setExportReport(report));
    }

    public void setPresentation(boolean on) {
        charts.forEach(c -> c.setPresentation(on));
    }

    /** The whole dashboard as one image, at 1x or 2x. */
    public WritableImage snapshot(double scale) {
        SnapshotParameters p = new SnapshotParameters();
        p.setTransform(Transform.scale(scale, scale));
        return snapshot(p, null);
    }
}
