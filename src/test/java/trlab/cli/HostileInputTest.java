package trlab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;

/**
 * Hostile input to every command, one case per class of the second round: whatever is given, the answer is one
 * sentence and an exit status (2 bad input, 3 not finite from the start), never a Java exception, a stack trace or
 * the usage text, and nothing is written.
 */
class HostileInputTest extends CommandTest {
    private static final InputFixtures FILES = new InputFixtures("trlab-hostile");
    private static final Path WORK = FILES.work();

    /** A fresh output folder for each test (JUnit makes a new instance for every one). */
    private final Path out = WORK.resolve("out-" + System.nanoTime());

    private static Path bytes(String name, byte[] content) {
        try {
            return Files.write(WORK.resolve(name), content);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * name, the whole command line ("OUT" stands for a fresh output folder), the exit status and the words the
     * sentence must contain.
     */
    record Case(String name, List<String> args, int status, List<String> words) {
        @Override
        public String toString() {
            return name;
        }
    }

    private static Case usage(String name, String args, String... words) {
        return new Case(name, List.of(args.split(" ")), Cli.BAD_INPUT, List.of(words));
    }

    private static Case run(String name, int status, List<String> args, String... words) {
        List<String> all = new ArrayList<>(List.of("run", "default", "--set", "network.width=20"));
        all.addAll(args);
        all.addAll(List.of("--steps", "10", "--no-png", "--out", "OUT"));
        return new Case(name, all, status, List.of(words));
    }

    private static Case csv(String name, int status, Path csv, List<String> more, String... words) {
        List<String> args = new ArrayList<>(List.of("--set", "task.kind=csv", "--set", "task.file=" + csv));
        args.addAll(more);
        return run(name, status, args, words);
    }

    private static Case state(String name, int status, String text, String... words) {
        return run(name, status, List.of("--init", FILES.file(name + ".json", text).toString()), words);
    }

    private static Path fifo() {
        Path fifo = WORK.resolve("pipe.csv");
        try {
            if (!Files.exists(fifo) && new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor() != 0) {
                throw new IllegalStateException("mkfifo failed");
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        return fifo;
    }

    /** A sparse file of 3 GB: its size alone must refuse it, before a byte is read. */
    private static Path hugePreset() {
        Path f = WORK.resolve("huge.json");
        try (RandomAccessFile raf = new RandomAccessFile(f.toFile(), "rw")) {
            raf.setLength(3_000_000_000L);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return f;
    }

    static Stream<Case> cases() {
        List<Case> c = new ArrayList<>();
        // usage errors: one sentence and --help, not the usage text
        c.add(usage("unknown flag", "run default --frobnicate", "--frobnicate", "--help"));
        c.add(usage("steps not a number", "run default --steps abc", "--steps", "abc", "--help"));
        c.add(usage("steps beyond a long", "run default --steps 1e18", "--steps", "1e18", "--help"));
        c.add(usage("flag given twice", "run default --steps 3 --steps 4", "--steps", "once", "--help"));
        c.add(usage("no preset", "run", "PRESET", "--help"));
        c.add(usage("threads not a number", "reproduce --threads abc", "--threads", "abc", "--help"));
        c.add(usage("bench seconds not a number", "bench --seconds abc", "--seconds", "abc", "--help"));
        for (String s : List.of("-1", "0", "NaN", "Infinity", "1e300")) {
            c.add(usage("bench seconds " + s, "bench --seconds " + s, "--seconds", "greater than 0"));
        }
        c.add(new Case("gui after Infinity", List.of("gui", "default", "--screenshot",
                WORK.resolve("shot.png").toString(), "--after", "Infinity"), Cli.BAD_INPUT,
                List.of("--after", "Infinity", "at most")));
        c.add(usage("unknown command", "frobnicate", "frobnicate", "--help"));

        // not finite from step 0: exit 3, nothing written
        c.add(run("weights overflow at the start", Cli.DIVERGED, List.of("--set", "network.weightScale=1e308"),
                "not finite at its start", "network.weightScale", "nothing was written"));
        c.add(csv("targets overflow the loss", Cli.DIVERGED, FILES.file("y200.csv", "x1,y1\n-1,1e200\n0,0\n1,1\n"),
                List.of(), "not finite at its start", "loss"));
        c.add(state("state with huge output weights", Cli.DIVERGED, FILES.state().replaceFirst("\"A\" : \\[ \\[ [-0-9.E]+",
                "\"A\" : [ [ 1e200"), "not finite at its start"));

        // sizes
        c.add(run("300000 references", Cli.BAD_INPUT, List.of("--set", "measure.references=["
                + String.join(",", Collections.nCopies(300_000, "0")) + "]"), "references", "per snapshot"));
        c.add(run("probe points by width", Cli.BAD_INPUT, List.of("--set", "measure.probePoints=100000", "--set",
                "network.width=2000"), "measure.probePoints", "per snapshot", "limit"));
        c.add(run("grid of a million points", Cli.BAD_INPUT, List.of("--set", "task.kind=circle", "--set",
                "measure.gridPoints=1000", "--set", "network.width=100"), "measure.gridPoints", "per snapshot"));
        StringBuilder rows = new StringBuilder("x1,y1\n");
        for (int i = 0; i < 30_000; i++) {
            rows.append(i / 30_000.0).append(',').append(i % 2).append('\n');
        }
        c.add(csv("30000 rows by width 100000", Cli.BAD_INPUT, FILES.file("rows.csv", rows.toString()),
                List.of("--set", "network.width=100000"), "rows.csv", "30000 x 100000", "GB"));
        c.add(new Case("3 GB preset", List.of("run", hugePreset().toString(), "--out", "OUT"), Cli.BAD_INPUT,
                List.of("huge.json", "3.0 GB", "at most")));
        c.add(run("init from /dev/zero", Cli.BAD_INPUT, List.of("--init", "/dev/zero"), "/dev/zero",
                "not a regular file"));
        c.add(csv("CSV from /dev/zero", Cli.BAD_INPUT, Path.of("/dev/zero"), List.of(), "/dev/zero",
                "not a regular file"));
        c.add(csv("CSV from a pipe", Cli.BAD_INPUT, fifo(), List.of(), "pipe.csv", "not a regular file"));
        c.add(run("init from a pipe", Cli.BAD_INPUT, List.of("--init", fifo().toString()), "pipe.csv",
                "not a regular file"));
        c.add(run("init from the root folder", Cli.BAD_INPUT, List.of("--init", "/"), "/", "a folder"));

        // indices out of range
        Path five = FILES.file("five.csv", "x1,y1\n0,0\n0.25,1\n0.5,0\n0.75,1\n1,0\n");
        c.add(csv("reference beyond the CSV", Cli.BAD_INPUT, five, List.of("--set", "measure.references=[40]"),
                "measure.references", "40", "five.csv", "from 0 to 4"));
        c.add(state("reference beyond the state's data", Cli.BAD_INPUT, FILES.state().replaceFirst(
                "\"references\" : \\[ \\]", "\"references\" : [ 99 ]"), "measure.references", "99"));

        // numerics that overflow
        c.add(csv("CSV inputs at 1.7e308", Cli.BAD_INPUT, FILES.file("max.csv", "x1,y1\n-1.7e308,0\n0,1\n1.7e308,0\n"),
                List.of(), "max.csv", "-1.7e308", "1e100"));
        c.add(csv("CSV inputs at 1e300", Cli.BAD_INPUT, FILES.file("e300.csv", "x1,y1\n-1e300,0\n0,1\n1e300,0\n"),
                List.of(), "e300.csv", "1e100"));
        c.add(run("planar inputs blown up by noise", Cli.BAD_INPUT, List.of("--set", "task.kind=circle", "--set",
                "task.noise=1e300", "--set", "network.activation=linear"), "task.noise", "1e100"));

        // state files at the parser's limits, and what presets refuse
        c.add(state("state nested 5000 deep", Cli.BAD_INPUT, "[".repeat(5000) + "]".repeat(5000), "nesting"));
        c.add(state("state with a 5000-digit number", Cli.BAD_INPUT, "{\"format\": " + "1".repeat(5000) + "}",
                "number", "5000"));
        c.add(state("state with a 25 MB string", Cli.BAD_INPUT, "{\"format\": \"" + "a".repeat(25_000_000) + "\"}",
                "string"));
        c.add(state("state with a duplicate key", Cli.BAD_INPUT, FILES.state().replaceFirst("\"format\"",
                "\"step\": 3, \"format\""), "duplicate field 'step'"));
        c.add(state("state with trailing garbage", Cli.BAD_INPUT, FILES.state() + " garbage", "not valid JSON"));
        c.add(state("state at step 10^18", Cli.BAD_INPUT, FILES.state().replaceFirst("\"step\" : 10",
                "\"step\" : 1000000000000000000"), "step", "10^15"));
        c.add(state("state of another width", Cli.BAD_INPUT, FILES.state().replaceFirst("\"width\" : 20",
                "\"width\" : 30"), "state of another width.json", "params.W"));

        // rough edges
        c.add(csv("batch larger than the CSV", Cli.BAD_INPUT, five, List.of("--set", "training.batchSize=100"),
                "training.batchSize", "100", "five.csv", "from 1 to 5"));
        c.add(csv("CSV not UTF-8", Cli.BAD_INPUT, bytes("latin.csv", "x1,y1\n0,1\n1,\u00e9\n"
                .getBytes(StandardCharsets.ISO_8859_1)), List.of(), "latin.csv", "not UTF-8"));
        c.add(csv("CSV with a 5 MB header", Cli.BAD_INPUT, FILES.file("header.csv", "x1," + "z".repeat(5_000_000)
                + "\n0,1\n1,0\n"), List.of(), "header.csv", "..."));
        c.add(csv("cross-entropy on one y column", Cli.BAD_INPUT, five, List.of("--set",
                "training.loss=cross-entropy"), "cross-entropy", "five.csv", "one"));
        c.add(csv("CSV with a NaN compared", Cli.BAD_INPUT, FILES.file("nan.csv", "x1,y1\n0,NaN\n1,0\n"),
                List.of("--compare", "training.method=full-batch"), "nan.csv", "NaN"));
        c.add(new Case("gui on a CSV with a NaN", List.of("gui", FILES.file("nan-preset.json", "{\"task\": {\"kind\":"
                + " \"csv\", \"file\": \"" + WORK.resolve("nan.csv") + "\"}}").toString()), Cli.BAD_INPUT,
                List.of("nan.csv", "NaN")));
        c.add(new Case("gui with weights that overflow", List.of("gui", FILES.file("overflow-preset.json",
                "{\"network\": {\"weightScale\": 1e308}}").toString()), Cli.DIVERGED,
                List.of("not finite at its start")));
        c.add(run("output folder named by nothing", Cli.BAD_INPUT, List.of("--out", ""), "--out", "names no folder"));
        c.add(run("output folder that holds the working folder", Cli.BAD_INPUT, List.of("--out", ".", "--force"),
                "--out", "working folder"));
        c.add(run("state file named by nothing", Cli.BAD_INPUT, List.of("--init", ""), "empty path"));
        c.add(new Case("preset named by nothing", List.of("run", "", "--out", "OUT"), Cli.BAD_INPUT,
                List.of("names nothing", "default")));
        c.add(new Case("preset with a NUL in its path", List.of("run", "a\u0000b", "--out", "OUT"), Cli.BAD_INPUT,
                List.of("the preset", "\\u0000", "not a usable path")));
        c.add(usage("reproduce steps beyond the limit", "reproduce --steps 2000000000000", "--steps", "10^12"));
        return c.stream();
    }

    @org.junit.jupiter.api.Test
    void whateverEscapesTheChecksIsStillOneSentenceWithoutAJavaName() {
        java.io.StringWriter text = new java.io.StringWriter();
        java.io.PrintWriter err = new java.io.PrintWriter(text);
        assertThat(Cli.report(new NullPointerException("Cannot invoke \"trlab.experiment.StateFile$State.step()\""
                + " because the return value is null"), err)).isEqualTo(Cli.FAILED);
        assertThat(Cli.report(new OutOfMemoryError("Java heap space"), err)).isEqualTo(Cli.FAILED);
        assertThat(Cli.report(new StackOverflowError(), err)).isEqualTo(Cli.FAILED);
        err.flush();
        List<String> lines = text.toString().lines().toList();
        assertThat(lines).hasSize(3).allMatch(l -> l.startsWith("trlab: ")).noneMatch(l -> l.contains("Exception"))
                .noneMatch(l -> l.contains("java.")).noneMatch(l -> l.contains("trlab.experiment"));
        assertThat(lines.get(0)).contains("internal fault").contains("null pointer");
        assertThat(lines.get(1)).contains("-Xmx");
    }

    @org.junit.jupiter.api.Test
    void aCsvWithAByteOrderMarkAsSpreadsheetsWriteItIsRead() {
        Path csv = bytes("bom.csv", ("\uFEFFx1,y1\n0,1\n0.5,0\n1,1\n").getBytes(StandardCharsets.UTF_8));
        int code = trlab("run", "default", "--set", "task.kind=csv", "--set", "task.file=" + csv, "--set",
                "network.width=20", "--steps", "10", "--no-png", "--out", out.toString());
        assertThat(code).as("stderr: %s", stderr()).isZero();
        assertThat(out.resolve("run.json")).isRegularFile();
    }

    @org.junit.jupiter.api.Test
    void aSeriesThatOverflowsSaysWhyBesideItsNulls() throws IOException {
        int code = trlab("run", "default", "--set", "measure.noiseEpsilon=1e300", "--set", "network.width=20",
                "--steps", "10", "--no-png", "--out", out.toString());
        assertThat(code).as("stderr: %s", stderr()).isZero();
        var run = new com.fasterxml.jackson.databind.ObjectMapper().readTree(out.resolve("run.json").toFile());
        assertThat(run.get("series").get("noiseFragility").get(0).isNull()).isTrue();
        assertThat(run.get("undefined").get("noiseFragility").asText()).contains("measure.noiseEpsilon = 1.0E300")
                .contains("overflows");
        assertThat(run.get("undefined").has("trainLoss")).as("a defined series has no note").isFalse();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void hostileInputGetsOneSentenceAndItsStatusAndWritesNothing(Case c) {
        // the first --out wins for picocli's "given twice" check, so the case's own --out "" comes first
        List<String> args = new ArrayList<>(c.args());
        int given = args.indexOf("--out");
        if (given >= 0 && args.lastIndexOf("--out") != given) {
            args.subList(args.lastIndexOf("--out"), args.lastIndexOf("--out") + 2).clear();
        }
        args.replaceAll(a -> a.equals("OUT") ? out.toString() : a);
        int code = trlab(args.toArray(String[]::new));

        assertThat(code).as("exit status; stderr: %s", stderr()).isEqualTo(c.status());
        List<String> lines = stderr().lines().filter(l -> !l.isBlank()).toList();
        assertThat(lines).as("one sentence").hasSize(1);
        String sentence = lines.get(0);
        assertThat(sentence).startsWith("trlab: ").doesNotContain("Exception").doesNotContain("Usage")
                .doesNotContain("java.").hasSizeLessThan(700);
        for (String word : c.words()) {
            assertThat(sentence).containsIgnoringCase(word);
        }
        assertThat(stdout()).as("nothing on stdout").isEmpty();
        assertThat(out).as("nothing written").doesNotExist();
        try (Stream<Path> siblings = Files.list(WORK)) {
            assertThat(siblings.map(p -> p.getFileName().toString()))
                    .as("no partial folder beside it").noneMatch(n -> n.startsWith("." + out.getFileName()));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
