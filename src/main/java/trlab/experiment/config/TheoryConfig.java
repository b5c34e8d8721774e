package trlab.experiment.config;

/**
 * The {@code theory} section (SCIENCE.md §6): the kernel models beside the network, and the plasticity probe.
 *
 * @param models          whether the frozen-kernel and response-law models run beside the network
 * @param start           t0 requested for the models; they start at max(start, the run's first step)
 * @param plasticitySteps gradient steps the plasticity probe takes
 */
public record TheoryConfig(boolean models, long start, int plasticitySteps) {

    private static final TheoryConfig DEFAULTS = new TheoryConfig(false, 0, 3);

    public static TheoryConfig defaults() {
        return DEFAULTS;
    }

    public TheoryConfig withModels(boolean v) { return new TheoryConfig(v, start, plasticitySteps); }
    public TheoryConfig withStart(long v) { return new TheoryConfig(models, v, plasticitySteps); }
    public TheoryConfig withPlasticitySteps(int v) { return new TheoryConfig(models, start, v); }
}
