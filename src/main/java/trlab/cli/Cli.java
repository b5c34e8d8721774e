package trlab.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import trlab.experiment.RunFolder;
import trlab.experiment.config.ConfigException;

import java.io.PrintWriter;

/**
 * The command line: {@code run}, {@code bench}, {@code reproduce}, {@code sweep}, {@code gui}. Errors are one sentence on stderr
 * with a non-zero status: the commands check their input and say what is wrong, and whatever still escapes them
 * (an internal fault, running out of memory) is turned into one sentence here, never a stack trace.
 */
@Command(name = "trlab", mixinStandardHelpOptions = true, versionProvider = Cli.Version.class,
        description = "The Training Response Lab: train a small network and measure how it learns.",
        subcommands = {RunCommand.class, BenchCommand.class, ReproduceCommand.class, SweepCommand.class,
                GuiCommand.class})
public final class Cli {
    /** Bad input: a preset, an override, a data or state file, or the command line itself. */
    public static final int BAD_INPUT = 2;
    /** The run diverged (the loss or a parameter stopped being finite). */
    public static final int DIVERGED = 3;
    /** A file could not be written, or another failure. */
    public static final int FAILED = 1;

    private Cli() {
    }

    /** {@code --version}: the name and version the build wrote, the paper, the licence. */
    static final class Version implements picocli.CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[]{"trlab " + trlab.experiment.Release.version() + " (" + trlab.experiment.Release.NAME
                    + ")", "Reproduces " + trlab.experiment.Release.PAPER + ".", "Licence: "
                    + trlab.experiment.Release.LICENSE + "."};
        }
    }

    public static int run(String[] args) {
        CommandLine cl = new CommandLine(new Cli());
        cl.setParameterExceptionHandler((e, ignoredArgs) -> {
            // one sentence and where to read more, not the whole usage text
            String command = e.getCommandLine().getCommandSpec().qualifiedName();
            e.getCommandLine().getErr().println("trlab: " + Sentences.firstLine(e.getMessage())
                    .replaceAll("is not an? (int|long)\\b", "is not a whole number in range")
                    .replaceAll("is not a double\\b", "is not a number") + "; see " + command
                    + " --help.");
            return BAD_INPUT;
        });
        cl.setExecutionExceptionHandler((e, line, parsed) -> report(e, line.getErr()));
        try {
            return cl.execute(args);
        } catch (Throwable t) {
            // picocli hands on Errors (out of memory, a stack overflow): they too end in one sentence
            PrintWriter err = new PrintWriter(System.err, true);
            int status = report(t, err);
            err.flush();
            return status;
        }
    }

    /** One sentence on stderr for whatever stopped a command, and the exit status it stands for. */
    static int report(Throwable e, PrintWriter err) {
        if (e instanceof ConfigException || e instanceof IllegalArgumentException) {
            err.println("trlab: " + Sentences.clean(Sentences.ended(e.getMessage())));
            return BAD_INPUT;
        }
        if (e instanceof RunFolder.BusyException busy) {
            err.println("trlab: " + busy.getMessage());
            return FAILED;
        }
        if (e instanceof java.io.IOException io) {
            err.println("trlab: could not write " + describe(io) + ".");
            return FAILED;
        }
        if (e instanceof OutOfMemoryError) {
            err.println("trlab: the Java heap (" + Runtime.getRuntime().maxMemory() / 1_000_000 + " MB) is too small"
                    + " for this run; lower its sizes (network.width, task.points, measure.probePoints,"
                    + " measure.gridPoints) or give Java more memory with -Xmx.");
            return FAILED;
        }
        err.println("trlab: stopped by an internal fault (" + Sentences.fault(e) + "); nothing more was written.");
        return FAILED;
    }

    /** The file and the reason of a failed write, in words: "/x/run.json (permission denied)". */
    private static String describe(java.io.IOException e) {
        if (e instanceof java.nio.file.FileSystemException fs) {
            String reason = fs.getReason() != null ? fs.getReason().toLowerCase()
                    : e instanceof java.nio.file.NoSuchFileException ? "its folder cannot be made there"
                    : e instanceof java.nio.file.AccessDeniedException ? "permission denied"
                    : e instanceof java.nio.file.FileAlreadyExistsException ? "a file of that name is in the way"
                    : "the file system refused it";
            return Sentences.clean(fs.getFile() + " (" + reason + ")");
        }
        return Sentences.clean(String.valueOf(e.getMessage()));
    }
}
