package trlab.experiment.sweep;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import trlab.experiment.AtomicFiles;
import trlab.experiment.Csv;
import trlab.experiment.Experiment;
import trlab.experiment.RunPool;
import trlab.experiment.config.ConfigException;
import trlab.experiment.config.ExperimentConfig;
import trlab.measure.Series;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs a sweep's points on a pool of threads and keeps each result in a file of its own, named by the point's key
 * ({@code points/KEY.json}, written atomically), then merges every result in the folder into {@code sweep.csv} and
 * {@code sweep.json}. A point whose result is there already is not run again, so an interrupted sweep goes on where it
 * stopped, and shards run by other processes or machines ({@link Shard}) merge by sharing the folder. Each point is a
 * pure function of its config, so no order of execution and no number of threads changes a number of the tables
 * (the wall time aside).
 */
public final class Sweep {
    public static final String POINTS = "points";
    public static final String CSV = "sweep.csv";
    public static final String JSON = "sweep.json";
    /** The folder of the summary plots. */
    public static final String PLOTS = "plots";
    /** The folder of the kept run folders ({@code --keep-runs}): {@code runs/KEY/} with run.json and metrics.csv. */
    public static final String RUNS = "runs";
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    /** Steps between checks for interruption. */
    private static final long CHUNK = 1 << 16;

    /** Hears of each point as it finishes, on the thread that ran it. */
    @FunctionalInterface
    public interface Listener {
        void finished(PointResult result, int done, int toRun);
    }

    /**
     * Every count-th point from index on: shard I of N runs the points whose index is I mod N (0 <= I < N).
     */
    public record Shard(int index, int count) {
        public static final Shard ALL = new Shard(0, 1);

        public Shard {
            if (count < 1 || index < 0 || index >= count) {
                throw new ConfigException("--shard " + index + "/" + count + " is not a shard; it must be I/N with N"
                        + " at least 1 and I from 0 to N-1.");
            }
        }

        /** Reads "I/N". */
        public static Shard parse(String text) {
            String[] parts = text.trim().split("/", -1);
            try {
                if (parts.length == 2) {
                    return new Shard(Integer.parseInt(parts[0].trim()), Integer.parseInt(parts[1].trim()));
                }
            } catch (NumberFormatException ignored) {
                // falls through to the sentence below
            }
            throw new ConfigException("--shard " + text + " is not a shard; it must be I/N, e.g. --shard 0/4.");
        }

        boolean holds(SweepPoint p) {
            return p.index() % count == index;
        }
    }

    /** What a call did: the sweep's points, those with a result in the folder now, and those this call ran. */
    public record Outcome(int points, int present, int ran, List<PointResult> results) {
    }

    private Sweep() {
    }

    /** The folder a sweep writes when none is given: sweeps/SPEC, SPEC the spec file's name without ".json". */
    public static Path defaultFolder(Path specFile) {
        return Path.of("sweeps", specFile.getFileName().toString().replaceFirst("(?i)\\.json$", ""));
    }

    /** The points of the shard that have no result in dir yet, in the spec's order. */
    public static List<SweepPoint> toRun(List<SweepPoint> points, Path dir, Shard shard) {
        List<SweepPoint> todo = new ArrayList<>();
        for (SweepPoint p : points) {
            if (shard.holds(p) && !Files.exists(resultFile(dir, p))) {
                todo.add(p);
            }
        }
        return todo;
    }

    /**
     * Runs the shard's missing points on {@code threads} threads, then writes the tables of every result in dir.
     *
     * @param points the spec's points ({@link SweepSpec#points()}), built once by the caller
     */
    public static Outcome run(SweepSpec spec, List<SweepPoint> points, Path dir, int threads, Shard shard,
                              Listener listener) throws IOException {
        return run(spec, points, dir, threads, shard, false, listener);
    }

    /** As above; with keepRuns each point's run folder is kept too, under {@code runs/KEY/}. */
    public static Outcome run(SweepSpec spec, List<SweepPoint> points, Path dir, int threads, Shard shard,
                              boolean keepRuns, Listener listener) throws IOException {
        List<SweepPoint> todo = toRun(points, dir, shard);
        runPoints(spec, todo, dir, threads, keepRuns, listener);
        return merge(spec, points, dir, todo.size());
    }

    /**
     * Runs the given points on {@code threads} threads, each result into its file; no tables. The listener's count
     * is of these points only.
     */
    public static void runPoints(SweepSpec spec, List<SweepPoint> todo, Path dir, int threads, boolean keepRuns,
                                 Listener listener) throws IOException {
        Files.createDirectories(dir.resolve(POINTS));
        AtomicInteger done = new AtomicInteger();
        List<RunPool.Job> jobs = new ArrayList<>();
        for (SweepPoint p : todo) {
            jobs.add(() -> listener.finished(runPoint(p, spec, dir, keepRuns), done.incrementAndGet(), todo.size()));
        }
        RunPool.runAll("sweep", threads, jobs);
    }

