package trlab.experiment;

import trlab.experiment.config.ConfigException;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * The output folder of one run (or one comparison, or one reproduction), which holds that run whole.
 *
 * <p>The run writes into a fresh hidden sibling, {@code .NAME.partial-*}, and {@link #commit()} swaps it in for the
 * folder at the end: a reader never sees files of two runs side by side, and a run killed on the way leaves the
 * folder as it was (and a partial sibling that the next run into the folder removes). A lock file inside the folder
 * keeps a second run out while one is writing; the operating system releases it when the process ends, however it
 * ends. A folder that holds anything a run does not write is not replaced unless asked ({@code force}), so that
 * {@code --out} pointed at a folder of one's own never deletes it.
 */
public final class RunFolder implements AutoCloseable {
    /** The lock file inside a run folder. */
    public static final String LOCK = ".trlab.lock";
    private static final String PARTIAL = ".partial-";
    private static final String REPLACED = ".replaced-";
    /** The files a run, a comparison or a reproduction writes (besides PNG charts and run sub-folders). */
    private static final Set<String> RUN_FILES = Set.of(RunRecord.RUN_JSON, RunRecord.METRICS_CSV,
            RunRecord.FINAL_STATE, Comparison.CSV_FILE, "report.md", "report.html", LOCK);
    /** The longest folder name made from a preset name: far below any file system's limit of 255 bytes. */
    private static final int MAX_NAME = 100;

    /** Another run is writing into the folder. */
    public static final class BusyException extends IOException {
        private static final long serialVersionUID = 1L;

        BusyException(String message) {
            super(message);
        }
    }

    private final Path target;
    private final Path partial;
    private final boolean created;
    private final List<Held> locks = new ArrayList<>();
    /** Clears the partial folder when the lab is stopped (Ctrl-C, a kill signal) before the run is swapped in. */
    private final Thread onStop = new Thread(this::abandon, "run-folder-cleanup");
    private volatile boolean committed;

    private record Held(FileChannel channel, FileLock lock) {
    }

    private RunFolder(Path target, Path partial, boolean created) {
        this.target = target;
        this.partial = partial;
        this.created = created;
    }

    /**
     * A folder name from a preset's name: letters, digits, '.', '_' and '-' kept, every other run of characters
     * one '-', no leading dot or dash (so never "..", never hidden), at most {@value #MAX_NAME} characters, and
     * "run" if nothing is left. It never names anything but a child of the folder it is put in.
     */
    public static String safeName(String name) {
        String s = name == null ? "" : name.replaceAll("[^A-Za-z0-9._-]+", "-").replaceAll("^[.-]+", "");
        s = s.length() > MAX_NAME ? s.substring(0, MAX_NAME) : s;
        s = s.replaceAll("[.-]+$", "");
        return s.isEmpty() ? "run" : s;
    }

    /**
     * Checks the folder given by {@code option} (e.g. "--out") and takes it for one run: locked against other runs
     * and with a fresh partial sibling to write into.
     *
     * @param force replace a folder that holds other files than a run's
     * @throws ConfigException for a path that is not a usable folder, or a folder of other files without force
     * @throws BusyException   when another run is writing into the folder
     */
    public static RunFolder open(Path dir, String option, boolean force) throws IOException {
        Path target = check(dir, option, force);
        boolean created = !Files.exists(target, LinkOption.NOFOLLOW_LINKS);
        Files.createDirectories(target);
        RunFolder folder = new RunFolder(target, target.resolveSibling("." + target.getFileName() + PARTIAL
                + UUID.randomUUID()), created);
        try {
            folder.lock(target, option + " " + dir);
            folder.removeLeftovers();
            Files.createDirectory(folder.partial);
            folder.lock(folder.partial, option + " " + dir);
            Runtime.getRuntime().addShutdownHook(folder.onStop);
            return folder;
        } catch (IOException | RuntimeException e) {
            folder.close();
            throw e;
        }
    }

    /**
     * The absolute folder for {@code dir}, after checking that a run may be written there; it writes nothing, so a
     * command checks its folder with it before any other work.
     */
    public static Path check(Path dir, String option, boolean force) {
        if (dir.toString().isBlank()) {
            throw new ConfigException(option + " '" + dir + "' names no folder; give the folder to write into.");
        }
        Path target = dir.toAbsolutePath().normalize();
        if (target.getParent() == null || target.getFileName() == null) {
            throw new ConfigException(option + " " + dir + " is the root of the file system; a run needs a folder of"
                    + " its own.");
        }
        if (Files.exists(target) && !Files.isDirectory(target)) {
            throw new ConfigException(option + " " + dir + " is a file, not a folder.");
        }
        if (Files.isSymbolicLink(target)) {
            throw new ConfigException(option + " " + dir + " is a symbolic link; a run is swapped in whole, so give"
                    + " the folder itself.");
        }
        Path here = Path.of("").toAbsolutePath().normalize();
        Path home = Path.of(System.getProperty("user.home", "/")).toAbsolutePath().normalize();
        if (here.startsWith(target) || target.equals(home)) {
            // even with --force: replacing it would delete the folder the lab works in, or the user's home
            throw new ConfigException(option + " " + dir + " holds " + (target.equals(home) ? "your home folder"
                    : "the working folder") + "; a run replaces its folder whole, so give a folder of its own.");
        }
        if (!force && Files.isDirectory(target)) {
            String foreign = foreignEntry(target);
            if (foreign != null) {
                throw new ConfigException(option + " " + dir + " holds " + foreign + ", which no run writes; a run"
                        + " replaces its folder whole, so choose a new or empty folder, or add --force to replace it.");
            }
        }
        return target;
    }

    /** The first entry (as a path below dir) that a run does not write, or null if dir holds only a run's files. */
    private static String foreignEntry(Path dir) {
        try (Stream<Path> entries = Files.walk(dir)) {
            return entries.filter(p -> !p.equals(dir) && !isRunEntry(p)).findFirst()
                    .map(p -> dir.relativize(p).toString()).orElse(null);
        } catch (IOException | java.io.UncheckedIOException e) {
            return "entries that cannot be read";
        }
    }

    private static boolean isRunEntry(Path p) {
        String name = p.getFileName().toString();
        if (Files.isSymbolicLink(p)) {
            return false;
        }
        if (Files.isDirectory(p)) {
            return !name.startsWith(".");
        }
        return RUN_FILES.contains(name) || name.toLowerCase(Locale.ROOT).endsWith(".png");
    }

    /** The folder to write the run into; {@link #commit()} makes it the target. */
    public Path path() {
        return partial;
    }

    /** The folder the run ends up in. */
    public Path target() {
        return target;
    }

    /**
     * Swaps the written folder in for the target: the old one steps aside under a hidden name, the new one takes
     * its name, and the old one is deleted. The new folder holds a lock too, so that nobody takes the folder
     * while the old one is cleared away.
     */
    public void commit() throws IOException {
        Path replaced = target.resolveSibling("." + target.getFileName() + REPLACED + UUID.randomUUID());
        Files.move(target, replaced);
        Files.move(partial, target);
        committed = true;
        deleteTree(replaced);
    }

    /**
     * Releases the folder: a run that did not commit leaves no trace (its partial folder goes, and so does a target
     * it created), and the lock file goes before its lock is released, so a run that opened it meanwhile finds it
     * gone and stays out.
     */
    @Override
    public void close() throws IOException {
        if (locks.isEmpty()) {
            return; // refused: the folder belongs to another run, touch nothing
        }
        try {
            Runtime.getRuntime().removeShutdownHook(onStop);
        } catch (IllegalStateException | IllegalArgumentException stoppingOrNeverAdded) {
            // the hook runs (the lab is being stopped) or was never added (open failed half way)
        }
        try {
            if (!committed) {
                deleteTree(partial);
            }
            Files.deleteIfExists(target.resolve(LOCK));
            if (!committed && created) {
                Files.deleteIfExists(target);
            }
        } finally {
            for (Held h : locks) {
                h.lock().release();
                h.channel().close();
            }
            locks.clear();
        }
    }

    /** On a stop signal: the partial folder goes (as far as it can while the run still writes), the old run stays. */
    private void abandon() {
        if (committed) {
            return;
        }
        try {
            deleteTree(partial);
            Files.deleteIfExists(target.resolve(LOCK));
            if (created) {
                Files.deleteIfExists(target);
            }
        } catch (IOException | RuntimeException racedWithTheRun) {
            // what is left is a hidden partial folder, which the next run into the folder removes
        }
    }

    /**
     * Locks {@code dir}/{@value #LOCK}. The lock is checked to be on the file that is at that path after locking,
     * since a run that just swapped its folder in has replaced that file.
     */
    private void lock(Path dir, String what) throws IOException {
        Path file = dir.resolve(LOCK);
        FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        Object key = Files.readAttributes(file, BasicFileAttributes.class).fileKey();
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException sameProcess) {
            lock = null;
        }
        boolean same = lock != null && Files.exists(file)
                && java.util.Objects.equals(key, Files.readAttributes(file, BasicFileAttributes.class).fileKey());
        if (!same) {
            if (lock != null) {
                lock.release();
            }
            channel.close();
            throw new BusyException(what + " is being written by another run right now; wait until it ends, or"
                    + " choose another folder.");
        }
        locks.add(new Held(channel, lock));
    }

    /** Partial and replaced siblings of runs that were killed: nobody holds their lock any more. */
    private void removeLeftovers() throws IOException {
        String prefix = "." + target.getFileName();
        try (DirectoryStream<Path> siblings = Files.newDirectoryStream(target.getParent(),
                p -> p.getFileName().toString().startsWith(prefix + PARTIAL)
                        || p.getFileName().toString().startsWith(prefix + REPLACED))) {
            for (Path leftover : siblings) {
                if (Files.isDirectory(leftover, LinkOption.NOFOLLOW_LINKS) && !heldByOthers(leftover)) {
                    deleteTree(leftover);
                }
            }
        }
    }

    private static boolean heldByOthers(Path dir) throws IOException {
        Path file = dir.resolve(LOCK);
        if (!Files.exists(file)) {
            return false;
        }
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            FileLock lock = channel.tryLock();
            if (lock == null) {
                return true;
            }
            lock.release();
            return false;
        } catch (OverlappingFileLockException sameProcess) {
            return true;
        } catch (NoSuchFileException gone) {
            return false;
        }
    }

    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
