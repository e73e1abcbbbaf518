package org.spineformer.attention.compare;

import java.util.Arrays;
import java.util.List;
import org.spineformer.attention.QueryResult;

/**
 * The agreement of two backends on the same queries, each measure a mean over queries with its standard error:
 * equal selected sets, the Jaccard index of the selected sets, equal top selected key ({@link BackendAgreement}),
 * and the output trains' {@link SpikeTrainSimilarity#binnedCosine binned cosine} and
 * {@link SpikeTrainSimilarity#matchedFraction fraction of spikes matched} within a tolerance.
 *
 * <p>The standard error is the sample standard deviation over queries (divisor n - 1) over sqrt(n): it treats the
 * queries as independent draws, which they are given the keys.
 */
public record AgreementEstimates(int queries, Estimate sameSelection, Estimate jaccard, Estimate sameTopKey,
                                 Estimate outputCosine, Estimate matchedSpikes) {

    /** A mean over queries and its standard error (NaN for a single query). */
    public record Estimate(double mean, double standardError) {
        static Estimate of(double[] values) {
            int n = values.length;
            double mean = Arrays.stream(values).average().orElse(Double.NaN);
            if (n < 2) {
                return new Estimate(mean, Double.NaN);
            }
            double squares = Arrays.stream(values).map(v -> (v - mean) * (v - mean)).sum();
            return new Estimate(mean, Math.sqrt(squares / (n - 1) / n));
        }
    }

    /**
     * The agreement of {@code a} and {@code b}, one result per query each in the same order, their outputs in the
     * same frame (the reduced backend's already delayed).
     *
     * @param bins the bins of the rates' cosine
     * @param toleranceMs how far apart two spikes may be and still match (ms)
     */
    public static AgreementEstimates of(List<QueryResult> a, List<QueryResult> b, RateBins bins, double toleranceMs) {
        BackendAgreement selection = BackendAgreement.of(a, b);
        int n = a.size();
        double[] same = new double[n];
        double[] sameTop = new double[n];
        double[] cosine = new double[n];
        double[] matched = new double[n];
        for (int i = 0; i < n; i++) {
            QueryResult x = a.get(i);
            QueryResult y = b.get(i);
            same[i] = Arrays.equals(x.selected(), y.selected()) ? 1 : 0;
            sameTop[i] = RetrievalMetrics.topSelected(x) == RetrievalMetrics.topSelected(y) ? 1 : 0;
            cosine[i] = SpikeTrainSimilarity.binnedCosine(x.output(), y.output(), bins);
            matched[i] = SpikeTrainSimilarity.matchedFraction(sorted(x.output()), sorted(y.output()), toleranceMs);
        }
        return new AgreementEstimates(n, Estimate.of(same), Estimate.of(selection.jaccard()), Estimate.of(sameTop),
                Estimate.of(cosine), Estimate.of(matched));
    }

    private static double[] sorted(double[] train) {
        double[] s = train.clone();
        Arrays.sort(s);
        return s;
    }
}
