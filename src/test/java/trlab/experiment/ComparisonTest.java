package trlab.experiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import trlab.core.Activation;
import trlab.core.Method;
import trlab.experiment.config.ConfigException;
import trlab.experiment.config.ExperimentConfig;
import trlab.experiment.config.Presets;
import trlab.measure.Series;

import java.util.ArrayList;
import java.util.List;

/** Comparing runs: arms from one initial state, their names, the command line's arm specs and the joint CSV. */
class ComparisonTest {
    private static final ExperimentConfig SGD = Presets.builtinDefault().with("training.steps=300");
    private static final String TWIN = "training.method=full-batch,training.labelNoise=0";

    private static StateFile.State initialState(ExperimentConfig config) {
        try (Experiment e = Experiment.start(config)) {
            return e.record().initialState();
        }
    }

    @Test
    void armsOfOnePresetStartFromIdenticalInitialStates() {
        List<ExperimentConfig> arms = Comparison.arms(SGD,
                List.of(TWIN, "network.activation=relu,training.learningRate=0.01"));
        assertThat(arms).hasSize(3);
        StateFile.State first = initialState(arms.get(0));
        for (ExperimentConfig arm : arms.subList(1, 3)) {
            StateFile.State s = initialState(arm);
            assertThat(s.step()).isZero();
            assertThat(s.network().w).isEqualTo(first.network().w);
            assertThat(s.network().b).isEqualTo(first.network().b);
            assertThat(s.network().a).isEqualTo(first.network().a);
            assertThat(s.network().c).isEqualTo(first.network().c);
            assertThat(s.data().x()).isEqualTo(first.data().x());
            assertThat(s.data().y()).isEqualTo(first.data().y());
        }
        assertThat(arms.get(2).network().activation()).isEqualTo(Activation.RELU);
        assertThat(arms.get(2).training().learningRate()).isEqualTo(0.01);
    }

    @Test
    void theSameFullBatchSettingsRecordIdenticalSeries() {
        ExperimentConfig fullBatch = SGD.withOverrides(Comparison.FULL_BATCH_TWIN);
        List<double[]> a = rows(fullBatch);
        List<double[]> b = rows(fullBatch);
        assertThat(a).hasSizeGreaterThan(10);
        for (int i = 0; i < a.size(); i++) {
            assertThat(b.get(i)).as("row %d, bit for bit", i).isEqualTo(a.get(i));
        }
    }

    private static List<double[]> rows(ExperimentConfig config) {
        try (Experiment e = Experiment.start(config)) {
            e.advance(Long.MAX_VALUE);
            List<double[]> rows = new ArrayList<>();
            for (int i = 0; i < e.record().size(); i++) {
                rows.add(e.record().row(i));
            }
            return rows;
        }
    }

    @Test
    void labelsNameWhatSetsEachArmApart() {
        ExperimentConfig twin = SGD.withOverrides(Comparison.FULL_BATCH_TWIN);
        assertThat(Comparison.labels(List.of(SGD, twin))).containsExactly("SGD, batch 1, noise 1.0", "full batch");
        assertThat(Comparison.labels(List.of(SGD, SGD.with("training.learningRate=0.005"))))
                .containsExactly("\u03b7 = 0.02", "\u03b7 = 0.005");
        assertThat(Comparison.labels(List.of(SGD, SGD.with("training.labelNoise=0"))))
                .containsExactly("noise 1.0", "no noise");
        assertThat(Comparison.labels(List.of(SGD, SGD.with("network.activation=relu"),
                SGD.with("training.batchSize=4")))).containsExactly("SGD, batch 1, tanh", "relu", "SGD, batch 4");
        assertThat(Comparison.labels(List.of(SGD, SGD))).containsExactly("run 1", "run 2");
        assertThat(Comparison.labels(List.of(SGD, SGD.with("training.learningRate=0.0001"))))
                .containsExactly("\u03b7 = 0.02", "\u03b7 = 0.0001");
        assertThat(Comparison.labels(List.of(SGD, SGD, twin))).containsExactly("SGD, batch 1, noise 1.0, run 1",
                "SGD, batch 1, noise 1.0, run 2", "full batch");
    }

