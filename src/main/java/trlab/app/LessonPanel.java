package trlab.app;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import trlab.experiment.config.Lesson;

import java.util.Locale;

/** A lesson's step above the charts: its title and text, how far the lesson has come, Back, Next and Close. */
final class LessonPanel extends VBox {
    private final LessonPlayer player;
    private final Label lessonTitle = new Label();
    private final Label progress = new Label();
    private final ProgressBar bar = new ProgressBar();
    private final Label stepTitle = new Label();
    private final Label text = new Label();
    final Button back = new Button("Back");
    final Button next = new Button("Next");
    private final Button close = new Button("Close lesson");

    LessonPanel(LessonPlayer player) {
        this.player = player;
        setId("lessonPanel");
        getStyleClass().add("lesson-panel");
        back.setId("lessonBack");
        next.setId("lessonNext");
        close.setId("lessonClose");
        stepTitle.setId("lessonStepTitle");
        text.setId("lessonText");
        progress.setId("lessonProgress");
        // Space stays the lab's Run / Pause, not a press of the last button clicked
        for (Button b : new Button[]{back, next, close}) {
            b.setFocusTraversable(false);
        }
        back.setOnAction(e -> player.back());
        next.setOnAction(e -> player.next());
        close.setOnAction(e -> player.close());
        lessonTitle.getStyleClass().add("lesson-title");
        stepTitle.getStyleClass().add("lesson-step-title");
        text.setWrapText(true);
        text.setMinHeight(Region.USE_PREF_SIZE);
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        bar.setPrefWidth(120);
        HBox top = new HBox(10, lessonTitle, gap, progress, bar, back, next, close);
        top.setAlignment(Pos.CENTER_LEFT);
        getChildren().addAll(top, stepTitle, text);
        setSpacing(3);
        setPadding(new Insets(6, 10, 8, 10));
        player.stepProperty().addListener((o, was, now) -> show());
        show();
    }

    private void show() {
        Lesson lesson = player.lesson();
        Lesson.Step step = player.current();
        if (lesson == null || step == null) {
            return;
        }
        int i = player.stepProperty().get();
        int n = lesson.steps().size();
        lessonTitle.setText("Lesson: " + lesson.title());
        progress.setText(String.format(Locale.ROOT, "step %d of %d", i + 1, n));
        bar.setProgress((i + 1) / (double) n);
        stepTitle.setText(step.title());
        text.setText(step.text() + (step.stopAt() > 0
                ? String.format(Locale.ROOT, " (The runs pause at step %,d.)", step.stopAt()) : ""));
        back.setDisable(!player.hasBack());
        next.setDisable(!player.hasNext());
    }
}
