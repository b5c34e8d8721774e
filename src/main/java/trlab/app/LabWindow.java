package trlab.app;

import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.ComboBoxBase;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.Spinner;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.ToggleGroup;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.VBox;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.Text;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import javafx.stage.Stage;
import javafx.stage.Window;

import trlab.app.chart.ChartGrid;
import trlab.app.chart.ChartInput;
import trlab.app.chart.ChartPane;
import trlab.app.chart.Dashboard;
import trlab.experiment.Comparison;
import trlab.experiment.Run;
import trlab.experiment.config.ConfigException;
import trlab.experiment.config.ExperimentConfig;
import trlab.experiment.config.Lesson;
import trlab.experiment.sweep.SweepSpec;
import trlab.measure.Snapshot;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The lab's window content: menus on top, controls on the left, the status bar below, and in the centre two pages
 * of charts: the network's dashboard and the theory beside it. Opening the theory's page starts the kernel models
 * where they are off.
 *
 * <p>Once per pulse it asks the run for a fresh snapshot and, when one has arrived, redraws the charts from it; it
 * never waits for the training thread. Commands go to the run; file work that needs the live network (state, run
 * export) is sent to the training thread, which writes between two steps.
 */
public final class LabWindow extends BorderPane {
    private final Lab lab;
    private final ControlPanel controls;
    private final Dashboard dashboard = new Dashboard();
    private final TheoryPage theory;
    private final TabPane pages = new TabPane();
    /** The pages, with a lesson's step above them while a lesson is open. */
    private final BorderPane centre = new BorderPane();
    final LessonPlayer lessons;
    private final LessonPanel lessonPanel;
    private final Tab theoryTab;
    private final StatusBar status = new StatusBar();
    private final CheckMenuItem presentation = new CheckMenuItem("Presentation mode");
    private final CheckMenuItem projector = new CheckMenuItem("Projector theme (high contrast)");
    static final String RECORD = "Record the charts in view as an animated GIF\u2026";
    static final String STOP_RECORDING = "Stop recording and save the GIF";
    final GifRecorder recorder = new GifRecorder();
    /** The scene root's style class of the projector theme. */
    static final String PROJECTOR = "projector";
    private final FrameClock clock = new FrameClock();
    final FileActions files;
    private final AnimationTimer timer;
    /** Charts redrawn per pulse at most: a new snapshot reaches all eight within three frames. */
    private static final int CHARTS_PER_FRAME = 3;
    private List<Lab.Arm> drawnArms;
    private List<String> drawnLabels;
    private int drawnSelected = -1;
    private Snapshot[] drawnSnapshots = new Snapshot[0];
    private int[] drawnRows = new int[0];
    private ChartInput input;
    private boolean reshaped;
    private ChartGrid drawnPage;
    /** Whether the lesson's step hides the control panel. */
    private boolean controlsHidden;

