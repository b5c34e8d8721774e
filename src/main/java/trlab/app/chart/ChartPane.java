package trlab.app.chart;

import io.fair_acc.chartfx.XYChart;
import io.fair_acc.chartfx.axes.Axis;
import io.fair_acc.chartfx.axes.AxisLabelOverlapPolicy;
import io.fair_acc.chartfx.axes.spi.DefaultNumericAxis;
import io.fair_acc.chartfx.plugins.DataPointTooltip;
import io.fair_acc.chartfx.plugins.EditAxis;
import io.fair_acc.chartfx.plugins.Zoomer;
import io.fair_acc.chartfx.renderer.ErrorStyle;
import io.fair_acc.chartfx.renderer.LineStyle;
import io.fair_acc.chartfx.renderer.Renderer;
import io.fair_acc.chartfx.renderer.spi.ErrorDataSetRenderer;
import io.fair_acc.chartfx.utils.WriteFxImage;
import io.fair_acc.dataset.DataSet;
import io.fair_acc.dataset.GridDataSet;
import io.fair_acc.dataset.spi.DoubleDataSet;
import io.fair_acc.dataset.events.BitState;
import io.fair_acc.dataset.events.ChartBits;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableValue;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.image.WritableImage;
import javafx.collections.ListChangeListener;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.stage.FileChooser;
import javafx.util.StringConverter;
import trlab.experiment.AtomicFiles;
import trlab.experiment.Csv;

import java.io.File;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;

/**
 * One chart of the dashboard: a ChartFX chart drawn from a {@link ChartInput}, with a context menu to save it as PNG
 * and its data as CSV. Subclasses build their axes and data sets once and refill them in {@link #update}.
 */
public abstract class ChartPane extends StackPane {
    /** The charts' stylesheet, for every scene that shows a chart: the window's and a headless export's. */
    public static final String STYLESHEET = ChartPane.class.getResource("charts.css").toExternalForm();

    protected final XYChart chart;
    protected final DefaultNumericAxis xAxis;
    protected final DefaultNumericAxis yAxis;
    private final Zoomer zoomer = new Zoomer();

    protected ChartPane(String title, DefaultNumericAxis xAxis, DefaultNumericAxis yAxis) {
        this.xAxis = xAxis;
        this.yAxis = yAxis;
        chart = new XYChart(xAxis, yAxis);
        chart.getCanvas().setCache(false); // as the axes: see axis()
        chart.setTitle(title);
        chart.getRenderers().clear();
        chart.setMinSize(200, 160);
        chart.setPrefSize(420, 320);
        // a right click opens our menu instead of zooming out; zoom out with the menu's "Reset zoom"
        zoomer.setZoomOutMouseFilter(e -> false);
        // the mouse wheel scrolls a dashboard that reflowed to more rows than the screen holds; Ctrl+wheel zooms
        zoomer.setZoomScrollFilter(e -> e.isControlDown() && zoomer.defaultScrollFilter.test(e));
        chart.getPlugins().add(zoomer);
        installAxisEditorOnce();
        getChildren().add(chart);
        clipNote.getStyleClass().add("clip-note");
        clipNote.setVisible(false);
        clipNote.setMouseTransparent(true);
        StackPane.setAlignment(clipNote, Pos.TOP_CENTER);
        StackPane.setMargin(clipNote, new Insets(CLIP_NOTE_TOP, 4, 0, 4)); // below the title
        getChildren().add(clipNote);
        getStyleClass().add("chart-pane");
        // a dashboard cell is as large as it is (the dashboard keeps it readable): a chart never spills into the next
        setMinSize(0, 0);
        installMenu();
        // a legend entry longer than the chart is wide (compared runs with long names) is cut with an ellipsis;
        // left at its full width it would push the plot and its axis out of a dashboard cell
        if (chart.getLegend().getNode() instanceof Pane legend) {
            // its own minimum is its widest entry at full length (FlowPane ignores the entries' maximum there)
            legend.setMinWidth(0);
            legend.getChildren().addListener((ListChangeListener<Node>) change -> {
                for (Node item : legend.getChildren()) {
                    if (item instanceof Region r && !r.maxWidthProperty().isBound()) {
                        // the cell's width, not the chart's: a chart as wide as its widest entry would never shrink
                        r.maxWidthProperty().bind(widthProperty().subtract(LEGEND_MARGIN));
                    }
                }
            });
        }
    }

