package org.spineformer.attention.reduced;

/**
 * The reduced control phase: what the neuron outputs, given the values, the keys the match phase selected and the
 * keys' scores.
 */
public interface OutputModel {
    /** The typical delay from a value spike to the output spike it drives (ms). */
    double delayMs();

    /**
     * The output train (ms, the values' frame, sorted) of one query.
     *
     * @param values every key's value train
     * @param selected the selected keys, increasing
     * @param scores every key's score (units of the paper's 1 s threshold)
     * @param query the query's train: a stochastic model draws from a stream seeded by it, so that the same query
     *     gives the same output whatever the thread count or order
     */
    double[] output(double[][] values, int[] selected, double[] scores, double[] query);
}
