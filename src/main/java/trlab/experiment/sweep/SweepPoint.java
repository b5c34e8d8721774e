package trlab.experiment.sweep;

import trlab.experiment.config.ExperimentConfig;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One run of a sweep: its place in the spec's order, its grid values, its seed and the whole config it trains.
 *
 * @param values each grid field with its value here, in the spec's order
 */
public record SweepPoint(int index, Map<String, String> values, long seed, ExperimentConfig config) {

    public SweepPoint {
        values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    /**
     * The point's result file name: a hash of everything the run trains from (the config without its name and
     * description), so a result found in a sweep's folder belongs to this config, whatever spec or order led there.
     */
    public String key() {
        String training = config.withName("run").withDescription("").toJson();
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(training.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
