package trlab.app;

import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import trlab.experiment.Experiment;
import trlab.experiment.Run;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/** The lab's real window, opened headless (Monocle) on the default preset for each test and closed after it. */
@ExtendWith(ApplicationExtension.class)
abstract class WindowTest {
    Stage stage;
    TrlabApp app;
    LabWindow window;

    /**
     * Opens the window; each test class calls it from its own {@code @Start} method, since TestFX looks for that
     * annotation only among a class's own methods.
     */
    void open(Stage stage) {
        this.stage = stage;
        app = new TrlabApp();
        app.start(stage);
        window = app.window();
    }

    @AfterEach
    void stop() {
        window.close();
    }

    /** The selected run. */
    Run run() {
        return window.lab().run();
    }

    /** The selected run's step, read between two steps once its thread has handled everything sent before. */
    long stepBetweenSteps() throws Exception {
        return WindowTest.<Long>onThread(run(), e -> e.trainer().time());
    }

    /**
     * A value read on a run's training thread once it has handled everything sent before: the command runs
     * between two steps, so what it reads is exact.
     */
    static <T> T onThread(Run run, Function<Experiment, T> read) throws Exception {
        CompletableFuture<T> result = new CompletableFuture<>();
        run.send(e -> result.complete(read.apply(e)));
        return result.get(20, TimeUnit.SECONDS);
    }
}
