package trlab.app;

import javafx.beans.value.ChangeListener;
import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Separator;
import javafx.scene.control.Slider;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.control.TextField;
import javafx.scene.control.TextFormatter;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import trlab.core.Activation;
import trlab.core.Method;
import trlab.core.Parameterization;
import trlab.core.TaskKind;
import trlab.experiment.Run;
import trlab.experiment.config.ConfigException;
import trlab.experiment.config.ExperimentConfig;
import trlab.experiment.config.Presets;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.UnaryOperator;

/**
 * The left panel: Run/Pause, Step, Reset, the speed and the message line always in view on top; below, scrolling
 * if the screen is small, the preset chooser with its description and the task, network and training settings.
 * Every edit becomes a new config sent to the {@link Lab}; a rejected edit shows the reason and the controls
 * return to the settings in force.
 */
final class ControlPanel extends VBox {
    /** The task, network, training and seed settings, in their scroll pane. */
    private final ScrollPane settings;
    /** Slider positions at or above this mean "as fast as possible". */
    private static final double SPEED_MAX = 6.0;

    private static final String CONTINUE = "Continue";
    private static final String RUN_TIP = "Starts or pauses training (Space).";

    private final Lab lab;
    private boolean updating;
    /** The built-in presets as shipped, by name, read once each, to tell when the settings left them. */
    private final java.util.Map<String, ExperimentConfig> builtIn = new java.util.HashMap<>();
    /** The selected run's divergence and the learning rate advised, or empty. */
    private String divergence = "";
    /** Whether every run that did not diverge has finished, so that Continue is offered. */
    private boolean finished;

    final ComboBox<String> preset = new ComboBox<>();
    final Label description = new Label();
    final ComboBox<TaskKind> task = new ComboBox<>();
    final Spinner<Integer> points = new Spinner<>(2, 100_000, 16);
    final Spinner<Integer> width = new Spinner<>(1, 100_000, 100);
    final ComboBox<Activation> activation = new ComboBox<>(FXCollections.observableArrayList(Activation.values()));
    final ComboBox<Parameterization> parameterization =
            new ComboBox<>(FXCollections.observableArrayList(Parameterization.values()));
    final Slider learningRateSlider = new Slider(-5, 0.5, -1.7);
    final TextField learningRate = new TextField();
    final ToggleButton fullBatch = new ToggleButton("full batch");
    final ToggleButton sgd = new ToggleButton("SGD");
    final Spinner<Integer> batchSize = new Spinner<>(1, 100_000, 1);
    final Spinner<Double> labelNoise = new Spinner<>(0.0, 10.0, 0.0, 0.1);
    final Spinner<Integer> taskSeed = new Spinner<>(0, Integer.MAX_VALUE, 1);
    final Spinner<Integer> networkSeed = new Spinner<>(0, Integer.MAX_VALUE, 1);
    final Spinner<Integer> trainingSeed = new Spinner<>(0, Integer.MAX_VALUE, 1);
    final TextField steps = new TextField();
    final Button runButton = new Button("Run");
    final Button stepButton = new Button("Step");
    final Button resetButton = new Button("Reset");
    /** Brings back the runs the last Reset replaced; shown only while it can. */
    final Button undoButton = new Button("Undo reset");
    /**
     * Steps per second on a log scale, 10,000 at first: a pace at which the output visibly fits within a second and
     * the kernel's aging unrolls over the decades of a default run; the top end is as fast as possible.
     */
    final Slider speed = new Slider(0, SPEED_MAX + 0.5, 4);
    final Label speedLabel = new Label();
    final Label hint = new Label();
    final CompareBar compare;

