package org.spineformer.analysis.roc;

import static org.spineformer.analysis.Arguments.finite;
import static org.spineformer.analysis.Arguments.finiteNonEmpty;

/**
 * The two samples of Figure 3's ROC: per match run, the matched axon's value (a positive) and the largest value over
 * all unmatched axons (a negative), because a neuron makes a false detection when any unmatched axon crosses the
 * threshold (Figure_3BCDE_HistogramAndROCPlots.py lines 41-46 and 114-115).
 *
 * @param positives one value per run: the matched axon's calcium integral
 * @param negatives one value per run: the maximum integral over the unmatched axons
 */
public record MatchScores(double[] positives, double[] negatives) {
    public MatchScores {
        finiteNonEmpty("positives", positives);
        finiteNonEmpty("negatives", negatives);
    }

    /**
     * Splits per-run, per-axon values. The paper takes one spine per axon (spine 10 a for axon a, all ten spines of
     * an axon sharing its train); pass that spine's integral as the axon's value.
     *
     * @param axonValues {@code axonValues[run][axon]}, at least two axons per run
     * @param matchedAxon the matched axon of each run
     */
    public static MatchScores fromAxonValues(double[][] axonValues, int[] matchedAxon) {
        if (axonValues == null || matchedAxon == null || axonValues.length != matchedAxon.length) {
            throw new IllegalArgumentException("axonValues and matchedAxon need one entry per run, got "
                    + (axonValues == null ? "null" : axonValues.length) + " and "
                    + (matchedAxon == null ? "null" : matchedAxon.length));
        }
        double[] positives = new double[axonValues.length];
        double[] negatives = new double[axonValues.length];
        for (int run = 0; run < axonValues.length; run++) {
            double[] values = finite("axonValues[" + run + "]", axonValues[run]);
            int matched = matchedAxon[run];
            if (values.length < 2 || matched < 0 || matched >= values.length) {
                throw new IllegalArgumentException("matchedAxon[" + run + "] = " + matched + " with "
                        + values.length + " axons: need at least two axons and a matched index among them");
            }
            positives[run] = values[matched];
            negatives[run] = Double.NEGATIVE_INFINITY;
            for (int axon = 0; axon < values.length; axon++) {
                if (axon != matched) {
                    negatives[run] = Math.max(negatives[run], values[axon]);
                }
            }
        }
        return new MatchScores(positives, negatives);
    }
}
