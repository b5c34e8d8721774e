package trlab.app;

import javafx.scene.control.Alert;
import javafx.stage.Window;

/** Modal messages for what the user must read: a failed export, a rejected file. */
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
}
