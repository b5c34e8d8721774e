package trlab.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class TasksTest {

    private static TaskSpec spec(TaskKind kind, int points, long seed) {
        return new TaskSpec(kind, points, seed, 3.0, 4, 0.1, null);
    }

    private static void assertEvenlySpaced(double[] v, double lo, double hi) {
        int n = v.length;
        assertThat(v[0]).isEqualTo(lo);
        assertThat(v[n - 1]).isEqualTo(hi);
        for (int i = 0; i < n; i++) {
            assertThat(v[i]).as("point %d", i).isCloseTo(lo + (hi - lo) * i / (n - 1), within(1e-15));
        }
    }

    @Test
    void sineHasEvenlySpacedPointsWithEndsAndYIsSinOmegaX() {
        Task t = Tasks.build(new TaskSpec(TaskKind.SINE, 7, 1, 2.5, 4, 0, null), 11, 5);
        DataSet d = t.train();
        assertThat(d.inputs()).isEqualTo(1);
        assertThat(d.outputs()).isEqualTo(1);
        assertThat(d.size()).isEqualTo(7);
        assertEvenlySpaced(d.x(), -1, 1);
        for (int n = 0; n < 7; n++) {
            assertThat(d.y(n, 0)).isCloseTo(Math.sin(2.5 * d.x(n, 0)), within(1e-15));
        }
        assertThat(t.probeCount()).isEqualTo(11);
        assertThat(t.gridSide()).isZero();
        assertEvenlySpaced(t.probe(), -1, 1);
        for (int m = 0; m < 11; m++) {
            assertThat(t.probeTarget()[m]).isCloseTo(Math.sin(2.5 * t.probe()[m]), within(1e-15));
        }
        assertThat(t.featureGrid()).containsExactly(t.probe());
        assertThat(t.featureCount()).isEqualTo(11);
        assertThat(t.lower()).containsExactly(-1.0);
        assertThat(t.upper()).containsExactly(1.0);
    }

    @Test
    void encodingTargetsAreOneHotOfFloorRegionsTimesXWithXOneInTheLastRegion() {
        Task t = Tasks.build(new TaskSpec(TaskKind.ENCODING, 9, 1, 3, 4, 0, null), 13, 5);
        DataSet d = t.train();
        assertThat(d.outputs()).isEqualTo(4);
        assertEvenlySpaced(d.x(), 0, 1);
        // x = n/8: regions 0,0,1,1,2,2,3,3 and x = 1 clamped into region 3
        int[] expected = {0, 0, 1, 1, 2, 2, 3, 3, 3};
        for (int n = 0; n < 9; n++) {
            for (int k = 0; k < 4; k++) {
                assertThat(d.y(n, k)).as("sample %d output %d", n, k).isEqualTo(k == expected[n] ? 1.0 : 0.0);
            }
        }
        assertEvenlySpaced(t.probe(), 0, 1);
        for (int m = 0; m < 13; m++) {
            int region = Math.min(3, (int) Math.floor(4 * t.probe()[m]));
            for (int k = 0; k < 4; k++) {
                assertThat(t.probeTarget()[m * 4 + k]).isEqualTo(k == region ? 1.0 : 0.0);
            }
        }
        assertThat(t.lower()).containsExactly(0.0);
        assertThat(t.upper()).containsExactly(1.0);
    }

    @Test
    void randomLabelsAreSortedInsideTheIntervalWithLabelsPlusMinusOneAndDependOnlyOnTheSeed() {
        Task t = Tasks.build(spec(TaskKind.RANDOM_LABELS, 40, 5), 21, 5);
        double[] x = t.train().x();
        double[] y = t.train().y();
        double[] sorted = x.clone();
        Arrays.sort(sorted);
        assertThat(x).containsExactly(sorted);
        for (double v : x) {
            assertThat(v).isBetween(-1.0, 1.0);
        }
        assertThat(y).containsOnly(1.0, -1.0).contains(1.0, -1.0);
        assertThat(t.probeTarget()).isNull();
        assertEvenlySpaced(t.probe(), -1, 1);

        Task same = Tasks.build(spec(TaskKind.RANDOM_LABELS, 40, 5), 21, 5);
        assertThat(same.train().x()).containsExactly(x);
        assertThat(same.train().y()).containsExactly(y);
        Task other = Tasks.build(spec(TaskKind.RANDOM_LABELS, 40, 6), 21, 5);
        assertThat(other.train().x()).isNotEqualTo(x);
    }

    @Test
    void teacherIsDeterministicInItsSeedAndItsProbeTargetIsTheSameFunction() {
        Task t = Tasks.build(spec(TaskKind.TEACHER, 21, 8), 21, 5);
        assertEvenlySpaced(t.train().x(), -1, 1);
        double[] y = t.train().y();
        // with P = M the probe points are the training points, so the clean target must equal the labels
        assertThat(t.probe()).containsExactly(t.train().x());
        assertThat(t.probeTarget()).containsExactly(y);
        assertThat(Arrays.stream(y).distinct().count()).as("a non-constant function").isGreaterThan(10);
        assertThat(Tasks.build(spec(TaskKind.TEACHER, 21, 8), 21, 5).train().y()).containsExactly(y);
        assertThat(Tasks.build(spec(TaskKind.TEACHER, 21, 9), 21, 5).train().y()).isNotEqualTo(y);
    }

    @ParameterizedTest
    @EnumSource(value = TaskKind.class, names = {"CIRCLE", "XOR", "GAUSS", "SPIRAL"})
    void planarSetsAreTwoDimensionalWithBothLabelsInsideTheNoisySquareAndDeterministic(TaskKind kind) {
        double noise = 0.1;
        Task t = Tasks.build(new TaskSpec(kind, 200, 3, 3, 4, noise, null), 5, 5);
        DataSet d = t.train();
        assertThat(d.inputs()).isEqualTo(2);
        assertThat(d.outputs()).isEqualTo(1);
        assertThat(d.size()).isEqualTo(200);
        assertThat(d.y()).containsOnly(1.0, -1.0).contains(1.0, -1.0);
        for (int n = 0; n < 200; n++) {
            for (int j = 0; j < 2; j++) {
                assertThat(d.x(n, j)).as("sample %d coordinate %d", n, j).isBetween(-1 - noise, 1 + noise);
            }
        }
        Task same = Tasks.build(new TaskSpec(kind, 200, 3, 3, 4, noise, null), 5, 5);
        assertThat(same.train().x()).containsExactly(d.x());
        assertThat(same.train().y()).containsExactly(d.y());
        Task other = Tasks.build(new TaskSpec(kind, 200, 4, 3, 4, noise, null), 5, 5);
        assertThat(other.train().x()).isNotEqualTo(d.x());
    }

    @ParameterizedTest
    @EnumSource(value = TaskKind.class, names = {"CIRCLE", "XOR", "GAUSS"})
    void cleanProbeTargetAgreesWithTheNoiseFreeTrainingLabels(TaskKind kind) {
        int g = 201; // spacing 0.01, so the nearest grid point lies within 0.0071 of a training point
        Task t = Tasks.build(new TaskSpec(kind, 200, 12, 3, 4, 0.0, null), 5, g);
        DataSet d = t.train();
        for (int n = 0; n < d.size(); n++) {
            int c = nearestGridIndex(d.x(n, 0), g);
            int r = nearestGridIndex(d.x(n, 1), g);
            assertThat(t.probeTarget()[r * g + c]).as("sample %d at (%s, %s)", n, d.x(n, 0), d.x(n, 1))
                    .isEqualTo(d.y(n, 0));
        }
    }

    private static int nearestGridIndex(double v, int g) {
        return (int) Math.max(0, Math.min(g - 1, Math.round((v + 1) / 2 * (g - 1))));
    }

    @ParameterizedTest
    @EnumSource(value = TaskKind.class, names = {"CIRCLE", "XOR", "GAUSS", "SPIRAL"})
    void noiseFreePlanarSetsLieInTheUnitSquare(TaskKind kind) {
        // SCIENCE.md §2: x lies in [-1, 1]^d; Tasks: "the planar sets live in [-1, 1]²"
        DataSet d = Tasks.build(new TaskSpec(kind, 200, 12, 3, 4, 0.0, null), 5, 5).train();
        for (int n = 0; n < d.size(); n++) {
            for (int j = 0; j < 2; j++) {
                assertThat(d.x(n, j)).as("sample %d coordinate %d", n, j).isBetween(-1.0, 1.0);
            }
        }
    }

    @Test
    void spiralHasNoCleanTarget() {
        assertThat(Tasks.build(spec(TaskKind.SPIRAL, 50, 1), 5, 5).probeTarget()).isNull();
    }

    @Test
    void planarProbeGridIsGByGWithX1FromTheColumnAndX2FromTheRow() {
        int g = 5;
        Task t = Tasks.build(spec(TaskKind.CIRCLE, 30, 1), 7, g);
        assertThat(t.probeCount()).isEqualTo(g * g);
        assertThat(t.gridSide()).isEqualTo(g);
        assertThat(t.probe()).hasSize(2 * g * g);
        for (int r = 0; r < g; r++) {
            for (int c = 0; c < g; c++) {
                int idx = r * g + c;
                assertThat(t.probe()[2 * idx]).isCloseTo(-1 + 2.0 * c / (g - 1), within(1e-15));
                assertThat(t.probe()[2 * idx + 1]).isCloseTo(-1 + 2.0 * r / (g - 1), within(1e-15));
            }
        }
        assertThat(t.probeTarget()).hasSize(g * g);
        assertThat(t.featureCount()).isEqualTo(21 * 21);
        assertThat(t.featureGrid()).hasSize(2 * 21 * 21);
        assertThat(t.featureGrid()[0]).isEqualTo(-1.0);
        assertThat(t.featureGrid()[2 * 21 * 21 - 1]).isEqualTo(1.0);
        assertThat(t.lower()).containsExactly(-1.0, -1.0);
        assertThat(t.upper()).containsExactly(1.0, 1.0);
    }

    // --- CSV -------------------------------------------------------------------------------------------------

    private static Path write(Path dir, String name, String text) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, text);
        return p;
    }

    @Test
    void readCsvReadsInputsAndTargetsByHeaderName(@TempDir Path dir) throws IOException {
        DataSet d = Tasks.readCsv(write(dir, "a.csv", "x1,y1,y2\n0.5,1,0\n-0.25,0,1\n1.5,0.5,0.5\n"));
        assertThat(d.inputs()).isEqualTo(1);
        assertThat(d.outputs()).isEqualTo(2);
        assertThat(d.size()).isEqualTo(3);
        assertThat(d.x()).containsExactly(0.5, -0.25, 1.5);
        assertThat(d.y()).containsExactly(1, 0, 0, 1, 0.5, 0.5);
    }

    @Test
    void readCsvAcceptsColumnsInAnyOrder(@TempDir Path dir) throws IOException {
        DataSet d = Tasks.readCsv(write(dir, "b.csv", "y2,x1,y1\n7,0.5,3\n8,-0.5,4\n"));
        assertThat(d.x()).containsExactly(0.5, -0.5);
        assertThat(d.y()).containsExactly(3, 7, 4, 8);
    }

    @Test
    void readCsvRejectsAMissingColumn(@TempDir Path dir) throws IOException {
        Path p = write(dir, "c.csv", "x1,y2\n0.5,1\n0.6,2\n");
        assertThatThrownBy(() -> Tasks.readCsv(p)).isInstanceOf(IllegalArgumentException.class);
        Path q = write(dir, "c2.csv", "x2,y1\n0.5,1\n0.6,2\n");
        assertThatThrownBy(() -> Tasks.readCsv(q)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void readCsvRejectsAnUnknownColumn(@TempDir Path dir) throws IOException {
        Path p = write(dir, "u.csv", "x1,label\n0.5,1\n0.6,2\n");
        assertThatThrownBy(() -> Tasks.readCsv(p)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("label");
    }

    @Test
    void readCsvRejectsTextInANumberNamingTheLineAndColumn(@TempDir Path dir) throws IOException {
        Path p = write(dir, "d.csv", "x1,y1,y2\n0.5,1,0\n0.2,abc,1\n");
        assertThatThrownBy(() -> Tasks.readCsv(p)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("line 3").hasMessageContaining("y1").hasMessageContaining("abc");
    }

    @Test
    void readCsvRejectsFewerThanTwoRows(@TempDir Path dir) throws IOException {
        Path one = write(dir, "e.csv", "x1,y1\n0.5,1\n");
        assertThatThrownBy(() -> Tasks.readCsv(one)).isInstanceOf(IllegalArgumentException.class);
        Path none = write(dir, "f.csv", "x1,y1\n");
        assertThatThrownBy(() -> Tasks.readCsv(none)).isInstanceOf(IllegalArgumentException.class);
        Path empty = write(dir, "g.csv", "");
        assertThatThrownBy(() -> Tasks.readCsv(empty)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void csvTaskProbesTheRangeOfItsInputs(@TempDir Path dir) throws IOException {
        Path p = write(dir, "h.csv", "x1,y1\n0.5,1\n-0.25,0\n1.5,2\n");
        Task t = Tasks.build(new TaskSpec(TaskKind.CSV, 0, 0, 3, 4, 0, p.toString()), 8, 5);
        assertThat(t.train().size()).isEqualTo(3);
        assertEvenlySpaced(t.probe(), -0.25, 1.5);
        assertThat(t.probeTarget()).isNull();
        assertThat(t.lower()).containsExactly(-0.25);
        assertThat(t.upper()).containsExactly(1.5);
    }

    @ParameterizedTest
    @EnumSource(TaskKind.class)
    void taskKindIdsRoundTrip(TaskKind kind) {
        assertThat(TaskKind.fromId(kind.id())).isSameAs(kind);
    }
}
