package trlab.experiment.config;

import com.fasterxml.jackson.databind.JsonNode;
import trlab.core.Activation;
import trlab.core.Loss;
import trlab.core.Method;
import trlab.core.Parameterization;
import trlab.core.TaskKind;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Every config field with its JSON type and allowed range, in one table: the loader converts JSON with it and
 * the validator checks records with it, so a message says the same thing wherever the bad value came from.
 */
final class ConfigSchema {

    static final List<String> SECTIONS = List.of("task", "network", "training", "measure", "theory");

    enum Kind { INT, LONG, DOUBLE, BOOLEAN, ENUM, TEXT, OPTIONAL_TEXT, INT_LIST }

    /** The allowed set of a real-valued field; NaN and the infinities are never allowed. */
    enum Real {
        FINITE("it must be a finite number"),
        AT_LEAST_ZERO("it must be a finite number of at least 0"),
        POSITIVE("it must be a finite number greater than 0"),
        OPEN_UNIT("it must be a number greater than 0 and less than 1");

        final String allowed;

        Real(String allowed) {
            this.allowed = allowed;
        }

        boolean admits(double v) {
            if (!Double.isFinite(v)) {
                return false;
            }
            return switch (this) {
                case FINITE -> true;
                case AT_LEAST_ZERO -> v >= 0;
                case POSITIVE -> v > 0;
                case OPEN_UNIT -> v > 0 && v < 1;
            };
        }
    }

    /** The sections, for reading field values generically. */
    record Sections(TaskConfig task, NetworkConfig network, TrainingConfig training, MeasureConfig measure,
                    TheoryConfig theory) { }

    /**
     * One field. {@code section} is null for the top-level {@code name} and {@code description}.
     */
    record Field(String section, String name, Kind kind, long min, long max, Real real, List<String> choices,
                 Function<String, Object> enumParser, String allowedText, Function<Sections, Object> getter) {

        String path() {
            return section == null ? name : section + "." + name;
        }

        /** The clause after the semicolon: what is allowed. */
        String allowed() {
            if (allowedText != null) {
                return allowedText;
            }
            return switch (kind) {
                case INT, LONG -> min == Long.MIN_VALUE && max == Long.MAX_VALUE
                        ? "it must be an integer that fits in 64 bits"
                        : "it must be an integer from " + formatCount(min) + " to " + formatCount(max);
                case DOUBLE -> real.allowed;
                case BOOLEAN -> "it must be true or false";
                case ENUM -> "choose one of " + String.join(", ", choices);
                case TEXT -> "it must be a string";
                case OPTIONAL_TEXT -> "it must be a string or null";
                case INT_LIST -> "it must be a list of integers";
            };
        }

        /** Converts a JSON value of this field with a type check (and, for integers, the range). */
        Object convert(JsonNode node, String source) {
            switch (kind) {
                case INT, LONG: {
                    Long v = integralValue(node);
                    if (v == null) {
                        throw fail(source, path(), json(node), "is not an integer", allowed());
                    }
                    if (v < min || v > max || (kind == Kind.INT && (v < Integer.MIN_VALUE || v > Integer.MAX_VALUE))) {
                        throw fail(source, path(), json(node), "is out of range", allowed());
                    }
                    return kind == Kind.INT ? (Object) v.intValue() : (Object) v;
                }
                case DOUBLE: {
                    if (node.isNumber()) {
                        return node.doubleValue();
                    }
                    if (node.isTextual() && isNonFiniteWord(node.textValue())) {
                        throw fail(source, path(), json(node), "is not a finite number", allowed());
                    }
                    throw fail(source, path(), json(node), "is not a number", allowed());
                }
                case BOOLEAN: {
                    if (!node.isBoolean()) {
                        throw fail(source, path(), json(node), "is not true or false", allowed());
                    }
                    return node.booleanValue();
                }
                case ENUM: {
                    if (node.isTextual()) {
                        try {
                            return enumParser.apply(node.textValue());
                        } catch (IllegalArgumentException unknown) {
                            // falls through to the message listing the choices
                        }
                    }
                    throw fail(source, path(), json(node), "is not allowed", allowed());
                }
                case TEXT: {
                    if (!node.isTextual()) {
                        throw fail(source, path(), json(node), "is not a string", allowed());
                    }
                    return node.textValue();
                }
                case OPTIONAL_TEXT: {
                    if (node.isNull()) {
                        return null;
                    }
                    if (!node.isTextual()) {
                        throw fail(source, path(), json(node), "is not a string", allowed());
                    }
                    return node.textValue();
                }
                case INT_LIST: {
                    if (!node.isArray()) {
                        throw fail(source, path(), json(node), "is not a list", allowed());
                    }
                    int[] out = new int[node.size()];
                    for (int i = 0; i < out.length; i++) {
                        Long v = integralValue(node.get(i));
                        if (v == null || v < Integer.MIN_VALUE || v > Integer.MAX_VALUE) {
                            throw fail(source, path(), json(node), "holds " + json(node.get(i))
                                    + ", which is not a sample index", allowed());
                        }
                        out[i] = v.intValue();
                    }
                    return out;
                }
                default:
                    throw new AssertionError(kind);
            }
        }

        /** Checks the range of a value of this field taken from a record. */
        void check(Object value, String source) {
            switch (kind) {
                case INT, LONG -> {
                    long v = ((Number) value).longValue();
                    if (v < min || v > max) {
                        throw fail(source, path(), Long.toString(v), "is out of range", allowed());
                    }
                }
                case DOUBLE -> {
                    double v = (Double) value;
                    if (!Double.isFinite(v)) {
                        throw fail(source, path(), formatDouble(v), "is not a finite number", allowed());
                    }
                    if (!real.admits(v)) {
                        throw fail(source, path(), formatDouble(v), "is out of range", allowed());
                    }
                }
                default -> { }
            }
        }
    }