    public LabWindow(Lab lab) {
        this.lab = lab;
        this.controls = new ControlPanel(lab);
        this.theory = new TheoryPage(lab);
        this.lessons = new LessonPlayer(lab);
        this.lessonPanel = new LessonPanel(lessons);
        this.files = new FileActions(lab, this::shownPage);
        setId("labWindow");
        getStyleClass().add("lab-window");
        Tab network = new Tab("Network", dashboard);
        network.setId("networkTab");
        theoryTab = new Tab("Theory: the kernel models beside the network", theory);
        theoryTab.setId("theoryTab");
        pages.getTabs().addAll(network, theoryTab);
        pages.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        pages.setId("pages");
        pages.getSelectionModel().selectedItemProperty().addListener((o, was, now) -> {
            shownPage().setPresentation(presentation.isSelected());
            if (now == theoryTab && !lab.modelsOn()) {
                lab.startModelsNow();
            }
        });
        // a preset opens on the page it is about
        showTheory(PresetComparisons.aboutTheory(lab.settings()));
        lab.settingsProperty().addListener((o, was, now) -> {
            if (was != null && now != null && !was.name().equals(now.name())) {
                showTheory(PresetComparisons.aboutTheory(now));
            }
        });
        setTop(menus());
        setLeft(controls);
        controls.setPrefWidth(320);
        centre.setCenter(pages);
        setCenter(centre);
        lessons.lessonProperty().addListener((o, was, now) -> {
            centre.setTop(now == null ? null : lessonPanel);
            if (now == null) {
                showLessonStep(null);
            }
        });
        lessons.stepProperty().addListener((o, was, now) -> showLessonStep(lessons.current()));
        setBottom(status);
        dashboard.output.setOnSampleClicked(lab::setFocus);
        ChartPane.ExportReport exports = new ChartPane.ExportReport() {
            @Override
            public void saved(Path file) {
                status.notice("Saved " + file);
            }

            @Override
            public void failed(Path file, String reason) {
                Dialogs.error(window(), "Could not save " + file.getFileName(), reason);
            }
        };
        for (ChartGrid page : List.of(dashboard, theory.view)) {
            page.setCaption(this::caption);
            page.setExportReport(exports);
        }
        addEventFilter(KeyEvent.KEY_PRESSED, this::key);
        timer = new AnimationTimer() {
            private boolean drawing;

            @Override
            public void handle(long now) {
                clock.tick(now);
                lab.requestSnapshots();
                if (!drawing && getScene() != null) {
                    // ChartFX read-locks its data sets from layout until its own post-layout listener; data set
                    // writes must come after that, so the charts are refilled by a post-layout listener added
                    // after every chart's (the first tick comes when all charts are in the scene)
                    getScene().addPostLayoutPulseListener(LabWindow.this::frame);
                    drawing = true;
                }
            }
        };
        timer.start();
    }

    public Lab lab() {
        return lab;
    }

    /**
     * The line an exported picture carries below the charts: the preset, the step, and what the network and its
     * training are, or the compared runs by name.
     */
    String caption() {
        ExperimentConfig c = lab.settings();
        Run run = lab.run();
        String step = run == null ? "" : String.format(java.util.Locale.ROOT, ", step %,d", run.status().step());
        String what = lab.comparing() ? "runs: " + String.join("; ", lab.labels())
                : String.format(java.util.Locale.ROOT, "%s, width %d, %s, learning rate %s, label noise %s",
                        c.network().activation().id(), c.network().width(),
                        c.training().method() == trlab.core.Method.FULL_BATCH ? "full batch"
                                : "SGD batch " + c.training().batchSize(),
                        c.training().learningRate(), c.training().labelNoise());
        return "Training Response Lab: " + c.name() + step + " (" + what + ")";
    }

    Dashboard dashboard() {
        return dashboard;
    }

    TheoryPage theory() {
        return theory;
    }

    /** Shows the theory's page (true) or the network's dashboard. */
    void showTheory(boolean on) {
        pages.getSelectionModel().select(on ? 1 : 0);
    }

    /**
     * Shows what a lesson's step asks for: its page, its chart alone (or every chart), the controls or not; null for
     * the window as it was before the lesson.
     */
    private void showLessonStep(Lesson.Step step) {
        boolean theoryPage = step != null && step.page().equals("theory");
        if (step != null) {
            showTheory(theoryPage);
        }
        for (ChartGrid page : List.of(dashboard, theory.view)) {
            ChartPane alone = step == null || step.chart() == null ? null : page.charts().stream()
                    .filter(c -> c.fileName().equals(step.chart())).findFirst().orElse(null);
            page.focus(alone);
        }
        controlsHidden = step != null && step.hide().contains("controls");
        controls.showSettings(step == null || !step.hide().contains("settings"));
        setLeft(presentation.isSelected() || controlsHidden ? null : controls);
    }

    /** The page of charts in view: the one the charts are drawn on and the dashboard export takes. */
    ChartGrid shownPage() {
        return pages.getSelectionModel().getSelectedItem() == theoryTab ? theory.view : dashboard;
    }

    ControlPanel controls() {
        return controls;
    }

    StatusBar status() {
        return status;
    }

    /** Pulse intervals seen so far, for {@code gui --benchmark}. */
    public FrameClock clock() {
        return clock;
    }

    /** Stops drawing and the training thread. */
    public void close() {
        timer.stop();
        recorder.stop();
        lab.close();
    }

