package trlab.app.chart;

import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.SnapshotParameters;
import javafx.scene.control.Label;
import javafx.scene.image.ImageView;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.VBox;
import javafx.scene.transform.Transform;

import java.util.List;

/**
 * A chart or the dashboard as an image to save: drawn at 1x, 2x or 3x its size on screen, without the controls that
 * sit on the charts (the reference chooser, the feature-space view switch), with an optional caption line below
 * (the preset, the step, the settings that matter).
 */
final class Picture {
    /** The caption's font size at 1x, in pixels. */
    private static final double CAPTION_FONT = 13;

    private Picture() {
    }

    /**
     * Draws {@code node} at {@code scale} with {@code widgets} hidden for the moment of the snapshot, and the caption
     * below when it is neither null nor blank. FX thread.
     */
    static WritableImage of(Node node, List<Node> widgets, double scale, String caption) {
        if (!(scale > 0)) {
            throw new IllegalArgumentException("scale " + scale + " is not positive");
        }
        List<Boolean> were = widgets.stream().map(Node::isVisible).toList();
        widgets.forEach(w -> w.setVisible(false));
        WritableImage image;
        try {
            SnapshotParameters p = new SnapshotParameters();
            p.setTransform(Transform.scale(scale, scale));
            image = node.snapshot(p, null);
        } finally {
            for (int i = 0; i < widgets.size(); i++) {
                widgets.get(i).setVisible(were.get(i));
            }
        }
        if (caption == null || caption.isBlank()) {
            return image;
        }
        Label text = new Label(caption);
        text.getStyleClass().add("export-caption");
        text.setStyle(String.format(java.util.Locale.ROOT, "-fx-font-size: %.1fpx;", CAPTION_FONT * scale));
        text.setWrapText(true);
        text.setMaxWidth(image.getWidth() - 2 * 6 * scale);
        VBox page = new VBox(new ImageView(image), text);
        page.setPadding(Insets.EMPTY);
        VBox.setMargin(text, new Insets(2 * scale, 6 * scale, 4 * scale, 6 * scale));
        page.setStyle("-fx-background-color: white;");
        Scene scene = new Scene(page);
        scene.getStylesheets().add(ChartPane.STYLESHEET);
        return page.snapshot(null, null);
    }
}
