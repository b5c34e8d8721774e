package trlab.measure;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;
import org.ejml.interfaces.decomposition.SingularValueDecomposition_F64;
import trlab.core.Linalg;
import trlab.core.Rng;

import java.util.Arrays;
import java.util.Comparator;

/**
 * Eigenvalues (descending) and, on request, eigenvectors of a symmetric matrix, by EJML's symmetric QR
 * algorithm; or the values by it and a few leading vectors by inverse iteration ({@link #leading}).
 *
 * @param values  eigenvalues, largest first
 * @param columns how many leading eigenvectors {@code vectors} holds
 * @param vectors eigenvector j (j below columns) in column j of an n x columns row-major array, or null
 */
record SymmetricEigen(int size, double[] values, int columns, double[] vectors) {

    /**
     * Decomposes a symmetric positive semi-definite matrix (a Gram matrix). Should the symmetric QR algorithm not
     * converge (it can stall on the nearly degenerate Gram matrix of saturated features), the SVD gives the same
     * answer: for a PSD matrix the singular values are the eigenvalues and U holds the eigenvectors.
     */
    static SymmetricEigen of(double[] symmetric, int n, int leading) {
        boolean withVectors = leading > 0;
        for (double v : symmetric) {
            if (!Double.isFinite(v)) {
                // features that overflowed have no spectrum: NaN, which the record shows as null with the reason
                return notDefined(n, leading);
            }
        }
        // a new decomposition each time: EJML's QR algorithm draws exceptional shifts from random numbers it keeps,
        // so one used again would give a matrix's roundoff tail differently after other matrices (and on another
        // thread); its arrays are small beside a snapshot's (n = 101: about 0.1 MB)
        EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(n, withVectors, true);
        if (!eig.decompose(Scratch.ofThread().matrix(symmetric, n))) {
            return bySvd(symmetric, n, leading);
        }
        double[] raw = new double[n];
        for (int j = 0; j < n; j++) {
            raw[j] = eig.getEigenvalue(j).getReal();
        }
        return descending(n, raw, leading, withVectors ? (r, j) -> eig.getEigenVector(j).get(r, 0) : null);
    }

    /**
     * The eigenvalues as {@link #of} gives them without vectors, and the {@code leading} vectors by inverse
     * iteration. EJML's vectors cost twice as much as the values (n = 101: 1.3 ms in all against 0.46), and a
     * feature-space projection wants two of the n. Values and vectors agree with those {@link #of} gives with
     * vectors to within rounding: a few ulps of the largest eigenvalue, and eps ||G|| / gap for a vector
     * (SymmetricEigenTest). Should an iteration not settle (a residual above {@link #RESIDUAL} ||G||), the vectors
     * come from {@link #of}.
     */
    static SymmetricEigen leading(double[] symmetric, int n, int leading) {
        SymmetricEigen values = of(symmetric, n, 0);
        double[] lambda = values.values();
        if (leading == 0 || !Double.isFinite(lambda[0])) {
            return leading == 0 ? values : notDefined(n, leading);
        }
        double norm = Math.max(Math.abs(lambda[0]), Math.abs(lambda[n - 1]));
        double[] vectors = new double[n * leading];
        InverseIteration solver = new InverseIteration(symmetric, n);
        for (int c = 0; c < leading; c++) {
            if (!solver.vector(lambda[c], norm, vectors, c, leading)) {
                return of(symmetric, n, leading);
            }
        }
        return new SymmetricEigen(n, lambda, leading, vectors);
    }

    /** The largest residual ||G v - lambda v|| / ||G|| a vector by inverse iteration may leave. */
    static final double RESIDUAL = 1e-11;