    /** Redraws the charts when any run has published something new, and shows the runs' status. */
    private void frame() {
        List<Lab.Arm> arms = lab.arms();
        boolean newArms = arms != drawnArms || lab.labels() != drawnLabels;
        boolean changed = newArms || lab.selected() != drawnSelected;
        if (newArms) {
            drawnSnapshots = new Snapshot[arms.size()];
            drawnRows = new int[arms.size()];
            java.util.Arrays.fill(drawnRows, -1);
        }
        for (int i = 0; i < arms.size(); i++) {
            Run run = arms.get(i).run();
            int rows = run.rows().size();
            reshaped |= newArms || rows != drawnRows[i];
            changed |= run.latest() != drawnSnapshots[i] || rows != drawnRows[i];
        }
        if (changed) {
            List<ChartInput.Arm> views = new ArrayList<>(arms.size());
            for (int i = 0; i < arms.size(); i++) {
                Run run = arms.get(i).run();
                List<double[]> rows = List.copyOf(run.rows());
                // read after the rows: a run publishes each decision before its row, so none is missing
                List<int[]> decisions = List.copyOf(run.decisions());
                Snapshot latest = run.latest();
                views.add(new ChartInput.Arm(lab.labels().get(i), arms.get(i).colour(), rows, run.first(), latest,
                        decisions));
                drawnSnapshots[i] = latest;
                drawnRows[i] = rows.size();
            }
            drawnArms = arms;
            drawnLabels = lab.labels();
            drawnSelected = lab.selected();
            input = new ChartInput(lab.run().task(), views, lab.selected());
        }
        // only the page in view is drawn; the other catches up, a few charts a frame, when it is shown
        ChartGrid page = shownPage();
        if (page == theory.view && newArms && !lab.modelsOn()) {
            lab.startModelsNow(); // new runs (a preset, a comparison) while the theory is open: its models run
        }
        if (page != drawnPage) {
            drawnPage = page;
            reshaped = true;
            page.drawOwedAxes();
        }
        if (input != null && page.update(input, reshaped, CHARTS_PER_FRAME)) {
            reshaped = false;
        }
        if (page == theory.view) {
            theory.show(lab.run());
        }
        Run.Status s = lab.run().status();
        status.show(s, lab.run().latest(), lab.comparing() ? lab.labels().get(lab.selected()) : "", message());
        controls.showStatus(lab.running(), arms.stream().map(a -> a.run().status()).toList());
    }

    /**
     * The lab's message; else, while the selected run has nothing to say, the divergence of another compared run,
     * named (a run that merely finished says so on its button).
     */
    private String message() {
        String text = lab.messageProperty().get();
        if (!text.isEmpty() || !lab.run().status().message().isEmpty()) {
            return text;
        }
        List<Lab.Arm> arms = lab.arms();
        for (int i = 0; i < arms.size(); i++) {
            Run.Status s = arms.get(i).run().status();
            if (i != lab.selected() && s.state() == Run.State.DIVERGED) {
                return lab.labels().get(i) + ": " + s.message();
            }
        }
        return "";
    }

    /** Moves the speed control to "as fast as possible". */
    void runAtFullSpeed() {
        controls.speed.setValue(controls.speed.getMax());
    }

    public void setPresentation(boolean on) {
        presentation.setSelected(on);
    }

    /**
     * Lays the window out in presentation mode and back, twice, before it is shown, so that the first switch in front
     * of a class does not wait for the styles, fonts and chart layouts of the large sizes to be worked out for the
     * first time (about half a second in software rendering, against a tenth for every later switch). Twice, because
     * a switch in the first minute, with a run training at full speed, still took 200-320 ms after one round and
     * 140-190 ms after two; each round costs about half a second of start-up.
     */
    void warmUpPresentation() {
        for (boolean on : new boolean[]{true, false, true, false}) {
            setPresentation(on);
            applyCss();
            layout();
        }
        // and the glyphs of its sizes, drawn once (a snapshot draws as the screen does)
        VBox texts = new VBox();
        for (double size : new double[]{18, 19, 20, 24}) {
            for (FontWeight weight : new FontWeight[]{
                    FontWeight.NORMAL, FontWeight.BOLD}) {
                Text t = new Text(
                        "0123456789 .,-+\u00b1^()[]=: abcdefghijklmnopqrstuvwxyz ABCDEFGHIJKLMNOPQRSTUVWXYZ \u03b1\u03b7\u03b8\u03c3\u0398");
                t.setFont(Font.font("System", weight, size));
                texts.getChildren().add(t);
            }
        }
        new Scene(texts);
        texts.snapshot(null, null);
    }

