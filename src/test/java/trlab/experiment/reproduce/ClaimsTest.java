package trlab.experiment.reproduce;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import trlab.experiment.RunRecord;
import trlab.experiment.config.Presets;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Each claim of SCIENCE.md §4 and §6 on a shortened run of its presets, asserting the claim's own numbers; and the report
 * listing every preset. The shortened runs take fewer steps (the noisy-SGD comparisons a larger learning rate, so the
 * noise has as much effect in a quarter of the steps); they run once, two at a time, before the tests.
 */
class ClaimsTest {
    /** Shortened runs per claim id: extra overrides after the claim's own. */
    private static final Map<String, List<String>> SHORT = Map.ofEntries(
            Map.entry("1", List.of("training.steps=2000")),
            Map.entry("2", List.of("training.steps=100000")),
            Map.entry("3", List.of("training.steps=50000")),
            Map.entry("4a", noisySgd()),
            Map.entry("4b", noisySgd()),
            Map.entry("5", noisySgd()),
            Map.entry("6", noisySgd()),
            Map.entry("7", noisySgd()),
            Map.entry("8", List.of("training.steps=2000")),
            Map.entry("9", noisySgd()),
            Map.entry("10", List.of("training.steps=50000")),
            Map.entry("11", noisySgd()),
            Map.entry("E", List.of("training.steps=50000")),
            Map.entry("D", List.of("training.steps=100000", "training.learningRate=0.03")));

    private static final Map<String, ClaimResult> RESULTS = new HashMap<>();

    private static List<String> noisySgd() {
        return List.of("training.steps=100000", "training.learningRate=0.03");
    }

    @BeforeAll
    static void runTheShortenedClaims() throws IOException {
        List<Claim> claims = new ArrayList<>();
        Map<String, RunSpec> specs = new LinkedHashMap<>();
        for (Claim c : Claims.all()) {
            Claim shortened = c.withExtra(SHORT.get(c.id()));
            claims.add(shortened);
            for (RunSpec r : shortened.runs()) {
                specs.putIfAbsent(r.key(), r);
            }
        }
        Map<String, RunOutcome> runs = Reproduction.run(List.copyOf(specs.values()), 2, (run, outcomes) -> { });
        for (ClaimResult r : Claims.judge(claims, runs)) {
            RESULTS.put(r.claim().id(), r);
        }
    }

    private static ClaimResult result(String id) {
        ClaimResult r = RESULTS.get(id);
        assertThat(r).as("claim %s was judged", id).isNotNull();
        assertThat(r.numbers()).as("claim %s numbers (%s)", id, r.note()).isNotEmpty();
        return r;
    }

    @Test
    void everyClaimOfScienceSection4HasAShortenedCheck() {
        assertThat(SHORT.keySet()).containsExactlyInAnyOrderElementsOf(
                Claims.all().stream().map(Claim::id).toList());
    }

    @Test
    void claim1TheWideNtkKernelStaysConstantAndMoreSoWhenWider() {
        ClaimResult r = result("1");
        double d64 = r.value("D at N=64");
        double d256 = r.value("D at N=256");
        double d1024 = r.value("D at N=1024");
        assertThat(d1024).isLessThan(0.05);
        assertThat(d256).isLessThan(d64);
        assertThat(d1024).isLessThan(d256);
        assertThat(r.pass()).isTrue();
    }

    @Test
    void claim2LabelNoiseSgdAgesTheAmplitudeLikeAPowerLaw() {
        ClaimResult r = result("2");
        double alpha = r.value("alpha");
        assertThat(alpha).isGreaterThan(0.2);
        assertThat(r.value("SE of alpha")).isLessThan(alpha / 5);
        assertThat(r.value("max shape drift")).isLessThan(r.value("relative fall 1 - a_late/a_0"));
        assertThat(r.pass()).isTrue();
    }

    @Test
    void claim3TheKernelPartsChangeBalanceWithTheTrainingStage() {
        ClaimResult r = result("3");
        assertThat(r.value("change (x)")).isGreaterThanOrEqualTo(2);
        assertThat(r.pass()).isTrue();
    }

    @Test
    void claim4TanhAndSigmoidLoseFarMoreEffectiveNeuronsThanRelu() {
        for (String id : List.of("4a", "4b")) {
            ClaimResult r = result(id);
            String act = id.equals("4a") ? "tanh" : "sigmoid";
            assertThat(r.value(act + " share / relu share")).as(act).isLessThanOrEqualTo(0.5);
            assertThat(r.value(act + " amplitude a_late/a_0")).as(act).isLessThanOrEqualTo(0.5);
            assertThat(r.value("relu amplitude a_late/a_0")).isLessThanOrEqualTo(0.5);
            assertThat(r.pass()).as(id).isTrue();
        }
    }

    @Test
    void claim5FullBatchKeepsTheKernelWhileNoisySgdAgesIt() {
        ClaimResult r = result("5");
        assertThat(r.value("full batch: largest |a/a_0 - 1|")).isLessThan(0.1);
        assertThat(r.value("SGD: a_late/a_0")).isLessThanOrEqualTo(0.5);
        assertThat(r.pass()).isTrue();
    }

