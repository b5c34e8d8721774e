package trlab.experiment;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import trlab.core.DataSet;
import trlab.core.InputFile;
import trlab.core.Network;
import trlab.experiment.config.ConfigException;
import trlab.experiment.config.ConfigLoader;
import trlab.experiment.config.ExperimentConfig;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * The state file {@code trlab-state/1} (SCIENCE.md §5): config, step, params {W, b, A, c} and data {x, y}, enough for
 * another implementation to replay the run from the same weights.
 */
public final class StateFile {
    public static final String FORMAT = "trlab-state/1";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    /** The largest state file: a network of width 10^5 with 10^5 samples of data takes far less. */
    static final long MAX_BYTES = 256_000_000L;
    /**
     * The latest step a state may be at: steps are recorded beside the measurements as doubles, which hold every
     * whole number only up to 2^53 (about 9 x 10^15); 10^15 leaves room for training.steps (at most 10^12).
     */
    public static final long MAX_STEP = 1_000_000_000_000_000L;

    private StateFile() {
    }

    /** A network at time {@code step}, trained on {@code data} under {@code config}. */
    public record State(ExperimentConfig config, long step, Network network, DataSet data) {
    }

    /** A state whose network is a copy, so later training does not change it. */
    public static State copyOf(State s) {
        return new State(s.config(), s.step(), s.network().copy(), s.data());
    }

    public static ObjectNode toTree(State s) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        ObjectNode root = f.objectNode();
        root.put("format", FORMAT);
        root.set("config", s.config().toJsonTree());
        root.put("step", s.step());
        Network n = s.network();
        ObjectNode params = root.putObject("params");
        params.set("W", rows(n.w, n.width, n.inputs));
        params.set("b", row(n.b, 0, n.width));
        params.set("A", rows(n.a, n.outputs, n.width));
        params.set("c", row(n.c, 0, n.outputs));
        ObjectNode data = root.putObject("data");
        data.set("x", rows(s.data().x(), s.data().size(), s.data().inputs()));
        data.set("y", rows(s.data().y(), s.data().size(), s.data().outputs()));
        return root;
    }

    public static String toJson(State s) {
        try {
            return JSON.writeValueAsString(toTree(s));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public static void write(State s, Path file) throws IOException {
        AtomicFiles.write(file, toJson(s));
    }

    /** Reads a state file, refusing what presets refuse too: duplicate keys, trailing content, parser limits. */
    public static State read(Path file) {
        String name = file.getFileName() == null ? file.toString() : file.getFileName().toString();
        String text;
        try {
            text = InputFile.read(file, "a state file", MAX_BYTES);
        } catch (IllegalArgumentException e) {
            throw new ConfigException(e.getMessage(), e);
        }
        return fromTree(ConfigLoader.readTree(text, name), name);
    }

    /** Reads a state, checking the format tag and that every array has the shape its config implies. */
    public static State fromTree(JsonNode root, String name) {
        if (root == null || !root.isObject()) {
            throw new ConfigException(name + ": a state file must be a JSON object with format \"" + FORMAT + "\".");
        }
        JsonNode format = root.get("format");
        if (format == null || !FORMAT.equals(format.asText())) {
            throw new ConfigException(name + ": format is " + (format == null ? "missing" : ConfigLoader.shown(format))
                    + "; a state file must say \"format\": \"" + FORMAT + "\".");
        }
        ExperimentConfig config = ConfigLoader.fromTree(require(root, "config", name), name + " (config)", List.of());
        JsonNode stepNode = require(root, "step", name);
        if (!stepNode.canConvertToLong() || !stepNode.isIntegralNumber() || stepNode.asLong() < 0
                || stepNode.asLong() > MAX_STEP) {
            throw new ConfigException(name + ": step = " + ConfigLoader.shown(stepNode) + " must be a whole number"
                    + " from 0 to 10^15 (steps are recorded exactly only that far).");
        }
        JsonNode params = require(root, "params", name);
        JsonNode data = require(root, "data", name);
        JsonNode xNode = require(data, "x", name + " data");
        int p = xNode.isArray() ? xNode.size() : -1;
        if (p < 1) {
            throw new ConfigException(name + ": data.x must be an array of input rows.");
        }
        int d = xNode.get(0).isArray() ? xNode.get(0).size() : -1;
        JsonNode yNode = require(data, "y", name + " data");
        int k = yNode.isArray() && yNode.size() > 0 && yNode.get(0).isArray() ? yNode.get(0).size() : -1;
        if (d < 1 || k < 1) {
            throw new ConfigException(name + ": data.x and data.y must be arrays of rows (P rows of d, P rows of K).");
        }
        double[] x = matrix(xNode, p, d, name, "data.x");
        double[] y = matrix(yNode, p, k, name, "data.y");
        int width = config.network().width();
        Network net = new Network(d, width, k, config.network().activation(), config.network().parameterization());
        copy(matrix(require(params, "W", name), width, d, name, "params.W"), net.w);
        copy(vector(require(params, "b", name), width, name, "params.b"), net.b);
        copy(matrix(require(params, "A", name), k, width, name, "params.A"), net.a);
        copy(vector(require(params, "c", name), k, name, "params.c"), net.c);
        return new State(config, stepNode.asLong(), net, new DataSet(d, k, p, x, y));
    }

    private static JsonNode require(JsonNode node, String field, String where) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            throw new ConfigException(where + ": the field \"" + field + "\" is missing.");
        }
        return v;
    }

    private static void copy(double[] from, double[] to) {
        System.arraycopy(from, 0, to, 0, to.length);
    }

    private static double[] matrix(JsonNode node, int rows, int cols, String name, String field) {
        if (!node.isArray() || node.size() != rows) {
            throw new ConfigException(name + ": " + field + " has " + (node.isArray() ? node.size() + " rows" : "no rows")
                    + "; its config and data need " + rows + " rows of " + cols + ".");
        }
        double[] out = new double[rows * cols];
        for (int r = 0; r < rows; r++) {
            double[] row = vector(node.get(r), cols, name, field + "[" + r + "]");
            System.arraycopy(row, 0, out, r * cols, cols);
        }
        return out;
    }

    private static double[] vector(JsonNode node, int n, String name, String field) {
        if (!node.isArray() || node.size() != n) {
            throw new ConfigException(name + ": " + field + " has " + (node.isArray() ? node.size() + " values" : "no values")
                    + "; its config and data need " + n + ".");
        }
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            JsonNode v = node.get(i);
            if (!v.isNumber() || !Double.isFinite(v.asDouble())) {
                throw new ConfigException(name + ": " + field + "[" + i + "] = " + ConfigLoader.shown(v)
                        + " must be a finite number.");
            }
            out[i] = v.asDouble();
        }
        return out;
    }

    private static ArrayNode rows(double[] v, int rows, int cols) {
        ArrayNode a = JsonNodeFactory.instance.arrayNode(rows);
        for (int r = 0; r < rows; r++) {
            a.add(row(v, r * cols, cols));
        }
        return a;
    }

    private static ArrayNode row(double[] v, int offset, int n) {
        ArrayNode a = JsonNodeFactory.instance.arrayNode(n);
        for (int i = 0; i < n; i++) {
            a.add(v[offset + i]);
        }
        return a;
    }
}