    /** Larger fonts and lines for a projector; the controls step aside for the charts (Space, S and R still work). */
    private void applyPresentation(boolean on) {
        setLeft(on || controlsHidden ? null : controls);
        if (on && !getStyleClass().contains("presentation")) {
            getStyleClass().add("presentation");
        } else if (!on) {
            getStyleClass().remove("presentation");
        }
        if (getScene() != null) {
            getScene().getRoot().getStyleClass().remove("presentation");
            if (on) {
                getScene().getRoot().getStyleClass().add("presentation");
            }
        }
        // the page in view only: restyling a page's charts is a large part of the switch, and the other page
        // takes the mode when it is shown
        shownPage().setPresentation(on);
    }

    /**
     * The projector theme: white and black, bold text, thicker lines and larger markers (charts.css); exports from
     * the window take it too.
     */
    private void applyProjector(boolean on) {
        if (getScene() == null) {
            return;
        }
        getScene().getRoot().getStyleClass().remove(PROJECTOR);
        if (on) {
            getScene().getRoot().getStyleClass().add(PROJECTOR);
        }
    }

    public void setProjectorTheme(boolean on) {
        projector.setSelected(on);
    }

    /**
     * Space runs or pauses, S steps, R resets, Escape shows every chart again after the focus view; not while the
     * user types into a field (a text field, a number box or an editable list), where the key is the user's text. Escape leaves such a field, putting back the value
     * in force, and gives the keys back to the lab.
     */
    private void key(KeyEvent e) {
        if (e.isControlDown() || e.isAltDown() || e.isMetaDown() || getScene() == null) {
            return;
        }
        if (typing(getScene().getFocusOwner())) {
            if (e.getCode() == KeyCode.ESCAPE) {
                controls.cancelTyping();
                shownPage().requestFocus();
                e.consume();
            }
            return;
        }
        if (e.getCode() == KeyCode.ESCAPE && shownPage().focused() != null) {
            shownPage().focus(null);
        } else if (e.getCode() == KeyCode.SPACE) {
            lab.toggleRunning();
        } else if (e.getCode() == KeyCode.S) {
            lab.step();
        } else if (e.getCode() == KeyCode.R) {
            lab.reset();
        } else {
            return;
        }
        e.consume();
    }

    /** Whether the node takes typed text: a text field, or a part of a number box or an editable list. */
    static boolean typing(Node focused) {
        for (Node n = focused; n != null; n = n.getParent()) {
            if (n instanceof TextInputControl || n instanceof Spinner<?>
                    || n instanceof ComboBoxBase<?> box && box.isEditable()) {
                return true;
            }
        }
        return false;
    }

