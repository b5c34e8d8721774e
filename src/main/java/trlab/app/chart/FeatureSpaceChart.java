package trlab.app.chart;

import io.fair_acc.chartfx.renderer.spi.ErrorDataSetRenderer;
import io.fair_acc.dataset.spi.DoubleDataSet;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.text.Font;
import javafx.scene.text.Text;
import io.fair_acc.dataset.DataSet;
import trlab.measure.Curves;
import trlab.measure.Snapshot;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Feature space: every hidden neuron as one point (SCIENCE.md §3, neuron projection). By default a neuron sits at
 * its activation profile projected on the top two principal components of all the neurons' profiles; for 1-D tasks
 * a switch moves it to its input weight and bias (w_i, b_i). The marker size and colour follow the neuron's
 * contribution c_i to the output, in three groups by rank, so a layer whose output rests on a few neurons shows a
 * few large points among many small ones. Compared runs draw their neurons in their own colours.
 */
public final class FeatureSpaceChart extends ChartPane {
    /** The share of the neurons, by rank of c_i, in the large group and in the large plus medium groups. */
    private static final double LARGE_SHARE = 0.10;
    private static final double LARGE_AND_MEDIUM_SHARE = 0.40;

    private static final double SWITCH_MARGIN = 6;

    static final String PCA_VIEW = "PCA";
    static final String WEIGHTS_VIEW = "w, b";

    private final DoubleDataSet large = dataSet("large c_i: top 10 %", "neurons-large");
    private final DoubleDataSet medium = dataSet("medium: next 30 %", "neurons-medium");
    private final DoubleDataSet small = dataSet("small: other 60 %", "neurons-small");
    private final ErrorDataSetRenderer scatter = points();
    private final ChoiceBox<String> view = new ChoiceBox<>();
    private ChartInput last;
    /** Each axis's names, longest first; the longest that fits is shown. */
    private List<String> xNames = List.of("principal component 1");
    private List<String> yNames = List.of("principal component 2");

    @Override
    List<javafx.scene.Node> widgets() {
        return List.of(view);
    }

    FeatureSpaceChart() {
        super("Feature space", axis("principal component 1", null, false),
                axis("principal component 2", null, false));
        scatter.getAxes().addAll(xAxis, yAxis);
        // the first set of a renderer is drawn last: the many small points go over the few large (translucent) ones,
        // which would otherwise hide most neurons of a collapsed feature space
        scatter.getDatasets().addAll(small, medium, large);
        chart.getRenderers().add(scatter);

        view.getItems().addAll(PCA_VIEW, WEIGHTS_VIEW);
        view.setValue(PCA_VIEW);
        view.setId("featureViewChoice");
        view.getStyleClass().add("feature-view-choice");
        view.setTooltip(new Tooltip("Where each neuron is drawn:\n"
                + "PCA: its activation profile over the probe grid, on the top two principal components\n"
                + "w, b: its input weight w_i and bias b_i"));
        view.setMaxSize(Region.USE_PREF_SIZE, Region.USE_PREF_SIZE);
        view.setVisible(false); // shown once a 1-D task arrives
        // top right, in the title row: the title is centred and the legend is at the bottom, so neither is covered
        StackPane.setAlignment(view, Pos.TOP_RIGHT);
        StackPane.setMargin(view, new Insets(3, SWITCH_MARGIN, 0, 0));
        getChildren().add(view);
        // the title is centred over the plot; in a dashboard cell (about 320 px wide) it would run under the switch,
        // so while the switch shows, the title is centred in the width left of it
        view.widthProperty().addListener(o -> padTitle());
        view.visibleProperty().addListener(o -> padTitle());
        // long axis names are cut at the chart's edge: take the longest wording that fits the axis
        xAxis.widthProperty().addListener(o -> fitAxisNames());
        yAxis.heightProperty().addListener(o -> fitAxisNames());
        view.valueProperty().addListener((o, was, now) -> {
            resetZoom(); // a zoom into one view's coordinates means nothing in the other
            if (last != null) {
                update(last);
            }
        });
    }

