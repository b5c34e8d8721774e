package trlab.app.chart;

import io.fair_acc.chartfx.XYChart;
import io.fair_acc.chartfx.axes.Axis;
import io.fair_acc.chartfx.axes.spi.DefaultNumericAxis;
import io.fair_acc.chartfx.plugins.Zoomer;
import io.fair_acc.chartfx.renderer.ContourType;
import io.fair_acc.chartfx.renderer.spi.ContourDataSetRenderer;
import io.fair_acc.chartfx.renderer.spi.utils.ColorGradient;
import io.fair_acc.chartfx.ui.geometry.Side;
import io.fair_acc.dataset.AxisDescription;
import io.fair_acc.dataset.DataSet;
import io.fair_acc.dataset.spi.DoubleGridDataSet;
import javafx.beans.property.BooleanProperty;
import javafx.scene.Node;
import trlab.core.Task;

/**
 * The heat map of a chart for 2-D tasks: a z axis on the right, a smoothed HEATMAP renderer and the grid data set
 * "zName on the plane" it draws, filled from the task's G x G probe grid. The chart keeps {@link #renderer()} among
 * its renderers for good and calls {@link #attach} / {@link #detach} to show or hide the z axis with its colour bar.
 */
final class HeatMap {
    private final Axis xAxis;
    private final Axis yAxis;
    private final DefaultNumericAxis zAxis;
    private final ContourDataSetRenderer renderer;
    private final DoubleGridDataSet grid;

    /** A heat map over the chart axes x and y, with a z axis named zName coloured by gradient. */
    HeatMap(Axis x, Axis y, String zName, ColorGradient gradient) {
        xAxis = x;
        yAxis = y;
        zAxis = ChartPane.axis(zName, null, false);
        zAxis.setSide(Side.RIGHT);
        zAxis.setDimIndex(DataSet.DIM_Z);
        zAxis.getProperties().put(Zoomer.ZOOMER_OMIT_AXIS, Boolean.TRUE); // as the renderer does once it draws
        zAxis.setVisible(false);
        BooleanProperty shown = zAxis.visibleProperty();
        renderer = new ContourDataSetRenderer() {
            {
                // the colour bar beside the z axis comes and goes with it
                ((Node) gradientBar).visibleProperty().bind(shown);
            }
        };
        grid = new DoubleGridDataSet(zName + " on the plane", 3);
        renderer.setContourType(ContourType.HEATMAP);
        renderer.setSmooth(true);
        renderer.setColorGradient(gradient);
        renderer.setShowInLegend(false);
        renderer.getAxes().addAll(x, y, zAxis);
        renderer.getDatasets().add(grid);
    }

    ContourDataSetRenderer renderer() {
        return renderer;
    }

    DoubleGridDataSet grid() {
        return grid;
    }

    DefaultNumericAxis zAxis() {
        return zAxis;
    }

    /** Shows the z axis and its colour bar and names the x and y axes for the plane. */
    void attach(XYChart chart) {
        zAxis.setVisible(true);
        chart.getGridRenderer().setDrawOnTop(false); // the map hides the grid
        xAxis.setName("x1");
        yAxis.setName("x2");
    }

    /** Hides the z axis and its colour bar. */
    void detach() {
        zAxis.setVisible(false);
    }

    /**
     * Replaces the grid's values: z[iy * G + ix] at the task's probe point (x1 of column ix, x2 of row iy); values
     * a chart does not draw ({@link ChartPane#drawable}) become 0, the middle of the scale.
     *
     * @return whether a value was left out
     */
    boolean fill(Task task, double[] values) {
        double[] z = values.clone();
        boolean clipped = false;
        for (int i = 0; i < z.length; i++) {
            if (!ChartPane.drawable(z[i])) {
                z[i] = 0;
                clipped = true;
            }
        }
        int g = task.gridSide();
        double[] gx = new double[g];
        double[] gy = new double[g];
        for (int i = 0; i < g; i++) {
            gx[i] = task.probe()[i * 2];              // row 0, column i: x1
            gy[i] = task.probe()[(i * g) * 2 + 1];    // row i, column 0: x2
        }
        grid.lock().writeLockGuard(() -> {
            grid.set(false, new double[][]{gx, gy}, z);
            grid.getAxisDescriptions().forEach(AxisDescription::clear);
        });
        return clipped;
    }
}