    static final List<Field> FIELDS;
    private static final Map<String, Field> BY_PATH = new LinkedHashMap<>();

    static {
        List<Field> f = new ArrayList<>();
        f.add(text(null, "name", s -> null));
        f.add(text(null, "description", s -> null));

        f.add(enumeration("task", "kind", TaskKind.values(), TaskKind::id, TaskKind::fromId, s -> s.task().kind()));
        f.add(integer("task", "points", 2, 1_000_000, s -> s.task().points()));
        f.add(longInt("task", "seed", Long.MIN_VALUE, Long.MAX_VALUE, s -> s.task().seed()));
        f.add(real("task", "omega", Real.FINITE, s -> s.task().omega()));
        f.add(integer("task", "regions", 2, 1000, s -> s.task().regions()));
        f.add(real("task", "noise", Real.AT_LEAST_ZERO, s -> s.task().noise()));
        f.add(new Field("task", "file", Kind.OPTIONAL_TEXT, 0, 0, null, null, null,
                "it must be the path of a CSV file (a string) or null", s -> s.task().file()));

        f.add(integer("network", "width", 1, 100_000, s -> s.network().width()));
        f.add(enumeration("network", "activation", Activation.values(), Activation::id, Activation::fromId,
                s -> s.network().activation()));
        f.add(enumeration("network", "parameterization", Parameterization.values(), Parameterization::id,
                Parameterization::fromId, s -> s.network().parameterization()));
        f.add(real("network", "weightScale", Real.AT_LEAST_ZERO, s -> s.network().weightScale()));
        f.add(real("network", "biasScale", Real.AT_LEAST_ZERO, s -> s.network().biasScale()));
        f.add(longInt("network", "seed", Long.MIN_VALUE, Long.MAX_VALUE, s -> s.network().seed()));

        f.add(enumeration("training", "method", Method.values(), Method::id, Method::fromId,
                s -> s.training().method()));
        f.add(new Field("training", "batchSize", Kind.INT, 1, Integer.MAX_VALUE, null, null, null,
                "it must be an integer from 1 to the number of points", s -> s.training().batchSize()));
        f.add(real("training", "learningRate", Real.POSITIVE, s -> s.training().learningRate()));
        f.add(real("training", "labelNoise", Real.AT_LEAST_ZERO, s -> s.training().labelNoise()));
        f.add(enumeration("training", "loss", Loss.values(), Loss::id, Loss::fromId, s -> s.training().loss()));
        f.add(longInt("training", "steps", 0, 1_000_000_000_000L, s -> s.training().steps()));
        f.add(longInt("training", "seed", Long.MIN_VALUE, Long.MAX_VALUE, s -> s.training().seed()));

        f.add(integer("measure", "probePoints", 2, 100_000, s -> s.measure().probePoints()));
        f.add(integer("measure", "gridPoints", 2, 1000, s -> s.measure().gridPoints()));
        f.add(integer("measure", "samplesPerDecade", 1, 1000, s -> s.measure().samplesPerDecade()));
        f.add(real("measure", "rankTolerance", Real.OPEN_UNIT, s -> s.measure().rankTolerance()));
        f.add(new Field("measure", "references", Kind.INT_LIST, 0, 0, null, null, null,
                "it must be a list of training-sample indices from 0 to P-1, or [] for the first, middle and last",
                s -> s.measure().references()));
        f.add(real("measure", "noiseEpsilon", Real.AT_LEAST_ZERO, s -> s.measure().noiseEpsilon()));
        f.add(integer("measure", "noiseDraws", 1, 10_000, s -> s.measure().noiseDraws()));

        f.add(new Field("theory", "models", Kind.BOOLEAN, 0, 0, null, null, null, null, s -> s.theory().models()));
        f.add(longInt("theory", "start", 0, 1_000_000_000_000L, s -> s.theory().start()));
        f.add(integer("theory", "plasticitySteps", 1, 1000, s -> s.theory().plasticitySteps()));

        FIELDS = List.copyOf(f);
        for (Field field : FIELDS) {
            BY_PATH.put(field.path(), field);
        }
    }

