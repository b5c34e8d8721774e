package trlab.measure;

import trlab.core.Network;

/**
 * The feature space of the hidden layer (SCIENCE.md §3): the N feature functions phi(h_i(x)) sampled on a grid
 * form Phi (M x N) with singular values sigma_1 >= sigma_2 >= ...
 */
public final class FeatureSpace {
    private FeatureSpace() {
    }

    /** sigma_j² of Phi, largest first, from the smaller of Phi Phiᵀ and Phiᵀ Phi (roundoff below 0 is cut to 0). */
    public static double[] squaredSingularValues(HiddenFeatures grid) {
        int m = grid.count();
        int n = grid.width();
        int size = Math.min(m, n);
        double[] values = SymmetricEigen.of(SymmetricEigen.smallerGram(grid.phi(), m, n), size, false).values();
        for (int j = 0; j < size; j++) {
            values[j] = Math.max(values[j], 0.0);
        }
        return values;
    }

    /**
     * D_feat = sum_j sigma_j² / (sigma_j² + (tol sigma_1)²): a smooth count of the independent feature functions.
     */
    public static double featureDimension(double[] squaredSingularValues, double tolerance) {
        double top = squaredSingularValues[0];
        if (top == 0) {
            return 0;
        }
        double floor = tolerance * tolerance * top;
        double sum = 0;
        for (double v : squaredSingularValues) {
            sum += v / (v + floor);
        }
        return sum;
    }

    /** sigma_j / sigma_1 for every j. */
    public static double[] spectrum(double[] squaredSingularValues) {
        double top = squaredSingularValues[0];
        double[] s = new double[squaredSingularValues.length];
        for (int j = 0; j < s.length; j++) {
            s[j] = top > 0 ? Math.sqrt(squaredSingularValues[j] / top) : 0;
        }
        return s;
    }

    /**
     * The contribution of each neuron to the output, c_i = s² sum_k A_ki² mean_x phi(h_i(x))² over the training
     * inputs.
     */
    public static double[] contributions(Network net, HiddenFeatures train) {
        int n = net.width;
        double[] meanSquare = new double[n];
        for (int p = 0; p < train.count(); p++) {
            for (int i = 0; i < n; i++) {
                double f = train.phi()[p * n + i];
                meanSquare[i] += f * f;
            }
        }
        double[] c = new double[n];
        double s2 = net.scale * net.scale;
        for (int i = 0; i < n; i++) {
            double a2 = 0;
            for (int k = 0; k < net.outputs; k++) {
                double a = net.a[k * n + i];
                a2 += a * a;
            }
            c[i] = s2 * a2 * meanSquare[i] / train.count();
        }
        return c;
    }

    /** N_eff = (sum c_i)² / sum c_i²: how many neurons the output really uses. */
    public static double effectiveNeurons(double[] contributions) {
        double sum = 0;
        double sumSq = 0;
        for (double c : contributions) {
            sum += c;
            sumSq += c * c;
        }
        return sumSq == 0 ? 0 : sum * sum / sumSq;
    }

    /**
     * The neurons' activation profiles over the grid (N points in R^M, centred over neurons) projected on their
     * top two principal components.
     *
     * @param coordinates neuron i at (coordinates[2i], coordinates[2i+1])
     * @param explained   the explained-variance ratios of the two components
     */
    public record Projection(double[] coordinates, double[] explained) {
    }

    /**
     * PCA through the smaller Gram matrix of the centred profiles. Each component's sign is fixed so that its
     * largest coordinate is positive, which keeps the picture from flipping between snapshots.
     */
    public static Projection project(HiddenFeatures grid) {
        int m = grid.count();
        int n = grid.width();
        // X: N rows (neurons) of M (grid points), centred over neurons
        double[] x = new double[n * m];
        double[] mean = new double[m];
        for (int p = 0; p < m; p++) {
            double sum = 0;
            for (int i = 0; i < n; i++) {
                sum += grid.phi()[p * n + i];
            }
            mean[p] = sum / n;
        }
        for (int i = 0; i < n; i++) {
            for (int p = 0; p < m; p++) {
                x[i * m + p] = grid.phi()[p * n + i] - mean[p];
            }
        }
        int size = Math.min(n, m);
        SymmetricEigen eig = SymmetricEigen.of(SymmetricEigen.smallerGram(x, n, m), size, true);
        double total = 0;
        for (double v : eig.values()) {
            total += Math.max(v, 0);
        }
        int components = Math.min(2, size);
        double[] coords = new double[2 * n];
        double[] explained = new double[2];
        for (int c = 0; c < components; c++) {
            double lambda = Math.max(eig.values()[c], 0);
            explained[c] = total > 0 ? lambda / total : 0;
            if (n <= m) {
                // Gram X Xᵀ: coordinates are u_c sqrt(lambda_c)
                double root = Math.sqrt(lambda);
                for (int i = 0; i < n; i++) {
                    coords[2 * i + c] = eig.vectors()[i * size + c] * root;
                }
            } else {
                // covariance Xᵀ X: coordinates are X v_c
                for (int i = 0; i < n; i++) {
                    double sum = 0;
                    for (int p = 0; p < m; p++) {
                        sum += x[i * m + p] * eig.vectors()[p * size + c];
                    }
                    coords[2 * i + c] = sum;
                }
            }
            int largest = 0;
            for (int i = 1; i < n; i++) {
                if (Math.abs(coords[2 * i + c]) > Math.abs(coords[2 * largest + c])) {
                    largest = i;
                }
            }
            if (coords[2 * largest + c] < 0) {
                for (int i = 0; i < n; i++) {
                    coords[2 * i + c] = -coords[2 * i + c];
                }
            }
        }
        return new Projection(coords, explained);
    }
}
