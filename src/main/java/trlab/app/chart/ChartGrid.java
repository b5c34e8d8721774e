package trlab.app.chart;

import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Skin;
import javafx.scene.control.skin.ScrollPaneSkin;
import javafx.scene.image.WritableImage;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.RowConstraints;

import java.util.List;
import java.util.function.Supplier;

/**
 * A page of live charts in a grid of equal cells, in reading order. On a wide screen the grid has its most columns;
 * where that many charts side by side would be narrower than a chart can be read ({@link #minChartWidth}), it
 * reflows to half as many (down to one), two rows to a screen (one where two would be too low), and the page
 * scrolls. Presentation mode asks for wider charts (larger fonts). A teacher may instead fix the charts per screen
 * (1, 2 or 4), and a double click on a chart puts it alone on the whole page (the focus view) and back. Every chart
 * shown redraws from one {@link ChartInput}, a few per frame, and the page exports as one picture.
 */
public abstract class ChartGrid extends ScrollPane {
    /** The narrowest and lowest a chart is still readable at, in pixels, in normal and presentation mode. */
    static final double MIN_WIDTH = 300;
    static final double MIN_HEIGHT = 250;
    static final double MIN_PRESENTATION_WIDTH = 560;
    static final double MIN_PRESENTATION_HEIGHT = 440;
    private static final double GAP = 4;

    private final int maxColumns;
    private final GridPane grid = new GridPane();
    private List<ChartPane> charts = List.of();
    /** The input each chart last drew. */
    private ChartInput[] drawn = new ChartInput[0];
    private int nextChart;
    private boolean presentation;
    private int columns;
    private Supplier<String> caption = () -> "";
    /** The chart alone on the page, or null for every chart. */
    private ChartPane focused;
    /** Charts to a screen that the teacher chose (1, 2 or 4), or 0 to fit as many as are readable. */
    private int perScreen;

    /** @param maxColumns the columns on a wide screen: a power of two, so that halving ends at one */
    protected ChartGrid(String id, int maxColumns) {
        this.maxColumns = maxColumns;
        setId(id);
        getStyleClass().add("dashboard");
        grid.setHgap(GAP);
        grid.setVgap(GAP);
        setContent(grid);
        setFitToWidth(true);
        setHbarPolicy(ScrollBarPolicy.NEVER);
        setVbarPolicy(ScrollBarPolicy.AS_NEEDED);
        setPannable(false); // a drag in a chart zooms
        setFocusTraversable(false); // the keys belong to the window's shortcuts and the charts
        viewportBoundsProperty().addListener((o, before, now) -> reflow());
    }

