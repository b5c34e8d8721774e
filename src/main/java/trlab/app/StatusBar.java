package trlab.app;

import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import trlab.experiment.Run;
import trlab.measure.Snapshot;

import java.util.Locale;

/**
 * The bottom line: step, epoch, steps per second, current loss, current aging exponent and a message; when runs
 * are compared, of the selected run, named first.
 */
final class StatusBar extends HBox {
    final Label arm = label("statusArm");
    final Label step = label("statusStep");
    final Label epoch = label("statusEpoch");
    final Label speed = label("statusSpeed");
    final Label loss = label("statusLoss");
    final Label alpha = label("statusAlpha");
    final Label message = label("statusMessage");
    /** How long a confirmation ("Saved ...") stays in the message place: long enough to read it twice. */
    private static final long NOTICE_NANOS = 8_000_000_000L;
    private String notice = "";
    private long noticeUntil;

    StatusBar() {
        getStyleClass().add("status-bar");
        message.getStyleClass().add("status-message");
        message.setMaxWidth(Double.MAX_VALUE);
        // a long message (a compared run's divergence) is cut with an ellipsis, never widens the window
        message.setMinWidth(0);
        HBox.setHgrow(message, Priority.ALWAYS);
        arm.getStyleClass().add("status-arm");
        arm.managedProperty().bind(arm.visibleProperty());
        getChildren().addAll(arm, step, epoch, speed, loss, alpha, message);
    }

    private static Label label(String id) {
        Label l = new Label();
        l.setId(id);
        l.setMinWidth(USE_PREF_SIZE);
        return l;
    }

    /** Shows a confirmation, e.g. "Saved /home/me/aging.png", for a few seconds, unless an error is shown. */
    void notice(String text) {
        notice = text;
        noticeUntil = System.nanoTime() + NOTICE_NANOS;
    }

    /** Called once per frame; only changed texts are set, so an idle window does no layout work. */
    void show(Run.Status status, Snapshot latest, String armLabel, String labMessage) {
        set(arm, armLabel);
        arm.setVisible(!armLabel.isEmpty());
        set(step, String.format(Locale.ROOT, "step %,d", status.step()));
        set(epoch, String.format(Locale.ROOT, "epoch %,.1f", status.epoch()));
        set(speed, String.format(Locale.ROOT, "%,.0f steps/s", status.stepsPerSecond()));
        set(loss, latest == null ? "loss \u2013" : String.format(Locale.ROOT, "loss %.4g", latest.trainLoss()));
        // a power law fitted to a blow-up means nothing
        boolean noFit = latest == null || Double.isNaN(latest.agingExponent()) || status.state() == Run.State.DIVERGED;
        set(alpha, noFit ? "\u03b1 \u2013"
                : String.format(Locale.ROOT, "\u03b1 = %.3f \u00b1 %.3f", latest.agingExponent(),
                latest.agingExponentError()));
        boolean noticing = labMessage.isEmpty() && System.nanoTime() < noticeUntil;
        String text = !labMessage.isEmpty() ? labMessage : noticing ? notice : status.message();
        set(message, text);
        // a long message (a divergence's advice) is cut at the window's edge: the whole of it in a tooltip
        if (!text.equals(message.getTooltip() == null ? "" : message.getTooltip().getText())) {
            message.setTooltip(text.isEmpty() ? null : new javafx.scene.control.Tooltip(text));
        }
        boolean error = !labMessage.isEmpty() || !noticing && status.state() == Run.State.DIVERGED;
        if (error != message.getStyleClass().contains("error")) {
            if (error) {
                message.getStyleClass().add("error");
            } else {
                message.getStyleClass().remove("error");
            }
        }
    }

    private static void set(Label label, String text) {
        if (!text.equals(label.getText())) {
            label.setText(text);
        }
    }
}
