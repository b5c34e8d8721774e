package trlab.experiment.reproduce;

import trlab.experiment.AtomicFiles;
import trlab.experiment.RunRecord;
import trlab.experiment.config.ExperimentConfig;
import trlab.experiment.config.NetworkConfig;
import trlab.experiment.config.Presets;
import trlab.experiment.config.TaskConfig;
import trlab.experiment.config.TrainingConfig;
import trlab.measure.Series;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The report of a reproduction: report.md and report.html in the output folder, each written atomically. A table
 * of the claims (preset, measured numbers, expected direction, PASS or FAIL), notes and known limits, then one
 * section per preset with its description, settings, runs and the charts of each run (relative links to the PNG
 * files in the run folders).
 */
public final class Report {
    public static final String MARKDOWN = "report.md";
    public static final String HTML = "report.html";

    /** Charts in the order a student reads them; other PNG files follow alphabetically. */
    private static final List<String> CHART_ORDER = List.of("output", "response", "aging", "feature-dimension",
            "spectrum", "feature-space", "fragility", "loss");

    /**
     * What the report shows.
     *
     * @param results     the judged claims, in order
     * @param runs        every run by {@link RunSpec#key()}, in order
     * @param presets     every preset run, in order
     * @param wallSeconds the wall time of the whole reproduction
     * @param threads     the number of runs trained at once
     * @param remark      a sentence shown under the summary (e.g. that the runs were shortened), or ""
     * @param acrossSeeds each claim's spread over seed triples by claim id ({@code reproduce --seeds}), or empty
     */
    public record Input(List<ClaimResult> results, Map<String, RunOutcome> runs, List<String> presets,
                        double wallSeconds, int threads, String remark, Map<String, SeedSpread> acrossSeeds) {
        public Input {
            remark = remark == null ? "" : remark;
            acrossSeeds = Map.copyOf(acrossSeeds);
        }

        /** A reproduction at the presets' own seeds. */
        public Input(List<ClaimResult> results, Map<String, RunOutcome> runs, List<String> presets,
                     double wallSeconds, int threads, String remark) {
            this(results, runs, presets, wallSeconds, threads, remark, Map.of());
        }

        /** The claim's limits, and before them its spread over the seeds when there is one. */
        String limits(Claim c, boolean markdown) {
            SeedSpread spread = acrossSeeds.get(c.id());
            String limits = spread == null ? c.limits() : SeedSpread.limitsBesideSeeds(c.limits());
            String seeds = spread == null ? "" : (markdown ? " *Seeds:* " + spread.sentence()
                    : " <em>Seeds:</em> " + esc(spread.sentence()));
            if (limits.isEmpty()) {
                return seeds;
            }
            return seeds + (markdown ? " *Limits:* " + limits : " <em>Limits:</em> " + esc(limits));
        }

        public boolean allPass() {
            return results.stream().allMatch(ClaimResult::pass);
        }

        long passed() {
            return results.stream().filter(ClaimResult::pass).count();
        }
    }

    private Report() {
    }

    /** Writes report.md and report.html into dir (which holds the run folders). */
    public static void write(Path dir, Input in) throws IOException {
        Files.createDirectories(dir);
        AtomicFiles.write(dir.resolve(MARKDOWN), markdown(dir, in));
        AtomicFiles.write(dir.resolve(HTML), html(dir, in));
    }

    // ---- shared text

    private static final String TITLE = "trlab reproduction report";

    private static String intro() {
        return "This report reruns the claims of K. Nakazato, \"A simple theory for training response of deep neural"
                + " networks\" (arXiv:2405.04074), as the lab's specification SCIENCE.md §4 states them, on the presets"
                + " in presets/. Every number uses the measurement definitions of SCIENCE.md §3, unchanged and the same"
                + " for every run. \"Start\" is the first recorded sample (t = 0); \"late\" is the mean over the samples"
                + " recorded in the second half of the run, t in [T/2, T]. A twin is its preset with a few --set"
                + " overrides and every seed kept, so a comparison starts from the same initial network; full-batch"
                + " twins train on the clean labels (training.labelNoise=0). Each run folder holds run.json,"
                + " metrics.csv, final-state.json and the charts; `trlab run PRESET --set ...` with the overrides"
                + " listed repeats a run exactly.";
    }

    private static String summary(Input in) {
        return String.format(Locale.ROOT, "%d of %d checks pass. %d runs (%d presets) in %.0f s of wall time, %d at a"
                        + " time.", in.passed(), in.results().size(), in.runs().size(), in.presets().size(),
                in.wallSeconds(), in.threads()) + (in.remark().isEmpty() ? "" : " " + in.remark());
    }

