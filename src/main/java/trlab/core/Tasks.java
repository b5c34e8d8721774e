package trlab.core;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Builds the data sets of SCIENCE.md §2. Every generated set is a pure function of the task's seed.
 *
 * <p>Where SCIENCE.md leaves a choice open it is made here, once: random-label inputs are sorted (so that the
 * first, middle and last reference inputs lie left, centre and right); the planar sets live in [-1, 1]² with
 * the positive class first; their input noise adds noise * U(-1, 1) to each coordinate of a point after its
 * label is fixed.
 */
public final class Tasks {
    /** Side of the 2-D sub-grid on which hidden features are compared. */
    public static final int FEATURE_GRID_SIDE = 21;
    /**
     * The largest CSV data set: 256 MB of text holds the most rows the lab trains on ({@link #MAX_ROWS}) in any
     * ordinary notation.
     */
    public static final long MAX_CSV_BYTES = 256_000_000L;
    /** The most data rows, as for a generated task (task.points). */
    public static final int MAX_ROWS = 1_000_000;
    /**
     * The largest input value: the kernel multiplies inputs (x'·x) and the network scales them by its weights, so
     * inputs far beyond this overflow double precision on the way, whatever the network.
     */
    public static final double MAX_INPUT = 1e100;
    /** Width of the teacher network of the {@code teacher} task. */
    public static final int TEACHER_WIDTH = 8;

    private Tasks() {
    }

    /** The task with M probe points (d = 1) or a G x G probe grid (d = 2). */
    public static Task build(TaskSpec spec, int probePoints, int gridSide) {
        return switch (spec.kind()) {
            case SINE -> sine(spec, probePoints);
            case ENCODING -> encoding(spec, probePoints);
            case RANDOM_LABELS -> randomLabels(spec, probePoints);
            case TEACHER -> teacher(spec, probePoints);
            case CIRCLE, XOR, GAUSS, SPIRAL -> planar(spec, gridSide);
            case CSV -> csv(spec, probePoints, gridSide);
        };
    }

    private static Task sine(TaskSpec spec, int m) {
        int p = spec.points();
        double[] x = evenlySpaced(-1, 1, p);
        double[] y = new double[p];
        for (int n = 0; n < p; n++) {
            y[n] = Math.sin(spec.omega() * x[n]);
        }
        double[] probe = evenlySpaced(-1, 1, m);
        double[] target = new double[m];
        for (int n = 0; n < m; n++) {
            target[n] = Math.sin(spec.omega() * probe[n]);
        }
        return line(spec.kind(), new DataSet(1, 1, p, x, y), probe, target, -1, 1);
    }

    private static Task encoding(TaskSpec spec, int m) {
        int p = spec.points();
        int regions = spec.regions();
        double[] x = evenlySpaced(0, 1, p);
        double[] probe = evenlySpaced(0, 1, m);
        return line(spec.kind(), new DataSet(1, regions, p, x, oneHotRegions(x, regions)), probe,
                oneHotRegions(probe, regions), 0, 1);
    }

    private static double[] oneHotRegions(double[] x, int regions) {
        double[] y = new double[x.length * regions];
        for (int n = 0; n < x.length; n++) {
            int r = Math.min(regions - 1, Math.max(0, (int) Math.floor(regions * x[n])));
            y[n * regions + r] = 1.0;
        }
        return y;
    }

    private static Task randomLabels(TaskSpec spec, int m) {
        int p = spec.points();
        Rng rng = new Rng(spec.seed());
        double[] x = new double[p];
        for (int n = 0; n < p; n++) {
            x[n] = rng.uniform(-1, 1);
        }
        Arrays.sort(x);
        double[] y = new double[p];
        for (int n = 0; n < p; n++) {
            y[n] = rng.nextDouble() < 0.5 ? 1.0 : -1.0;
        }
        return line(spec.kind(), new DataSet(1, 1, p, x, y), evenlySpaced(-1, 1, m), null, -1, 1);
    }

    /** y = sum_i a_i tanh(w_i x + b_i) with w ~ N(0, 4), b ~ N(0, 1), a ~ N(0, 1/8), from the task's seed. */
    private static Task teacher(TaskSpec spec, int m) {
        Rng rng = new Rng(spec.seed());
        double[] tw = new double[TEACHER_WIDTH];
        double[] tb = new double[TEACHER_WIDTH];
        double[] ta = new double[TEACHER_WIDTH];
        for (int i = 0; i < TEACHER_WIDTH; i++) {
            tw[i] = 2.0 * rng.nextGaussian();
        }
        for (int i = 0; i < TEACHER_WIDTH; i++) {
            tb[i] = rng.nextGaussian();
        }
        for (int i = 0; i < TEACHER_WIDTH; i++) {
            ta[i] = rng.nextGaussian() / Math.sqrt(TEACHER_WIDTH);
        }
        int p = spec.points();
        double[] x = evenlySpaced(-1, 1, p);
        double[] probe = evenlySpaced(-1, 1, m);
        return line(spec.kind(), new DataSet(1, 1, p, x, teach(x, tw, tb, ta)), probe, teach(probe, tw, tb, ta),
                -1, 1);
    }

