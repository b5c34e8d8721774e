package trlab.experiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import trlab.core.Task;
import trlab.experiment.config.ExperimentConfig;
import trlab.measure.Series;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;

/** run.json, metrics.csv and final-state.json of a short run have the content and shapes of SCIENCE.md §5. */
class RunRecordTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> SCIENCE_SERIES = List.of("step", "epoch", "trainLoss", "testLoss",
            "kernelAmplitude", "kernelAmplitudeOutput", "kernelAmplitudeHidden", "kernelDrift", "shapeDrift",
            "kernelWidth", "agingExponent", "featureDimension", "effectiveNeurons", "ablationFragility",
            "noiseFragility", "inputSensitivity");
    private static final long STEPS = 500;

    @TempDir
    Path dir;

    private ExperimentConfig config;
    private Experiment run;
    private JsonNode runJson;

    @BeforeEach
    void runAndWrite() throws IOException {
        config = ExperimentConfig.defaults().withOverrides(
                List.of("network.width=20", "training.labelNoise=0.5", "training.steps=" + STEPS));
        run = Experiment.start(config);
        while (!run.finished()) {
            run.advance(1000);
        }
        run.write(dir);
        runJson = JSON.readTree(dir.resolve("run.json").toFile());
    }

    private int recordedSteps() {
        return Schedule.forRun(config, 0).size();
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            names.add(it.next());
        }
        return names;
    }

    @Test
    void writeCreatesTheThreeFilesAndNoLeftoverTemporaryFiles() throws IOException {
        List<String> names;
        try (Stream<Path> files = Files.list(dir)) {
            names = files.map(p -> p.getFileName().toString()).sorted().toList();
        }
        assertThat(names).containsExactly("final-state.json", "metrics.csv", "run.json");
        assertThat(names).noneMatch(n -> n.startsWith("."));
    }

    @Test
    void writingTwiceIntoTheSameFolderReplacesTheFilesAndLeavesNoTemporaryFiles() throws IOException {
        run.write(dir);
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString()))
                    .containsExactlyInAnyOrder("final-state.json", "metrics.csv", "run.json");
        }
    }

    @Test
    void runJsonHasConfigAndTheInitialAndFinalStates() {
        assertThat(runJson.get("config").isObject()).isTrue();
        assertThat(runJson.get("config").get("network").get("width").asInt()).isEqualTo(20);
        assertThat(runJson.get("initialState").get("format").asText()).isEqualTo("trlab-state/1");
        assertThat(runJson.get("initialState").get("step").asLong()).isZero();
        assertThat(runJson.get("finalState").get("format").asText()).isEqualTo("trlab-state/1");
        assertThat(runJson.get("finalState").get("step").asLong()).isEqualTo(STEPS);
        assertThat(runJson.get("finalState").get("params").get("W")).isNotEqualTo(
                runJson.get("initialState").get("params").get("W"));
    }

    @Test
    void finalStateJsonReadsBackAsTheRunsFinalState() {
        StateFile.State back = StateFile.read(dir.resolve("final-state.json"));
        assertThat(back.step()).isEqualTo(STEPS);
        assertThat(back.config()).isEqualTo(config);
        assertThat(Arrays.equals(back.network().w, run.finalState().network().w)).isTrue();
        assertThat(Arrays.equals(back.network().a, run.finalState().network().a)).isTrue();
    }

    @Test
    void runJsonHasEverySeriesOfScienceWithOneEntryPerRecordedStep() {
        JsonNode series = runJson.get("series");
        List<String> names = fieldNames(series);
        assertThat(names).containsAll(SCIENCE_SERIES);
        // in the documented order (extra series may sit in between)
        List<String> documentedInOrder = names.stream().filter(SCIENCE_SERIES::contains).toList();
        assertThat(documentedInOrder).containsExactlyElementsOf(SCIENCE_SERIES);
        int n = recordedSteps();
        assertThat(n).isGreaterThan(10);
        for (String name : names) {
            assertThat(series.get(name).isArray()).as(name).isTrue();
            assertThat(series.get(name).size()).as(name).isEqualTo(n);
        }
    }

    @Test
    void stepsAreIntegersInJsonAndFollowTheSchedule() {
        JsonNode steps = runJson.get("series").get("step");
        List<Long> values = new ArrayList<>();
        for (JsonNode s : steps) {
            assertThat(s.isIntegralNumber()).as("step %s", s).isTrue();
            values.add(s.asLong());
        }
        assertThat(values).containsExactlyElementsOf(Schedule.forRun(config, 0).steps());
    }

    @Test
    void theAgingExponentIsNullAtStepZeroAndDefinedLater() {
        JsonNode alpha = runJson.get("series").get("agingExponent");
        assertThat(alpha.get(0).isNull()).isTrue();
        assertThat(alpha.get(alpha.size() - 1).isNumber()).isTrue();
        JsonNode loss = runJson.get("series").get("trainLoss");
        for (JsonNode v : loss) {
            assertThat(v.isNumber()).isTrue();
        }
    }

    @Test
    void theProbeHasTheGridTheReferencesAndTheKernelPartsOfTheLastSample() {
        Task task = run.task();
        int m = task.probeCount();
        int d = task.inputs();
        int k = task.outputs();
        JsonNode probe = runJson.get("probe");

        JsonNode x = probe.get("x");
        assertThat(x.size()).isEqualTo(m).isEqualTo(101);
        for (int i = 0; i < m; i++) {
            assertThat(x.get(i).size()).isEqualTo(d);
            assertThat(x.get(i).get(0).asDouble()).isEqualTo(task.probe()[i * d]);
        }
        JsonNode refs = probe.get("references");
        int r = refs.size();
        assertThat(r).isEqualTo(3);
        for (JsonNode ref : refs) {
            assertThat(ref.size()).isEqualTo(d);
        }
        JsonNode ntk = probe.get("ntk");
        JsonNode outPart = probe.get("ntkOutputPart");
        JsonNode hidPart = probe.get("ntkHiddenPart");
        for (JsonNode matrix : List.of(ntk, outPart, hidPart, probe.get("response"))) {
            assertThat(matrix.size()).isEqualTo(r);
            for (JsonNode row : matrix) {
                assertThat(row.size()).isEqualTo(m);
            }
        }
        for (int q = 0; q < r; q++) {
            for (int i = 0; i < m; i++) {
                double total = ntk.get(q).get(i).asDouble();
                double sum = outPart.get(q).get(i).asDouble() + hidPart.get(q).get(i).asDouble();
                assertThat(total).isCloseTo(sum, within(1e-12 * Math.max(1, Math.abs(sum))));
                assertThat(outPart.get(q).get(i).asDouble()).isGreaterThanOrEqualTo(1.0); // the +1 of the bias c
            }
        }
        JsonNode output = probe.get("output");
        assertThat(output.size()).isEqualTo(m);
        for (JsonNode row : output) {
            assertThat(row.size()).isEqualTo(k);
            assertThat(row.get(0).isNumber()).isTrue();
        }
    }

    @Test
    void theFeatureSpectrumStartsAtOneAndDoesNotIncrease() {
        JsonNode spectrum = runJson.get("probe").get("featureSpectrum");
        assertThat(spectrum.size()).isGreaterThan(1);
        assertThat(spectrum.get(0).asDouble()).isEqualTo(1.0);
        for (int j = 1; j < spectrum.size(); j++) {
            assertThat(spectrum.get(j).isNumber()).isTrue();
            assertThat(spectrum.get(j).asDouble()).as("sigma_%d / sigma_1", j + 1)
                    .isLessThanOrEqualTo(spectrum.get(j - 1).asDouble()).isGreaterThanOrEqualTo(0.0);
        }
    }

    @Test
    void metricsCsvHasTheSeriesAsColumnsAndOneRowPerRecordedStep() throws IOException {
        List<String> lines = Files.readAllLines(dir.resolve("metrics.csv"), StandardCharsets.UTF_8);
        List<String> header = List.of(lines.get(0).split(",", -1));
        assertThat(header).containsExactlyElementsOf(fieldNames(runJson.get("series")));
        assertThat(header).containsExactlyElementsOf(Arrays.stream(Series.values()).map(Series::key).toList());
        assertThat(header.stream().filter(SCIENCE_SERIES::contains).toList()).containsExactlyElementsOf(SCIENCE_SERIES);
        assertThat(lines).hasSize(1 + recordedSteps());

        int alpha = header.indexOf("agingExponent");
        int step = header.indexOf("step");
        int loss = header.indexOf("trainLoss");
        String[] first = lines.get(1).split(",", -1);
        assertThat(first).hasSize(header.size());
        assertThat(first[step]).isEqualTo("0");
        assertThat(first[alpha]).isEmpty();
        assertThat(Double.parseDouble(first[loss])).isPositive();
        String[] last = lines.get(lines.size() - 1).split(",", -1);
        assertThat(last).hasSize(header.size());
        assertThat(last[step]).isEqualTo(Long.toString(STEPS));
        assertThat(last[alpha]).isNotEmpty();
        assertThat(Double.parseDouble(last[loss]))
                .isEqualTo(runJson.get("series").get("trainLoss").get(recordedSteps() - 1).asDouble());
    }
}
