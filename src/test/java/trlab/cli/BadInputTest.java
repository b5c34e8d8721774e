package trlab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Bad input of every kind given to {@code run}: exit status 2, one sentence on stderr that names the file or field
 * and the bad value, and nothing written.
 */
class BadInputTest extends CommandTest {
    private static final InputFixtures FILES = new InputFixtures("trlab-bad-input");
    private static final Path WORK = FILES.work();

    /** name, the arguments after "run", and the words the message must contain. */
    record Case(String name, List<String> args, List<String> words) {
        @Override
        public String toString() {
            return name;
        }
    }

    private static Case set(String name, String override, String... words) {
        return new Case(name, List.of("default", "--set", override), List.of(words));
    }

    private static Case preset(String name, String json, String... words) {
        return new Case(name, List.of(FILES.file(name + ".json", json).toString()), List.of(words));
    }

    private static Case csv(String name, String text, String... words) {
        Path f = FILES.file(name + ".csv", text);
        return new Case(name, List.of("default", "--set", "task.kind=csv", "--set", "task.file=" + f), List.of(words));
    }

    private static Case state(String name, String from, String to, String... words) {
        Path f = FILES.file(name + ".json", FILES.state().replaceFirst(from, to));
        return new Case(name, List.of("default", "--set", "network.width=20", "--init", f.toString()), List.of(words));
    }

    static Stream<Case> cases() {
        List<Case> c = new ArrayList<>();
        c.add(set("unknown activation", "network.activation=tanhh", "network.activation", "tanhh"));
        c.add(set("unknown task", "task.kind=moons", "task.kind", "moons"));
        c.add(set("unknown method", "training.method=adam", "training.method", "adam"));
        c.add(set("width zero", "network.width=0", "network.width", "0"));
        c.add(set("width negative", "network.width=-3", "network.width", "-3"));
        c.add(set("width absurd", "network.width=1000000000", "network.width", "1000000000"));
        c.add(set("learning rate zero", "training.learningRate=0", "training.learningRate", "0"));
        c.add(set("learning rate negative", "training.learningRate=-0.1", "training.learningRate", "-0.1"));
        c.add(set("learning rate NaN", "training.learningRate=NaN", "training.learningRate", "NaN"));
        c.add(set("learning rate infinite", "training.learningRate=Infinity", "training.learningRate", "Infinity"));
        c.add(set("batch larger than the data", "training.batchSize=17", "training.batchSize", "17"));
        c.add(set("points below two", "task.points=1", "task.points", "1"));
        c.add(set("unknown field", "network.depth=3", "network.depth"));
        c.add(set("wrong type", "network.width=wide", "network.width", "wide"));
        c.add(set("override without a value", "network.width", "network.width"));
        c.add(preset("truncated preset", "{\"task\": {\"kind\": \"sine\"", "truncated preset.json"));
        c.add(preset("not json", "width = 100", "not json.json"));
        c.add(preset("unknown section", "{\"optimizer\": {}}", "optimizer"));
        c.add(preset("unknown preset field", "{\"network\": {\"widht\": 10}}", "widht"));
        c.add(new Case("missing preset", List.of(WORK.resolve("nowhere.json").toString()), List.of("nowhere")));
        c.add(csv("csv missing columns", "x1\n0.1\n0.2\n", "csv missing columns.csv"));
        c.add(csv("csv text in numbers", "x1,y1\n0.1,one\n0.2,2\n", "line 2", "one"));
        c.add(csv("csv no rows", "x1,y1\n", "csv no rows.csv", "rows"));
        c.add(state("state wrong format", "trlab-state/1", "trlab-state/9", "trlab-state/9"));
        c.add(state("state wrong shape", "\"b\" : \\[", "\"b\" : [ 0.5, ", "params.b"));
        c.add(new Case("state missing", List.of("default", "--init", WORK.resolve("none.json").toString()),
                List.of("none.json")));
        return c.stream();
    }

    @org.junit.jupiter.api.Test
    void anUnwritableFolderSaysWhereAndWhyAndExitsOne() {
        int code = trlab("run", "default", "--steps", "10", "--no-png", "--out", "/proc/trlab-out");
        assertThat(code).isEqualTo(1);
        assertThat(stderr().strip()).isEqualTo("trlab: could not write /proc/trlab-out (its folder cannot be made"
                + " there).");
    }

    private Path out;

    @BeforeEach
    void freshOutput() {
        out = WORK.resolve("out-" + System.nanoTime());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void badInputExitsTwoWithOneSentenceAndWritesNothing(Case c) {
        List<String> args = new ArrayList<>(List.of("run"));
        args.addAll(c.args());
        args.addAll(List.of("--steps", "10", "--no-png", "--out", out.toString()));
        int code = trlab(args.toArray(String[]::new));
        assertThat(code).as("exit status; stderr: %s", stderr()).isEqualTo(2);
        List<String> lines = stderr().lines().filter(l -> !l.isBlank()).toList();
        assertThat(lines).as("one sentence").hasSize(1);
        assertThat(lines.get(0)).startsWith("trlab: ");
        for (String word : c.words()) {
            assertThat(lines.get(0)).containsIgnoringCase(word);
        }
        assertThat(out).as("nothing written").doesNotExist();
    }
}
