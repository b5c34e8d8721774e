package trlab.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The files the bad-input tests hand to the command line: written into one folder per test class. */
final class InputFixtures {
    private final Path work;

    InputFixtures(String prefix) {
        try {
            work = Files.createTempDirectory(prefix);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    Path work() {
        return work;
    }

    Path file(String name, String text) {
        try {
            return Files.writeString(work.resolve(name), text);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A valid state file of the default preset at width 20 after 10 steps, for a case to edit. */
    String state() {
        Path dir = work.resolve("state-source");
        if (!Files.exists(dir.resolve("final-state.json"))) {
            Cli.run(new String[]{"run", "default", "--steps", "10", "--set", "network.width=20", "--no-png", "--out",
                    dir.toString()});
        }
        try {
            return Files.readString(dir.resolve("final-state.json"));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
