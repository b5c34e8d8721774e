package trlab.experiment.sweep.spark;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import trlab.experiment.sweep.Sweep;
import trlab.experiment.sweep.SweepPoint;
import trlab.experiment.sweep.SweepSpec;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** The Spark engine in local[2] writes the same results and tables as the pool, value for value. */
class SparkSweepTest {
    private static final String SPEC = """
            {"base": "default", "set": ["training.steps=400", "network.width=10"],
             "grid": {"training.learningRate": [0.01, 0.03], "network.activation": ["tanh", "relu"]},
             "seeds": [4, 9], "summarise": ["effectiveNeurons", "trainLoss"]}""";

    /** A file's lines with the wall time taken out: everything that must not depend on the engine. */
    private static List<String> withoutWallTime(Path file) throws IOException {
        List<String> lines = new ArrayList<>();
        for (String line : Files.readAllLines(file)) {
            if (file.toString().endsWith(".csv")) {
                lines.add(line.substring(0, line.lastIndexOf(',')));
            } else if (!line.contains("\"wallSeconds\"")) {
                lines.add(line);
            }
        }
        return lines;
    }

    private static List<Path> results(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir.resolve(Sweep.POINTS))) {
            return files.sorted().toList();
        }
    }

    @Test
    void sparkInLocalTwoWritesThePoolsTablesAndResults(@TempDir Path dir) throws IOException {
        SweepSpec spec = SweepSpec.parse(SPEC, "spec.json");
        List<SweepPoint> points = spec.points();
        Sweep.Outcome pool = Sweep.run(spec, points, dir.resolve("pool"), 2, Sweep.Shard.ALL, (r, d, n) -> { });
        SparkConf conf = new SparkConf().setMaster("local[2]").setAppName("trlab sweep test")
                .set("spark.ui.enabled", "false").set("spark.driver.host", "127.0.0.1")
                .set("spark.driver.bindAddress", "127.0.0.1");
        Sweep.Outcome spark;
        Sweep.Outcome resumed;
        try (JavaSparkContext sc = new JavaSparkContext(conf)) {
            // one shard first, then the rest: the second call runs only the points the first left
            Sweep.Outcome half = SparkSweep.run(sc, spec, points, dir.resolve("spark"), new Sweep.Shard(0, 2));
            assertThat(half.ran()).isEqualTo(4);
            spark = SparkSweep.run(sc, spec, points, dir.resolve("spark"), Sweep.Shard.ALL);
            resumed = SparkSweep.run(sc, spec, points, dir.resolve("spark"), Sweep.Shard.ALL);
        }
        assertThat(spark.ran()).isEqualTo(4);
        assertThat(resumed.ran()).isZero();
        assertThat(spark.present()).isEqualTo(pool.present()).isEqualTo(8);
        assertThat(withoutWallTime(dir.resolve("spark").resolve(Sweep.CSV)))
                .hasSize(9).isEqualTo(withoutWallTime(dir.resolve("pool").resolve(Sweep.CSV)));
        assertThat(withoutWallTime(dir.resolve("spark").resolve(Sweep.JSON)))
                .isEqualTo(withoutWallTime(dir.resolve("pool").resolve(Sweep.JSON)));
        List<Path> fromSpark = results(dir.resolve("spark"));
        List<Path> fromPool = results(dir.resolve("pool"));
        assertThat(fromSpark.stream().map(Path::getFileName).toList())
                .isEqualTo(fromPool.stream().map(Path::getFileName).toList());
        for (int i = 0; i < fromPool.size(); i++) {
            assertThat(withoutWallTime(fromSpark.get(i))).isEqualTo(withoutWallTime(fromPool.get(i)));
        }
        // value for value, the summaries parsed as numbers
        for (int i = 0; i < pool.results().size(); i++) {
            assertThat(spark.results().get(i).summaries()).isEqualTo(pool.results().get(i).summaries());
            assertThat(spark.results().get(i).divergedAtStep()).isEqualTo(pool.results().get(i).divergedAtStep());
        }
    }
}
