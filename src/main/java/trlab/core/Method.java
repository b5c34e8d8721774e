package trlab.core;

/** How each step chooses its batch (SCIENCE.md §1). */
public enum Method {
    /** Every step uses all P samples: deterministic unless label noise is on. */
    FULL_BATCH("full-batch"),
    /** Each epoch walks a fresh random permutation in batches of batchSize; the last batch takes the rest. */
    SGD("sgd");

    private final String id;

    Method(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    public static Method fromId(String id) {
        for (Method m : values()) {
            if (m.id.equals(id)) {
                return m;
            }
        }
        throw new IllegalArgumentException("unknown method '" + id + "'");
    }

    @Override
    public String toString() {
        return id;
    }
}