    /**
     * Adds ChartFX's axis editor (a right click on an axis) once the subclass has put every axis into the chart: the
     * first time this pane enters a scene. ChartFX 11.3.1's EditAxis re-arms itself on every change of the chart's
     * axis list (it registers one more listener each time and cannot remove the old ones, so their number doubles)
     * and builds a new editor popup per axis each time, which the axis's min and max listeners then keep alive. So the
     * axis list is fixed once the editor is there: axes are shown and hidden ({@link #showAxis}), never removed.
     */
    private void installAxisEditorOnce() {
        ChangeListener<Scene> install = new ChangeListener<>() {
            @Override
            public void changed(ObservableValue<? extends Scene> o, Scene before, Scene now) {
                if (now != null) {
                    sceneProperty().removeListener(this);
                    chart.getPlugins().add(new EditAxis());
                }
            }
        };
        sceneProperty().addListener(install);
    }

    /** Explains the chart in a tooltip on its title and its legend. */
    protected void explain(String text) {
        javafx.scene.control.Tooltip tip = new javafx.scene.control.Tooltip(text);
        tip.setWrapText(true);
        tip.setMaxWidth(420);
        tip.setShowDuration(javafx.util.Duration.seconds(30));
        javafx.scene.control.Tooltip.install(chart.getTitleLabel(), tip);
        javafx.scene.control.Tooltip.install(chart.getLegend().getNode(), tip);
    }

    /** The explanation of {@link #explain}, or null. */
    String explanation() {
        javafx.scene.control.Tooltip tip = (javafx.scene.control.Tooltip) chart.getTitleLabel().getProperties()
                .get("javafx.scene.control.Tooltip");
        return tip == null ? null : tip.getText();
    }

    /** Where the clipping note sits: just below the chart's title. */
    private static final double CLIP_NOTE_TOP = 26;

    /** Room left beside the widest legend entry (the legend's padding and border). */
    private static final double LEGEND_MARGIN = 24;

    /** The file name stem for exports, e.g. "loss". */
    public abstract String fileName();

    /**
     * Refills the data sets from the latest published state (FX thread), and says so in the chart when values were
     * left out (see {@link #fill}).
     */
    public final void update(ChartInput in) {
        clipped = false;
        draw(in);
        clipNote.setVisible(clipped);
    }

    /** Refills the data sets from the latest published state, drawing them with {@link #fill}. */
    protected abstract void draw(ChartInput in);

    /**
     * The largest value a chart draws. A diverging run reaches 1e289 and then infinity; drawn, such values squeeze
     * every finite value into one line and put 300 decades on a log axis. They are left out and the chart says so.
     */
    public static final double LIMIT = 1e12;
    private final Label clipNote = new Label("values beyond \u00b11e12 or not finite are not drawn");
    private boolean clipped;

    /** Whether the chart shows the note that it left values out. */
    boolean showsClipNote() {
        return clipNote.isVisible();
    }

    /** Whether a value is one a chart draws: finite and within {@link #LIMIT}. */
    static boolean drawable(double v) {
        return Math.abs(v) <= LIMIT;
    }

    /** Notes that the data drawn now leaves values out (a chart that draws without {@link #fill}). */
    protected void noteClipped() {
        clipped = true;
    }

    public XYChart chart() {
        return chart;
    }

    /** Larger fonts and lines for a projector. */
    public void setPresentation(boolean on) {
        if (on && !chart.getStyleClass().contains("presentation")) {
            chart.getStyleClass().add("presentation");
        } else if (!on) {
            chart.getStyleClass().remove("presentation");
        }
        // the controls on the chart take the chart's type, also where the window around it has large type
        getStyleClass().remove(NORMAL_TYPE);
        if (!on) {
            getStyleClass().add(NORMAL_TYPE);
        }
    }

    /** The style class of a chart in normal type (charts.css sizes the controls on it). */
    static final String NORMAL_TYPE = "normal-type";

    /** Every data set of every renderer, in drawing order. */
    public List<DataSet> dataSets() {
        List<DataSet> all = new ArrayList<>();
        chart.getRenderers().forEach(r -> all.addAll(r.getDatasets()));
        return all;
    }