    @Override
    public String fileName() {
        return "feature-space";
    }

    /** Shows the (w_i, b_i) plane instead of the principal components (1-D tasks only). */
    void showWeights(boolean on) {
        view.setValue(on ? WEIGHTS_VIEW : PCA_VIEW);
    }

    /** True when the neurons are drawn in the (w_i, b_i) plane. */
    boolean showingWeights() {
        return view.isVisible() && WEIGHTS_VIEW.equals(view.getValue());
    }

    /** The switch between the two views. */
    ChoiceBox<String> viewChoice() {
        return view;
    }

    /** The three neuron groups: large, medium and small contribution. */
    List<DoubleDataSet> neuronSets() {
        return List.of(large, medium, small);
    }

    @Override
    protected void draw(ChartInput in) {
        last = in;
        boolean oneInput = in.task() != null && in.task().inputs() == 1;
        view.setVisible(oneInput);
        if (in.comparing()) {
            updateArms(in);
            return;
        }
        setIfChanged(scatter, List.of(small, medium, large));
        Snapshot s = in.latest();
        if (s == null) {
            for (DoubleDataSet ds : neuronSets()) {
                ds.clearData();
            }
            return;
        }
        Curves curves = s.curves();
        double[] c = curves.contributions();
        int n = c.length;
        Placed p = place(curves);
        if (!showingWeights()) {
            double[] explained = curves.projection().explained();
            String x1 = percent(explained[0]);
            String y2 = percent(explained[1]);
            xNames = List.of("principal component 1 (" + x1 + " of variance)", "principal component 1 (" + x1 + ")",
                    "PC 1 (" + x1 + " of variance)", "PC 1 (" + x1 + ")");
            yNames = List.of("principal component 2 (" + y2 + ")", "PC 2 (" + y2 + ")");
        }
        fitAxisNames();

        Integer[] order = p.order();
        double total = 0;
        for (double ci : c) {
            total += ci;
        }
        int nLarge = large(n);
        int nMedium = Math.max(0, Math.min(n, (int) Math.round(LARGE_AND_MEDIUM_SHARE * n)) - nLarge);
        fillGroup(large, p, 0, nLarge);
        fillGroup(medium, p, nLarge, nLarge + nMedium);
        fillGroup(small, p, nLarge + nMedium, n);

        // short names: in the dashboard the chart is about 320 px wide and the legend must stay within two lines
        large.setName(String.format(Locale.ROOT, "large c_i: top %s carry %s of \u03a3c_i", part(nLarge, n),
                share(order, 0, nLarge, c, total)));
        medium.setName("medium: next " + part(nMedium, n));
        small.setName("small: other " + part(n - nLarge - nMedium, n));
    }

    /**
     * Compared runs: each arm's neurons in its colour, the top 10 % by c_i as large points. In the PCA view each arm
     * is drawn on its own principal components (their shapes compare; their directions are each arm's own).
     */
    private void updateArms(ChartInput in) {
        if (!showingWeights()) {
            xNames = List.of("principal component 1 (each run's own)", "principal component 1", "PC 1");
            yNames = List.of("principal component 2 (each run's own)", "principal component 2", "PC 2");
        }
        fitAxisNames();
        List<DataSet> sets = new ArrayList<>();
        List<DataSet> rest = new ArrayList<>();
        for (int a = 0; a < in.arms().size(); a++) {
            Snapshot s = in.arms().get(a).latest();
            if (s == null) {
                continue;
            }
            Placed p = place(s.curves());
            int n = p.x().length;
            DoubleDataSet top = armSet("neurons-large", in.arms().get(a), "arm-neurons-large");
            DoubleDataSet others = armSet("neurons-other", in.arms().get(a), "arm-neurons-other", "no-legend");
            top.setName(in.arms().get(a).label());
            nameColumns(top, in.arms().get(a).label() + ": top 10 % by c_i");
            nameColumns(others, in.arms().get(a).label() + ": other neurons");
            fillGroup(top, p, 0, large(n));
            fillGroup(others, p, large(n), n);
            sets.add(top);
            rest.add(others);
        }
        sets.addAll(rest); // the large points of every arm over the small ones
        sets.add(keySet("neurons-large", "large: top 10 % by c_i", "arm-neurons-large"));
        setIfChanged(scatter, sets);
    }