    /**
     * Eigenvectors of a symmetric matrix for known eigenvalues: solve (G - lambda I) y = v by an LU factorisation
     * with partial pivoting, normalise, three times, each time orthogonal to the vectors found before (so a pair of
     * equal eigenvalues gets two vectors of its plane). The start is a fixed pseudo-random vector: the same numbers
     * every time.
     */
    private static final class InverseIteration {
        private static final int ITERATIONS = 3;
        private final double[] g;
        private final int n;
        private final double[] lu;
        private final int[] pivot;
        private final double[] v;
        private final double[] y;

        InverseIteration(double[] g, int n) {
            this.g = g;
            this.n = n;
            this.lu = Scratch.ofThread().factors(n * n);
            this.pivot = new int[n];
            this.v = new double[n];
            this.y = new double[n];
        }

        /** Vector c (column c of {@code out}, n x columns) for eigenvalue lambda; false if it did not settle. */
        boolean vector(double lambda, double norm, double[] out, int c, int columns) {
            if (norm == 0) {
                // the zero matrix: every vector is an eigenvector, the unit vectors will do
                out[c * columns + c] = 1;
                return true;
            }
            factor(lambda, Math.ulp(norm));
            Rng rng = new Rng(0x5EED + c);
            for (int i = 0; i < n; i++) {
                v[i] = rng.nextGaussian();
            }
            for (int it = 0; it < ITERATIONS; it++) {
                orthogonalise(v, out, c, columns);
                normalise(v);
                solve(v, y);
                System.arraycopy(y, 0, v, 0, n);
            }
            orthogonalise(v, out, c, columns);
            if (!normalise(v)) {
                return false;
            }
            double residual = 0;
            for (int r = 0; r < n; r++) {
                double e = Linalg.dot(g, r * n, v, 0, n) - lambda * v[r];
                residual += e * e;
            }
            if (!(Math.sqrt(residual) <= RESIDUAL * norm)) {
                return false;
            }
            for (int r = 0; r < n; r++) {
                out[r * columns + c] = v[r];
            }
            return true;
        }

        /**
         * LU = P (G - lambda I), a zero pivot replaced by {@code tiny} (lambda is an eigenvalue: G - lambda I is
         * singular).
         */
        private void factor(double lambda, double tiny) {
            System.arraycopy(g, 0, lu, 0, n * n);
            for (int i = 0; i < n; i++) {
                lu[i * n + i] -= lambda;
            }
            for (int k = 0; k < n; k++) {
                int p = k;
                for (int r = k + 1; r < n; r++) {
                    if (Math.abs(lu[r * n + k]) > Math.abs(lu[p * n + k])) {
                        p = r;
                    }
                }
                pivot[k] = p;
                if (p != k) {
                    for (int j = 0; j < n; j++) {
                        double t = lu[k * n + j];
                        lu[k * n + j] = lu[p * n + j];
                        lu[p * n + j] = t;
                    }
                }
                if (lu[k * n + k] == 0) {
                    lu[k * n + k] = tiny;
                }
                double d = lu[k * n + k];
                for (int r = k + 1; r < n; r++) {
                    double l = lu[r * n + k] / d;
                    lu[r * n + k] = l;
                    if (l != 0) {
                        int ro = r * n;
                        int ko = k * n;
                        for (int j = k + 1; j < n; j++) {
                            lu[ro + j] -= l * lu[ko + j];
                        }
                    }
                }
            }
        }

        /** x = (G - lambda I)^-1 b. */
        private void solve(double[] b, double[] x) {
            System.arraycopy(b, 0, x, 0, n);
            for (int k = 0; k < n; k++) {
                int p = pivot[k];
                if (p != k) {
                    double t = x[k];
                    x[k] = x[p];
                    x[p] = t;
                }
            }
            for (int r = 1; r < n; r++) {
                double s = x[r];
                for (int k = 0; k < r; k++) {
                    s -= lu[r * n + k] * x[k];
                }
                x[r] = s;
            }
            for (int r = n - 1; r >= 0; r--) {
                double s = x[r];
                for (int k = r + 1; k < n; k++) {
                    s -= lu[r * n + k] * x[k];
                }
                x[r] = s / lu[r * n + r];
            }
        }