    private MenuBar menus() {
        MenuItem openPreset = item("Open preset\u2026", "Shortcut+O", () -> openFile("Open preset", "Preset", "*.json")
                .ifPresent(f -> withConfigError(() -> files.openPreset(f.toPath()))));
        MenuItem savePreset = item("Save settings as preset\u2026", "Shortcut+S", () ->
                saveFile("Save settings as preset", "Preset", "*.json", lab.settings().name() + ".json")
                        .ifPresent(f -> write(f.toPath(), () -> files.savePreset(f.toPath()))));
        MenuItem openCsv = item("Open data (CSV)\u2026", null, () -> openFile("Open data", "CSV data", "*.csv")
                .ifPresent(f -> withConfigError(() -> files.openCsv(f.toPath()))));
        MenuItem loadState = item("Load state\u2026", null, () -> openFile("Load state", "State", "*.json")
                .ifPresent(f -> withConfigError(() -> files.loadState(f.toPath()))));
        MenuItem saveState = item("Save state\u2026", null, () ->
                saveFile("Save state", "State", "*.json", "state.json").ifPresent(f ->
                        report(files.saveState(f.toPath()), f.toPath())));
        MenuItem exportRun = item("Export run (run.json, metrics.csv)\u2026", "Shortcut+E", () -> {
            DirectoryChooser chooser = new DirectoryChooser();
            chooser.setTitle("Export the run into a folder");
            File dir = chooser.showDialog(window());
            if (dir != null) {
                exportRunTo(dir.toPath());
            }
        });
        MenuItem series = item("Export every run's series as CSV\u2026", null, () ->
                saveFile("Export every run's series", "CSV data", "*.csv", "comparison.csv")
                        .ifPresent(f -> write(f.toPath(), () -> files.exportSeries(f.toPath()))));
        MenuItem png1 = item("Export the charts in view as PNG\u2026", null, () -> exportDashboard(1));
        MenuItem png2 = item("Export the charts in view as PNG at 2x\u2026", null, () -> exportDashboard(2));
        MenuItem png3 = item("Export the charts in view as PNG at 3x (for print)\u2026", null,
                () -> exportDashboard(3));
        MenuItem record = item(RECORD, null, () -> {
            if (recorder.recording()) {
                recorder.stop();
            } else {
                saveFile("Record an animated GIF", "GIF animation", "*.gif", "lab.gif")
                        .ifPresent(f -> startRecording(f.toPath()));
            }
        });
        MenuItem sweep = item("Open sweep (its spec)\u2026", null, () -> openFile("Open a sweep's spec", "Sweep spec",
                "*.json").ifPresent(f -> openSweep(f.toPath(), null)));
        MenuItem quit = item("Quit", "Shortcut+Q", Platform::exit);
        Menu file = new Menu("File", null, openPreset, savePreset, openCsv, loadState, saveState, exportRun, series,
                png1, png2, png3, record, sweep, quit);
        file.setOnShowing(e -> record.setText(recorder.recording() ? STOP_RECORDING : RECORD));

        presentation.setAccelerator(KeyCombination.keyCombination("F5"));
        presentation.selectedProperty().addListener((o, a, on) -> applyPresentation(on));
        MenuItem resetZoom = item("Reset zoom of every chart", null, () -> {
            dashboard.charts().forEach(ChartPane::resetZoom);
            theory.view.charts().forEach(ChartPane::resetZoom);
        });
        MenuItem network = item("The network's charts", "Shortcut+1", () -> showTheory(false));
        MenuItem theoryPage = item("The theory beside the network", "Shortcut+2", () -> showTheory(true));
        MenuItem fromNow = item("Kernel models from now", "Shortcut+M", lab::startModelsNow);
        MenuItem everyChart = item("Every chart again (Escape; double-click a chart to show it alone)", null,
                () -> shownPage().focus(null));
        Menu perScreen = new Menu("Charts per screen");
        ToggleGroup counts = new ToggleGroup();
        for (int n : new int[]{0, 1, 2, 4}) {
            RadioMenuItem count = new RadioMenuItem(n == 0 ? "As many as are readable" : Integer.toString(n));
            count.setToggleGroup(counts);
            count.setSelected(n == 0);
            count.setOnAction(e -> {
                dashboard.setChartsPerScreen(n);
                theory.view.setChartsPerScreen(n);
            });
            perScreen.getItems().add(count);
        }
        projector.setId("projectorTheme");
        projector.selectedProperty().addListener((o, a, on) -> applyProjector(on));
        Menu view = new Menu("View", null, presentation, projector, perScreen, everyChart, resetZoom, network,
                theoryPage, fromNow);

        MenuItem run = item("Run / Pause (Space)", null, lab::toggleRunning);
        MenuItem step = item("Step (S)", null, lab::step);
        MenuItem reset = item("Reset (R)", null, lab::reset);
        MenuItem undo = item("Undo reset", "Shortcut+Z", lab::undoReset);
        undo.disableProperty().bind(lab.undoableProperty().not());
        MenuItem more = item("Continue (" + Lab.CONTINUE_FACTOR + " times as many steps)", null, lab::continueRuns);
        Menu training = new Menu("Training", null, run, step, reset, undo, more);

        MenuItem pair = item(CompareBar.SGD_VS_FULL_BATCH, null, lab::compareSgdWithFullBatch);
        MenuItem add = item("Add a run (a copy of the selected one; every run starts again)", null, lab::addArm);
        MenuItem remove = item("Remove the selected run", null, () -> lab.removeArm(lab.selected()));
        MenuItem stop = item("Stop comparing (keep the selected run)", null, lab::stopComparing);
        Menu compare = new Menu("Compare", null, pair, add, remove, stop);

        Menu lesson = new Menu("Lessons");
        // the one a class meets first at the top, the others as they sort
        List<String> shipped = new ArrayList<>(Lesson.names());
        if (shipped.remove(Lesson.FIRST)) {
            shipped.add(0, Lesson.FIRST);
        }
        for (String name : shipped) {
            lesson.getItems().add(item("Lesson: " + lessonTitle(name), null, () -> openLesson(name)));
        }
        MenuItem openLesson = item("Open a lesson file\u2026", null, () -> openFile("Open lesson", "Lesson", "*.json")
                .ifPresent(f -> openLesson(f.toPath().toString())));
        MenuItem addStep = item("Add this moment to a lesson file\u2026", null, () ->
                saveFile("Add this moment as a step", "Lesson", "*.json", "my-lesson.json").ifPresent(f -> {
                    Dialogs.askStep(window()).ifPresent(words -> write(f.toPath(),
                            () -> files.addLessonStep(f.toPath(), lessons.moment(words[0], words[1],
                                    shownPage() == dashboard ? "network" : "theory",
                                    shownPage().focused() == null ? null : shownPage().focused().fileName()))));
                }));
        MenuItem closeLesson = item("Close the lesson", null, lessons::close);
        lesson.getItems().addAll(new SeparatorMenuItem(), openLesson, addStep, closeLesson);
        compare.setOnShowing(e -> {
            add.setDisable(lab.arms().size() >= Comparison.MAX_ARMS);
            remove.setDisable(!lab.comparing());
            stop.setDisable(!lab.comparing());
        });
        MenuItem about = item("About the Training Response Lab", null, () -> Dialogs.about(window()));
        Menu help = new Menu("Help", null, about);
        MenuBar bar = new MenuBar(file, view, training, compare, lesson, help);
        bar.setId("menuBar");
        return bar;
    }