    /** Writes the tables of every result of the spec's points in dir; ran is how many this call ran. */
    public static Outcome merge(SweepSpec spec, List<SweepPoint> points, Path dir, int ran) throws IOException {
        List<PointResult> results = results(points, dir);
        writeTables(spec, dir, results);
        return new Outcome(points.size(), results.size(), ran, results);
    }

    /**
     * The results in dir of the given points, in their order: those that have landed so far (a running sweep's
     * folder can be read while it fills, each result file being written whole).
     */
    public static List<PointResult> results(List<SweepPoint> points, Path dir) throws IOException {
        List<PointResult> results = new ArrayList<>();
        for (SweepPoint p : points) {
            Path file = resultFile(dir, p);
            if (Files.exists(file)) {
                PointResult stored = PointResult.fromTree(MAPPER.readTree(file.toFile()));
                // the key names the config; the grid values and seed are this spec's names for it
                results.add(new PointResult(stored.key(), p.values(), p.seed(), stored.summaries(),
                        stored.divergedAtStep(), stored.wallSeconds()));
            }
        }
        return results;
    }

    private static PointResult runPoint(SweepPoint p, SweepSpec spec, Path dir, boolean keepRuns)
            throws IOException {
        PointResult result = train(p, spec.summarise(), keepRuns ? runFolder(dir, p) : null);
        store(dir, p, resultJson(result));
        return result;
    }

    /**
     * Trains a point and summarises it; with a run folder, writes the run's files there first (so that a point with a
     * result has its run folder too, and a resumed sweep has all of them).
     */
    static PointResult train(SweepPoint p, List<Series> summarise, Path runFolder) throws IOException {
        long t0 = System.nanoTime();
        try (Experiment run = Experiment.start(p.config())) {
            while (!run.finished()) {
                if (Thread.currentThread().isInterrupted()) {
                    throw new IOException("interrupted");
                }
                run.advance(CHUNK);
            }
            PointResult result = PointResult.of(p, run, summarise, (System.nanoTime() - t0) / 1e9);
            if (runFolder != null) {
                run.write(runFolder);
            }
            return result;
        }
    }

    /**
     * Trains a point given as its config's JSON and returns the text of its result file, exactly as the pool writes
     * it: how an engine that ships points to other machines (Spark) runs one. The grid values and the seed of the
     * result are those given; {@link #results} names them by the spec anyway.
     */
    public static String trainToJson(String configJson, int index, Map<String, String> values, long seed,
                                     List<Series> summarise) throws IOException {
        ExperimentConfig config = ExperimentConfig.parse(configJson, "point " + index, List.of());
        return resultJson(train(new SweepPoint(index, values, seed, config), summarise, null));
    }

    /** Writes a point's result file, atomically: the one place a result enters a sweep's folder. */
    public static void store(Path dir, SweepPoint p, String resultJson) throws IOException {
        Files.createDirectories(dir.resolve(POINTS));
        AtomicFiles.write(resultFile(dir, p), resultJson);
    }

    private static String resultJson(PointResult result) throws IOException {
        return MAPPER.writeValueAsString(result.toTree());
    }

    /** Where {@code --keep-runs} keeps a point's run folder. */
    public static Path runFolder(Path dir, SweepPoint p) {
        return dir.resolve(RUNS).resolve(p.key());
    }

    private static Path resultFile(Path dir, SweepPoint p) {
        return dir.resolve(POINTS).resolve(p.key() + ".json");
    }

    /** sweep.csv and sweep.json: one row per result, grid values, seed, summaries, divergence, wall time. */
    static void writeTables(SweepSpec spec, Path dir, List<PointResult> results) throws IOException {
        List<String> fields = new ArrayList<>(spec.grid().keySet());
        List<String> summaries = PointResult.summaryNames(spec.summarise());
        StringBuilder csv = new StringBuilder();
        List<String> header = new ArrayList<>(fields);
        header.add("seed");
        header.addAll(summaries);
        header.addAll(List.of("diverged", "divergedAtStep", "wallSeconds"));
        csv.append(String.join(",", header.stream().map(Csv::cell).toList())).append('\n');
        ArrayNode rows = JsonNodeFactory.instance.arrayNode();
        for (PointResult r : results) {
            List<String> cells = new ArrayList<>();
            for (String f : fields) {
                cells.add(Csv.cell(r.values().get(f)));
            }
            cells.add(Long.toString(r.seed()));
            for (String s : summaries) {
                double v = r.summaries().get(s);
                cells.add(Double.isFinite(v) ? Double.toString(v) : "");
            }
            cells.add(Boolean.toString(r.diverged()));
            cells.add(r.diverged() ? Long.toString(r.divergedAtStep()) : "");
            cells.add(Double.toString(r.wallSeconds()));
            csv.append(String.join(",", cells)).append('\n');
            rows.add(r.toTree());
        }
        ObjectNode json = JsonNodeFactory.instance.objectNode();
        json.put("base", spec.base());
        json.set("rows", rows);
        AtomicFiles.write(dir.resolve(CSV), csv.toString());
        AtomicFiles.write(dir.resolve(JSON), MAPPER.writeValueAsString(json));
    }
}
