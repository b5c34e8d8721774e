package trlab.cli;

import java.util.Locale;

/** Turns what the code below says into text fit for one line on a terminal. */
final class Sentences {
    /** Longer messages are cut: a file's whole header or a huge value is no help on a terminal. */
    static final int MAX_LENGTH = 600;

    private Sentences() {
    }

    /** The first line of a message (picocli's usage errors may add more). */
    static String firstLine(String message) {
        String m = message == null ? "" : message.strip();
        int nl = m.indexOf('\n');
        m = nl < 0 ? m : m.substring(0, nl).strip();
        return clean(m.endsWith(".") ? m.substring(0, m.length() - 1) : m);
    }

    /** A message that ends as a sentence does, with a full stop. */
    static String ended(String message) {
        String m = message == null ? "" : message.strip();
        return m.endsWith(".") || m.endsWith("?") ? m : m + ".";
    }

    /**
     * A message with control characters (a NUL or an escape in a name or a value) shown as \\uXXXX, so that what
     * reaches the terminal is what the user can read and type, and cut to {@link #MAX_LENGTH}.
     */
    static String clean(String message) {
        String m = message == null ? "" : message;
        StringBuilder sb = new StringBuilder(Math.min(m.length(), MAX_LENGTH + 8));
        for (int i = 0; i < m.length() && sb.length() < MAX_LENGTH; i++) {
            char c = m.charAt(i);
            if (Character.isISOControl(c)) {
                sb.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
            } else {
                sb.append(c);
            }
        }
        if (sb.length() >= MAX_LENGTH && m.length() > MAX_LENGTH) {
            sb.append(" ...");
        }
        return sb.toString();
    }

    /** An internal fault in words: where it happened and what it says, without the Java class names. */
    static String fault(Throwable e) {
        StackTraceElement[] trace = e.getStackTrace();
        String where = trace.length == 0 ? "" : " in " + simple(trace[0].getClassName()) + "." + trace[0].getMethodName();
        String what = e.getMessage() == null ? "no detail" : e.getMessage().replaceAll("\\b(?:[a-z_$][\\w$]*\\.)+", "");
        String kind = e.getClass().getSimpleName().replaceAll("(Exception|Error)$", "")
                .replaceAll("([a-z])([A-Z])", "$1 $2").toLowerCase(Locale.ROOT);
        return clean(kind + where + ": " + what);
    }

    private static String simple(String className) {
        return className.substring(className.lastIndexOf('.') + 1);
    }
}