    private ConfigSchema() {
    }

    static Field field(String path) {
        return BY_PATH.get(path);
    }

    static List<Field> fieldsOf(String section) {
        return FIELDS.stream().filter(f -> section.equals(f.section())).toList();
    }

    static String fieldNamesOf(String section) {
        return fieldsOf(section).stream().map(Field::name).collect(Collectors.joining(", "));
    }

    /** Where each field's current value came from; for a rule over several fields, the latest of them. */
    static final class Origins {
        private final String fallback;
        private final Map<String, String> source = new HashMap<>();
        private final Map<String, Integer> rank = new HashMap<>();
        private int next = 1;

        private Origins(String fallback) {
            this.fallback = fallback;
        }

        static Origins all(String source) {
            return new Origins(source);
        }

        void set(String path, String from) {
            source.put(path, from);
            rank.put(path, next++);
        }

        String of(String... paths) {
            String best = fallback;
            int bestRank = 0;
            for (String p : paths) {
                int r = rank.getOrDefault(p, 0);
                if (r > bestRank) {
                    bestRank = r;
                    best = source.get(p);
                }
            }
            return best;
        }
    }

    /** All range and consistency rules; throws the first violation. */
    static void validate(Sections s, Origins origins) {
        TaskConfig task = s.task();
        NetworkConfig network = s.network();
        TrainingConfig training = s.training();
        MeasureConfig measure = s.measure();
        for (Field f : FIELDS) {
            if (f.section() != null) {
                f.check(f.getter().apply(s), origins.of(f.path()));
            }
        }
        boolean fromFile = task.kind() == TaskKind.CSV;
        int p = task.points();

        if (fromFile && (task.file() == null || task.file().isBlank())) {
            throw fail(origins.of("task.file", "task.kind"), "task.file",
                    task.file() == null ? "null" : quote(task.file()), "is not allowed when task.kind is \"csv\"",
                    "it must be the path of the CSV file to train on");
        }
        if (training.loss() == Loss.CROSS_ENTROPY && !task.mayHaveOneHotTargets()) {
            throw fail(origins.of("training.loss", "task.kind"), "training.loss", quote(training.loss().id()),
                    "needs one-hot targets, which task.kind \"" + task.kind().id() + "\" does not have",
                    "use task.kind encoding or csv, or training.loss mse");
        }
        if (!fromFile && training.method() == Method.SGD && training.batchSize() > p) {
            throw fail(origins.of("training.batchSize", "task.points", "training.method"), "training.batchSize",
                    Integer.toString(training.batchSize()), "is larger than the data",
                    "the data has " + p + " points (task.points), so it must be an integer from 1 to " + p);
        }
        for (int r : measure.references()) {
            if (r < 0 || (!fromFile && r >= p)) {
                String allowed = fromFile ? "each index must be at least 0"
                        : "the data has " + p + " points (task.points), so each index must be from 0 to " + (p - 1);
                throw fail(origins.of("measure.references", "task.points"), "measure.references",
                        Arrays.toString(measure.references()), "holds " + r + ", which is not a training sample",
                        allowed);
            }
        }
        if (!fromFile) {
            // a CSV's sizes are known once it is read (trlab.experiment.Experiments checks them then)
            Budget.check(new Budget.Sizes(p, "task.points", task.kind().inputs(), task.kind() == TaskKind.ENCODING
                    ? task.regions() : 1, measure.referenceIndices(p).length), network, measure, s.theory(),
                    origins::of);
        }
    }

