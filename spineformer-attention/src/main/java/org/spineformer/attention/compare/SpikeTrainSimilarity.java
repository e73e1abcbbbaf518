package org.spineformer.attention.compare;

/**
 * How alike two output spike trains are: the cosine of their binned rates, and the fraction of their spikes that
 * pair up one-to-one within a tolerance.
 */
public final class SpikeTrainSimilarity {
    private SpikeTrainSimilarity() {
    }

    /** The cosine similarity of the two trains' rates in {@code bins}: 1 if both are silent there, 0 if one is. */
    public static double binnedCosine(double[] a, double[] b, RateBins bins) {
        return RetrievalMetrics.cosine(bins.rates(a, 0), bins.rates(b, 0));
    }

    /**
     * The fraction of all spikes of both sorted trains that have a partner in the other train at most
     * {@code toleranceMs} away, each spike paired at most once: 2 M / (|a| + |b|) for the largest number M of such
     * pairs, 1 if both trains are empty.
     *
     * <p>M is found greedily in time order: if the earliest unpaired spikes of the two trains are within the
     * tolerance they pair, otherwise the earlier one can pair with nothing later and is dropped. Pairing the earliest
     * possible partners never costs a pair, so the greedy count is the largest.
     */
    public static double matchedFraction(double[] a, double[] b, double toleranceMs) {
        if (!(toleranceMs >= 0 && Double.isFinite(toleranceMs))) {
            throw new IllegalArgumentException("toleranceMs = " + toleranceMs + " must be finite and >= 0");
        }
        if (a.length + b.length == 0) {
            return 1;
        }
        int pairs = 0;
        int i = 0;
        int j = 0;
        while (i < a.length && j < b.length) {
            if (Math.abs(a[i] - b[j]) <= toleranceMs) {
                pairs++;
                i++;
                j++;
            } else if (a[i] < b[j]) {
                i++;
            } else {
                j++;
            }
        }
        return 2.0 * pairs / (a.length + b.length);
    }
}