    static String numbers(ClaimResult r) {
        List<String> parts = new ArrayList<>();
        for (Claim.Measured m : r.numbers()) {
            parts.add(m.name() + " = " + format(m.value()));
        }
        return String.join("; ", parts);
    }

    static String format(double v) {
        if (!Double.isFinite(v)) {
            return "n/a";
        }
        return String.format(Locale.ROOT, "%.3g", v);
    }

    private static String settings(ExperimentConfig c) {
        TaskConfig t = c.task();
        NetworkConfig n = c.network();
        TrainingConfig tr = c.training();
        String task = switch (t.kind()) {
            case SINE -> String.format(Locale.ROOT, "sin(%sx), %d points", trim(t.omega()), t.points());
            case ENCODING -> String.format(Locale.ROOT, "encoding, %d points, %d regions", t.points(), t.regions());
            default -> t.kind().id() + ", " + t.points() + " points";
        };
        String method = switch (tr.method()) {
            case FULL_BATCH -> "full batch";
            case SGD -> "SGD, batch " + tr.batchSize();
        };
        return String.format(Locale.ROOT, "task %s; network %d %s neurons, %s scaling; %s, learning rate %s, label"
                        + " noise %s, %s loss, %,d steps; seeds: task %d, network %d, training %d", task, n.width(),
                n.activation().id(), n.parameterization().id(),
                method, trim(tr.learningRate()), trim(tr.labelNoise()), tr.loss().id(),
                tr.steps(), t.seed(), n.seed(), tr.seed());
    }

    private static String trim(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? String.valueOf((long) v) : String.valueOf(v);
    }

