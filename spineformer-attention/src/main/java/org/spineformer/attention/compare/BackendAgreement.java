package org.spineformer.attention.compare;

import java.util.Arrays;
import java.util.List;
import org.spineformer.attention.QueryResult;

/**
 * How often two backends select the same keys on the same inputs, query by query.
 *
 * @param sameSelection the fraction of queries whose selected sets are equal
 * @param meanJaccard the mean over queries of |A and B| / |A or B| of the selected sets (1 when both are empty)
 * @param sameTopKey the fraction of queries whose top selected keys ({@link RetrievalMetrics#topSelected}, -1 for
 *     none) are equal
 * @param jaccard the per-query Jaccard index
 */
public record BackendAgreement(double sameSelection, double meanJaccard, double sameTopKey, double[] jaccard) {

    /** The agreement of {@code a} and {@code b}, one result per query each, in the same order. */
    public static BackendAgreement of(List<QueryResult> a, List<QueryResult> b) {
        if (a.size() != b.size()) {
            throw new IllegalArgumentException("the backends answered " + a.size() + " and " + b.size()
                    + " queries; need the same queries");
        }
        int n = a.size();
        double[] jaccard = new double[n];
        int same = 0;
        int sameTop = 0;
        for (int i = 0; i < n; i++) {
            int[] x = a.get(i).selected();
            int[] y = b.get(i).selected();
            long both = Arrays.stream(x).filter(k -> Arrays.stream(y).anyMatch(m -> m == k)).count();
            long either = x.length + y.length - both;
            jaccard[i] = either == 0 ? 1 : (double) both / either;
            same += Arrays.equals(x, y) ? 1 : 0;
            sameTop += RetrievalMetrics.topSelected(a.get(i)) == RetrievalMetrics.topSelected(b.get(i)) ? 1 : 0;
        }
        return new BackendAgreement((double) same / n, Arrays.stream(jaccard).average().orElse(Double.NaN),
                (double) sameTop / n, jaccard);
    }
}
