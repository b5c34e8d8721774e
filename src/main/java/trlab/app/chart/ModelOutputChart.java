package trlab.app.chart;

import io.fair_acc.chartfx.renderer.spi.ErrorDataSetRenderer;
import io.fair_acc.dataset.DataSet;
import io.fair_acc.dataset.spi.DoubleDataSet;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import trlab.core.Task;
import trlab.measure.Curves;
import trlab.measure.Snapshot;

import java.util.ArrayList;
import java.util.List;

/**
 * The network's output over the probe grid beside the two kernel models' (SCIENCE.md §6), for a 1-D task: where the
 * models' curves lie on the network's, the theory explains what it learned. With several outputs the chooser picks
 * one. Compared runs overlay each run's network (solid) and response-law model (dashed); the frozen-kernel model is
 * drawn for the selected run.
 */
public final class ModelOutputChart extends ChartPane {
    private final DoubleDataSet network = dataSet("network f(x)", "network-output");
    private final DoubleDataSet frozen = dataSet("frozen-kernel model", "frozen-model");
    private final DoubleDataSet law = dataSet("response-law model", "law-model");
    private final DoubleDataSet data = dataSet("training data", "data-points");
    private final ErrorDataSetRenderer curves = lines();
    private final ErrorDataSetRenderer points = points();
    private final ChoiceBox<Integer> output = new ChoiceBox<>();
    private ChartInput last;

    ModelOutputChart() {
        super("Network and theory", axis("input x", null, false), axis("output f(x)", null, false));
        curves.getAxes().addAll(xAxis, yAxis);
        points.getAxes().addAll(xAxis, yAxis);
        points.getDatasets().add(data);
        chart.getRenderers().addAll(curves, points);
        output.setId("modelOutputChoice");
        output.setTooltip(new Tooltip("Which output f_k the chart compares"));
        output.setConverter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(Integer k) {
                return k == null ? "" : "output " + (k + 1);
            }

            @Override
            public Integer fromString(String s) {
                return Integer.parseInt(s.replace("output ", "")) - 1;
            }
        });
        output.setMaxSize(Region.USE_PREF_SIZE, Region.USE_PREF_SIZE);
        output.setVisible(false); // shown for a task with several outputs
        StackPane.setAlignment(output, Pos.TOP_RIGHT);
        StackPane.setMargin(output, new Insets(3, 6, 0, 0));
        getChildren().add(output);
        output.valueProperty().addListener((o, was, now) -> {
            if (last != null) {
                update(last);
            }
        });
    }

    @Override
    public String fileName() {
        return "model-output";
    }

    @Override
    List<javafx.scene.Node> widgets() {
        return List.of(output);
    }

    /** The output the chart shows (0 for a task with one). */
    int shownOutput() {
        return output.getValue() == null ? 0 : output.getValue();
    }

    @Override
    protected void draw(ChartInput in) {
        last = in;
        Task task = in.task();
        int k = task.outputs();
        if (output.getItems().size() != k) {
            List<Integer> items = new ArrayList<>();
            for (int o = 0; o < k; o++) {
                items.add(o);
            }
            output.getItems().setAll(items);
            output.setValue(0);
        }
        output.setVisible(k > 1);
        if (task.inputs() != 1) {
            chart.setTitle("Network and theory: see the errors (planar task)");
            setIfChanged(curves, List.of());
            data.set(new double[0], new double[0]);
            return;
        }
        chart.setTitle("Network and theory");
        int shown = shownOutput();
        double[] x = task.featureGrid();
        int m = task.featureCount();
        List<DataSet> sets = new ArrayList<>();
        if (in.comparing()) {
            for (ChartInput.Arm arm : in.arms()) {
                if (arm.latest() == null) {
                    continue;
                }
                Curves c = arm.latest().curves();
                DoubleDataSet f = armSet("network", arm);
                f.setName(arm.label() + ": network");
                fill(f, x, column(c.featureOutput(), shown, k, m), m, false, false);
                sets.add(f);
                if (c.lawModelOutput() != null) {
                    DoubleDataSet l = armSet("law", arm, "arm-dashed", "no-legend");
                    nameColumns(l, arm.label() + ": response-law model");
                    fill(l, x, column(c.lawModelOutput(), shown, k, m), m, false, false);
                    sets.add(l);
                }
            }
            sets.add(keySet("law", "dashed: response-law model", "arm-dashed"));
        } else {
            Snapshot s = in.latest();
            if (s != null) {
                Curves c = s.curves();
                fill(network, x, column(c.featureOutput(), shown, k, m), m, false, false);
                sets.add(network);
                if (c.frozenModelOutput() != null) {
                    fill(frozen, x, column(c.frozenModelOutput(), shown, k, m), m, false, false);
                    fill(law, x, column(c.lawModelOutput(), shown, k, m), m, false, false);
                    sets.add(frozen);
                    sets.add(law);
                }
            }
        }
        setIfChanged(curves, sets);
        trlab.core.DataSet train = task.train();
        double[] tx = new double[train.size()];
        double[] ty = new double[train.size()];
        for (int n = 0; n < train.size(); n++) {
            tx[n] = train.x(n, 0);
            ty[n] = train.y(n, shown);
        }
        data.set(tx, ty);
    }

    /** Output k of values held K per point. */
    private static double[] column(double[] values, int k, int outputs, int points) {
        double[] y = new double[points];
        for (int p = 0; p < points; p++) {
            y[p] = values[p * outputs + k];
        }
        return y;
    }
}