    @Test
    void theReadyPairIsSgdBesideItsFullBatchTwinOnCleanLabels() {
        List<ExperimentConfig> pair = Comparison.sgdVsFullBatch(SGD);
        assertThat(pair.get(0)).isEqualTo(SGD);
        assertThat(pair.get(1).training().method()).isEqualTo(Method.FULL_BATCH);
        assertThat(pair.get(1).training().labelNoise()).isZero();
        assertThat(Comparison.sameStart(pair.get(0), pair.get(1))).isTrue();

        List<ExperimentConfig> fromFullBatch = Comparison.sgdVsFullBatch(pair.get(1));
        assertThat(fromFullBatch.get(0).training().method()).isEqualTo(Method.SGD);
        assertThat(fromFullBatch.get(0).training().batchSize()).isEqualTo(1);
        assertThat(fromFullBatch.get(1)).isEqualTo(pair.get(1));
    }

    @Test
    void anArmMayChangeOnlyHowItTrainsAndItsActivation() {
        assertThat(Comparison.sameStart(SGD, SGD.with("network.activation=gelu"))).isTrue();
        assertThat(Comparison.sameStart(SGD, SGD.with("network.width=50"))).isFalse();
        assertThat(Comparison.sameStart(SGD, SGD.with("network.seed=2"))).isFalse();
        assertThat(Comparison.sameStart(SGD, SGD.with("training.seed=2"))).isFalse();
        assertThat(Comparison.sameStart(SGD, SGD.with("task.points=20"))).isFalse();

        assertThatThrownBy(() -> Comparison.parseArm(SGD, "training.method=full-batch,network.width=50"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("network.width cannot differ between arms")
                .hasMessageContaining("training.labelNoise");
        assertThatThrownBy(() -> Comparison.parseArm(SGD, "full-batch"))
                .isInstanceOf(ConfigException.class).hasMessageContaining("is not section.field=value");
        assertThatThrownBy(() -> Comparison.parseArm(SGD, "training.batchSize=0"))
                .isInstanceOf(ConfigException.class).hasMessageStartingWith("--compare training.batchSize=0")
                .hasMessageContaining("training.batchSize");
    }

    @Test
    void armSpecsBuildAtMostFourRuns() {
        List<ExperimentConfig> arms = Comparison.arms(SGD, List.of(TWIN, "training.method=sgd", TWIN));
        assertThat(arms).containsExactly(SGD, SGD.withOverrides(Comparison.FULL_BATCH_TWIN), SGD,
                SGD.withOverrides(Comparison.FULL_BATCH_TWIN));
        assertThatThrownBy(() -> Comparison.arms(SGD, List.of(TWIN, "training.learningRate=0.01",
                "training.learningRate=0.005", "training.batchSize=2")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("at most 3 arms beside the preset");
    }

    @Test
    void folderNamesNumberTheArmsAndSpellTheirLabels() {
        assertThat(Comparison.folder(0, "SGD, batch 1, noise 1.0")).isEqualTo("1-sgd-batch-1-noise-1.0");
        assertThat(Comparison.folder(1, "full batch")).isEqualTo("2-full-batch");
        assertThat(Comparison.folder(2, "\u03b7 = 0.005")).isEqualTo("3-eta-0.005");
        assertThat(Comparison.folder(0, "")).isEqualTo("1");
    }

    @Test
    void theJointCsvHoldsEveryArmsRowsUnderItsLabel() {
        double[] row = new double[Series.values().length];
        row[Series.STEP.ordinal()] = 10;
        row[Series.TRAIN_LOSS.ordinal()] = 0.5;
        row[Series.TEST_LOSS.ordinal()] = Double.NaN;
        String csv = Comparison.csv(List.of("SGD, batch 1", "full batch"), List.of(List.of(row, row), List.of(row)));
        String[] lines = csv.split("\n");
        assertThat(lines).hasSize(4);
        assertThat(lines[0]).startsWith("arm,step,").contains("trainLoss");
        assertThat(lines[1]).startsWith("\"SGD, batch 1\",10,");
        assertThat(lines[3]).startsWith("full batch,10,");
        int trainLoss = List.of(lines[0].split(",")).indexOf("trainLoss");
        assertThat(lines[3].split(",", -1)[trainLoss]).isEqualTo("0.5");
        int testLoss = List.of(lines[0].split(",")).indexOf("testLoss");
        assertThat(lines[3].split(",", -1)[testLoss]).as("undefined values are empty").isEmpty();
    }
}