    /**
     * Records what is in view while the run plays, into a GIF: the chart alone in the focus view, else the whole page
     * of charts with its caption line; File > Stop recording saves it.
     */
    void startRecording(Path file) {
        recorder.start(() -> {
            ChartGrid page = shownPage();
            return page.focused() != null ? page.focused().image(1, caption()) : page.snapshot(1);
        }, file, status::notice, why -> Dialogs.error(window(), "Could not save " + file.getFileName(), why));
    }

    /** A shipped lesson's title, for the menu; its name where it cannot be read (opening it then says why). */
    private static String lessonTitle(String name) {
        try {
            return Lesson.load(name).title();
        } catch (RuntimeException e) {
            return name;
        }
    }

    /** Opens a lesson (a shipped one's name or a file) at its first step; a bad one says why and changes nothing. */
    void openLesson(String nameOrFile) {
        withConfigError(() -> lessons.open(Lesson.load(nameOrFile)));
    }

    /**
     * Opens a sweep's table and plots in a window of their own, read from its folder (null: the folder {@code sweep}
     * writes by default, sweeps/SPEC, else one the user picks), and again as its runs land.
     *
     * @return the window, or null when the spec is refused or no folder was chosen
     */
    Stage openSweep(Path specFile, Path folder) {
        SweepSpec spec;
        try {
            spec = SweepSpec.read(specFile);
        } catch (ConfigException e) {
            lab.say(e.getMessage());
            Dialogs.error(window(), "That sweep cannot be opened", e.getMessage());
            return null;
        }
        Path dir = folder;
        if (dir == null) {
            dir = trlab.experiment.sweep.Sweep.defaultFolder(specFile);
            if (!Files.isDirectory(dir)) {
                DirectoryChooser chooser = new DirectoryChooser();
                chooser.setTitle("The folder of the sweep's results (sweep --out)");
                File chosen = chooser.showDialog(window());
                if (chosen == null) {
                    return null;
                }
                dir = chosen.toPath();
            }
        }
        SweepView view = new SweepView(spec, dir);
        Stage stage = new Stage();
        stage.setTitle("Sweep " + specFile.getFileName() + " \u2014 Training Response Lab");
        Scene scene = new Scene(view, 1200, 860);
        scene.getStylesheets().add(ChartPane.STYLESHEET);
        stage.setScene(scene);
        stage.setOnHidden(e -> view.close());
        if (window() != null) {
            stage.initOwner(window());
        }
        stage.show();
        return stage;
    }

