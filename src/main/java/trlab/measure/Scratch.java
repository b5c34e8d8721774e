package trlab.measure;

import org.ejml.data.DMatrixRMaj;
import trlab.core.Network;

import java.util.Arrays;

/**
 * Work arrays of one thread, kept from one snapshot to the next. A snapshot of a wide network would otherwise
 * allocate megabytes of intermediates, and fresh heap memory is slow the first time it is touched (the operating
 * system maps it page by page): that made a live view's snapshots several times slower for seconds at a time.
 *
 * <p>Per thread, because a measurement may run on the caller and the helper at once (see {@link Parallel}); an
 * array is lent to one method at a time, which gives it back by returning, and never holds a result.
 */
final class Scratch {
    private static final ThreadLocal<Scratch> OF_THREAD = ThreadLocal.withInitial(Scratch::new);

    private double[] centred = new double[0];
    private double[] row = new double[0];
    private double[] blockPhi = new double[0];
    private double[] blockDphi = new double[0];
    private double[] symmetricGram = new double[0];
    private double[] factors = new double[0];
    private double[][] transposed = new double[0][0];
    private double[][] gram = new double[0][0];
    private final DMatrixRMaj symmetric = new DMatrixRMaj(1, 1);
    private Network network;

    private Scratch() {
    }

    static Scratch ofThread() {
        return OF_THREAD.get();
    }

    /** At least {@code length} entries, of any value: for {@link FeatureSpace#project}'s centred features. */
    double[] centred(int length) {
        centred = atLeast(centred, length);
        return centred;
    }

    /** At least {@code length} entries, of any value: one row of hidden features. */
    double[] row(int length) {
        row = atLeast(row, length);
        return row;
    }

    /** At least {@code length} entries, of any value: a block of hidden features phi. */
    double[] blockPhi(int length) {
        blockPhi = atLeast(blockPhi, length);
        return blockPhi;
    }

    /** At least {@code length} entries, of any value: a block of slopes phi'. */
    double[] blockDphi(int length) {
        blockDphi = atLeast(blockDphi, length);
        return blockDphi;
    }

    /** Exactly {@code length} entries, of any value: a Gram matrix, full and row-major, on its way to EJML. */
    double[] symmetricGram(int length) {
        if (symmetricGram.length != length) {
            symmetricGram = new double[length];
        }
        return symmetricGram;
    }

    /** At least {@code length} entries, of any value: the LU factors of an inverse iteration. */
    double[] factors(int length) {
        factors = atLeast(factors, length);
        return factors;
    }

    /** {@code rows} arrays of {@code cols}, of any value: for the transposed matrix in a Gram product. */
    double[][] transposed(int rows, int cols) {
        if (transposed.length != rows || rows > 0 && transposed[0].length != cols) {
            transposed = new double[rows][cols];
        }
        return transposed;
    }

    /** {@code n} arrays of {@code n} zeros: the Gram matrix to sum into. */
    double[][] gram(int n) {
        if (gram.length != n) {
            gram = new double[n][n];
        } else {
            for (double[] row : gram) {
                Arrays.fill(row, 0.0);
            }
        }
        return gram;
    }

    private static double[] atLeast(double[] array, int length) {
        return array.length < length ? new double[length] : array;
    }

    /** An n x n matrix holding {@code values} (row-major), for a decomposition to read. */
    DMatrixRMaj matrix(double[] values, int n) {
        symmetric.reshape(n, n);
        System.arraycopy(values, 0, symmetric.data, 0, n * n);
        return symmetric;
    }

    /** A network of the same shape as {@code net}, its parameters of any value: for {@link Fragility}'s draws. */
    Network network(Network net) {
        Network n = network;
        if (n == null || n.inputs != net.inputs || n.width != net.width || n.outputs != net.outputs
                || n.activation != net.activation || n.parameterization != net.parameterization) {
            n = net.copy();
            network = n;
        }
        return n;
    }
}
