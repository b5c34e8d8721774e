package trlab.cli;

import java.io.PrintStream;
import java.util.Locale;

/**
 * One progress line (step, steps per second, time left) rewritten in place on a terminal, at most a few times a
 * second; silent when stderr is not a terminal, so piped output stays clean.
 */
final class Progress {
    private static final long INTERVAL_NANOS = 250_000_000L;
    private final PrintStream out;
    private final boolean enabled;
    private final long startNanos = System.nanoTime();
    private final long startStep;
    private final long endStep;
    /** What is progressing, e.g. "arm 2 of 3: ", or empty. */
    private final String what;
    private long lastPrint;
    private boolean printed;

    Progress(PrintStream out, long startStep, long endStep) {
        this(out, startStep, endStep, "");
    }

    Progress(PrintStream out, long startStep, long endStep, String what) {
        this.out = out;
        this.what = what;
        this.enabled = System.console() != null;
        this.startStep = startStep;
        this.endStep = endStep;
    }

    void update(long step) {
        if (!enabled) {
            return;
        }
        long now = System.nanoTime();
        if (now - lastPrint < INTERVAL_NANOS) {
            return;
        }
        lastPrint = now;
        double seconds = (now - startNanos) / 1e9;
        double rate = seconds > 0 ? (step - startStep) / seconds : 0;
        String left = rate > 0 ? duration((endStep - step) / rate) : "?";
        out.printf(Locale.ROOT, "\r%sstep %,d / %,d   %,.0f steps/s   %s left   ", what, step, endStep, rate, left);
        out.flush();
        printed = true;
    }

    void done() {
        if (printed) {
            out.print("\r" + " ".repeat(72 + what.length()) + "\r");
            out.flush();
        }
    }

    static String duration(double seconds) {
        if (seconds < 90) {
            return String.format(Locale.ROOT, "%.0f s", seconds);
        }
        if (seconds < 5400) {
            return String.format(Locale.ROOT, "%.0f min", seconds / 60);
        }
        return String.format(Locale.ROOT, "%.1f h", seconds / 3600);
    }
}
