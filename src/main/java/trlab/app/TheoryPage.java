package trlab.app;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import trlab.app.chart.TheoryView;
import trlab.experiment.Run;
import trlab.experiment.config.TheoryConfig;

import java.util.Locale;

/**
 * The theory's page: its charts, and above them since when the kernel models run and the action that starts them
 * afresh at the current step, so that a student can ask "from here on, does the theory predict the network?".
 */
final class TheoryPage extends BorderPane {
    static final String FROM_NOW = "Models from now";
    final TheoryView view = new TheoryView();
    private final Label since = new Label();
    private final Button fromNow = new Button(FROM_NOW);

    TheoryPage(Lab lab) {
        setId("theoryPage");
        fromNow.setId("modelsFromNow");
        fromNow.setFocusTraversable(false); // Space stays the lab's Run / Pause
        fromNow.setTooltip(new Tooltip("Starts both kernel models afresh at the step the run is at (t0 = now): from"
                + " there on they move the network's start by its first kernel (frozen) or by that kernel's shape"
                + " times the network's present amplitude (response law)"));
        fromNow.setOnAction(e -> lab.startModelsNow());
        fromNow.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        since.setId("modelsSince");
        since.setMinWidth(0);
        since.setTooltip(new Tooltip("The frozen-kernel model is the network linearised at t0: it moves the outputs"
                + " by the kernel of t0. The response-law model moves them by the kernel's shape at t0 times the"
                + " network's kernel amplitude now. Where a model's error stays small beside the output's RMS, it"
                + " explains how the network learns."));
        HBox bar = new HBox(8, fromNow, since);
        HBox.setHgrow(since, Priority.ALWAYS);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(4, 6, 4, 6));
        bar.getStyleClass().add("theory-bar");
        setTop(bar);
        setCenter(view);
    }

    /** Says since when the selected run's models run, from its config; called once per frame, cheap when unchanged. */
    void show(Run run) {
        TheoryConfig t = run.config().theory();
        String text = !t.models() ? "The kernel models are off: \"" + FROM_NOW + "\" starts them at the current step."
                : run.status().step() < t.start()
                ? String.format(Locale.ROOT, "The kernel models start at step t0 = %,d.", t.start())
                : String.format(Locale.ROOT, "The kernel models run from step t0 = %,d.", t.start());
        if (!text.equals(since.getText())) {
            since.setText(text);
        }
    }
}
