package trlab.measure;

/**
 * The functions a snapshot holds beside its scalars: everything drawn over the probe grid or over the neurons.
 *
 * @param references     indices of the reference samples in the training set; the kernel and response arrays hold
 *                       one row for each, then one more for the focus sample when it is not among them
 * @param focus          the training sample a view asked to follow, or -1
 * @param focusRow       the row of the kernel and response arrays that belongs to the focus, or -1
 * @param referenceX     the inputs of every row (rows of d)
 * @param output         the network output on the probe grid (M rows of K)
 * @param ntk            the kernel parts Theta(x'_m, x_r), entry r*M + m
 * @param response       the measured response, entry (r*M + m)*K + k
 * @param spectrum       sigma_j / sigma_1 of the feature matrix
 * @param projection     the neurons on the top two principal components
 * @param contributions  c_i, each neuron's share of the output
 * @param neuronW        W (N rows of d), for the (w, b) view
 * @param neuronB        b (N)
 * @param featureOutput  the network output on the feature grid, the probe part of the kernel models' grid (the
 *                       probe grid for d = 1: then the same array as {@code output})
 * @param frozenModelOutput the frozen-kernel model on the feature grid, as {@code featureOutput}; null while the
 *                       models are off
 * @param lawModelOutput the response-law model likewise
 */
public record Curves(int[] references, int focus, int focusRow, double[] referenceX, double[] output, Kernel.Parts ntk,
                     double[] response, double[] spectrum, FeatureSpace.Projection projection, double[] contributions,
                     double[] neuronW, double[] neuronB, double[] featureOutput, double[] frozenModelOutput,
                     double[] lawModelOutput) {

    /** These curves with the kernel models' outputs on the feature grid. */
    public Curves withModels(double[] frozen, double[] law) {
        return new Curves(references, focus, focusRow, referenceX, output, ntk, response, spectrum, projection,
                contributions, neuronW, neuronB, featureOutput, frozen, law);
    }

    /** Number of rows in the kernel and response arrays. */
    public int rows() {
        return ntk.rows();
    }
}