    @Test
    void claim6NoisySgdReducesTheFeatureSpace() {
        ClaimResult r = result("6");
        assertThat(r.value("feature dimension SGD/full batch")).isLessThanOrEqualTo(0.6);
        assertThat(r.value("N_eff SGD/full batch")).isLessThanOrEqualTo(0.6);
        assertThat(r.pass()).isTrue();
    }

    @Test
    void claim7TheReducedNetworkIsMoreFragile() {
        ClaimResult r = result("7");
        assertThat(r.value("SGD / full batch")).isGreaterThanOrEqualTo(1.5);
        assertThat(r.pass()).isTrue();
    }

    @Test
    void claim8TheFrozenKernelTracksTheWideNtkNetworkAndLessWellWhenNarrower() {
        ClaimResult r = result("8");
        double r64 = r.value("frozen error / output RMS at N=64");
        double r256 = r.value("frozen error / output RMS at N=256");
        double r1024 = r.value("frozen error / output RMS at N=1024");
        assertThat(r1024).isLessThan(0.05).isLessThan(r256);
        assertThat(r256).isLessThan(r64);
        assertThat(r.pass()).isTrue();
    }

    @Test
    void claim9UnderLabelNoiseSgdOnlyTheResponseLawTracksTheNetwork() {
        ClaimResult r = result("9");
        double frozen = r.value("late frozen-kernel error");
        assertThat(frozen).isGreaterThanOrEqualTo(0.5 * r.value("late output RMS"));
        assertThat(r.value("late response-law error")).isLessThanOrEqualTo(frozen / 3);
        assertThat(r.pass()).isTrue();
    }

    @Test
    void claim10TheEncodingSplitsIntoRegionsOneAfterAnother() {
        ClaimResult r = result("10");
        assertThat(r.value("regions over the last decade")).isGreaterThanOrEqualTo(r.value("classes") - 1);
        assertThat(r.value("different counts in the last decade")).isEqualTo(1);
        assertThat(r.value("times at which a new count is first reached")).isGreaterThanOrEqualTo(2);
        assertThat(r.pass()).isTrue();
    }

    @Test
    void claim11PlasticityFallsUnderNoisySgdAndStaysUnderFullBatch() {
        ClaimResult r = result("11");
        assertThat(r.value("SGD start / late")).isGreaterThanOrEqualTo(3);
        assertThat(r.value("full batch late / start")).isBetween(0.7, 1.3);
        assertThat(r.pass()).isTrue();
    }

    @Test
    void encodingSplitsTheOutputIntoRegionsAsTheKernelNarrows() {
        ClaimResult r = result("E");
        assertThat(r.value("grid points whose largest output is their region")).isGreaterThanOrEqualTo(0.85);
        assertThat(r.value("kernel width late/start")).isLessThanOrEqualTo(0.7);
        assertThat(r.pass()).isTrue();
    }

    @Test
    void theDefaultPresetShowsAging() {
        ClaimResult r = result("D");
        assertThat(r.value("alpha")).isGreaterThan(0.2);
        assertThat(r.pass()).isTrue();
    }

    @Test
    void comparisonTwinsShareEverySeedOfTheirPreset() {
        for (Claim c : Claims.all()) {
            for (RunSpec r : c.runs()) {
                assertThat(r.overrides()).as(r.key()).noneMatch(o -> o.contains("seed"));
            }
        }
    }

    @Test
    void theReportListsEveryPresetAndEveryClaim(@TempDir Path dir) throws IOException {
        List<Claim> claims = Claims.all();
        List<RunSpec> specs = Claims.runs(claims).stream()
                .map(s -> s.withExtra(List.of("training.steps=200"))).toList();
        Map<String, RunOutcome> runs = Reproduction.run(specs, 2, (run, outcomes) -> { });
        Path chart = dir.resolve("aging").resolve("aging.png");
        Files.createDirectories(chart.getParent());
        Files.write(chart, new byte[] {(byte) 0x89, 'P', 'N', 'G'});
        Report.write(dir, new Report.Input(Claims.judge(claims, runs), runs, Claims.presets(claims), 1.0, 2, ""));

        String md = Files.readString(dir.resolve(Report.MARKDOWN));
        String html = Files.readString(dir.resolve(Report.HTML));
        List<String> presets = Presets.namesIn(Presets.DIRECTORY);
        assertThat(presets).contains("default", "encoding");
        for (String preset : presets) {
            assertThat(md).as("report.md lists %s", preset).contains("### " + preset + "\n");
            assertThat(html).as("report.html lists %s", preset).contains("<h3 id=\"" + preset + "\">");
            assertThat(dir.resolve(preset).resolve(RunRecord.RUN_JSON)).as(preset).doesNotExist(); // the sink wrote none
        }
        for (Claim c : claims) {
            assertThat(md).contains("| " + c.id() + " | ");
        }
        assertThat(md).contains("![aging: aging](aging/aging.png)");
        assertThat(html).contains("<img src=\"aging/aging.png\"");
    }
}
