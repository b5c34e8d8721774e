package trlab.app.chart;

import io.fair_acc.chartfx.renderer.spi.utils.ColorGradient;
import javafx.scene.paint.Color;
import javafx.scene.paint.Stop;

/**
 * A colour gradient read at 1/{@link #LEVELS} steps, one caller at a time. ChartFX's gradient remembers the colour
 * of every value it was asked for in a WeakHashMap, and its heat-map renderer asks from several worker threads at
 * once, which that map is not made for: over a lesson the memory grew without end (1.5 million live entries, about
 * 70 MB, after 25 minutes of the soak). Read at fixed levels and in turn, it holds at most LEVELS + 1 colours; a
 * step of 1/1024 of the colour range is below what the eye tells apart.
 */
final class LevelledGradient extends ColorGradient {
    static final int LEVELS = 1024;

    LevelledGradient(String name, Stop... stops) {
        super(name, stops);
    }

    /** The same stops as {@code gradient}. */
    LevelledGradient(ColorGradient gradient) {
        this(gradient.toString(), gradient.getStops().toArray(Stop[]::new));
    }

    static double level(double z) {
        return Math.rint(z * LEVELS) / LEVELS;
    }

    @Override
    public synchronized Color getColor(double z) {
        return super.getColor(level(z));
    }

    @Override
    public synchronized int[] getColorBytes(double z) {
        return super.getColorBytes(level(z));
    }
}
