package trlab.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import trlab.app.chart.ChartExport;
import trlab.core.InputFile;
import trlab.experiment.config.ConfigException;
import trlab.experiment.sweep.Estimate;
import trlab.experiment.sweep.PointResult;
import trlab.experiment.sweep.Sweep;
import trlab.experiment.sweep.SweepPoint;
import trlab.experiment.sweep.SweepSpec;
import trlab.experiment.sweep.SweepStatistics;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * {@code trlab sweep SPEC.json}: runs every point of a sweep (a grid of configs times seeds) on a pool of threads, or
 * the points of one shard, into a folder that keeps each result, and writes the tables of every result there. A
 * point already in the folder is not run again.
 */
@Command(name = "sweep", description = "Run a grid of configs times seeds and write sweep.csv and sweep.json; a point"
        + " already in the folder is not run again, so a stopped sweep goes on and shards merge.")
final class SweepCommand implements Callable<Integer> {
    /** What a sweep writes into its folder; anything else there belongs to something else. */
    private static final Set<String> OWN = Set.of(Sweep.POINTS, Sweep.CSV, Sweep.JSON, Sweep.PLOTS,
            Sweep.RUNS);
    private static final int PNG_WIDTH = 900;
    private static final int PNG_HEIGHT = 600;

    @Parameters(index = "0", paramLabel = "SPEC.json", description = "the sweep spec")
    String spec;

    @Option(names = "--out", paramLabel = "DIR", description = "the sweep's folder (default: sweeps/<spec name>)")
    String out;

    @Option(names = "--threads", paramLabel = "N", description = "runs trained at once (default: the cores)")
    Integer threads;

    @Option(names = "--shard", paramLabel = "I/N", description = "run only the points whose index is I mod N")
    String shard;

    @Option(names = "--no-png", description = "do not draw the summary plots")
    boolean noPng;

    @Option(names = "--keep-runs", description = "keep each point's run folder (run.json, metrics.csv) under"
            + " DIR/runs/KEY/")
    boolean keepRuns;

    @Option(names = "--max-minutes", paramLabel = "M", description = "stop after the first points if the rest would"
            + " take longer than M minutes (their results are kept)")
    Double maxMinutes;

    @Override
    public Integer call() throws IOException {
        Path specFile = InputFile.path(spec, "SPEC.json");
        SweepSpec s = SweepSpec.read(specFile);
        Sweep.Shard part = shard == null ? Sweep.Shard.ALL : Sweep.Shard.parse(shard);
        int n = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
        if (n < 1 || n > 256) {
            throw new ConfigException("--threads " + n + " is not allowed; it must be from 1 to 256.");
        }
        Path dir = out != null ? InputFile.path(out, "--out") : Sweep.defaultFolder(specFile);
        refuseForeign(dir);
        if (maxMinutes != null && !(maxMinutes > 0)) {
            throw new ConfigException("--max-minutes " + maxMinutes + " is not allowed; it must be more than 0.");
        }
        List<SweepPoint> points = s.points();
        List<SweepPoint> todo = Sweep.toRun(points, dir, part);
        RunsProgress progress = new RunsProgress(todo.size());
        // the first points, one per thread, are timed together; the rest is estimated from them before it starts
        List<SweepPoint> first = todo.subList(0, Math.min(n, todo.size()));
        List<SweepPoint> rest = todo.subList(first.size(), todo.size());
        Map<String, Double> wall = new ConcurrentHashMap<>();
        Sweep.runPoints(s, first, dir, n, keepRuns, (r, done, size) -> {
            wall.put(r.key(), r.wallSeconds());
            progress.finished();
        });
        if (!rest.isEmpty()) {
            Estimate e = Estimate.of(first, first.stream().map(p -> wall.get(p.key())).toList(), rest, n);
            System.out.printf(Locale.ROOT, "sweep: the first %d runs took %s; the other %d on %d threads: about %s%n",
                    e.measured(), Progress.duration(e.firstSeconds()), e.remaining(), n,
                    Progress.duration(e.seconds()));
            if (maxMinutes != null && e.minutes() > maxMinutes) {
                progress.done();
                throw new ConfigException(String.format(Locale.ROOT, "the other %d runs would take about %s on %d"
                        + " threads, more than --max-minutes %s; the first %d results are kept in %s, so the same"
                        + " command with a larger bound (or more threads or shards) goes on from them.",
                        e.remaining(), Progress.duration(e.seconds()), n, maxMinutes, e.measured(), dir));
            }
            Sweep.runPoints(s, rest, dir, n, keepRuns, (r, done, size) -> progress.finished());
        }
        Sweep.Outcome o = Sweep.merge(s, points, dir, todo.size());
        progress.done();
        if (!noPng && !s.grid().isEmpty()) {
            Path plots = Files.createDirectories(dir.resolve(Sweep.PLOTS));
            ChartExport.writeSweepPlots(s, SweepStatistics.plots(s, o.results()), plots, PNG_WIDTH, PNG_HEIGHT);
        }
        long diverged = o.results().stream().filter(PointResult::diverged).count();
        System.out.printf(Locale.ROOT, "sweep: %d of %d points in %s (%d run now%s); tables: %s%n", o.present(),
                o.points(), dir, o.ran(), diverged > 0 ? ", " + diverged + " diverged" : "", dir.resolve(Sweep.CSV));
        return 0;
    }

    /** A sweep shares its folder only with itself: a run's or a report's files there would be mixed with it. */
    private static void refuseForeign(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        if (!Files.isDirectory(dir)) {
            throw new ConfigException("--out " + dir + " is a file, not a folder.");
        }
        try (Stream<Path> entries = Files.list(dir)) {
            List<String> foreign = entries.map(p -> p.getFileName().toString())
                    .filter(name -> !OWN.contains(name) && !name.startsWith(".")).sorted().toList();
            if (!foreign.isEmpty()) {
                throw new ConfigException("--out " + dir + " holds " + InputFile.shown(String.join(", ", foreign))
                        + ", which no sweep writes; give a folder of its own.");
            }
        }
    }

    /** The progress line of a sweep: runs done, runs per minute, time left; only on a terminal. */
    private static final class RunsProgress {
        private final int total;
        private final boolean enabled = System.console() != null;
        private final long start = System.nanoTime();
        private boolean printed;

        RunsProgress(int total) {
            this.total = total;
        }

        private int done;

        synchronized void finished() {
            done++;
            if (!enabled) {
                return;
            }
            double minutes = (System.nanoTime() - start) / 60e9;
            double rate = done / minutes;
            System.err.printf(Locale.ROOT, "\rsweep: %d / %d runs   %.1f runs/min   %s left   ", done, total, rate,
                    Progress.duration((total - done) / rate * 60));
            System.err.flush();
            printed = true;
        }

        void done() {
            if (printed) {
                System.err.print("\r" + " ".repeat(72) + "\r");
                System.err.flush();
            }
        }
    }
}
