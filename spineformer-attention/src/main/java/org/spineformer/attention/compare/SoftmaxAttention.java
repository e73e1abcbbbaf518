package org.spineformer.attention.compare;

/**
 * Softmax attention on the same inputs as a backend: weights {@code w_j = softmax_j(s_j / temperature)} of the same
 * scores s_j the backend computed (spike-train overlaps, in thresholds), output = the weighted sum of the values'
 * binned rates, {@code sum_j w_j counts_j / binMs} (spikes/ms per bin over [0, controlMs]).
 *
 * @param temperature the softmax temperature, in the scores' unit, > 0
 * @param binning the bins of the values' rates
 */
public record SoftmaxAttention(double temperature, RateBins binning) {
    /** The default temperature (thresholds): a matched key (about 1.4) then outweighs 1000 random ones (about 0.1). */
    public static final double DEFAULT_TEMPERATURE = 0.1;

    public SoftmaxAttention {
        if (!(temperature > 0 && Double.isFinite(temperature))) {
            throw new IllegalArgumentException("temperature = " + temperature + " must be finite and > 0");
        }
    }

    /** The softmax weights of {@code scores} (max-subtracted, so large scores do not overflow). */
    public double[] weights(double[] scores) {
        double max = Double.NEGATIVE_INFINITY;
        for (double s : scores) {
            max = Math.max(max, s);
        }
        double[] w = new double[scores.length];
        double sum = 0;
        for (int j = 0; j < w.length; j++) {
            w[j] = Math.exp((scores[j] - max) / temperature);
            sum += w[j];
        }
        for (int j = 0; j < w.length; j++) {
            w[j] /= sum;
        }
        return w;
    }

    /** Every value's binned rates, computed once per task for {@link #output}. */
    public double[][] valueRates(double[][] values) {
        double[][] rates = new double[values.length][];
        for (int j = 0; j < values.length; j++) {
            rates[j] = binning.rates(values[j], 0);
        }
        return rates;
    }

    /** The attended rates: the values' binned rates ({@link #valueRates}) weighted by {@link #weights}. */
    public double[] output(double[] scores, double[][] valueRates) {
        double[] w = weights(scores);
        double[] out = new double[binning.count()];
        for (int j = 0; j < valueRates.length; j++) {
            for (int b = 0; b < out.length; b++) {
                out[b] += w[j] * valueRates[j][b];
            }
        }
        return out;
    }
}
