package trlab.core;

/** How the output layer is scaled: f = s * A phi + c (SCIENCE.md §1). */
public enum Parameterization {
    /** s = 1 and A ~ N(0, 1/N). */
    STANDARD("standard"),
    /** s = 1/sqrt(N) and A ~ N(0, 1): the neural-tangent parameterisation, lazy when wide. */
    NTK("ntk");

    private final String id;

    Parameterization(String id) {
        this.id = id;
    }

    /** The output scale s for width n. */
    public double outputScale(int width) {
        return this == NTK ? 1.0 / Math.sqrt(width) : 1.0;
    }

    /** Standard deviation of the initial output weights A for width n. */
    public double outputWeightStd(int width) {
        return this == NTK ? 1.0 : 1.0 / Math.sqrt(width);
    }

    public String id() {
        return id;
    }

    public static Parameterization fromId(String id) {
        for (Parameterization p : values()) {
            if (p.id.equals(id)) {
                return p;
            }
        }
        throw new IllegalArgumentException("unknown parameterization '" + id + "'");
    }

    @Override
    public String toString() {
        return id;
    }
}
