package trlab.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import trlab.experiment.config.ConfigException;

import java.io.PrintWriter;

/** The command line: {@code run}, {@code bench}, {@code reproduce}, {@code gui}. Errors are one sentence on stderr with a non-zero status. */
@Command(name = "trlab", mixinStandardHelpOptions = true, version = "trlab 0.1",
        description = "The Training Response Lab: train a small network and measure how it learns.",
        subcommands = {RunCommand.class, BenchCommand.class, ReproduceCommand.class, GuiCommand.class})
public final class Cli {
    /** Bad input: a preset, an override, a data or state file. */
    public static final int BAD_INPUT = 2;
    /** The run diverged (the loss or a parameter stopped being finite). */
    public static final int DIVERGED = 3;
    /** A file could not be written, or another failure. */
    public static final int FAILED = 1;

    private Cli() {
    }

    public static int run(String[] args) {
        CommandLine cl = new CommandLine(new Cli());
        cl.setExecutionExceptionHandler((e, line, parsed) -> {
            PrintWriter err = line.getErr();
            if (e instanceof ConfigException || e instanceof IllegalArgumentException) {
                err.println("trlab: " + e.getMessage());
                return BAD_INPUT;
            }
            if (e instanceof java.io.IOException io) {
                err.println("trlab: could not write " + describe(io) + ".");
                return FAILED;
            }
            err.println("trlab: " + e);
            return FAILED;
        });
        return cl.execute(args);
    }

    /** The file and the reason of a failed write, in words: "/x/run.json (permission denied)". */
    private static String describe(java.io.IOException e) {
        if (e instanceof java.nio.file.FileSystemException fs) {
            String reason = fs.getReason() != null ? fs.getReason().toLowerCase()
                    : e instanceof java.nio.file.NoSuchFileException ? "its folder cannot be made there"
                    : e instanceof java.nio.file.AccessDeniedException ? "permission denied"
                    : e.getClass().getSimpleName();
            return fs.getFile() + " (" + reason + ")";
        }
        return e.getMessage();
    }
}