    private static double[] teach(double[] x, double[] tw, double[] tb, double[] ta) {
        double[] y = new double[x.length];
        for (int n = 0; n < x.length; n++) {
            double sum = 0;
            for (int i = 0; i < tw.length; i++) {
                sum += ta[i] * Math.tanh(tw[i] * x[n] + tb[i]);
            }
            y[n] = sum;
        }
        return y;
    }

    private static Task planar(TaskSpec spec, int g) {
        int p = spec.points();
        int positives = (p + 1) / 2;
        Rng rng = new Rng(spec.seed());
        double[] x = new double[2 * p];
        double[] y = new double[p];
        for (int n = 0; n < p; n++) {
            boolean positive = n < positives;
            double x1;
            double x2;
            switch (spec.kind()) {
                case CIRCLE -> {
                    double r = positive ? rng.uniform(0, 0.5) : rng.uniform(0.7, 1.0);
                    double angle = rng.uniform(0, 2 * Math.PI);
                    x1 = r * Math.cos(angle);
                    x2 = r * Math.sin(angle);
                }
                case XOR -> {
                    // points keep a margin of 0.05 from the axes, so the clean classes are separable
                    double u1 = rng.uniform(-0.95, 0.95);
                    double u2 = rng.uniform(-0.95, 0.95);
                    x1 = u1 + Math.copySign(0.05, u1);
                    x2 = u2 + Math.copySign(0.05, u2);
                    positive = x1 * x2 > 0;
                }
                case GAUSS -> {
                    // a blob of standard deviation 0.2, truncated to the square by drawing again
                    double centre = positive ? 0.5 : -0.5;
                    do {
                        x1 = centre + 0.2 * rng.nextGaussian();
                        x2 = centre + 0.2 * rng.nextGaussian();
                    } while (Math.abs(x1) > 1 || Math.abs(x2) > 1);
                }
                case SPIRAL -> {
                    int arm = positive ? n : n - positives;
                    int armSize = positive ? positives : p - positives;
                    double r = (double) arm / armSize;
                    double t = 1.75 * r * 2 * Math.PI + (positive ? 0 : Math.PI);
                    x1 = r * Math.sin(t);
                    x2 = r * Math.cos(t);
                }
                default -> throw new IllegalStateException(spec.kind().id());
            }
            x[2 * n] = x1 + spec.noise() * rng.uniform(-1, 1);
            x[2 * n + 1] = x2 + spec.noise() * rng.uniform(-1, 1);
            y[n] = positive ? 1.0 : -1.0;
        }
        double[] lower = {-1, -1};
        double[] upper = {1, 1};
        double[] probe = squareGrid(lower, upper, g);
        double[] target = planarTarget(spec.kind(), probe);
        return plane(spec.kind(), new DataSet(2, 1, p, x, y), probe, g, target, lower, upper);
    }

    /** The noise-free decision rule of a planar set, where it has one (spiral has none). */
    private static double[] planarTarget(TaskKind kind, double[] grid) {
        if (kind == TaskKind.SPIRAL) {
            return null;
        }
        int m = grid.length / 2;
        double[] t = new double[m];
        for (int n = 0; n < m; n++) {
            double x1 = grid[2 * n];
            double x2 = grid[2 * n + 1];
            boolean positive = switch (kind) {
                case CIRCLE -> Math.hypot(x1, x2) < 0.6;
                case XOR -> x1 * x2 > 0;
                case GAUSS -> x1 + x2 > 0;
                default -> throw new IllegalStateException(kind.id());
            };
            t[n] = positive ? 1.0 : -1.0;
        }
        return t;
    }

    private static Task csv(TaskSpec spec, int m, int g) {
        DataSet data = readCsv(Path.of(spec.file()));
        int d = data.inputs();
        double[] lower = new double[d];
        double[] upper = new double[d];
        Arrays.fill(lower, Double.POSITIVE_INFINITY);
        Arrays.fill(upper, Double.NEGATIVE_INFINITY);
        for (int n = 0; n < data.size(); n++) {
            for (int j = 0; j < d; j++) {
                lower[j] = Math.min(lower[j], data.x(n, j));
                upper[j] = Math.max(upper[j], data.x(n, j));
            }
        }
        for (int j = 0; j < d; j++) {
            if (upper[j] == lower[j]) {
                lower[j] -= 1;
                upper[j] += 1;
            }
        }
        if (d == 1) {
            return line(TaskKind.CSV, data, evenlySpaced(lower[0], upper[0], m), null, lower[0], upper[0]);
        }
        if (d == 2) {
            return plane(TaskKind.CSV, data, squareGrid(lower, upper, g), g, null, lower, upper);
        }
        throw new IllegalArgumentException(spec.file() + ": has " + d + " input columns; the lab draws 1 or 2");
    }

