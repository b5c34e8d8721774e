package trlab.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import trlab.app.chart.ChartExport;
import trlab.app.chart.ChartInput;
import trlab.experiment.AtomicFiles;
import trlab.experiment.Experiment;
import trlab.experiment.RunFolder;
import trlab.experiment.RunRecord;
import trlab.experiment.config.ConfigException;
import trlab.experiment.reproduce.Claim;
import trlab.experiment.reproduce.ClaimResult;
import trlab.experiment.reproduce.Claims;
import trlab.experiment.reproduce.Report;
import trlab.experiment.reproduce.Reproduction;
import trlab.experiment.reproduce.RunOutcome;
import trlab.experiment.reproduce.RunSpec;
import trlab.experiment.reproduce.SeedSpread;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * {@code trlab reproduce}: runs every preset and the twins the claims need, writes each run's files and charts into
 * its folder, judges the claims of SCIENCE.md §4 and writes report.md and report.html. Exit status 0 when every check
 * passes, {@link #CLAIM_FAILED} when one fails.
 */
@Command(name = "reproduce", description = "Run every preset, judge the claims of SCIENCE.md §4 and write a report"
        + " (report.md, report.html) with the charts; exit status 4 if a claim fails.")
final class ReproduceCommand implements Callable<Integer> {
    /** Exit status when the reproduction ran but at least one claim failed. */
    static final int CLAIM_FAILED = 4;
    /** The most steps a run may take (training.steps). */
    private static final long MAX_STEPS = 1_000_000_000_000L;
    private static final int PNG_WIDTH = 900;
    private static final int PNG_HEIGHT = 600;
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    @Option(names = "--out", paramLabel = "DIR", description = "output folder (default: reproduce)")
    Path out = Path.of("reproduce");

    @Option(names = "--threads", paramLabel = "N", description = "runs trained at once (default: 2)")
    int threads = 2;

    @Option(names = "--no-png", description = "do not render the charts (the report then shows none)")
    boolean noPng;

    @Option(names = "--force", description = "replace DIR whole even if it holds files that no reproduction writes")
    boolean force;

    @Option(names = "--steps", paramLabel = "N", description = "train every run N steps instead of its preset's: a"
            + " quick look; the claims hold at the presets' own settings, not necessarily at N")
    Long steps;

    @Option(names = "--seeds", paramLabel = "N", description = "judge every claim on N seed triples (network, task and"
            + " training seeds set together; the first is the presets' own) and report mean, standard error and how"
            + " many pass")
    Integer seeds;

    /** The most seed triples: each one is a whole reproduction's runs. */
    private static final int MAX_SEEDS = 100;

    /**
     * Draws the charts one run at a time (the JavaFX thread draws them all anyway), beside the training threads, so
     * that training goes on while charts are drawn.
     */
    private final ExecutorService charts = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "reproduce-charts");
        t.setDaemon(true);
        return t;
    });
    private final List<Future<?>> drawn = Collections.synchronizedList(new ArrayList<>());
    /** Where the runs and the report are written: a partial folder that replaces {@link #out} at the end. */
    private Path dir;

    @Override
    public Integer call() throws Exception {
        RunFolder.check(out, "--out", force);
        if (threads < 1) {
            throw new ConfigException("--threads must be at least 1, not " + threads + ".");
        }
        if (steps != null && (steps < 1 || steps > MAX_STEPS)) {
            throw new ConfigException("--steps " + steps + " is not allowed; it must be a whole number from 1 to"
                    + " 10^12.");
        }
        if (seeds != null && (seeds < 2 || seeds > MAX_SEEDS)) {
            throw new ConfigException("--seeds " + seeds + " is not allowed; it must be from 2 to " + MAX_SEEDS
                    + " (a standard error needs two).");
        }
        List<Claim> claims = Claims.all();
        List<String> extra = steps == null ? List.of() : List.of("training.steps=" + steps);
        List<RunSpec> base = Claims.runs(claims).stream().map(s -> s.withExtra(extra)).toList();
        List<RunSpec> specs = new ArrayList<>(base);
        for (int i = 1; i < (seeds == null ? 1 : seeds); i++) {
            for (RunSpec s : base) {
                specs.add(atSeed(s, i));
            }
        }
        try (RunFolder folder = RunFolder.open(out, "--out", force)) {
            dir = folder.path();
            int status = reproduce(specs, claims);
            folder.commit();
            return status;
        }
    }

    /** Trains every run into {@link #dir}, judges the claims and writes the report; returns the exit status. */
    private int reproduce(List<RunSpec> specs, List<Claim> claims) throws Exception {
        long t0 = System.nanoTime();
        AtomicInteger finished = new AtomicInteger();
        Map<String, RunOutcome> runs;
        try {
            runs = Reproduction.run(specs, threads, (run, outcomes) -> {
                write(run, outcomes);
                for (RunOutcome o : outcomes) {
                    System.err.printf(Locale.ROOT, "reproduce: [%d/%d] %s: %,d steps in %.1f s%s%n",
                            finished.incrementAndGet(), specs.size(), o.spec().key(), o.lastStep(), o.seconds(),
                            o.diverged() ? " (diverged at step " + o.divergedAt() + ")" : "");
                }
            });
            for (Future<?> f : List.copyOf(drawn)) {
                f.get();
            }
        } catch (ExecutionException e) {
            throw e.getCause() instanceof IOException io ? io : new IOException("could not draw the charts", e);
        } finally {
            charts.shutdownNow();
        }
        List<ClaimResult> results = Claims.judge(claims, runs);
        Map<String, SeedSpread> spreads = seeds == null ? Map.of() : acrossSeeds(claims, specs, runs);
        double seconds = (System.nanoTime() - t0) / 1e9;
        String remark = steps == null ? "" : String.format(Locale.ROOT, "Every run was shortened to %,d steps with"
                + " --steps: the claims are stated for the presets' own numbers of steps.", steps);
        if (seeds != null) {
            remark = (remark + " " + String.format(Locale.ROOT, "The table shows the presets' own seeds; the notes"
                    + " give each claim on %d seed triples (triple i > 0 sets %s), its runs in each preset's seed-i"
                    + " folder.", seeds, SeedSpread.RULE)).trim();
        }
        Report.Input input = new Report.Input(results, runs, Claims.presets(claims), seconds, threads, remark,
                spreads);
        Report.write(dir, input);

        boolean allSeedsPass = true;
        for (ClaimResult r : results) {
            SeedSpread spread = spreads.get(r.claim().id());
            String across = spread == null ? "" : String.format(Locale.ROOT, "  (passes at %d of %d seeds)",
                    spread.passed(), spread.seeds());
            allSeedsPass &= spread == null || spread.passed() == spread.seeds();
            System.out.printf(Locale.ROOT, "%-3s %s  %s%s%n", r.claim().id(), r.verdict(), r.claim().title(), across);
        }
        System.out.printf(Locale.ROOT, "reproduce: %d of %d checks pass, %d runs in %.0f s; report: %s%n",
                results.stream().filter(ClaimResult::pass).count(), results.size(), runs.size(), seconds,
                out.resolve(Report.HTML));
        // with --seeds a claim that fails at any seed triple fails the reproduction
        return input.allPass() && allSeedsPass ? 0 : CLAIM_FAILED;
    }

    /** The run of a spec at seed triple i: its own folder, seed-i, inside the preset's (beside the twins). */
    private static RunSpec atSeed(RunSpec s, int i) {
        String label = "seed-" + i + (s.label().isEmpty() ? "" : "/" + s.label());
        List<String> overrides = new ArrayList<>(s.overrides());
        overrides.addAll(SeedSpread.overrides(i));
        return new RunSpec(s.preset(), label, overrides);
    }

    /** Judges every claim at each seed triple, on the runs of that triple under the claim's own run names. */
    private Map<String, SeedSpread> acrossSeeds(List<Claim> claims, List<RunSpec> specs,
                                                Map<String, RunOutcome> runs) {
        int perSeed = specs.size() / seeds;
        Map<String, List<ClaimResult>> byClaim = new LinkedHashMap<>();
        for (int i = 0; i < seeds; i++) {
            Map<String, RunOutcome> atSeed = new LinkedHashMap<>();
            for (int j = 0; j < perSeed; j++) {
                atSeed.put(specs.get(j).key(), runs.get(specs.get(i * perSeed + j).key()));
            }
            for (ClaimResult r : Claims.judge(claims, atSeed)) {
                byClaim.computeIfAbsent(r.claim().id(), k -> new ArrayList<>()).add(r);
            }
        }
        Map<String, SeedSpread> spreads = new LinkedHashMap<>();
        byClaim.forEach((id, results) -> spreads.put(id, SeedSpread.of(results)));
        return spreads;
    }

    /**
     * Writes one training's files into the folder of every spec that shares it, and queues its charts: drawn once,
     * then copied into the other folders.
     */
    private void write(Experiment run, List<RunOutcome> outcomes) throws IOException {
        List<Path> folders = new ArrayList<>();
        for (RunOutcome o : outcomes) {
            Path folder = dir.resolve(o.spec().folder());
            writeRun(run, o, folder);
            folders.add(folder);
        }
        if (noPng || run.record().last() == null) {
            return;
        }
        ChartInput input = ChartInput.ofRecord(run.task(), run.record());
        drawn.add(charts.submit(() -> {
            List<Path> pngs = ChartExport.writeAll(input, folders.get(0), PNG_WIDTH, PNG_HEIGHT);
            for (Path dir : folders.subList(1, folders.size())) {
                for (Path png : pngs) {
                    Files.copy(png, dir.resolve(png.getFileName()), StandardCopyOption.REPLACE_EXISTING);
                }
            }
            return null;
        }));
    }

    /**
     * run.json, metrics.csv and final-state.json, as {@code trlab run PRESET --set ...} writes them. When another
     * preset's identical training is reused, the config inside the files (name and description) is made the spec's
     * own: in run.json ("config", "initialState"."config") and in final-state.json ("config").
     */
    private static void writeRun(Experiment run, RunOutcome o, Path dir) throws IOException {
        run.write(dir);
        if (o.config().equals(run.config())) {
            return;
        }
        ObjectNode config = o.config().toJsonTree();
        Path runJson = dir.resolve(RunRecord.RUN_JSON);
        ObjectNode tree = (ObjectNode) JSON.readTree(runJson.toFile());
        tree.set("config", config);
        if (tree.get("initialState") instanceof ObjectNode initial) {
            initial.set("config", config);
        }
        AtomicFiles.write(runJson, JSON.writeValueAsString(tree));
        Path stateFile = dir.resolve(RunRecord.FINAL_STATE);
        ObjectNode state = (ObjectNode) JSON.readTree(stateFile.toFile());
        state.set("config", config);
        AtomicFiles.write(stateFile, JSON.writeValueAsString(state));
    }
}
