package trlab.experiment.config;

import trlab.core.Activation;
import trlab.core.Parameterization;

import java.util.Objects;

/**
 * The {@code network} section: the one-hidden-layer network of SCIENCE.md §1 and its initialisation.
 *
 * @param width            N, the number of hidden neurons
 * @param activation       phi
 * @param parameterization output scaling s and the spread of the initial A
 * @param weightScale      W ~ N(0, weightScale² / d)
 * @param biasScale        b ~ N(0, biasScale²)
 * @param seed             seed of the initial parameters
 */
public record NetworkConfig(int width, Activation activation, Parameterization parameterization,
                            double weightScale, double biasScale, long seed) {

    private static final NetworkConfig DEFAULTS =
            new NetworkConfig(100, Activation.TANH, Parameterization.STANDARD, 1.0, 1.0, 1);

    public NetworkConfig {
        Objects.requireNonNull(activation, "network.activation");
        Objects.requireNonNull(parameterization, "network.parameterization");
    }

    public static NetworkConfig defaults() {
        return DEFAULTS;
    }

    public NetworkConfig withWidth(int v) { return new NetworkConfig(v, activation, parameterization, weightScale, biasScale, seed); }
    public NetworkConfig withActivation(Activation v) { return new NetworkConfig(width, v, parameterization, weightScale, biasScale, seed); }
    public NetworkConfig withParameterization(Parameterization v) { return new NetworkConfig(width, activation, v, weightScale, biasScale, seed); }
    public NetworkConfig withWeightScale(double v) { return new NetworkConfig(width, activation, parameterization, v, biasScale, seed); }
    public NetworkConfig withBiasScale(double v) { return new NetworkConfig(width, activation, parameterization, weightScale, v, seed); }
    public NetworkConfig withSeed(long v) { return new NetworkConfig(width, activation, parameterization, weightScale, biasScale, v); }
}
