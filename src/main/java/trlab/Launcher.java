package trlab;

import trlab.app.TrlabApp;
import trlab.cli.Cli;

/**
 * Entry point of {@code java -jar target/trlab.jar}. It must not extend {@code Application}, otherwise the
 * JDK launcher refuses to start a class-path JavaFX app ("JavaFX runtime components are missing").
 * No arguments opens the window; anything else is a command for {@link Cli}.
 */
public final class Launcher {

    private Launcher() {
    }

    public static void main(String[] args) {
        if (args.length == 0) {
            TrlabApp.launchWindow(args);
        } else {
            System.exit(Cli.run(args));
        }
    }
}
