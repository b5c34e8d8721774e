package trlab.experiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import trlab.experiment.config.ConfigException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** A run folder holds one run whole: swapped in at the end, locked while written, never left half. */
class RunFolderTest {
    @TempDir
    Path tmp;

    @Test
    void aPresetNameBecomesASafeFolderNameThatStaysInItsParent() {
        assertThat(RunFolder.safeName("../../escaped-by-name")).isEqualTo("escaped-by-name");
        assertThat(RunFolder.safeName("")).isEqualTo("run");
        assertThat(RunFolder.safeName("..")).isEqualTo("run");
        assertThat(RunFolder.safeName("a\u0000b")).isEqualTo("a-b");
        assertThat(RunFolder.safeName("/etc/passwd")).isEqualTo("etc-passwd");
        assertThat(RunFolder.safeName("sgd vs full batch (tanh)")).isEqualTo("sgd-vs-full-batch-tanh");
        assertThat(RunFolder.safeName("x".repeat(1000))).hasSize(100);
        assertThat(RunFolder.safeName("aging")).isEqualTo("aging");
    }

    @Test
    void aRunReplacesTheFolderWholeAtCommitAndLeavesNothingBeside() throws IOException {
        Path dir = tmp.resolve("run");
        Files.createDirectories(dir.resolve("2-full-batch"));
        Files.writeString(dir.resolve("2-full-batch").resolve("run.json"), "old");
        Files.writeString(dir.resolve("old-chart.png"), "old");
        try (RunFolder folder = RunFolder.open(dir, "--out", false)) {
            Files.writeString(folder.path().resolve("run.json"), "new");
            assertThat(dir.resolve("old-chart.png")).as("the old run stays until the new one is whole").exists();
            folder.commit();
        }
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("run.json");
        }
        assertThat(Files.readString(dir.resolve("run.json"))).isEqualTo("new");
        try (Stream<Path> files = Files.list(tmp)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("run");
        }
    }

    @Test
    void aRunThatFailsLeavesTheOldRunAsItWasAndNoNewFolder() throws IOException {
        Path old = tmp.resolve("old");
        Files.createDirectories(old);
        Files.writeString(old.resolve("run.json"), "old");
        try (RunFolder folder = RunFolder.open(old, "--out", false)) {
            Files.writeString(folder.path().resolve("run.json"), "half");
        }
        assertThat(Files.readString(old.resolve("run.json"))).isEqualTo("old");
        Path fresh = tmp.resolve("fresh");
        try (RunFolder folder = RunFolder.open(fresh, "--out", false)) {
            Files.writeString(folder.path().resolve("run.json"), "half");
        }
        try (Stream<Path> files = Files.list(tmp)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("old");
        }
    }

    @Test
    void aSecondRunIntoALockedFolderIsRefusedAndTouchesNothing() throws IOException {
        Path dir = tmp.resolve("busy");
        try (RunFolder first = RunFolder.open(dir, "--out", false)) {
            Files.writeString(first.path().resolve("run.json"), "first");
            assertThatThrownBy(() -> RunFolder.open(dir, "--out", false))
                    .isInstanceOf(RunFolder.BusyException.class)
                    .hasMessageContaining("--out " + dir).hasMessageContaining("another run");
            first.commit();
        }
        assertThat(Files.readString(dir.resolve("run.json"))).isEqualTo("first");
        try (RunFolder again = RunFolder.open(dir, "--out", false)) {
            assertThat(again.path()).as("free again once the first run ended").isDirectory();
        }
    }

    @Test
    void aFolderOfOtherFilesIsRefusedUnlessForced() throws IOException {
        Path own = tmp.resolve("own");
        Files.createDirectories(own.resolve("sub"));
        Files.writeString(own.resolve("sub").resolve("notes.txt"), "mine");
        assertThatThrownBy(() -> RunFolder.check(own, "--out", false)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("notes.txt").hasMessageContaining("--force");
        try (RunFolder folder = RunFolder.open(own, "--out", true)) {
            folder.commit();
        }
        assertThat(own.resolve("sub")).doesNotExist();
    }

    @Test
    void pathsThatNameNoFolderOfTheirOwnAreRefused() throws IOException {
        assertThatThrownBy(() -> RunFolder.check(Path.of(""), "--out", false)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("names no folder");
        assertThatThrownBy(() -> RunFolder.check(Path.of("/"), "--out", true)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("root");
        Path file = Files.writeString(tmp.resolve("a-file"), "x");
        assertThatThrownBy(() -> RunFolder.check(file, "--out", true)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("is a file");
    }

    @Test
    void theLeftoversOfAKilledRunAreRemovedByTheNextRun() throws IOException {
        Path dir = tmp.resolve("run");
        Path leftover = tmp.resolve(".run.partial-killed");
        Files.createDirectories(leftover);
        Files.writeString(leftover.resolve("run.json"), "half");
        try (RunFolder folder = RunFolder.open(dir, "--out", false)) {
            folder.commit();
        }
        assertThat(leftover).doesNotExist();
    }
}