    ControlPanel(Lab lab) {
        this.lab = lab;
        this.compare = new CompareBar(lab);
        getStyleClass().add("control-panel");
        setId("controlPanel");

        preset.setItems(FXCollections.observableArrayList(Presets.names()));
        preset.setMaxWidth(Double.MAX_VALUE);
        description.setWrapText(true);
        description.getStyleClass().add("preset-description");
        task.setItems(FXCollections.observableArrayList(Arrays.stream(TaskKind.values())
                .filter(k -> k != TaskKind.CSV).toList()));
        for (Spinner<?> s : List.of(points, width, batchSize, labelNoise, taskSeed, networkSeed, trainingSeed)) {
            s.setEditable(true);
            s.setMaxWidth(Double.MAX_VALUE);
            commitOnFocusLoss(s);
        }
        wholeNumber(points, "The number of points P", "16");
        wholeNumber(width, "The width N", "100");
        wholeNumber(batchSize, "The batch size", "1");
        wholeNumber(taskSeed, "The task seed", "1");
        wholeNumber(networkSeed, "The network seed", "1");
        wholeNumber(trainingSeed, "The training seed", "1");
        refuseText(labelNoise, "The label noise \u03c3 is a number, e.g. 1.5", Double::valueOf);
        learningRate.setTextFormatter(new TextFormatter<>(UnaryOperator.identity()));
        ToggleGroup method = new ToggleGroup();
        fullBatch.setToggleGroup(method);
        sgd.setToggleGroup(method);
        hint.setWrapText(true);
        hint.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE); // else the panel cuts a long hint to one line
        hint.getStyleClass().add("hint");

        ids();
        tooltips();
        undoButton.setMaxWidth(Double.MAX_VALUE);
        undoButton.managedProperty().bind(undoButton.visibleProperty());
        undoButton.visibleProperty().bind(lab.undoableProperty());
        VBox actions = new VBox(6, buttons(), undoButton, grid(row("speed", speed)), speedLabel, hint, new Separator(),
                compare);
        actions.setPadding(new Insets(10, 10, 8, 10));
        actions.getStyleClass().add("actions");
        VBox box = new VBox(8,
                heading("Preset"), preset, description,
                new Separator(),
                heading("Task"), grid(row("data", task), row("points P", points)),
                heading("Network"), grid(row("width N", width), row("activation", activation),
                        row("parameterisation", parameterization)),
                heading("Training"), grid(row("learning rate \u03b7", learningRate)), learningRateSlider,
                new HBox(0, fullBatch, sgd), grid(row("batch size", batchSize), row("label noise \u03c3", labelNoise),
                        row("steps", steps)),
                heading("Seeds"), grid(row("task", taskSeed), row("network", networkSeed), row("training", trainingSeed)));
        box.setPadding(new Insets(10));
        box.setFillWidth(true);
        settings = new ScrollPane(box);
        settings.setFitToWidth(true);
        settings.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        settings.getStyleClass().add("settings");
        VBox.setVgrow(settings, Priority.ALWAYS);
        getChildren().addAll(actions, new Separator(), settings);