        /** Removes from x its parts along columns 0..c-1 of out (twice, so that rounding leaves none). */
        private void orthogonalise(double[] x, double[] out, int c, int columns) {
            for (int pass = 0; pass < 2; pass++) {
                for (int j = 0; j < c; j++) {
                    double dot = 0;
                    for (int r = 0; r < n; r++) {
                        dot += out[r * columns + j] * x[r];
                    }
                    for (int r = 0; r < n; r++) {
                        x[r] -= dot * out[r * columns + j];
                    }
                }
            }
        }

        /** x / ||x||; false if x is zero or not finite. */
        private boolean normalise(double[] x) {
            double max = 0;
            for (double e : x) {
                max = Math.max(max, Math.abs(e));
            }
            if (!(max > 0 && max < Double.POSITIVE_INFINITY)) {
                return false;
            }
            double sum = 0;
            for (int i = 0; i < n; i++) {
                x[i] /= max; // scaled first: the solves grow x by up to 1 / eps
                sum += x[i] * x[i];
            }
            double length = Math.sqrt(sum);
            for (int i = 0; i < n; i++) {
                x[i] /= length;
            }
            return true;
        }
    }

    /** The fallback of {@link #of}, on its own for tests. */
    static SymmetricEigen bySvd(double[] symmetric, int n, int leading) {
        boolean withVectors = leading > 0;
        SingularValueDecomposition_F64<DMatrixRMaj> svd = DecompositionFactory_DDRM.svd(n, n, withVectors, false, false);
        if (!svd.decompose(new DMatrixRMaj(n, n, true, symmetric))) {
            throw new ArithmeticException("neither the eigen decomposition nor the SVD of a " + n + " x " + n
                    + " Gram matrix converged");
        }
        DMatrixRMaj u = withVectors ? svd.getU(null, false) : null;
        return descending(n, svd.getSingularValues(), leading, withVectors ? u::get : null);
    }

    private static SymmetricEigen notDefined(int n, int leading) {
        double[] values = new double[n];
        Arrays.fill(values, Double.NaN);
        double[] vectors = leading > 0 ? new double[n * leading] : null;
        if (vectors != null) {
            Arrays.fill(vectors, Double.NaN);
        }
        return new SymmetricEigen(n, values, leading, vectors);
    }

    /** Entry r of a decomposition's vector j, in the order the decomposition returned them. */
    private interface Vectors {
        double get(int r, int j);
    }

    /** The values largest first, and (when {@code vectors} is given) the leading vectors as columns in that order. */
    private static SymmetricEigen descending(int n, double[] raw, int leading, Vectors vectors) {
        Integer[] order = new Integer[n];
        for (int j = 0; j < n; j++) {
            order[j] = j;
        }
        Arrays.sort(order, Comparator.comparingDouble((Integer j) -> -raw[j]));
        double[] values = new double[n];
        int kept = vectors != null ? leading : 0;
        double[] columns = vectors != null ? new double[n * kept] : null;
        for (int c = 0; c < n; c++) {
            values[c] = raw[order[c]];
            for (int r = 0; c < kept && r < n; r++) {
                columns[r * kept + c] = vectors.get(r, order[c]);
            }
        }
        return new SymmetricEigen(n, values, kept, columns);
    }

    /**
     * The smaller Gram matrix of a rows x cols row-major matrix X: X Xᵀ when rows <= cols, else Xᵀ X. Both are
     * built from axpy-like loops over one row (which C2 vectorises; a dot product is one chain of dependent adds
     * it may not reorder), four rows of X at a time so each pass over the data serves four rows of the result.
     * The rows live in separate arrays: C2 (JDK 17) vectorises a loop only when all its arrays are indexed by the
     * same expression, which row offsets inside one flat array would break. Every entry is summed one term at a
     * time in index order.
     *
     * @return the thread's scratch array ({@link Scratch#symmetricGram}): read it before the next Gram matrix
     */
    static double[] smallerGram(double[] x, int rows, int cols) {
        return rows <= cols ? outerGram(x, rows, cols) : innerGram(x, rows, cols);
    }

