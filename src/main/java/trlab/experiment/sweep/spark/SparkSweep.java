package trlab.experiment.sweep.spark;

import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.Function;
import trlab.experiment.config.ConfigException;
import trlab.experiment.sweep.Sweep;
import trlab.experiment.sweep.SweepPoint;
import trlab.experiment.sweep.SweepSpec;
import trlab.measure.Series;

import java.io.IOException;
import java.io.Serializable;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A sweep as a Spark job: the points a folder lacks go out as their configs' JSON, one task each, every task trains
 * its point ({@link Sweep#trainToJson}) and returns the text of its result file, and the driver writes each one into
 * the folder and the tables from all of them, as the pool does. Only the driver touches the folder, so the executors
 * need no shared file system. {@code spark-submit --class trlab.experiment.sweep.spark.SparkSweep trlab-spark.jar
 * SPEC.json --out DIR [--shard I/N]}; the master comes from spark-submit.
 */
public final class SparkSweep {

    private SparkSweep() {
    }

    /** What a task receives: a point, as text a task can carry to any machine. */
    record Task(int index, LinkedHashMap<String, String> values, long seed, String config) implements Serializable {
    }

    /** Trains one point on an executor; the summarised series travel as names. */
    private static final class Train implements Function<Task, String> {
        private static final long serialVersionUID = 1L;
        private final ArrayList<String> summarise;

        Train(List<Series> summarise) {
            this.summarise = new ArrayList<>(summarise.stream().map(Series::name).toList());
        }

        @Override
        public String call(Task t) throws IOException {
            List<Series> series = summarise.stream().map(Series::valueOf).toList();
            return Sweep.trainToJson(t.config(), t.index(), t.values(), t.seed(), series);
        }
    }

    /**
     * Runs the shard's missing points on the context, one task per point, writes each result into dir and then the
     * tables of every result there.
     */
    public static Sweep.Outcome run(JavaSparkContext spark, SweepSpec spec, List<SweepPoint> points, Path dir,
                                    Sweep.Shard shard) throws IOException {
        List<SweepPoint> todo = Sweep.toRun(points, dir, shard);
        if (!todo.isEmpty()) {
            List<Task> tasks = new ArrayList<>();
            for (SweepPoint p : todo) {
                tasks.add(new Task(p.index(), new LinkedHashMap<>(p.values()), p.seed(), p.config().toJson()));
            }
            // one partition per point: Spark schedules points, not batches of them
            List<String> results = spark.parallelize(tasks, tasks.size()).map(new Train(spec.summarise())).collect();
            for (int i = 0; i < todo.size(); i++) {
                Sweep.store(dir, todo.get(i), results.get(i));
            }
        }
        return Sweep.merge(spec, points, dir, todo.size());
    }

    /**
     * {@code SPEC.json --out DIR [--shard I/N]}, under spark-submit. A bad argument or spec is one sentence and exit
     * status 2, as with {@code trlab sweep}.
     */
    public static void main(String[] args) throws IOException {
        try {
            submit(args);
        } catch (ConfigException e) {
            System.err.println("trlab: " + e.getMessage());
            System.exit(2);
        }
    }

    private static void submit(String[] args) throws IOException {
        String spec = null;
        Path out = null;
        Sweep.Shard shard = Sweep.Shard.ALL;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--out" -> out = Path.of(value(args, ++i, "--out"));
                case "--shard" -> shard = Sweep.Shard.parse(value(args, ++i, "--shard"));
                default -> {
                    if (spec != null || args[i].startsWith("--")) {
                        throw new ConfigException("unknown argument " + args[i] + "; the Spark sweep takes SPEC.json"
                                + " --out DIR [--shard I/N].");
                    }
                    spec = args[i];
                }
            }
        }
        if (spec == null || out == null) {
            throw new ConfigException("the Spark sweep takes SPEC.json --out DIR [--shard I/N].");
        }
        SweepSpec s = SweepSpec.read(Path.of(spec));
        List<SweepPoint> points = s.points();
        try (JavaSparkContext spark = new JavaSparkContext(new SparkConf().setAppName("trlab sweep " + spec))) {
            long t0 = System.nanoTime();
            Sweep.Outcome o = run(spark, s, points, out, shard);
            System.out.printf(Locale.ROOT, "sweep: %d of %d points in %s (%d run now on Spark in %.1f s); tables: %s%n",
                    o.present(), o.points(), out, o.ran(), (System.nanoTime() - t0) / 1e9, out.resolve(Sweep.CSV));
        }
    }

    private static String value(String[] args, int i, String option) {
        if (i >= args.length) {
            throw new ConfigException(option + " needs a value.");
        }
        return args[i];
    }
}