    static ConfigException fail(String source, String path, String value, String problem, String allowed) {
        return new ConfigException(source + ": " + path + " = " + value + " " + problem + "; " + allowed + ".");
    }

    /** A JSON value as the user wrote it, shortened if long. */
    static String json(JsonNode node) {
        return shorten(node.toString());
    }

    /** Text as a message shows it: cut to 80 characters, so a huge value does not drown the sentence. */
    static String shorten(String s) {
        return s.length() > 80 ? s.substring(0, 77) + "..." : s;
    }

    static String quote(String s) {
        return "\"" + s + "\"";
    }

    static String formatDouble(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        return Double.toString(v);
    }

    /** 1000000 and up as powers of ten where exact, so a range reads at a glance. */
    static String formatCount(long v) {
        if (v >= 1_000_000) {
            long x = v;
            int k = 0;
            while (x % 10 == 0) {
                x /= 10;
                k++;
            }
            if (x == 1) {
                return "10^" + k;
            }
        }
        return Long.toString(v);
    }

    private static boolean isNonFiniteWord(String s) {
        String t = s.trim().toLowerCase(Locale.ROOT);
        return t.equals("nan") || t.matches("[+-]?(inf|infinity)");
    }

    /** The exact integer a JSON number holds (1e5 and 100.0 count), or null if it holds none. */
    static Long integralValue(JsonNode node) {
        if (node == null || !node.isNumber()) {
            return null;
        }
        if (node.isIntegralNumber()) {
            return node.canConvertToLong() ? node.longValue() : null;
        }
        double d = node.doubleValue();
        if (Double.isFinite(d) && d == Math.rint(d) && Math.abs(d) < 0x1p63) {
            return (long) d;
        }
        return null;
    }

    private static Field text(String section, String name, Function<Sections, Object> getter) {
        return new Field(section, name, Kind.TEXT, 0, 0, null, null, null, null, getter);
    }

    private static Field integer(String section, String name, long min, long max, Function<Sections, Object> getter) {
        return new Field(section, name, Kind.INT, min, max, null, null, null, null, getter);
    }

    private static Field longInt(String section, String name, long min, long max, Function<Sections, Object> getter) {
        return new Field(section, name, Kind.LONG, min, max, null, null, null, null, getter);
    }

    private static Field real(String section, String name, Real real, Function<Sections, Object> getter) {
        return new Field(section, name, Kind.DOUBLE, 0, 0, real, null, null, null, getter);
    }

    private static <E extends Enum<E>> Field enumeration(String section, String name, E[] values,
                                                         Function<E, String> id, Function<String, E> parser,
                                                         Function<Sections, Object> getter) {
        List<String> ids = Arrays.stream(values).map(id).toList();
        return new Field(section, name, Kind.ENUM, 0, 0, null, ids, parser::apply, null, getter);
    }
}