        wire();
        show(lab.settings());
        lab.settingsProperty().addListener((o, a, b) -> show(b));
        lab.pendingProperty().addListener((o, a, b) -> showHint());
        lab.messageProperty().addListener((o, a, b) -> showHint());
        showHint();
        showSpeed();
    }

    private void ids() {
        preset.setId("presetChoice");
        description.setId("presetDescription");
        task.setId("taskChoice");
        points.setId("pointsSpinner");
        width.setId("widthSpinner");
        activation.setId("activationChoice");
        parameterization.setId("parameterizationChoice");
        learningRateSlider.setId("learningRateSlider");
        learningRate.setId("learningRateField");
        fullBatch.setId("fullBatchToggle");
        sgd.setId("sgdToggle");
        batchSize.setId("batchSizeSpinner");
        labelNoise.setId("labelNoiseSpinner");
        taskSeed.setId("taskSeedSpinner");
        networkSeed.setId("networkSeedSpinner");
        trainingSeed.setId("trainingSeedSpinner");
        steps.setId("stepsField");
        runButton.setId("runButton");
        stepButton.setId("stepButton");
        resetButton.setId("resetButton");
        undoButton.setId("undoResetButton");
        speed.setId("speedSlider");
        hint.setId("hint");
    }

    private void tooltips() {
        tip(preset, "Loads a ready-made experiment; its description says what to look at.");
        tip(task, "The data set the network learns (Reset applies it).");
        tip(points, "How many training samples P the task has (Reset applies it).");
        tip(width, "How many hidden neurons N the network has (Reset applies it).");
        tip(activation, "The nonlinearity phi of the hidden neurons (Reset applies it).");
        tip(parameterization, "standard: f = A phi + c; ntk: f = A phi / sqrt(N) + c, lazy when wide (Reset applies it).");
        tip(learningRate, "The step size eta of every update; takes effect at the next step.");
        tip(learningRateSlider, "The learning rate eta on a log scale; takes effect at the next step.");
        tip(fullBatch, "Every step uses all training samples: deterministic gradient descent.");
        tip(sgd, "Every step uses a batch of samples from a fresh random order each epoch.");
        tip(batchSize, "How many samples one SGD step averages over.");
        tip(labelNoise, "Fresh Gaussian noise of this size added to the targets at every step: the noise that makes the kernel age.");
        tip(steps, "How many steps the run takes before it stops (Reset applies it).");
        tip(taskSeed, "Seed of the task's random data (Reset applies it).");
        tip(networkSeed, "Seed of the initial weights: equal seeds start from the same network (Reset applies it).");
        tip(trainingSeed, "Seed of the SGD order and the label noise (Reset applies it).");
        tip(runButton, RUN_TIP);
        tip(stepButton, "Takes exactly one training step (S).");
        tip(resetButton, "Starts again from the initial network with the settings shown (R). A run that trained for"
                + " more than a few seconds can come back with Undo reset.");
        tip(undoButton, "Brings back the runs the last Reset replaced, where they were (Ctrl+Z).");
        tip(speed, "Steps per second: from a pace a class can follow up to as fast as possible.");
    }

    private void wire() {
        preset.valueProperty().addListener((o, a, name) -> {
            if (updating || name == null) {
                return;
            }
            try {
                PresetComparisons.open(lab, Presets.load(name, List.of()));
            } catch (ConfigException e) {
                lab.say(e.getMessage());
            }
        });
        task.valueProperty().addListener(edit(v -> c -> c.withTask(c.task().withKind(v))));
        points.valueProperty().addListener(edit(v -> c -> c.withTask(c.task().withPoints(v))));
        width.valueProperty().addListener(edit(v -> c -> c.withNetwork(c.network().withWidth(v))));
        activation.valueProperty().addListener(edit(v -> c -> c.withNetwork(c.network().withActivation(v))));
        parameterization.valueProperty().addListener(edit(v -> c -> c.withNetwork(c.network().withParameterization(v))));
        learningRateSlider.valueProperty().addListener((o, a, v) -> {
            if (!updating) {
                double eta = roundSignificant(Math.pow(10, v.doubleValue()));
                change(c -> c.withTraining(c.training().withLearningRate(eta)));
            }
        });
        learningRate.setOnAction(e -> commitLearningRate());
        learningRate.focusedProperty().addListener((o, a, focused) -> {
            if (!focused) {
                commitLearningRate();
            }
        });
        fullBatch.selectedProperty().addListener(edit(v -> c -> c.withTraining(c.training().withMethod(
                v ? Method.FULL_BATCH : Method.SGD))));
        sgd.setOnAction(e -> {
            if (!sgd.isSelected()) {
                sgd.setSelected(true);
            }
        });
        fullBatch.setOnAction(e -> {
            if (!fullBatch.isSelected() && !sgd.isSelected()) {
                fullBatch.setSelected(true);
            }
        });
        batchSize.valueProperty().addListener(edit(v -> c -> c.withTraining(c.training().withBatchSize(v))));
        labelNoise.valueProperty().addListener(edit(v -> c -> c.withTraining(c.training().withLabelNoise(v))));
        taskSeed.valueProperty().addListener(edit(v -> c -> c.withTask(c.task().withSeed(v))));
        networkSeed.valueProperty().addListener(edit(v -> c -> c.withNetwork(c.network().withSeed(v))));
        trainingSeed.valueProperty().addListener(edit(v -> c -> c.withTraining(c.training().withSeed(v))));
        steps.setOnAction(e -> commitSteps());
        steps.focusedProperty().addListener((o, a, focused) -> {
            if (!focused) {
                commitSteps();
            }
        });
        runButton.setOnAction(e -> runOrContinue());
        stepButton.setOnAction(e -> lab.step());
        resetButton.setOnAction(e -> lab.reset());
        undoButton.setOnAction(e -> lab.undoReset());
        speed.valueProperty().addListener((o, a, v) -> showSpeed());
    }

    /**
     * Shows on the Run/Pause button whether any run trains, or Continue once every run that did not diverge has
     * finished, and each compared run's state; once per frame.
     */
    void showStatus(boolean running, List<Run.Status> statuses) {
        boolean canRun = statuses.stream().anyMatch(s -> s.state() != Run.State.FINISHED
                && s.state() != Run.State.DIVERGED);
        boolean canContinue = !running && !canRun && statuses.stream().anyMatch(s -> s.state() == Run.State.FINISHED);
        String text = running ? "Pause" : canContinue ? CONTINUE : "Run";
        if (!runButton.getText().equals(text)) {
            runButton.setText(text);
            runButton.getTooltip().setText(canContinue ? "Trains on to " + Lab.CONTINUE_FACTOR + " times as many"
                    + " steps from where the runs stopped; the time axis and the record go on." : RUN_TIP);
        }
        runButton.setDisable(!canRun && !running && !canContinue);
        stepButton.setDisable(running || !canRun);
        String advice = lab.run().status().state() == Run.State.DIVERGED ? lab.run().status().message() : "";
        if (canContinue != finished || !advice.equals(divergence)) {
            finished = canContinue;
            divergence = advice;
            showHint();
        }
        compare.showStatus(statuses);
    }

    /** Run/Pause, or Continue on finished runs. */
    private void runOrContinue() {
        if (CONTINUE.equals(runButton.getText())) {
            lab.continueRuns();
        } else {
            lab.toggleRunning();
        }
    }

    private void commitLearningRate() {
        if (updating) {
            return;
        }
        try {
            double eta = Double.parseDouble(learningRate.getText().trim());
            change(c -> c.withTraining(c.training().withLearningRate(eta)));
        } catch (NumberFormatException e) {
            lab.say("The learning rate must be a number, e.g. 0.02; \"" + learningRate.getText() + "\" is not.");
            show(lab.settings());
        }
    }

    private void commitSteps() {
        if (updating) {
            return;
        }
        try {
            long n = Long.parseLong(steps.getText().trim().replace(",", "").replace("_", ""));
            change(c -> c.withTraining(c.training().withSteps(n)));
        } catch (NumberFormatException e) {
            lab.say("The number of steps must be a whole number, e.g. 200000; \"" + steps.getText() + "\" is not.");
            show(lab.settings());
        }
    }

    private <T> ChangeListener<T> edit(java.util.function.Function<T, UnaryOperator<ExperimentConfig>> change) {
        return (o, a, v) -> {
            if (!updating && v != null) {
                change(change.apply(v));
            }
        };
    }

    /** Shows or hides the settings below Run, Step and Reset (a lesson step may keep a class on the charts). */
    void showSettings(boolean on) {
        settings.setVisible(on);
        settings.setManaged(on);
    }

    /** Applies one edit; a rejected one leaves the settings as they were and says why. */
    private void change(UnaryOperator<ExperimentConfig> edit) {
        try {
            lab.apply(edit.apply(lab.settings()));
        } catch (ConfigException | IllegalArgumentException e) {
            lab.say(e.getMessage());
            show(lab.settings());
        }
    }

    private void show(ExperimentConfig c) {
        updating = true;
        try {
            List<String> changed = changedFromPreset(c);
            if (preset.getItems().contains(c.name()) && changed.isEmpty()) {
                preset.setValue(c.name());
                description.setText(c.description());
            } else if (preset.getItems().contains(c.name())) {
                // the preset's text may no longer hold (its sine is now a circle): say that it was changed
                preset.setValue(null);
                preset.setPromptText(c.name() + " (modified)");
                description.setText("You changed the " + SettingsDiff.words(changed) + " of this preset, so what"
                        + " it describes may no longer show: " + c.description());
            } else {
                // settings from a file: no built-in preset is chosen, the name still shows
                preset.setValue(null);
                preset.setPromptText(c.name());
                description.setText(c.description());
            }
            if (c.task().kind() == TaskKind.CSV && !task.getItems().contains(TaskKind.CSV)) {
                task.getItems().add(TaskKind.CSV);
            }
            task.setValue(c.task().kind());
            points.getValueFactory().setValue(c.task().points());
            points.setDisable(c.task().kind() == TaskKind.CSV);
            width.getValueFactory().setValue(c.network().width());
            activation.setValue(c.network().activation());
            parameterization.setValue(c.network().parameterization());
            learningRate.setText(Double.toString(c.training().learningRate()));
            learningRateSlider.setValue(Math.log10(c.training().learningRate()));
            boolean full = c.training().method() == Method.FULL_BATCH;
            fullBatch.setSelected(full);
            sgd.setSelected(!full);
            batchSize.getValueFactory().setValue(c.training().batchSize());
            batchSize.setDisable(full);
            labelNoise.getValueFactory().setValue(c.training().labelNoise());
            steps.setText(String.format(Locale.ROOT, "%d", c.training().steps()));
            taskSeed.getValueFactory().setValue((int) c.task().seed());
            networkSeed.getValueFactory().setValue((int) c.network().seed());
            trainingSeed.getValueFactory().setValue((int) c.training().seed());
        } finally {
            updating = false;
        }
    }

    /**
     * The settings in which the lab's first run differs from the built-in preset it is named after (none for a
     * file's settings); in a comparison the other runs differ on purpose, so only the first counts.
     */
    private List<String> changedFromPreset(ExperimentConfig c) {
        if (!preset.getItems().contains(c.name()) || lab.arms().isEmpty()) {
            return List.of();
        }
        ExperimentConfig original = builtIn.computeIfAbsent(c.name(), name -> {
            try {
                return Presets.load(name, List.of());
            } catch (ConfigException e) {
                return null;
            }
        });
        ExperimentConfig first = lab.arms().get(0).settings();
        return original == null || !first.name().equals(original.name()) ? List.of()
                : SettingsDiff.between(first, original);
    }

    private void showHint() {
        String message = lab.messageProperty().get();
        if (!message.isEmpty()) {
            hint.setText(message);
            hint.getStyleClass().setAll("hint", "error");
        } else if (!divergence.isEmpty()) {
            // the whole advice, wrapped, where the status bar may cut it at the window's edge
            hint.setText(divergence);
            hint.getStyleClass().setAll("hint", "error");
        } else if (!lab.pendingProperty().get().isEmpty()) {
            hint.setText("Press Reset to start again with the new " + lab.pendingProperty().get() + ".");
            hint.getStyleClass().setAll("hint", "pending");
        } else if (finished) {
            hint.setText(String.format(Locale.ROOT, "Finished. Continue trains on to step %,d along the same time"
                    + " axis.", lab.settings().training().steps() * Lab.CONTINUE_FACTOR));
            hint.getStyleClass().setAll("hint", "pending");
        } else {
            hint.setText("");
            hint.getStyleClass().setAll("hint");
        }
    }

    private void showSpeed() {
        double v = speed.getValue();
        if (v >= SPEED_MAX) {
            speedLabel.setText("as fast as possible");
            lab.setSpeed(Double.POSITIVE_INFINITY);
        } else {
            double perSecond = Math.max(1, Math.round(Math.pow(10, v)));
            speedLabel.setText(String.format(Locale.ROOT, "%,.0f steps per second", perSecond));
            lab.setSpeed(perSecond);
        }
    }

    private static double roundSignificant(double v) {
        return Double.parseDouble(String.format(Locale.ROOT, "%.3g", v));
    }

    private void wholeNumber(Spinner<Integer> spinner, String what, String example) {
        refuseText(spinner, what + " is a whole number, e.g. " + example, Integer::valueOf);
    }

    /**
     * Makes a spinner's text turn into its value without an exception: text that is not a number (letters typed
     * into the box) is refused with a message in the hint, and the box shows the value in force again.
     *
     * @param rule what the box takes, as a sentence without a full stop, e.g. "The width N is a whole number, e.g.
     *             100"
     */
    private <T> void refuseText(Spinner<T> spinner, String rule, java.util.function.Function<String, T> parse) {
        SpinnerValueFactory<T> factory = spinner.getValueFactory();
        StringConverter<T> shown = factory.getConverter();
        factory.setConverter(new StringConverter<>() {
            @Override
            public String toString(T value) {
                return shown.toString(value);
            }

            @Override
            public T fromString(String text) {
                String plain = text.trim().replace(",", "").replace("_", "");
                try {
                    return parse.apply(plain);
                } catch (NumberFormatException e) {
                    lab.say(rule + "; \"" + text.trim() + "\" is not one.");
                    spinner.getEditor().setText(shown.toString(factory.getValue()));
                    return factory.getValue();
                }
            }
        });
    }

    /**
     * Puts back the value in force into every box the user may be typing in, e.g. when Escape leaves a field
     * without taking what was typed.
     */
    void cancelTyping() {
        show(lab.settings());
        for (Spinner<?> s : List.of(points, width, batchSize, labelNoise, taskSeed, networkSeed, trainingSeed)) {
            revertText(s);
        }
    }

    private static <T> void revertText(Spinner<T> spinner) {
        spinner.getEditor().setText(spinner.getValueFactory().getConverter().toString(spinner.getValue()));
    }

    private static void commitOnFocusLoss(Spinner<?> spinner) {
        spinner.focusedProperty().addListener((o, a, focused) -> {
            if (!focused) {
                commitText(spinner);
            }
        });
    }

    private static <T> void commitText(Spinner<T> spinner) {
        SpinnerValueFactory<T> factory = spinner.getValueFactory();
        T value = factory.getConverter().fromString(spinner.getEditor().getText());
        if (value != null) {
            factory.setValue(value);
        }
        // a value the box clamped to its range, or one that did not change, shows as it is in force
        revertText(spinner);
    }

    private HBox buttons() {
        HBox box = new HBox(6, runButton, stepButton, resetButton);
        box.setAlignment(Pos.CENTER_LEFT);
        for (Button b : List.of(runButton, stepButton, resetButton)) {
            b.setMaxWidth(Double.MAX_VALUE);
            HBox.setHgrow(b, Priority.ALWAYS);
        }
        runButton.setDefaultButton(false);
        return box;
    }

    private static Label heading(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("section-heading");
        return l;
    }

    private record Row(String label, Node control) {
    }

    private static Row row(String label, Node control) {
        return new Row(label, control);
    }

    private static GridPane grid(Row... rows) {
        GridPane g = new GridPane();
        g.setHgap(8);
        g.setVgap(4);
        ColumnConstraints labels = new ColumnConstraints();
        labels.setMinWidth(128);
        ColumnConstraints controls = new ColumnConstraints();
        controls.setHgrow(Priority.ALWAYS);
        controls.setFillWidth(true);
        g.getColumnConstraints().addAll(labels, controls);
        for (int i = 0; i < rows.length; i++) {
            Label l = new Label(rows[i].label());
            l.setLabelFor(rows[i].control());
            g.addRow(i, l, rows[i].control());
            if (rows[i].control() instanceof javafx.scene.control.Control control) {
                control.setMaxWidth(Double.MAX_VALUE);
            }
        }
        return g;
    }

    static void tip(javafx.scene.control.Control control, String text) {
        Tooltip t = new Tooltip(text);
        t.setWrapText(true);
        t.setMaxWidth(360);
        control.setTooltip(t);
    }
}