    private static MenuItem item(String text, String accelerator, Runnable action) {
        MenuItem item = new MenuItem(text);
        if (accelerator != null) {
            item.setAccelerator(KeyCombination.keyCombination(accelerator));
        }
        item.setOnAction(e -> action.run());
        return item;
    }

    private void exportDashboard(double scale) {
        String name = shownPage() == dashboard ? "dashboard" : "theory";
        saveFile("Export the charts in view", "PNG image", "*.png", name + (scale == 1 ? "" : "@" + (int) scale + "x") + ".png")
                .ifPresent(f -> exportDashboardTo(f.toPath(), scale));
    }

    /** Writes the dashboard as one PNG and confirms it in the status bar once it is written. */
    void exportDashboardTo(Path file, double scale) {
        report(files.exportDashboard(file, scale), file);
    }

    /** Writes every run's files into a folder (on the training threads) and confirms it once they are written. */
    void exportRunTo(Path dir) {
        report(files.exportRun(dir), dir);
    }

    /** Saves the aging chart as PNG and its data as CSV beside it, as the chart's own menu does. */
    void exportChartTo(Path png) {
        write(png, () -> {
            dashboard.aging.savePng(png);
            dashboard.aging.saveCsv(png.resolveSibling(dashboard.aging.fileName() + ".csv"));
        });
    }

    private interface FileWork {
        void run() throws IOException;
    }

    /** Does file work on the FX thread; says "Saved FILE" in the status bar, or why not in a dialog. */
    private void write(Path file, FileWork work) {
        try {
            work.run();
            status.notice("Saved " + file);
        } catch (IOException | RuntimeException ex) {
            Dialogs.error(window(), "Could not save " + file.getFileName(), ex.getMessage());
        }
    }

    /** Work done on the training threads reports back here: "Saved FILE" in the status bar, or a dialog. */
    private void report(java.util.concurrent.CompletableFuture<Void> done, Path file) {
        done.whenComplete((ok, ex) -> {
            if (ex == null) {
                Platform.runLater(() -> status.notice("Saved " + file));
                return;
            }
            Throwable cause = ex.getCause() != null ? ex.getCause() : ex;
            String why = cause instanceof java.util.concurrent.TimeoutException
                    ? "A run did not answer in time: it was stopped or reset before it could write."
                    : cause.getMessage();
            Platform.runLater(() -> Dialogs.error(window(), "Could not save " + file.getFileName(), why));
        });
    }

    private void withConfigError(Runnable action) {
        try {
            action.run();
        } catch (ConfigException | IllegalArgumentException e) {
            lab.say(e.getMessage());
            Dialogs.error(window(), "That file cannot be used", e.getMessage());
        }
    }

    private java.util.Optional<File> openFile(String title, String what, String pattern) {
        FileChooser chooser = chooser(title, what, pattern);
        return java.util.Optional.ofNullable(chooser.showOpenDialog(window()));
    }

    private java.util.Optional<File> saveFile(String title, String what, String pattern, String name) {
        FileChooser chooser = chooser(title, what, pattern);
        chooser.setInitialFileName(name);
        return java.util.Optional.ofNullable(chooser.showSaveDialog(window()));
    }

    private static FileChooser chooser(String title, String what, String pattern) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(title);
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(what, pattern));
        File presets = Path.of("presets").toFile();
        if (presets.isDirectory()) {
            chooser.setInitialDirectory(presets.getAbsoluteFile());
        }
        return chooser;
    }

    private Window window() {
        return getScene() == null ? null : getScene().getWindow();
    }
}