    /** The neurons where a view draws them, and their indices by contribution c_i, largest first. */
    private record Placed(double[] x, double[] y, Integer[] order) {
    }

    /** Where each neuron is drawn in the view shown: (w_i, b_i), or its profile on the top two components. */
    private Placed place(Curves curves) {
        double[] c = curves.contributions();
        int n = c.length;
        double[] x = new double[n];
        double[] y = new double[n];
        if (showingWeights()) {
            // d = 1: W holds one weight per neuron
            System.arraycopy(curves.neuronW(), 0, x, 0, n);
            System.arraycopy(curves.neuronB(), 0, y, 0, n);
            xNames = List.of("input weight w_i");
            yNames = List.of("bias b_i");
        } else {
            double[] xy = curves.projection().coordinates();
            for (int i = 0; i < n; i++) {
                x[i] = xy[2 * i];
                y[i] = xy[2 * i + 1];
            }
        }
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (i, j) -> Double.compare(c[j], c[i]));
        return new Placed(x, y, order);
    }


    /** How many of n neurons form the large group (at least one). */
    private static int large(int n) {
        return Math.min(n, Math.max(1, (int) Math.round(LARGE_SHARE * n)));
    }

    /** Fills a set with the neurons of ranks from .. to - 1 by contribution. */
    private void fillGroup(DoubleDataSet ds, Placed p, int from, int to) {
        int count = to - from;
        double[] gx = new double[count];
        double[] gy = new double[count];
        for (int k = 0; k < count; k++) {
            gx[k] = p.x()[p.order()[from + k]];
            gy[k] = p.y()[p.order()[from + k]];
        }
        fill(ds, gx, gy, count, false, false);
    }

    /** A group's size as a share of the n neurons, in whole percents. */
    private static String part(int count, int n) {
        return Math.round(100.0 * count / n) + " %";
    }

    /** The group's part of the sum of all contributions, in whole percents. */
    private static String share(Integer[] order, int from, int to, double[] c, double total) {
        if (!(total > 0)) {
            return "\u2013";
        }
        double sum = 0;
        for (int k = from; k < to; k++) {
            sum += c[order[k]];
        }
        return Math.round(100 * sum / total) + " %";
    }

    /** An explained-variance ratio in whole percents. */
    private static String percent(double ratio) {
        return Double.isFinite(ratio) ? Math.round(100 * ratio) + " %" : "? %";
    }

    private void fitAxisNames() {
        xAxis.setName(longestFitting(xNames, xAxis.getAxisLabel().getFont(), xAxis.getWidth()));
        yAxis.setName(longestFitting(yNames, yAxis.getAxisLabel().getFont(), yAxis.getHeight()));
    }

    /** The first name no longer than the axis, or the last one; the first while the axis is not laid out yet. */
    private static String longestFitting(List<String> names, Font font, double length) {
        if (!(length > 0)) {
            return names.get(0);
        }
        Text probe = new Text();
        probe.setFont(font);
        for (String name : names) {
            probe.setText(name);
            if (probe.getLayoutBounds().getWidth() <= length - 8) {
                return name;
            }
        }
        return names.get(names.size() - 1);
    }

    private void padTitle() {
        double right = view.isVisible() ? view.getWidth() + 2 * SWITCH_MARGIN : 0;
        chart.getTitleLabel().setPadding(new Insets(0, right, 0, 0));
    }
}
