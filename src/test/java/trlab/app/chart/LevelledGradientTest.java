package trlab.app.chart;

import static org.assertj.core.api.Assertions.assertThat;

import io.fair_acc.chartfx.renderer.spi.utils.ColorGradient;
import java.lang.reflect.Field;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@link LevelledGradient}: the colours of ChartFX's gradient at 1/1024 steps, and a memory of them that stays
 * bounded however many values a heat map asks for, from however many threads.
 */
class LevelledGradientTest {

    private static int remembered(ColorGradient gradient) throws ReflectiveOperationException {
        Field bytes = ColorGradient.class.getDeclaredField("colorMapBytes");
        bytes.setAccessible(true);
        return ((Map<?, ?>) bytes.get(gradient)).size();
    }

    @Test
    void aColourIsChartFxsColourAtTheNearestLevel() {
        LevelledGradient levelled = new LevelledGradient(ColorGradient.VIRIDIS);
        ColorGradient plain = new ColorGradient("viridis", ColorGradient.VIRIDIS.getStops().toArray(
                javafx.scene.paint.Stop[]::new));
        Random random = new Random(3);
        for (int i = 0; i < 1000; i++) {
            double z = random.nextDouble();
            double level = Math.rint(z * LevelledGradient.LEVELS) / LevelledGradient.LEVELS;
            assertThat(Math.abs(level - z)).isLessThanOrEqualTo(0.5 / LevelledGradient.LEVELS);
            assertThat(levelled.getColorBytes(z)).containsExactly(plain.getColorBytes(level));
            assertThat(levelled.getColor(z)).isEqualTo(plain.getColor(level));
        }
    }

    @Test
    void aMillionValuesFromFourThreadsLeaveAtMostOneColourPerLevel() throws Exception {
        LevelledGradient gradient = new LevelledGradient(OutputChart.DIVERGING);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                long seed = t;
                done.add(pool.submit(() -> {
                    Random random = new Random(seed);
                    for (int i = 0; i < 250_000; i++) {
                        gradient.getColorBytes(random.nextDouble());
                    }
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
        assertThat(remembered(gradient)).isBetween(1, LevelledGradient.LEVELS + 1);
    }
}
