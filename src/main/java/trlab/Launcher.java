package trlab;

import trlab.cli.Cli;

/**
 * Entry point of {@code java -jar target/trlab.jar}. It must not extend {@code Application}, otherwise the
 * JDK launcher refuses to start a class-path JavaFX app ("JavaFX runtime components are missing").
 * No arguments opens the window, as the command {@code gui} does (so a missing display is one sentence too);
 * anything else is a command for {@link Cli}.
 */
public final class Launcher {

    private Launcher() {
    }

    public static void main(String[] args) {
        System.exit(Cli.run(args.length == 0 ? new String[]{"gui"} : args));
    }
}
