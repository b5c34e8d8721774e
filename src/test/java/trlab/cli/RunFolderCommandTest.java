package trlab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import trlab.experiment.RunFolder;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A run folder holds one run, whole, however runs meet it: an older run of another kind, a second run at the same
 * time, a run killed while it writes, a preset name that points elsewhere. Some cases need a process of their own
 * (to be killed, or to run beside another): they start the lab in a child JVM.
 */
class RunFolderCommandTest extends CommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long CHILD_SECONDS = 120;

    @TempDir
    Path tmp;

    private static JsonNode read(Path file) throws IOException {
        return JSON.readTree(file.toFile());
    }

    /** The lab as its own process in {@code dir}, its output kept in files beside it. */
    private static Process child(Path dir, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-cp", System.getProperty("java.class.path"), "trlab.Launcher"));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile());
        pb.environment().remove("DISPLAY");
        pb.environment().remove("WAYLAND_DISPLAY");
        String tag = Long.toString(System.nanoTime());
        return pb.redirectOutput(dir.resolveSibling("child-" + tag + ".out").toFile())
                .redirectError(dir.resolveSibling("child-" + tag + ".err").toFile()).start();
    }

    private static int finish(Process p) throws InterruptedException {
        assertThat(p.waitFor(CHILD_SECONDS, TimeUnit.SECONDS)).as("the child ends").isTrue();
        return p.exitValue();
    }

    private static String stderrOf(Process p, Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir.getParent())) {
            StringBuilder sb = new StringBuilder();
            for (Path f : files.filter(f -> f.getFileName().toString().endsWith(".err")).toList()) {
                sb.append(Files.readString(f, StandardCharsets.UTF_8));
            }
            return sb.toString();
        }
    }

    /** The run in dir is one run: run.json, metrics.csv and final-state.json tell the same final step. */
    private static long oneRunIn(Path dir) throws IOException {
        long step = read(dir.resolve("final-state.json")).get("step").asLong();
        assertThat(read(dir.resolve("run.json")).get("finalState").get("step").asLong()).isEqualTo(step);
        List<String> rows = Files.readAllLines(dir.resolve("metrics.csv"));
        assertThat(rows.get(rows.size() - 1)).startsWith(step + ",");
        return step;
    }

    private static List<String> namesIn(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void aRunIntoTheFolderOfAnotherRunReplacesItWhole() throws IOException {
        Path dir = tmp.resolve("out");
        assertThat(trlab("run", "default", "--steps", "200", "--set", "network.width=20", "--compare",
                "training.method=full-batch", "--out", dir.toString())).isZero();
        assertThat(namesIn(dir)).contains("comparison.csv", "1-sgd-batch-1", "2-full-batch");
        assertThat(trlab("run", "default", "--steps", "300", "--set", "network.width=20", "--no-png", "--out",
                dir.toString())).as("stderr: %s", stderr()).isZero();
        assertThat(namesIn(dir)).as("no arm, no comparison.csv, no chart of the old run")
                .containsExactly("final-state.json", "metrics.csv", "run.json");
        assertThat(oneRunIn(dir)).isEqualTo(300);
    }

    @Test
    void aRunIntoAFolderAnotherRunIsWritingIsRefusedWithOneSentence() throws IOException {
        Path dir = tmp.resolve("busy");
        try (RunFolder other = RunFolder.open(dir, "--out", false)) {
            int code = trlab("run", "default", "--steps", "100", "--set", "network.width=20", "--no-png", "--out",
                    dir.toString());
            assertThat(code).isEqualTo(Cli.FAILED);
            assertThat(stderr().strip().lines().toList()).hasSize(1);
            assertThat(stderr()).contains("--out " + dir).contains("another run");
            assertThat(namesIn(other.path())).as("the other run's folder untouched").containsExactly(RunFolder.LOCK);
        }
    }

    @Test
    void twoRunsIntoOneFolderAtOnceLeaveOneRunWhole() throws IOException, InterruptedException {
        Path work = Files.createDirectories(tmp.resolve("work"));
        Process a = child(work, "run", "default", "--steps", "1500000", "--set", "network.width=20", "--no-png",
                "--out", "same");
        Process b = child(work, "run", "default", "--steps", "1000000", "--set", "network.width=20", "--no-png",
                "--out", "same");
        int codeA = finish(a);
        int codeB = finish(b);
        assertThat(List.of(codeA, codeB)).as("stderr: %s", stderrOf(a, work)).allMatch(c -> c == 0 || c == 1)
                .contains(0);
        if (codeA == 1 || codeB == 1) {
            assertThat(stderrOf(a, work)).contains("being written by another run");
        }
        Path dir = work.resolve("same");
        assertThat(oneRunIn(dir)).isIn(1_000_000L, 1_500_000L);
        assertThat(namesIn(dir)).containsExactly("final-state.json", "metrics.csv", "run.json");
        assertThat(namesIn(work)).as("nothing beside it").containsExactly("same");
    }

    @Test
    void aRunKilledWhileItWritesLeavesTheOldRunWholeAndTheNextRunClearsUp() throws Exception {
        Path work = Files.createDirectories(tmp.resolve("work"));
        Path dir = work.resolve("run");
        assertThat(trlab("run", "default", "--steps", "300", "--set", "network.width=20", "--no-png", "--out",
                dir.toString())).isZero();
        try (WatchService watch = FileSystems.getDefault().newWatchService()) {
            work.register(watch, StandardWatchEventKinds.ENTRY_CREATE);
            // the charts take a few seconds to draw after run.json is written: the kill falls among the writes
            Process p = child(work, "run", "default", "--steps", "3000", "--set", "network.width=20", "--out",
                    "run");
            Path partial = awaitCreated(watch, work, ".run.partial-");
            partial.register(watch, StandardWatchEventKinds.ENTRY_CREATE);
            if (!Files.exists(partial.resolve("run.json"))) {
                awaitCreated(watch, partial, "run.json");
            }
            p.destroyForcibly();
            assertThat(p.waitFor(CHILD_SECONDS, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(oneRunIn(dir)).as("the old run, whole").isEqualTo(300);
        assertThat(namesIn(dir)).as("no chart of the killed run; its lock file, which the system released, stays")
                .containsExactly(RunFolder.LOCK, "final-state.json", "metrics.csv", "run.json");
        assertThat(trlab("run", "default", "--steps", "400", "--set", "network.width=20", "--no-png", "--out",
                dir.toString())).isZero();
        assertThat(oneRunIn(dir)).isEqualTo(400);
        assertThat(namesIn(dir)).containsExactly("final-state.json", "metrics.csv", "run.json");
        assertThat(namesIn(work)).as("the killed run's partial folder is gone").containsExactly("run");
    }

    /** Waits (blocking on the watch service, at most two minutes) until dir holds an entry starting with prefix. */
    private static Path awaitCreated(WatchService watch, Path dir, String prefix) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(CHILD_SECONDS);
        while (System.nanoTime() < deadline) {
            try (Stream<Path> files = Files.list(dir)) {
                var found = files.filter(f -> f.getFileName().toString().startsWith(prefix)).findFirst();
                if (found.isPresent()) {
                    return found.get();
                }
            }
            WatchKey key = watch.poll(1, TimeUnit.SECONDS);
            if (key != null) {
                key.pollEvents();
                key.reset();
            }
        }
        throw new AssertionError("nothing named " + prefix + "* appeared in " + dir);
    }

    @Test
    void aPresetNameCannotTakeTheRunOutOfRuns() throws Exception {
        Path work = Files.createDirectories(tmp.resolve("work"));
        Files.writeString(work.resolve("escape.json"), "{\"name\": \"../../escaped-by-name\", \"network\":"
                + " {\"width\": 20}, \"training\": {\"steps\": 50}}");
        Process p = child(work, "run", "escape.json", "--no-png");
        assertThat(finish(p)).as("stderr: %s", stderrOf(p, work)).isZero();
        assertThat(namesIn(tmp)).as("nothing beside the working folder")
                .allMatch(n -> n.equals("work") || n.startsWith("child-"));
        assertThat(namesIn(work.resolve("runs"))).containsExactly("escaped-by-name");
        assertThat(oneRunIn(work.resolve("runs").resolve("escaped-by-name"))).isEqualTo(50);
    }

    @Test
    void guiWithoutADisplaySaysSoInOneSentence() throws Exception {
        Path work = Files.createDirectories(tmp.resolve("work"));
        Process p = child(work, "gui", "default");
        assertThat(finish(p)).isEqualTo(Cli.FAILED);
        String err = stderrOf(p, work);
        assertThat(err.strip().lines().toList()).as(err).hasSize(1);
        assertThat(err).startsWith("trlab: gui needs a display").doesNotContain("Exception");
    }
}
