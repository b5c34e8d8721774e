package trlab.app;

import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.BorderPane;
import javafx.stage.Stage;

/** The JavaFX window. Placeholder until the dashboard arrives. */
public class TrlabApp extends Application {

    public static final String TITLE = "Training Response Lab";

    /** Opens the window and blocks until it is closed (called by {@code trlab.Launcher}). */
    public static void launchWindow(String[] args) {
        Application.launch(TrlabApp.class, args);
    }

    public static void main(String[] args) {
        launch(args);
    }

    @Override
    public void start(Stage stage) {
        BorderPane root = new BorderPane();
        root.setCenter(new Label("Training Response Lab \u2014 the dashboard arrives with the window issue"));
        stage.setTitle(TITLE);
        stage.setScene(new Scene(root, 1280, 800));
        stage.show();
    }
}
