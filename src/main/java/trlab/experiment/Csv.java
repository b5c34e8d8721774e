package trlab.experiment;

/** Text for CSV files. */
public final class Csv {
    private Csv() {
    }

    /** A cell as CSV needs it: in double quotes (doubled inside) when it holds a comma or a quote. */
    public static String cell(String s) {
        return s.contains(",") || s.contains("\"") ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
    }
}
