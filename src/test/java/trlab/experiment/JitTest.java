package trlab.experiment;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The JIT has settled when it compiled for less than a tenth of the time; a JVM that does not say never has. */
class JitTest {

    @Test
    void settledMeansCompilingForLessThanATenthOfTheTime() {
        assertThat(Jit.settled(1000, 1099, 1000)).isTrue();
        assertThat(Jit.settled(1000, 1100, 1000)).isFalse();
        assertThat(Jit.settled(1000, 1030, 500)).isTrue();
        assertThat(Jit.settled(1000, 1060, 500)).isFalse();
        assertThat(Jit.settled(-1, -1, 1000)).as("a JVM that does not report its compiling time").isFalse();
    }

    @Test
    void hotSpotReportsItsCompilingTime() {
        // were it -1, every benchmark would wait its longest before timing anything
        assertThat(Jit.compileMillis()).isNotNegative();
    }
}
