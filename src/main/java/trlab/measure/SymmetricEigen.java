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
 * @param vectors eigenvector j in column j of an n x n row-major array, or null
 */
record SymmetricEigen(int size, double[] values, double[] vectors) {

    /**
     * Decomposes a symmetric positive semi-definite matrix (a Gram matrix). Should the symmetric QR algorithm not
     * converge (it can stall on the nearly degenerate Gram matrix of saturated features), the SVD gives the same
     * answer: for a PSD matrix the singular values are the eigenvalues and U holds the eigenvectors.
     */
    static SymmetricEigen of(double[] symmetric, int n, boolean withVectors) {
        EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(n, withVectors, true);
        if (!eig.decompose(new DMatrixRMaj(n, n, true, symmetric))) {
            return bySvd(symmetric, n, withVectors);
        }
        Integer[] order = new Integer[n];
        double[] raw = new double[n];
        for (int j = 0; j < n; j++) {
            order[j] = j;
            raw[j] = eig.getEigenvalue(j).getReal();
        }
        Arrays.sort(order, Comparator.comparingDouble((Integer j) -> -raw[j]));
        double[] values = new double[n];
        double[] vectors = withVectors ? new double[n * n] : null;
        for (int c = 0; c < n; c++) {
            values[c] = raw[order[c]];
            if (withVectors) {
                DMatrixRMaj v = eig.getEigenVector(order[c]);
                for (int r = 0; r < n; r++) {
                    vectors[r * n + c] = v.get(r, 0);
                }
            }
        }
        return new SymmetricEigen(n, values, vectors);
    }

    private static SymmetricEigen bySvd(double[] symmetric, int n, boolean withVectors) {
        SingularValueDecomposition_F64<DMatrixRMaj> svd = DecompositionFactory_DDRM.svd(n, n, withVectors, false, false);
        if (!svd.decompose(new DMatrixRMaj(n, n, true, symmetric))) {
            throw new ArithmeticException("neither the eigen decomposition nor the SVD of a " + n + " x " + n
                    + " Gram matrix converged");
        }
        double[] raw = svd.getSingularValues();
        DMatrixRMaj u = withVectors ? svd.getU(null, false) : null;
        Integer[] order = new Integer[n];
        for (int j = 0; j < n; j++) {
            order[j] = j;
        }
        Arrays.sort(order, Comparator.comparingDouble((Integer j) -> -raw[j]));
        double[] values = new double[n];
        double[] vectors = withVectors ? new double[n * n] : null;
        for (int c = 0; c < n; c++) {
            values[c] = raw[order[c]];
            if (withVectors) {
                for (int r = 0; r < n; r++) {
                    vectors[r * n + c] = u.get(r, order[c]);
                }
            }
        }
        return new SymmetricEigen(n, values, vectors);
    }

    /** The smaller Gram matrix of a rows x cols row-major matrix X: X Xᵀ when rows <= cols, else Xᵀ X. */
    static double[] smallerGram(double[] x, int rows, int cols) {
        if (rows <= cols) {
            double[] g = new double[rows * rows];
            for (int p = 0; p < rows; p++) {
                for (int q = p; q < rows; q++) {
                    double sum = 0;
                    for (int i = 0; i < cols; i++) {
                        sum += x[p * cols + i] * x[q * cols + i];
                    }
                    g[p * rows + q] = sum;
                    g[q * rows + p] = sum;
                }
            }
            return g;
        }
        double[] g = new double[cols * cols];
        for (int p = 0; p < rows; p++) {
            int ro = p * cols;
            for (int i = 0; i < cols; i++) {
                double xi = x[ro + i];
                for (int j = i; j < cols; j++) {
                    g[i * cols + j] += xi * x[ro + j];
                }
            }
        }
        for (int i = 0; i < cols; i++) {
            for (int j = 0; j < i; j++) {
                g[i * cols + j] = g[j * cols + i];
            }
        }
        return g;
    }
}