    /** The PNG files of a run folder, in reading order (empty if there are none). */
    static List<String> charts(Path runFolder) {
        if (!Files.isDirectory(runFolder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(runFolder)) {
            return files.map(p -> p.getFileName().toString())
                    .filter(f -> f.endsWith(".png") && !f.startsWith("."))
                    .sorted(Comparator.comparingInt((String f) -> {
                        int i = CHART_ORDER.indexOf(f.substring(0, f.length() - 4));
                        return i < 0 ? CHART_ORDER.size() : i;
                    }).thenComparing(f -> f))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The runs of a preset: the preset's own run first, then its twins in claim order. */
    private static List<RunOutcome> runsOf(Input in, String preset) {
        return in.runs().values().stream().filter(o -> o != null && o.spec().preset().equals(preset))
                .sorted(Comparator.comparing((RunOutcome o) -> !o.spec().label().isEmpty())).toList();
    }

    private static ExperimentConfig presetConfig(Input in, String preset) {
        RunOutcome main = in.runs().get(preset);
        return main != null ? main.config() : Presets.load(preset, List.of());
    }

    private static String link(RunSpec spec, String file) {
        return spec.folder().toString().replace('\\', '/') + "/" + file;
    }

    private static String runLine(RunOutcome o) {
        String loss = format(o.last(Series.TRAIN_LOSS));
        return String.format(Locale.ROOT, "%,d steps in %.1f s, final train loss %s%s", o.lastStep(), o.seconds(),
                loss, o.diverged() ? ", DIVERGED at step " + o.divergedAt() : "");
    }

    // ---- markdown

    static String markdown(Path dir, Input in) {
        StringBuilder md = new StringBuilder();
        md.append("# ").append(TITLE).append("\n\n").append(intro()).append("\n\n**").append(summary(in))
                .append("**\n\n## Claims\n\n| # | claim | preset(s) | measured | expected | result |\n")
                .append("|---|---|---|---|---|---|\n");
        for (ClaimResult r : in.results()) {
            md.append("| ").append(r.claim().id()).append(" | ").append(cell(r.claim().title())).append(" | ")
                    .append(cell(String.join(", ", r.claim().presets()))).append(" | ").append(cell(numbers(r)))
                    .append(" | ").append(cell(r.claim().expected())).append(" | **").append(r.verdict())
                    .append("** |\n");
        }
        md.append("\n### Notes and known limits\n\n");
        for (ClaimResult r : in.results()) {
            md.append("- **").append(r.claim().id()).append("** ").append(r.note()).append(in.limits(r.claim(), true));
            md.append('\n');
        }
        md.append("\n## Presets\n");
        for (String preset : in.presets()) {
            ExperimentConfig c = presetConfig(in, preset);
            md.append("\n### ").append(preset).append("\n\n").append(c.description()).append("\n\nSettings: ")
                    .append(settings(c)).append(".\n\n");
            for (RunOutcome o : runsOf(in, preset)) {
                RunSpec s = o.spec();
                md.append("#### ").append(s.key()).append(s.overrides().isEmpty() ? ""
                                : " (`--set " + String.join(" --set ", s.overrides()) + "`)").append("\n\n")
                        .append(runLine(o)).append(". Files: [run.json](").append(link(s, RunRecord.RUN_JSON))
                        .append(").\n\n");
                for (String png : charts(dir.resolve(s.folder()))) {
                    md.append("![").append(s.key()).append(": ").append(png, 0, png.length() - 4).append("](")
                            .append(link(s, png)).append(")\n");
                }
                md.append('\n');
            }
        }
        return md.toString();
    }

    private static String cell(String s) {
        return s.replace("|", "\\|").replace("\n", " ");
    }

    // ---- html

    static String html(Path dir, Input in) {
        StringBuilder h = new StringBuilder();
        h.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>").append(TITLE)
                .append("</title>\n<style>\n")
                .append("body{font-family:sans-serif;max-width:1400px;margin:2em auto;padding:0 1em;line-height:1.4}\n")
                .append("table{border-collapse:collapse;margin:1em 0}th,td{border:1px solid #bbb;padding:.35em .6em;")
                .append("vertical-align:top;text-align:left}th{background:#eee}\n")
                .append(".PASS{color:#fff;background:#2a7d2a;font-weight:bold}.FAIL{color:#fff;background:#b22;")
                .append("font-weight:bold}\n.charts{display:flex;flex-wrap:wrap;gap:8px}.charts img{width:440px;")
                .append("border:1px solid #ccc}\ncode{background:#f4f4f4;padding:0 .2em}\n")
                .append("</style>\n</head>\n<body>\n<h1>").append(TITLE).append("</h1>\n<p>").append(esc(intro()))
                .append("</p>\n<p><strong>").append(esc(summary(in))).append("</strong></p>\n<h2>Claims</h2>\n")
                .append("<table>\n<tr><th>#</th><th>claim</th><th>preset(s)</th><th>measured</th><th>expected</th>")
                .append("<th>result</th></tr>\n");
        for (ClaimResult r : in.results()) {
            h.append("<tr><td>").append(esc(r.claim().id())).append("</td><td>").append(esc(r.claim().title()))
                    .append("</td><td>");
            List<String> presets = r.claim().presets();
            for (int i = 0; i < presets.size(); i++) {
                h.append(i == 0 ? "" : ", ").append("<a href=\"#").append(esc(presets.get(i))).append("\">")
                        .append(esc(presets.get(i))).append("</a>");
            }
            h.append("</td><td>");
            for (int i = 0; i < r.numbers().size(); i++) {
                Claim.Measured m = r.numbers().get(i);
                h.append(i == 0 ? "" : "<br>").append(esc(m.name())).append(" = ").append(format(m.value()));
            }
            h.append("</td><td>").append(esc(r.claim().expected())).append("</td><td class=\"").append(r.verdict())
                    .append("\">").append(r.verdict()).append("</td></tr>\n");
        }
        h.append("</table>\n<h3>Notes and known limits</h3>\n<ul>\n");
        for (ClaimResult r : in.results()) {
            h.append("<li><strong>").append(esc(r.claim().id())).append("</strong> ").append(esc(r.note()))
                    .append(in.limits(r.claim(), false));
            h.append("</li>\n");
        }
        h.append("</ul>\n<h2>Presets</h2>\n");
        for (String preset : in.presets()) {
            ExperimentConfig c = presetConfig(in, preset);
            h.append("<h3 id=\"").append(esc(preset)).append("\">").append(esc(preset)).append("</h3>\n<p>")
                    .append(esc(c.description())).append("</p>\n<p>Settings: ").append(esc(settings(c)))
                    .append(".</p>\n");
            boolean firstRun = true;
            for (RunOutcome o : runsOf(in, preset)) {
                RunSpec s = o.spec();
                String heading = "<strong>" + esc(s.key()) + "</strong>" + (s.overrides().isEmpty() ? ""
                        : " <code>--set " + esc(String.join(" --set ", s.overrides())) + "</code>") + ": "
                        + esc(runLine(o)) + ". <a href=\"" + esc(link(s, RunRecord.RUN_JSON)) + "\">run.json</a>";
                h.append(firstRun ? "<div>\n<p>" + heading + "</p>\n" : "<details>\n<summary>" + heading
                        + "</summary>\n");
                h.append("<div class=\"charts\">\n");
                for (String png : charts(dir.resolve(s.folder()))) {
                    String src = esc(link(s, png));
                    h.append("<a href=\"").append(src).append("\"><img src=\"").append(src).append("\" alt=\"")
                            .append(esc(s.key() + ": " + png.substring(0, png.length() - 4))).append("\"></a>\n");
                }
                h.append("</div>\n").append(firstRun ? "</div>\n" : "</details>\n");
                firstRun = false;
            }
        }
        h.append("</body>\n</html>\n");
        return h.toString();
    }

    private static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
