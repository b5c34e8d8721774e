package trlab.app;

import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.TilePane;
import javafx.util.Duration;
import trlab.app.chart.SweepChart;
import trlab.experiment.sweep.PointResult;
import trlab.experiment.sweep.Sweep;
import trlab.experiment.sweep.SweepPoint;
import trlab.experiment.sweep.SweepSpec;
import trlab.experiment.sweep.SweepStatistics;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * A sweep's results in the lab: its table (one row per run that has landed) and its summary plots (mean over seeds
 * with standard errors), read from the sweep's folder. The folder of a sweep still running is read again every
 * {@link #REFRESH_SECONDS}, off the FX thread, and the view shows each point as it lands.
 */
final class SweepView extends BorderPane {
    static final double REFRESH_SECONDS = 2;
    private final SweepSpec spec;
    private final List<SweepPoint> points;
    private final Path dir;
    private final Label status = new Label();
    private final TableView<PointResult> table = new TableView<>();
    private final TilePane plots = new TilePane(6, 6);
    private final Timeline refresh;
    private List<PointResult> shown = List.of();
    private boolean reading;

    SweepView(SweepSpec spec, Path dir) {
        this.spec = spec;
        this.points = spec.points();
        this.dir = dir;
        setId("sweepView");
        status.setId("sweepStatus");
        table.setId("sweepTable");
        plots.setId("sweepPlots");
        table.getColumns().add(column("seed", r -> Long.toString(r.seed())));
        for (String field : spec.grid().keySet()) {
            table.getColumns().add(column(field, r -> r.values().get(field)));
        }
        for (String summary : PointResult.summaryNames(spec.summarise())) {
            table.getColumns().add(column(summary, r -> number(r.summaries().get(summary))));
        }
        table.getColumns().add(column("diverged", r -> r.diverged() ? "at step " + r.divergedAtStep() : ""));
        table.getColumns().add(column("wall s", r -> String.format(Locale.ROOT, "%.2f", r.wallSeconds())));
        table.setPlaceholder(new Label("No run of this sweep has landed in " + dir + " yet."));
        plots.setPrefColumns(2);
        ScrollPane plotPane = new ScrollPane(plots);
        plotPane.setFitToWidth(true);
        Tab plotTab = new Tab("Summary plots", plotPane);
        Tab tableTab = new Tab("Table", table);
        TabPane tabs = new TabPane(plotTab, tableTab);
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        status.setPadding(new Insets(4, 8, 4, 8));
        setTop(status);
        setCenter(tabs);
        refresh = new Timeline(new KeyFrame(Duration.seconds(REFRESH_SECONDS), e -> read()));
        refresh.setCycleCount(Timeline.INDEFINITE);
        read();
        refresh.play();
    }

    private static TableColumn<PointResult, String> column(String name, Function<PointResult, String> value) {
        TableColumn<PointResult, String> c = new TableColumn<>(name);
        c.setCellValueFactory(cell -> new ReadOnlyStringWrapper(value.apply(cell.getValue())));
        return c;
    }

    private static String number(Double v) {
        return v == null || !Double.isFinite(v) ? "" : String.format(Locale.ROOT, "%.6g", v);
    }

    /** Reads the folder in the background and shows what is new. */
    private void read() {
        if (reading) {
            return;
        }
        reading = true;
        CompletableFuture.supplyAsync(() -> {
            try {
                return Sweep.results(points, dir);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }).whenComplete((results, failure) -> Platform.runLater(() -> {
            reading = false;
            if (failure != null) {
                status.setText("Cannot read the sweep in " + dir + ": " + failure.getCause().getMessage());
            } else {
                show(results);
            }
        }));
    }

    private void show(List<PointResult> results) {
        status.setText(String.format(Locale.ROOT, "%s: %d of %d runs in %s%s", spec.source(), results.size(),
                points.size(), dir, results.size() < points.size() ? " (reading again as runs land)" : ""));
        if (results.equals(shown)) {
            return;
        }
        shown = results;
        table.getItems().setAll(results);
        List<SweepChart> charts = new ArrayList<>();
        for (SweepStatistics.Plot plot : SweepStatistics.plots(spec, results)) {
            SweepChart chart = SweepChart.of(spec, plot);
            chart.setPrefSize(560, 400);
            charts.add(chart);
        }
        plots.getChildren().setAll(charts);
    }

    /** The results shown now. */
    List<PointResult> results() {
        return shown;
    }

    int plotCount() {
        return plots.getChildren().size();
    }

    /** Stops reading the folder (the view's window closed). */
    void close() {
        refresh.stop();
    }
}
