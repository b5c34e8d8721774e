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
        double[] values = SymmetricEigen.of(SymmetricEigen.smallerGram(grid.phi(), m, n), size, 0).values();
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
        double[] row = new double[n];
        for (int p = 0; p < train.count(); p++) {
            System.arraycopy(train.phi(), p * n, row, 0, n); // one index per loop, so C2 vectorises it
            for (int i = 0; i < n; i++) {
                meanSquare[i] += row[i] * row[i];
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
     *
     * <p>The neurons' centred profiles are the columns of Phi with each row (grid point) centred over neurons, so
     * the Gram matrices are taken of that row-centred copy of Phi, in place: X Xᵀ of the profiles (N x N) is its
     * Phiᵀ Phi, Xᵀ X (M x M) its Phi Phiᵀ, with the same terms summed in the same order as on X itself.
     */
    public static Projection project(HiddenFeatures grid) {
        int m = grid.count();
        int n = grid.width();
        // Phi (M rows of N) with each row centred over the neurons
        double[] centred = Scratch.ofThread().centred(m * n);
        for (int p = 0; p < m; p++) {
            double sum = 0;
            for (int i = 0; i < n; i++) {
                sum += grid.phi()[p * n + i];
            }
            double mean = sum / n;
            for (int i = 0; i < n; i++) {
                centred[p * n + i] = grid.phi()[p * n + i] - mean;
            }
        }
        int size = Math.min(n, m);
        double[] gram = n <= m ? SymmetricEigen.innerGram(centred, m, n) : SymmetricEigen.outerGram(centred, m, n);
        int components = Math.min(2, size);
        SymmetricEigen eig = SymmetricEigen.leading(gram, size, components);
        double total = 0;
        for (double v : eig.values()) {
            total += Math.max(v, 0);
        }
        double[] coords = new double[2 * n];
        double[] explained = new double[2];
        double[] component = new double[n];
        for (int c = 0; c < components; c++) {
            double lambda = Math.max(eig.values()[c], 0);
            explained[c] = total > 0 ? lambda / total : 0;
            if (n <= m) {
                // Gram X Xᵀ: coordinates are u_c sqrt(lambda_c)
                double root = Math.sqrt(lambda);
                for (int i = 0; i < n; i++) {
                    component[i] = eig.vectors()[i * components + c] * root;
                }
            } else {
                // covariance Xᵀ X: coordinates are X v_c = sum_p (row p of the centred Phi) v_pc, p in order
                java.util.Arrays.fill(component, 0.0);
                double[] row = Scratch.ofThread().row(n);
                for (int p = 0; p < m; p++) {
                    double v = eig.vectors()[p * components + c];
                    System.arraycopy(centred, p * n, row, 0, n);
                    for (int i = 0; i < n; i++) {
                        component[i] += row[i] * v;
                    }
                }
            }
            int largest = 0;
            for (int i = 1; i < n; i++) {
                if (Math.abs(component[i]) > Math.abs(component[largest])) {
                    largest = i;
                }
            }
            double sign = component[largest] < 0 ? -1 : 1;
            for (int i = 0; i < n; i++) {
                coords[2 * i + c] = sign * component[i];
            }
        }
        return new Projection(coords, explained);
    }
}
