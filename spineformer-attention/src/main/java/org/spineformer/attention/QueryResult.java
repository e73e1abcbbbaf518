package org.spineformer.attention;

/**
 * What one neuron (one query) did.
 *
 * @param output the neuron's control-phase output spike train (ms, the values' frame)
 * @param selected the keys whose spines were potentiated, increasing
 * @param scores every key's Ca^4 score, in units of the paper's 1 s potentiation threshold (the Figure 2C-D fit's
 *     unit), indexed by key
 */
public record QueryResult(double[] output, int[] selected, double[] scores) {
}