    /** G = X Xᵀ (rows x rows): row p of G is sum_i X_pi (row i of Xᵀ), from column p on. */
    static double[] outerGram(double[] x, int rows, int cols) {
        Scratch scratch = Scratch.ofThread();
        double[][] t = scratch.transposed(cols, rows);
        for (int p = 0; p < rows; p++) {
            for (int i = 0; i < cols; i++) {
                t[i][p] = x[p * cols + i];
            }
        }
        double[][] g = scratch.gram(rows);
        int p = 0;
        for (; p + 3 < rows; p += 4) {
            double[] g0 = g[p];
            double[] g1 = g[p + 1];
            double[] g2 = g[p + 2];
            double[] g3 = g[p + 3];
            for (int i = 0; i < cols; i++) {
                double x0 = x[p * cols + i];
                double x1 = x[(p + 1) * cols + i];
                double x2 = x[(p + 2) * cols + i];
                double x3 = x[(p + 3) * cols + i];
                double[] ti = t[i];
                for (int q = p; q < rows; q++) {
                    double tq = ti[q];
                    g0[q] += x0 * tq;
                    g1[q] += x1 * tq;
                    g2[q] += x2 * tq;
                    g3[q] += x3 * tq;
                }
            }
        }
        for (; p < rows; p++) {
            double[] g0 = g[p];
            for (int i = 0; i < cols; i++) {
                double x0 = x[p * cols + i];
                double[] ti = t[i];
                for (int q = p; q < rows; q++) {
                    g0[q] += x0 * ti[q];
                }
            }
        }
        return symmetricFromUpper(g);
    }

    /** G = Xᵀ X (cols x cols): G_ij = sum_p X_pi X_pj, the rows p added in order. */
    static double[] innerGram(double[] x, int rows, int cols) {
        double[][] g = Scratch.ofThread().gram(cols);
        double[][] r = new double[4][cols];
        int p = 0;
        for (; p + 3 < rows; p += 4) {
            for (int k = 0; k < 4; k++) {
                System.arraycopy(x, (p + k) * cols, r[k], 0, cols);
            }
            double[] r0 = r[0];
            double[] r1 = r[1];
            double[] r2 = r[2];
            double[] r3 = r[3];
            for (int i = 0; i < cols; i++) {
                double a0 = r0[i];
                double a1 = r1[i];
                double a2 = r2[i];
                double a3 = r3[i];
                double[] gi = g[i];
                for (int j = i; j < cols; j++) {
                    double v = gi[j];
                    v += a0 * r0[j];
                    v += a1 * r1[j];
                    v += a2 * r2[j];
                    v += a3 * r3[j];
                    gi[j] = v;
                }
            }
        }
        for (; p < rows; p++) {
            double[] r0 = r[0];
            System.arraycopy(x, p * cols, r0, 0, cols);
            for (int i = 0; i < cols; i++) {
                double a0 = r0[i];
                double[] gi = g[i];
                for (int j = i; j < cols; j++) {
                    gi[j] += a0 * r0[j];
                }
            }
        }
        return symmetricFromUpper(g);
    }

    /** The full row-major matrix from its upper triangle, in the thread's {@link Scratch#symmetricGram}. */
    private static double[] symmetricFromUpper(double[][] g) {
        int n = g.length;
        double[] out = Scratch.ofThread().symmetricGram(n * n);
        for (int i = 0; i < n; i++) {
            for (int j = i; j < n; j++) {
                out[i * n + j] = g[i][j];
                out[j * n + i] = g[i][j];
            }
        }
        return out;
    }
}