    /**
     * The chart's data as CSV: for each line or point set two columns "name: x", "name: y"; for a grid three
     * columns x, y, z in long form. Sets of different lengths leave their missing cells empty; sets without points
     * (legend entries only) and the invisible decade frame of a log axis are left out.
     */
    public String csv() {
        List<String> header = new ArrayList<>();
        List<double[]> columns = new ArrayList<>();
        for (DataSet ds : dataSets()) {
            if (ds.getDataCount() == 0 || ds.getStyleClasses().contains(DECADE_FRAME)) {
                continue;
            }
            ds.lock().readLockGuard(() -> {
                String name = columnNames.getOrDefault(ds, ds.getName());
                if (ds instanceof GridDataSet grid && grid.getNGrid() == 2) {
                    int nx = grid.getShape(0);
                    int ny = grid.getShape(1);
                    double[] x = new double[nx * ny];
                    double[] y = new double[nx * ny];
                    double[] z = new double[nx * ny];
                    for (int iy = 0; iy < ny; iy++) {
                        for (int ix = 0; ix < nx; ix++) {
                            int i = iy * nx + ix;
                            x[i] = grid.getGrid(0, ix);
                            y[i] = grid.getGrid(1, iy);
                            z[i] = grid.get(DataSet.DIM_Z, i);
                        }
                    }
                    header.addAll(List.of(name + ": x", name + ": y", name + ": z"));
                    columns.addAll(List.of(x, y, z));
                } else {
                    int n = ds.getDataCount();
                    double[] x = new double[n];
                    double[] y = new double[n];
                    for (int i = 0; i < n; i++) {
                        x[i] = ds.get(DataSet.DIM_X, i);
                        y[i] = ds.get(DataSet.DIM_Y, i);
                    }
                    header.addAll(List.of(name + ": " + xAxis.getName(), name + ": y"));
                    columns.addAll(List.of(x, y));
                }
            });
        }
        StringBuilder sb = new StringBuilder();
        for (int c = 0; c < header.size(); c++) {
            sb.append(c == 0 ? "" : ",").append(Csv.cell(header.get(c)));
        }
        sb.append('\n');
        int rows = columns.stream().mapToInt(c -> c.length).max().orElse(0);
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < columns.size(); c++) {
                if (c > 0) {
                    sb.append(',');
                }
                double[] col = columns.get(c);
                if (r < col.length && Double.isFinite(col[r])) {
                    sb.append(col[r]);
                }
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    /**
     * Writes the chart as it is on screen, with any chooser above it, to a PNG file (via a temporary file, so a
     * failure leaves nothing).
     */
    public void savePng(Path file) throws IOException {
        writePng(snapshot(null, null), file);
    }

    /**
     * The chart as an image at {@code scale} times its size on screen (1, 2, 3), without the controls on it, with
     * the caption below when there is one.
     */
    public WritableImage image(double scale, String caption) {
        return Picture.of(this, widgets(), scale, caption);
    }

    /** The chart as an image of exactly {@code width} x {@code height} pixels (see {@link Picture#fitted}). */
    public WritableImage image(int width, int height, String caption) {
        return Picture.fitted(this, widgets(), width, height, caption);
    }

    /** Writes {@link #image} to a PNG file. */
    public void savePng(Path file, double scale, String caption) throws IOException {
        writePng(image(scale, caption), file);
    }

    /** The controls that sit on the chart and stay out of its exported image. */
    List<Node> widgets() {
        return List.of();
    }

    /** What an export of this chart puts below it (the preset, the step, the settings); empty for nothing. */
    private java.util.function.Supplier<String> caption = () -> "";

    /** Sets what this chart's own exports (its context menu) put below the chart. */
    public void setCaption(java.util.function.Supplier<String> caption) {
        this.caption = caption;
    }

    /** The export sizes the context menu offers. */
    static final double[] SCALES = {1, 2, 3};

    /** Encodes an image as PNG (pure Java, no AWT) and writes it atomically. */
    public static void writePng(WritableImage image, Path file) throws IOException {
        ByteBuffer png = WriteFxImage.encode(image);
        byte[] bytes = new byte[png.remaining()];
        png.get(bytes);
        AtomicFiles.write(file, bytes);
    }

    public void saveCsv(Path file) throws IOException {
        AtomicFiles.write(file, csv());
    }

    public void resetZoom() {
        zoomer.zoomOrigin();
    }

    private void installMenu() {
        javafx.scene.control.Menu png = new javafx.scene.control.Menu("Save chart as PNG");
        for (double scale : SCALES) {
            MenuItem size = new MenuItem();
            size.setOnAction(e -> choose("PNG image", "*.png", (scale == 1 ? "" : "@" + (int) scale + "x") + ".png")
                    .ifPresent(f -> export(() -> savePng(f.toPath(), scale, caption.get()), f)));
            png.getItems().add(size);
        }
        MenuItem pixels = new MenuItem("Other size in pixels\u2026");
        pixels.setOnAction(e -> askPixels().ifPresent(size -> choose("PNG image", "*.png",
                "-" + size[0] + "x" + size[1] + ".png").ifPresent(f -> export(() ->
                writePng(image(size[0], size[1], caption.get()), f.toPath()), f))));
        png.getItems().add(pixels);
        // each size in pixels, as it is when the menu opens
        png.setOnShowing(e -> {
            for (int i = 0; i < SCALES.length; i++) {
                png.getItems().get(i).setText(String.format(Locale.ROOT, "%dx (%d \u00d7 %d pixels)\u2026",
                        (int) SCALES[i], Math.round(getWidth() * SCALES[i]), Math.round(getHeight() * SCALES[i])));
            }
        });
        MenuItem csv = new MenuItem("Save data as CSV\u2026");
        csv.setOnAction(e -> choose("CSV data", "*.csv", ".csv").ifPresent(f -> export(() -> saveCsv(f.toPath()), f)));
        MenuItem reset = new MenuItem("Reset zoom");
        reset.setOnAction(e -> resetZoom());
        ContextMenu menu = new ContextMenu(png, csv, reset);
        chart.setOnContextMenuRequested(e -> {
            for (Node n = e.getPickResult().getIntersectedNode(); n != null; n = n.getParent()) {
                if (n instanceof Axis) {
                    return; // an axis's right click belongs to EditAxis
                }
            }
            menu.show(chart, e.getScreenX(), e.getScreenY());
            e.consume();
        });
    }

    private interface Export {
        void run() throws IOException;
    }

    /** How a chart's own export went, for the window to tell the user; charts show no dialogs themselves. */
    public interface ExportReport {
        ExportReport NONE = new ExportReport() {
            @Override
            public void saved(Path file) {
            }

            @Override
            public void failed(Path file, String reason) {
            }
        };

        void saved(Path file);

        void failed(Path file, String reason);
    }

    private ExportReport exportReport = ExportReport.NONE;

    public void setExportReport(ExportReport report) {
        exportReport = report;
    }

    private void export(Export action, File file) {
        try {
            action.run();
            exportReport.saved(file.toPath());
        } catch (IOException | RuntimeException ex) {
            exportReport.failed(file.toPath(), ex.getMessage());
        }
    }

    /** Asks for an image size such as "1920 x 1080"; empty when the user cancels or types no size. */
    private java.util.Optional<int[]> askPixels() {
        javafx.scene.control.TextInputDialog ask = new javafx.scene.control.TextInputDialog("1920 x 1080");
        ask.setTitle("Save " + chart.getTitle());
        ask.setHeaderText("Width x height of the image in pixels");
        ask.initOwner(getScene().getWindow());
        return ask.showAndWait().flatMap(ChartPane::pixels);
    }

    /** "1920 x 1080" (or 1920x1080, 1920 1080) as {1920, 1080}; empty unless both are whole numbers 1 to 20000. */
    static java.util.Optional<int[]> pixels(String text) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\s*(\\d{1,5})\\s*[x\u00d7 ]\\s*(\\d{1,5})\\s*")
                .matcher(text);
        if (!m.matches()) {
            return java.util.Optional.empty();
        }
        int w = Integer.parseInt(m.group(1));
        int h = Integer.parseInt(m.group(2));
        return w >= 1 && h >= 1 && w <= 20000 && h <= 20000 ? java.util.Optional.of(new int[]{w, h})
                : java.util.Optional.empty();
    }

