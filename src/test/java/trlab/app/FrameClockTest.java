package trlab.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** The frame clock of a window left open for hours keeps a bounded memory and still reports the recent rate. */
class FrameClockTest {
    @Test
    void aLongSessionKeepsOnlyRecentFrames() {
        FrameClock clock = new FrameClock();
        long t = 0;
        for (int i = 0; i < 200_000; i++) {
            clock.tick(t);
            t += 20_000_000L; // 50 frames per second for a little over an hour
        }
        for (int i = 0; i < 1000; i++) {
            clock.tick(t);
            t += 10_000_000L; // then 100
        }
        assertThat(clock.frames()).isLessThanOrEqualTo(1 << 16).isGreaterThan(1000);
        assertThat(clock.intervalMillis(0.5)).isCloseTo(20, within(1e-9));
        assertThat(clock.intervalMillis(0.001)).isCloseTo(10, within(1e-9));
    }
}
