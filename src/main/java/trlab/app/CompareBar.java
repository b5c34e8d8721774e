package trlab.app;

import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Rectangle;
import trlab.experiment.Comparison;
import trlab.experiment.Run;

import java.util.ArrayList;
import java.util.List;

/**
 * Comparing runs: the one-click pair "SGD vs full batch", a button that adds a run, and while runs are compared
 * one button per run (in its chart colour, named by what sets it apart) that selects it for the controls, with a
 * button that removes it.
 */
final class CompareBar extends VBox {
    static final String SGD_VS_FULL_BATCH = "SGD vs full batch";
    /** After a run's whole name, which a narrow panel may cut short on its button. */
    private static final String SELECT_TIP = ": show this run's settings in the controls";

    private final Lab lab;
    final Button sgdVsFullBatch = new Button(SGD_VS_FULL_BATCH);
    final Button addArm = new Button("Add run");
    final Button stop = new Button("Stop comparing");
    private final Label caption = new Label("Runs from one initial state. The controls edit the selected run's"
            + " method, batch size, learning rate, label noise and activation; other settings apply to all.");
    private final VBox armRows = new VBox(3);
    private final ToggleGroup group = new ToggleGroup();
    final List<ToggleButton> armButtons = new ArrayList<>();
    private boolean updating;

    CompareBar(Lab lab) {
        super(6);
        this.lab = lab;
        getStyleClass().add("compare-bar");
        sgdVsFullBatch.setId("compareSgdButton");
        addArm.setId("addArmButton");
        stop.setId("stopComparingButton");
        ControlPanel.tip(sgdVsFullBatch, "Trains SGD on these settings beside its full-batch twin on clean labels,"
                + " both from the same initial network, and overlays them in every chart.");
        ControlPanel.tip(addArm, "Adds a copy of the selected run (up to " + Comparison.MAX_ARMS + "); change its"
                + " settings, then Run. Every run starts again from the initial state.");
        ControlPanel.tip(stop, "Keeps only the selected run.");
        sgdVsFullBatch.setOnAction(e -> lab.compareSgdWithFullBatch());
        addArm.setOnAction(e -> lab.addArm());
        stop.setOnAction(e -> lab.stopComparing());
        HBox actions = new HBox(6, sgdVsFullBatch, addArm);
        for (Button b : List.of(sgdVsFullBatch, addArm)) {
            b.setMaxWidth(Double.MAX_VALUE);
            HBox.setHgrow(b, Priority.ALWAYS);
        }
        caption.setWrapText(true);
        caption.setMinHeight(Region.USE_PREF_SIZE); // else the panel's height cuts the sentence short
        caption.getStyleClass().add("compare-caption");
        getChildren().addAll(actions, caption, armRows, stop);
        group.selectedToggleProperty().addListener((o, before, now) -> {
            if (updating) {
                return;
            }
            if (now == null) {
                before.setSelected(true); // one run is always selected
            } else {
                lab.select(armButtons.indexOf((ToggleButton) now));
            }
        });
        // rows are rebuilt only when runs come or go: a button the user is clicking must not leave the scene
        lab.armsProperty().addListener(o -> {
            if (lab.arms().size() != armButtons.size()) {
                rebuild();
            } else {
                showColours();
            }
        });
        lab.labelsProperty().addListener(o -> showStatus(List.of()));
        lab.selectedProperty().addListener(o -> showSelected());
        rebuild();
    }

    /** Each run's swatch in its colour: new runs of the same number may come in other colours. */
    private void showColours() {
        for (int i = 0; i < armButtons.size(); i++) {
            armButtons.get(i).getGraphic().getStyleClass().setAll("arm-swatch", "arm-" + lab.arms().get(i).colour());
        }
    }

    private void showSelected() {
        updating = true;
        try {
            for (int i = 0; i < armButtons.size(); i++) {
                armButtons.get(i).setSelected(i == lab.selected());
            }
        } finally {
            updating = false;
        }
    }

    /** One row per run while runs are compared; nothing but the two buttons otherwise. */
    private void rebuild() {
        boolean comparing = lab.comparing();
        for (var node : List.of(caption, armRows, stop)) {
            node.setVisible(comparing);
            node.setManaged(comparing);
        }
        addArm.setDisable(lab.arms().size() >= Comparison.MAX_ARMS);
        updating = true;
        try {
            List<String> labels = lab.labels();
            armButtons.clear();
            group.getToggles().clear();
            armRows.getChildren().clear();
            if (!comparing) {
                return;
            }
            for (int i = 0; i < labels.size(); i++) {
                ToggleButton select = new ToggleButton(labels.get(i), new Rectangle(14, 14));
                select.setId("armToggle" + i);
                select.getStyleClass().add("arm-toggle");
                select.setToggleGroup(group);
                select.setSelected(i == lab.selected());
                select.setMaxWidth(Double.MAX_VALUE);
                select.setTooltip(new Tooltip(labels.get(i) + SELECT_TIP));
                HBox.setHgrow(select, Priority.ALWAYS);
                int index = i;
                Button remove = new Button("\u2715");
                remove.setId("removeArm" + i);
                remove.setOnAction(e -> lab.removeArm(index));
                remove.setTooltip(new Tooltip("Stop and remove this run"));
                HBox row = new HBox(4, select, remove);
                row.setAlignment(Pos.CENTER_LEFT);
                armButtons.add(select);
                armRows.getChildren().add(row);
            }
            showColours();
        } finally {
            updating = false;
        }
    }

    /**
     * Names each run on its button, marking one that finished or diverged; called once per frame (and with no
     * states when the names change).
     */
    void showStatus(List<Run.Status> statuses) {
        List<String> labels = lab.labels();
        for (int i = 0; i < armButtons.size() && i < labels.size(); i++) {
            Run.State state = i < statuses.size() ? statuses.get(i).state() : Run.State.PAUSED;
            String text = labels.get(i) + (state == Run.State.DIVERGED ? " (diverged)"
                    : state == Run.State.FINISHED ? " (done)" : "");
            if (!text.equals(armButtons.get(i).getText())) {
                armButtons.get(i).setText(text);
                // the whole name, where a narrow panel cuts the button's text short
                armButtons.get(i).getTooltip().setText(text + SELECT_TIP);
            }
        }
    }

}
