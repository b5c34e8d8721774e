package trlab.experiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import trlab.experiment.config.ExperimentConfig;

import java.util.List;
import java.util.stream.LongStream;

class ScheduleTest {

    @Test
    void aShortRunRecordsTheExactLogSpacedSteps() {
        // round(10^(j/4)): 1, 2 (1.78), 3 (3.16), 6 (5.62), 10, 18, 32, 56, 100
        assertThat(new Schedule(0, 100, 4).steps()).containsExactly(0L, 1L, 2L, 3L, 6L, 10L, 18L, 32L, 56L, 100L);
        assertThat(new Schedule(0, 50, 4).steps()).containsExactly(0L, 1L, 2L, 3L, 6L, 10L, 18L, 32L, 50L);
    }

    @Test
    void tenMillionStepsAtTwentyPerDecadeKeepAbout140Samples() {
        Schedule s = new Schedule(0, 10_000_000L, 20);
        List<Long> steps = s.steps();
        assertThat(steps.get(0)).isZero();
        assertThat(steps.get(steps.size() - 1)).isEqualTo(10_000_000L);
        assertThat(steps).isSorted().doesNotHaveDuplicates();
        assertThat(steps.size()).isBetween(120, 145);
        assertThat(s.size()).isEqualTo(steps.size());
        // every step from 1000 on is a distinct round(10^(j/20)), j = 60..140
        assertThat(steps.stream().filter(t -> t >= 1000)).hasSize(81);
    }

    @Test
    void stepsAreStrictlyIncreasingAndMatchTheDefinition() {
        for (int spd : new int[] {1, 3, 20, 1000}) {
            Schedule s = new Schedule(0, 123_456L, spd);
            List<Long> steps = s.steps();
            for (int i = 1; i < steps.size(); i++) {
                assertThat(steps.get(i)).isGreaterThan(steps.get(i - 1));
            }
            // brute force of the definition
            List<Long> expected = LongStream.concat(LongStream.concat(LongStream.of(0),
                            LongStream.rangeClosed(0, 6L * spd)
                                    .map(j -> Math.round(StrictMath.pow(10, j / (double) spd)))
                                    .filter(t -> t > 0 && t < 123_456L).distinct().sorted()),
                    LongStream.of(123_456L)).boxed().toList();
            assertThat(steps).as("samplesPerDecade %d", spd).isEqualTo(expected);
        }
    }

    @Test
    void aRunContinuedFromALaterStepStartsThereAndKeepsTheSameGrid() {
        Schedule s = new Schedule(1234, 100_000, 20);
        List<Long> steps = s.steps();
        assertThat(steps.get(0)).isEqualTo(1234L);
        assertThat(steps.get(1)).isEqualTo(1259L); // round(10^(62/20)) = round(1258.9)
        assertThat(steps.get(steps.size() - 1)).isEqualTo(100_000L);
        assertThat(steps).isSorted().doesNotHaveDuplicates();
        List<Long> fromZero = new Schedule(0, 100_000, 20).steps();
        assertThat(steps.subList(1, steps.size())).isEqualTo(
                fromZero.stream().filter(t -> t > 1234).toList());
    }

    @Test
    void nextWalksTheScheduleAndStopsAfterTheEnd() {
        Schedule s = new Schedule(5, 20, 10);
        assertThat(s.next(-1)).isEqualTo(5);
        assertThat(s.next(4)).isEqualTo(5);
        assertThat(s.next(5)).isEqualTo(6);   // round(10^(8/10)) = 6
        assertThat(s.next(19)).isEqualTo(20);
        assertThat(s.next(20)).isEqualTo(Schedule.NONE);
        assertThat(s.isRecordingStep(5)).isTrue();
        assertThat(s.isRecordingStep(7)).isFalse();  // 6.31 -> 6, 7.94 -> 8
        assertThat(s.isRecordingStep(8)).isTrue();
        assertThat(s.isRecordingStep(20)).isTrue();
        assertThat(s.isRecordingStep(21)).isFalse();
        assertThat(s.isRecordingStep(4)).isFalse();
    }

    @Test
    void aRunOfZeroStepsRecordsOnlyItsStart() {
        assertThat(new Schedule(7, 7, 20).steps()).containsExactly(7L);
    }

    @Test
    void aTrillionStepsIsCheap() {
        Schedule s = new Schedule(0, 1_000_000_000_000L, 1000);
        List<Long> steps = s.steps();
        assertThat(steps.get(steps.size() - 1)).isEqualTo(1_000_000_000_000L);
        assertThat(steps).isSorted().doesNotHaveDuplicates();
        assertThat(steps.size()).isLessThan(12 * 1000 + 2);
    }

    @Test
    void forRunEndsAfterTheConfiguredSteps() {
        Schedule s = Schedule.forRun(ExperimentConfig.defaults(), 50);
        assertThat(s.start()).isEqualTo(50);
        assertThat(s.end()).isEqualTo(100_050);
        assertThat(s.samplesPerDecade()).isEqualTo(20);
    }

    @Test
    void impossibleSchedulesAreRejected() {
        assertThatThrownBy(() -> new Schedule(-1, 10, 20)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Schedule(10, 5, 20)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Schedule(0, 5, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