    /** Puts the page's charts in the grid, in reading order; a subclass calls it once its charts exist. */
    protected final void hold(List<ChartPane> pageCharts) {
        charts = List.copyOf(pageCharts);
        drawn = new ChartInput[charts.size()];
        for (ChartPane c : charts) {
            // a filter: the chart's plugins consume the clicks they see
            c.addEventFilter(MouseEvent.MOUSE_CLICKED, e -> {
                if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2 && e.isStillSincePress()) {
                    focus(focused == c ? null : c);
                }
            });
        }
        arrange(maxColumns);
        reflow();
    }

    /**
     * The scroll pane's skin without its viewport's bitmap cache. The skin caches the viewport to scroll quickly, but
     * a cached node is rendered whole whenever anything in it changes: every frame in which a chart redrew, the
     * renderer drew all the page's charts again into the cache and then the cache onto the screen, instead of only
     * the charts that changed.
     */
    @Override
    protected Skin<?> createDefaultSkin() {
        ScrollPaneSkin skin = new ScrollPaneSkin(this);
        skin.getChildren().stream().filter(n -> n.getStyleClass().contains("viewport")).forEach(n -> n.setCache(false));
        return skin;
    }

    public List<ChartPane> charts() {
        return charts;
    }

    /**
     * Puts one chart alone on the whole page, null for every chart again. The other charts stay in the grid, hidden
     * and not redrawn (see {@link #arrange}); they catch up when they come back.
     */
    public void focus(ChartPane chart) {
        if (chart != null && !charts.contains(chart)) {
            throw new IllegalArgumentException("the chart " + chart.fileName() + " is not on this page");
        }
        focused = chart;
        for (ChartPane c : charts) {
            boolean shown = chart == null || c == chart;
            c.setVisible(shown);
            c.setManaged(shown);
        }
        columns = 0; // arrange again
        reflow();
    }

    /** The chart alone on the page, or null. */
    public ChartPane focused() {
        return focused;
    }

    /** Fixes the charts to a screen, 1, 2 or 4 (0: as many as are readable at this size). */
    public void setChartsPerScreen(int n) {
        if (n != 0 && n != 1 && n != 2 && n != 4) {
            throw new IllegalArgumentException("charts per screen must be 0, 1, 2 or 4, not " + n);
        }
        perScreen = n;
        styleCharts();
        columns = 0;
        reflow();
    }

    /**
     * Presentation mode's large type on the charts, but for four to a screen: four charts with a projector's type
     * do not fit in 1280 x 720, so they keep the normal type (the window around them stays in presentation mode).
     */
    private void styleCharts() {
        boolean large = presentation && perScreen != 4;
        charts.forEach(c -> c.setPresentation(large));
    }

    /** The narrowest a chart may be before the grid takes fewer columns. */
    double minChartWidth() {
        return presentation ? MIN_PRESENTATION_WIDTH : MIN_WIDTH;
    }

    private double minChartHeight() {
        return presentation ? MIN_PRESENTATION_HEIGHT : MIN_HEIGHT;
    }

    /** The columns the grid shows now. */
    public int columns() {
        return columns;
    }

    /** Chooses the columns for the viewport's width and sizes the rows: two to a screen, never below readable. */
    private void reflow() {
        Bounds view = getViewportBounds();
        double width = view.getWidth() > 0 ? view.getWidth() : getWidth();
        double height = view.getHeight() > 0 ? view.getHeight() : getHeight();
        if (width <= 0 || height <= 0 || charts.isEmpty()) {
            return;
        }
        int cols;
        int rowsToAScreen;
        double rowHeight;
        if (focused != null || perScreen > 0) {
            // the teacher's choice: as many as asked for, however small, on one screen
            int n = focused != null ? 1 : perScreen;
            cols = Math.min(maxColumns, n == 1 ? 1 : 2);
            rowsToAScreen = n == 4 ? 2 : 1;
            rowHeight = (height - (rowsToAScreen - 1) * GAP) / rowsToAScreen;
        } else {
            cols = maxColumns;
            while (cols > 1 && (width - (cols - 1) * GAP) / cols < minChartWidth()) {
                cols /= 2;
            }
            // two rows to a screen where they are tall enough, else one (a projector's two large charts)
            rowsToAScreen = Math.min(rows(cols), (height - GAP) / 2 >= minChartHeight() ? 2 : 1);
            rowHeight = Math.max(minChartHeight(), (height - (rowsToAScreen - 1) * GAP) / rowsToAScreen);
        }
        if (cols != columns) {
            arrange(cols);
        }
        int rows = rows(cols);
        for (RowConstraints row : grid.getRowConstraints()) {
            row.setMinHeight(rowHeight);
            row.setPrefHeight(rowHeight);
            row.setMaxHeight(rowHeight);
        }
        // fills the screen exactly when every row fits, so that no scroll bar appears for a rounding error
        setFitToHeight(rows * rowHeight + (rows - 1) * GAP <= height + 0.5);
        drawOwedAxes(); // a chart shown again after a focus on one
    }

    /** Lets the charts draw the axes they put off while hidden (this page or the chart not in view). */
    public void drawOwedAxes() {
        charts.forEach(ChartPane::drawOwedAxes);
    }

    /** The grid's rows at this many columns, for the charts shown. */
    private int rows(int cols) {
        return (shown().size() + cols - 1) / cols;
    }

    /** The charts on the page now: the focused one, or all. */
    private List<ChartPane> shown() {
        return focused != null ? List.of(focused) : charts;
    }

    /**
     * Places the charts in a grid of this many equal columns, in reading order. The charts stay in the grid: moved,
     * never taken out, since a chart that leaves its scene while ChartFX holds its data sets read-locked (from layout
     * to the end of the pulse) would keep them locked and the next update would wait for ever.
     */
    private void arrange(int cols) {
        columns = cols;
        grid.getColumnConstraints().clear();
        for (int c = 0; c < cols; c++) {
            ColumnConstraints col = new ColumnConstraints();
            col.setPercentWidth(100.0 / cols);
            grid.getColumnConstraints().add(col);
        }
        grid.getRowConstraints().clear();
        for (int r = 0; r < rows(cols); r++) {
            grid.getRowConstraints().add(new RowConstraints());
        }
        for (ChartPane chart : charts) {
            if (chart.getParent() != grid) {
                grid.getChildren().add(chart);
            }
        }
        List<ChartPane> shown = shown();
        for (int i = 0; i < shown.size(); i++) {
            GridPane.setConstraints(shown.get(i), i % cols, i / cols);
        }
    }

    /** Takes the charts out of the page, each to be shown on its own (a headless export). */
    List<ChartPane> release() {
        grid.getChildren().clear();
        return charts;
    }

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
            if (drawn[i] == in || !charts.get(i).isManaged()) {
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
        for (int i = 0; i < n; i++) {
            if (drawn[i] != in && charts.get(i).isManaged()) {
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
        if (on == presentation) {
            return;
        }
        presentation = on;
        styleCharts();
        reflow();
    }

    /**
     * The whole page (every chart, also those scrolled out of view) as one image at {@code scale} (1, 2, 3) times its
     * size on screen, without the controls on the charts, with the caption line below (see {@link #setCaption}).
     */
    public WritableImage snapshot(double scale) {
        return Picture.of(grid, widgets(), scale, caption.get());
    }

    /** The whole page as {@link #snapshot(double)}, as large as it fits into exactly width x height pixels. */
    public WritableImage snapshot(int width, int height) {
        return Picture.fitted(grid, widgets(), width, height, caption.get());
    }

    private List<Node> widgets() {
        return charts.stream().flatMap(c -> c.widgets().stream()).toList();
    }

    /**
     * Sets the caption line that exports put below the page and below each chart (the preset, the step, the
     * settings that matter; empty for none), asked for at the moment of each export.
     */
    public void setCaption(Supplier<String> caption) {
        this.caption = caption;
        charts.forEach(c -> c.setCaption(caption));
    }
}
