package trlab.measure;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;
import org.ejml.interfaces.decomposition.SingularValueDecomposition_F64;

import java.util.Arrays;
import java.util.Comparator;

/**
 * Eigenvalues (descending) and, on request, eigenvectors of a symmetric matrix, by EJML's symmetric QR
 * algorithm.
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
        Scratch scratch = Scratch.ofThread();
        EigenDecomposition_F64<DMatrixRMaj> eig = scratch.eig(n, withVectors);
        if (!eig.decompose(scratch.matrix(symmetric, n))) {
            return bySvd(symmetric, n, leading);
        }
        double[] raw = new double[n];
        for (int j = 0; j < n; j++) {
            raw[j] = eig.getEigenvalue(j).getReal();
        }
        return descending(n, raw, leading, withVectors ? (r, j) -> eig.getEigenVector(j).get(r, 0) : null);
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