    /**
     * Reads a CSV whose header names the columns x1..xd and y1..yK (in any order; other columns are an error).
     */
    public static DataSet readCsv(Path file) {
        List<String> lines = InputFile.read(file, "a CSV data set", MAX_CSV_BYTES).lines().toList();
        String name = file.getFileName() == null ? file.toString() : file.getFileName().toString();
        if (lines.isEmpty() || lines.get(0).isBlank()) {
            throw new IllegalArgumentException(name + ": is empty; the first line must name the columns x1..xd, y1..yK");
        }
        String[] header = lines.get(0).split(",", -1);
        int d = 0;
        int k = 0;
        int[] role = new int[header.length]; // index into x (>= 0) or -(index into y) - 1
        for (int col = 0; col < header.length; col++) {
            String h = header[col].trim();
            if (h.matches("x[1-9][0-9]*")) {
                role[col] = Integer.parseInt(h.substring(1)) - 1;
                d = Math.max(d, role[col] + 1);
            } else if (h.matches("y[1-9][0-9]*")) {
                int idx = Integer.parseInt(h.substring(1)) - 1;
                role[col] = -idx - 1;
                k = Math.max(k, idx + 1);
            } else {
                throw new IllegalArgumentException(name + " line 1: column '" + InputFile.shown(h)
                        + "' is not allowed; name the columns x1..xd and y1..yK");
            }
        }
        if (d == 0 || k == 0) {
            throw new IllegalArgumentException(name + " line 1: needs at least one x column and one y column (x1, y1)");
        }
        if (d + k != header.length) {
            throw new IllegalArgumentException(name + " line 1: columns must be x1..x" + d + " and y1..y" + k
                    + " with none missing or repeated");
        }
        List<double[]> rows = new ArrayList<>();
        for (int ln = 1; ln < lines.size(); ln++) {
            String line = lines.get(ln);
            if (line.isBlank()) {
                continue;
            }
            if (rows.size() == MAX_ROWS) {
                throw new IllegalArgumentException(name + ": has more than " + MAX_ROWS + " data rows; the lab trains"
                        + " on at most " + MAX_ROWS + " points, as task.points allows");
            }
            String[] cells = line.split(",", -1);
            if (cells.length != header.length) {
                throw new IllegalArgumentException(name + " line " + (ln + 1) + ": has " + cells.length
                        + " values; the header has " + header.length + " columns");
            }
            double[] row = new double[d + k];
            for (int col = 0; col < cells.length; col++) {
                double v;
                try {
                    v = Double.parseDouble(cells[col].trim());
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException(name + " line " + (ln + 1) + ": '"
                            + InputFile.shown(cells[col].trim()) + "' in column " + header[col].trim()
                            + " is not a number");
                }
                if (!Double.isFinite(v)) {
                    throw new IllegalArgumentException(name + " line " + (ln + 1) + ": "
                            + InputFile.shown(cells[col].trim()) + " in column " + header[col].trim()
                            + " is not a finite number");
                }
                if (role[col] >= 0 && Math.abs(v) > MAX_INPUT) {
                    throw new IllegalArgumentException(name + " line " + (ln + 1) + ": " + cells[col].trim()
                            + " in column " + header[col].trim() + " is too large an input; inputs must lie within"
                            + " +-1e100, beyond which the kernel's products of inputs overflow");
                }
                row[role[col] >= 0 ? role[col] : d - role[col] - 1] = v;
            }
            rows.add(row);
        }
        if (rows.size() < 2) {
            throw new IllegalArgumentException(name + ": has " + rows.size()
                    + " data rows; at least 2 are needed");
        }
        int p = rows.size();
        double[] x = new double[p * d];
        double[] y = new double[p * k];
        for (int n = 0; n < p; n++) {
            System.arraycopy(rows.get(n), 0, x, n * d, d);
            System.arraycopy(rows.get(n), d, y, n * k, k);
        }
        return new DataSet(d, k, p, x, y);
    }

    private static Task line(TaskKind kind, DataSet data, double[] probe, double[] target, double lo, double hi) {
        return new Task(kind, data, probe, probe.length, 0, target, probe, probe.length, new double[]{lo},
                new double[]{hi});
    }

    private static Task plane(TaskKind kind, DataSet data, double[] probe, int g, double[] target, double[] lower,
                              double[] upper) {
        double[] features = squareGrid(lower, upper, FEATURE_GRID_SIDE);
        return new Task(kind, data, probe, g * g, g, target, features, FEATURE_GRID_SIDE * FEATURE_GRID_SIDE,
                lower, upper);
    }

    /** n points from lo to hi, both ends included. */
    public static double[] evenlySpaced(double lo, double hi, int n) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = i == n - 1 ? hi : lo + (hi - lo) * i / (n - 1);
        }
        return v;
    }

    /** A g x g grid, row r and column c at index r*g + c, x1 from the column and x2 from the row. */
    public static double[] squareGrid(double[] lower, double[] upper, int g) {
        double[] c1 = evenlySpaced(lower[0], upper[0], g);
        double[] c2 = evenlySpaced(lower[1], upper[1], g);
        double[] grid = new double[2 * g * g];
        for (int r = 0; r < g; r++) {
            for (int c = 0; c < g; c++) {
                grid[2 * (r * g + c)] = c1[c];
                grid[2 * (r * g + c) + 1] = c2[r];
            }
        }
        return grid;
    }
}
