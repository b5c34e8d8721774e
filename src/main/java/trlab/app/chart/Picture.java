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
     * Draws {@code node} as {@link #of} does, as large as it fits into exactly {@code width} x {@code height} pixels
     * (its shape kept, centred on white): a projector's or a paper's size.
     */
    static WritableImage fitted(Node node, List<Node> widgets, int width, int height, String caption) {
        if (width < 1 || height < 1) {
            throw new IllegalArgumentException(width + " x " + height + " pixels is no image size");
        }
        javafx.geometry.Bounds b = node.getLayoutBounds();
        double scale = Math.min(width / b.getWidth(), height / b.getHeight());
        WritableImage drawn = of(node, widgets, scale, caption);
        ImageView view = new ImageView(drawn);
        view.setPreserveRatio(true);
        view.setSmooth(true);
        // the caption adds a line below: the whole is scaled down a little to fit
        view.setFitWidth(Math.min(width, drawn.getWidth()));
        view.setFitHeight(Math.min(height, drawn.getHeight()));
        javafx.scene.layout.StackPane page = new javafx.scene.layout.StackPane(view);
        page.setStyle("-fx-background-color: white;");
        page.setMinSize(width, height);
        page.setMaxSize(width, height);
        new Scene(page, width, height);
        return page.snapshot(null, new WritableImage(width, height));
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
