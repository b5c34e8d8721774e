package trlab.core;

/** The data sets of SCIENCE.md §2. */
public enum TaskKind {
    SINE("sine", 1),
    ENCODING("encoding", 1),
    RANDOM_LABELS("random-labels", 1),
    TEACHER("teacher", 1),
    CIRCLE("circle", 2),
    XOR("xor", 2),
    GAUSS("gauss", 2),
    SPIRAL("spiral", 2),
    /** A user's file; its dimensions come from the header. */
    CSV("csv", 0);

    private final String id;
    private final int inputs;

    TaskKind(String id, int inputs) {
        this.id = id;
        this.inputs = inputs;
    }

    public String id() {
        return id;
    }

    /** Input dimension d, or 0 when the data decides. */
    public int inputs() {
        return inputs;
    }

    public static TaskKind fromId(String id) {
        for (TaskKind t : values()) {
            if (t.id.equals(id)) {
                return t;
            }
        }
        throw new IllegalArgumentException("unknown task kind '" + id + "'");
    }

    @Override
    public String toString() {
        return id;
    }
}
