package trlab.app;

import javafx.scene.control.Alert;
import javafx.stage.Window;
import trlab.experiment.Release;

import java.util.List;

/** Modal messages for what the user must read (a failed export, a rejected file) and small questions. */
final class Dialogs {
    private Dialogs() {
    }

    static void error(Window owner, String header, String text) {
        Alert alert = new Alert(Alert.AlertType.ERROR);
        if (owner != null) {
            alert.initOwner(owner);
        }
        alert.setTitle("Training Response Lab");
        alert.setHeaderText(header);
        alert.setContentText(text);
        alert.show();
    }

    /** Asks for a lesson step's title and text; empty when the user cancels or leaves the title empty. */
    static java.util.Optional<String[]> askStep(Window owner) {
        javafx.scene.control.Dialog<String[]> dialog = new javafx.scene.control.Dialog<>();
        if (owner != null) {
            dialog.initOwner(owner);
        }
        dialog.setTitle("Training Response Lab");
        dialog.setHeaderText("A step of the lesson: the runs as they are now, paused at this step");
        javafx.scene.control.TextField title = new javafx.scene.control.TextField();
        title.setPromptText("title, e.g. \"The kernel ages\"");
        javafx.scene.control.TextArea text = new javafx.scene.control.TextArea();
        text.setPromptText("two to four sentences: what to look at, and why");
        text.setWrapText(true);
        text.setPrefRowCount(4);
        javafx.scene.layout.VBox box = new javafx.scene.layout.VBox(6, title, text);
        dialog.getDialogPane().setContent(box);
        dialog.getDialogPane().getButtonTypes().addAll(javafx.scene.control.ButtonType.OK,
                javafx.scene.control.ButtonType.CANCEL);
        dialog.setResultConverter(b -> b == javafx.scene.control.ButtonType.OK && !title.getText().isBlank()
                ? new String[]{title.getText().strip(), text.getText().isBlank() ? title.getText().strip()
                : text.getText().strip()} : null);
        return dialog.showAndWait();
    }

    /** Help > About: the version, what the lab reproduces, how to cite it, the licence. */
    static Alert about(Window owner) {
        Alert alert = new Alert(Alert.AlertType.INFORMATION);
        if (owner != null) {
            alert.initOwner(owner);
        }
        List<String> lines = Release.about();
        alert.setTitle("About");
        alert.setHeaderText(lines.get(0));
        alert.setContentText(String.join("\n\n", lines.subList(1, lines.size())));
        alert.getDialogPane().setId("aboutDialog");
        alert.getDialogPane().setMinWidth(560);
        alert.show();
        return alert;
    }
}
