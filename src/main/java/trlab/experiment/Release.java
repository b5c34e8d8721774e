package trlab.experiment;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Properties;

/**
 * What a school or a lab checks before installing: the lab's name and version (from the build), its licence, the
 * paper it reproduces and how to cite both, for {@code --version} and Help > About.
 */
public final class Release {
    public static final String NAME = "Training Response Lab";
    public static final String LICENSE = "Apache License 2.0";
    public static final String PAPER = "K. Nakazato, \"A simple theory for training response of deep neural"
            + " networks\", arXiv:2405.04074 (2024)";
    private static final String VERSION = readVersion();

    private Release() {
    }

    /** The version the build wrote into trlab/release.properties, e.g. "1.0.0". */
    public static String version() {
        return VERSION;
    }

    private static String readVersion() {
        try (InputStream in = Release.class.getResourceAsStream("/trlab/release.properties")) {
            if (in == null) {
                throw new IllegalStateException("trlab/release.properties is missing from the build");
            }
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("version");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The About text, line by line: the lab, what it reproduces, and how to cite it (as CITATION.cff says). */
    public static List<String> about() {
        return List.of(
                NAME + " (trlab) " + version(),
                "Watch a small neural network learn and see why: the training response (the empirical neural tangent"
                        + " kernel), its aging, the feature space that stochastic training shrinks, fragility, and the"
                        + " theory's kernel models beside the network.",
                "It reproduces the findings of " + PAPER + ".",
                "How to cite: cite the paper above, and the software as \"" + NAME + " (trlab), version " + version()
                        + "\" (CITATION.cff in the source gives both).",
                "Licence: " + LICENSE + ".");
    }
}