    private java.util.Optional<File> choose(String what, String pattern, String extension) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Save " + chart.getTitle());
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(what, pattern));
        chooser.setInitialFileName(fileName() + extension);
        return java.util.Optional.ofNullable(chooser.showSaveDialog(getScene().getWindow()));
    }

    // ---- helpers for subclasses ----

    /** The style class of a log axis's invisible decade frame (see {@link StepsChart}). */
    static final String DECADE_FRAME = "decade-frame";

    /** A comparison's data sets, made on first use and kept, by role and arm. */
    private final Map<String, DoubleDataSet> armSets = new HashMap<>();
    /** The name a set's CSV columns take where its legend name says too little (a compared run's second line). */
    private final Map<DataSet, String> columnNames = new IdentityHashMap<>();

    /** Names the CSV columns of a set, e.g. "full batch: test loss" for a dashed line whose legend entry is a key. */
    protected void nameColumns(DataSet ds, String name) {
        columnNames.put(ds, name);
    }

    /**
     * The data set of one role (e.g. "trainLoss") for an arm of a comparison, drawn in the arm's colour (style
     * class arm-0 .. arm-3) with the role's own style classes (e.g. "arm-dashed"); made once and reused.
     */
    protected DoubleDataSet armSet(String role, ChartInput.Arm arm, String... styles) {
        return armSets.computeIfAbsent(role + "#" + arm.colour(), k -> {
            DoubleDataSet ds = dataSet(role, "arm-" + arm.colour());
            ds.addStyleClasses(styles);
            return ds;
        });
    }

    /**
     * A legend entry in the selected arm's colour that names the run a heat map shows: a map cannot overlay the
     * runs of a comparison, so it shows the selected one and says which.
     */
    protected DoubleDataSet mapKey(ChartInput in) {
        DoubleDataSet key = armSet("map-key", in.arm());
        key.setName("map: " + in.arm().label());
        return key;
    }

    /**
     * An empty data set that only puts a grey line of a role's style in the legend, e.g. "dashed: test loss", so a
     * comparison's legend names each arm once and each line style once.
     */
    protected DoubleDataSet keySet(String role, String name, String... styles) {
        DoubleDataSet ds = armSets.computeIfAbsent(role + "#key", k -> {
            DoubleDataSet key = dataSet(name, "arm-key");
            key.addStyleClasses(styles);
            return key;
        });
        ds.setName(name);
        return ds;
    }

    /** An axis with a name, an optional unit (null for none) and log or linear scale, with plain tick labels. */
    protected static DefaultNumericAxis axis(String name, String unit, boolean log) {
        DefaultNumericAxis a = new SeenAxis(name, unit);
        a.setUnit(unit);
        a.setLogAxis(log);
        a.setAutoRangePadding(0.05);
        a.setAnimated(false);
        a.setTickLabelFormatter(log ? logTicks(a) : PLAIN_TICKS);
        // in a small chart, drop every other tick label rather than shift it onto the axis name
        a.setOverlapPolicy(AxisLabelOverlapPolicy.SKIP_ALT);
        // a squeezed chart gives an axis only its estimated minimum, which puts the name over the tick labels
        a.setMinHeight(Region.USE_PREF_SIZE);
        a.setMinWidth(Region.USE_PREF_SIZE);
        // ChartFX caches each canvas as a picture of itself. A live chart changes every frame, so the cache only
        // adds a copy per frame, and (software rendering) a picture per canvas on the heap.
        a.getCanvas().setCache(false);
        return a;
    }

    /**
     * An axis that draws its canvas only while it can be seen. JavaFX keeps a canvas's drawing commands until they
     * are shown or one clears the whole canvas, and a hidden axis's canvas is often empty (a heat map's z axis while
     * the map is off): ChartFX's redraws of hidden axes piled up 10-20 MB of commands over half an hour of a lesson.
     * A hidden axis still follows its range, ticks and size, so that the chart lays out around it as before (its
     * changes keep reaching the chart), and owes the chart a drawing, which it makes once it is seen again.
     */
    static final class SeenAxis extends DefaultNumericAxis {
        private boolean owed;

        SeenAxis(String name, String unit) {
            super(name, unit);
        }

        @Override
        public void drawAxis() {
            BitState state = getBitState();
            if (!seen(this)) {
                owed |= state.isDirty(ChartBits.AxisCanvas);
                state.clear(ChartBits.AxisCanvas);
            } else if (owed) {
                owed = false;
                state.setDirty(ChartBits.AxisCanvas);
            }
            super.drawAxis();
        }

        /** Whether a drawing was put off while hidden. */
        boolean owesDrawing() {
            return owed;
        }

        /** Asks for the drawing put off while hidden (the chart then draws this axis in its next pulse). */
        void drawIfOwed() {
            if (owed) {
                getBitState().setDirty(ChartBits.AxisCanvas);
            }
        }
    }

    /**
     * Draws the axes that were put off while this chart could not be seen (its page or a part of it hidden); the
     * chart holds every axis, also its renderers' (see {@link #addRenderers}).
     */
    void drawOwedAxes() {
        for (Axis axis : chart.getAxes()) {
            if (axis instanceof SeenAxis seen) {
                seen.drawIfOwed();
            }
        }
    }

    /** Whether a node is in a scene with it and all its parents visible (a page not in view is not). */
    static boolean seen(Node node) {
        for (Node n = node; n != null; n = n.getParent()) {
            if (!n.isVisible()) {
                return false;
            }
        }
        return node.getScene() != null;
    }

    /** A renderer for lines (markers off unless a set asks for them), with NaN drawn as gaps. */
    protected static ErrorDataSetRenderer lines() {
        ErrorDataSetRenderer r = new ErrorDataSetRenderer();
        r.setErrorStyle(ErrorStyle.NONE);
        r.setDashSize(0);
        r.setAllowNaNs(true);
        // our series are short (a few hundred points); the reducer drops nearly flat runs from the line
        r.setPointReduction(false);
        r.setPolyLineStyle(LineStyle.NORMAL);
        return r;
    }

    /** A renderer for points only. */
    protected static ErrorDataSetRenderer points() {
        ErrorDataSetRenderer r = lines();
        r.setPolyLineStyle(LineStyle.NONE);
        return r;
    }

    /** A named data set carrying a style class of the stylesheet (colour, width, dashes, markers). */
    protected static DoubleDataSet dataSet(String name, String styleClass) {
        DoubleDataSet ds = new DoubleDataSet(name);
        ds.addStyleClasses(styleClass);
        return ds;
    }

    /**
     * Replaces a set's points; on a log axis values <= 0 become gaps (a single 0 would blank the chart), and values
     * that are not finite or beyond {@link #LIMIT} become gaps that the chart's note mentions.
     */
    protected void fill(DoubleDataSet ds, double[] x, double[] y, int n, boolean logX, boolean logY) {
        double[] xs = new double[n];
        double[] ys = new double[n];
        for (int i = 0; i < n; i++) {
            double xi = x[i];
            double yi = y[i];
            if (!Double.isNaN(xi) && !drawable(xi)) {
                clipped = true;
                xi = Double.NaN;
                yi = Double.NaN;
            } else if (!Double.isNaN(yi) && !drawable(yi)) {
                clipped = true;
                yi = Double.NaN;
            }
            xs[i] = logX && !(xi > 0) ? Double.NaN : xi;
            ys[i] = logY && !(yi > 0) ? Double.NaN : yi;
        }
        ds.set(xs, ys, n, false);
    }

    /** The data sets of each renderer that is hidden now, to give back when it is shown again. */
    private final Map<Renderer, List<DataSet>> hidden = new IdentityHashMap<>();

    /**
     * Puts renderers into the chart for good, in drawing order (the first is drawn first, under the others), with
     * their axes; the chart starts with all of them hidden. Call from the constructor only: the chart's renderers and
     * axes stay what they are from then on (see {@link #installAxisEditorOnce}), and a change of view only shows
     * and hides them. Keeping them also keeps their legend entries from piling up: ChartFX makes a new entry for a
     * renderer that comes back and leaves the old one listening to the data set's node.
     */
    protected void addRenderers(Renderer... renderers) {
        for (Renderer r : renderers) {
            chart.getRenderers().add(r);
            hidden.put(r, new ArrayList<>(r.getDatasets()));
            r.getDatasets().clear();
            for (Axis axis : r.getAxes()) {
                if (!chart.getAxes().contains(axis)) {
                    chart.getAxes().add(axis);
                }
            }
        }
    }

    /**
     * Shows these renderers and hides the chart's others: a hidden renderer draws nothing and has no legend entry
     * (its data sets are kept aside, and come back when it is shown).
     */
    protected void setRenderers(Renderer... shown) {
        List<Renderer> show = List.of(shown);
        for (Renderer r : chart.getRenderers()) {
            boolean on = show.contains(r);
            if (on && hidden.containsKey(r)) {
                r.getDatasets().setAll(hidden.remove(r));
            } else if (!on && !hidden.containsKey(r)) {
                hidden.put(r, new ArrayList<>(r.getDatasets()));
                r.getDatasets().clear();
            }
        }
    }

    /** Shows or hides an axis of the chart (a hidden axis takes no room). */
    protected static void showAxis(Axis axis, boolean on) {
        ((Node) axis).setVisible(on);
    }

    /** Whether the chart shows this axis now. */
    boolean showsAxis(Axis axis) {
        return chart.getAxes().contains(axis) && ((Node) axis).isVisible();
    }

    /**
     * Replaces a renderer's data sets only when the list differs (a change rebuilds the legend); for a hidden
     * renderer, the sets it will show.
     */
    protected void setIfChanged(io.fair_acc.chartfx.renderer.Renderer r, List<DataSet> sets) {
        if (hidden.containsKey(r)) {
            hidden.put(r, new ArrayList<>(sets));
            return;
        }
        List<DataSet> now = r.getDatasets();
        boolean same = now.size() == sets.size();
        for (int i = 0; same && i < sets.size(); i++) {
            same = now.get(i) == sets.get(i);
        }
        if (!same) {
            r.getDatasets().setAll(sets);
        }
    }

    /** The class of a training sample: the output with its largest target (the argmax of a one-hot target). */
    static int targetClass(trlab.core.DataSet train, int sample) {
        int best = 0;
        for (int k = 1; k < train.outputs(); k++) {
            if (train.y(sample, k) > train.y(sample, best)) {
                best = k;
            }
        }
        return best;
    }

    private static final StringConverter<Number> PLAIN_TICKS = new StringConverter<>() {
        @Override
        public String toString(Number n) {
            double v = n.doubleValue();
            double a = Math.abs(v);
            if (a < 1e-12) {
                return "0"; // a tick meant to be 0 that the axis's arithmetic left at -2.8e-17
            }
            if (a >= 1e5 || a < 1e-3) {
                return String.format(Locale.ROOT, "%.1e", v).replace("e+0", "e").replace("e-0", "e-").replace("e+", "e");
            }
            String s = String.format(Locale.ROOT, a >= 100 ? "%,.0f" : "%.3g", v);
            return s.contains(".") && !s.contains("e") ? s.replaceAll("0+$", "").replaceAll("\\.$", "") : s;
        }

        @Override
        public Number fromString(String s) {
            return Double.valueOf(s.replace(",", ""));
        }
    };

    /** The most powers of ten a log axis labels; over more decades it labels every second, fifth... */
    static final int MAX_LOG_LABELS = 8;

    /**
     * Tick labels for a log axis: plain numbers, powers of ten as 1e-5, and no more than {@link #MAX_LOG_LABELS}
     * of them however many decades the axis spans (a label per decade over 20 decades is a black smear).
     */
    private static StringConverter<Number> logTicks(DefaultNumericAxis axis) {
        return new StringConverter<>() {
            @Override
            public String toString(Number n) {
                double decades = Math.log10(axis.getMax() / axis.getMin());
                int every = (int) Math.ceil(decades / MAX_LOG_LABELS);
                long exponent = Math.round(Math.log10(n.doubleValue()));
                if (every > 1 && Math.floorMod(exponent, every) != 0) {
                    return "";
                }
                return LOG_TICKS.toString(n);
            }

            @Override
            public Number fromString(String s) {
                return LOG_TICKS.fromString(s);
            }
        };
    }

    private static final StringConverter<Number> LOG_TICKS = new StringConverter<>() {
        @Override
        public String toString(Number n) {
            double v = n.doubleValue();
            if (v >= 1 && v < 1e5) {
                return String.format(Locale.ROOT, "%,.0f", v);
            }
            if (v >= 1e-3 && v < 1) {
                return String.format(Locale.ROOT, "%.3g", v).replaceAll("0+$", "");
            }
            long exponent = Math.round(Math.log10(v));
            if (Math.abs(v / Math.pow(10, exponent) - 1) < 1e-9) {
                return "1e" + exponent;
            }
            return String.format(Locale.ROOT, "%.1e", v);
        }

        @Override
        public Number fromString(String s) {
            return Double.valueOf(s.replace(",", ""));
        }
    };
}
