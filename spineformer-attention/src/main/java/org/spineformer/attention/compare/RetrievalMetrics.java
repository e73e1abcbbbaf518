package org.spineformer.attention.compare;

import java.util.Arrays;
import java.util.List;
import org.spineformer.attention.QueryResult;
import org.spineformer.attention.encode.RetrievalTask;

/**
 * How well a backend retrieved on a {@link RetrievalTask}, per query and on average.
 *
 * <ul>
 * <li>Top-1 correct (query i): at least one key is selected, and the selected key with the highest score (the lowest
 * index among equal scores) is query i's source key. A query that selects nothing is not correct.
 * {@code top1Accuracy} is the fraction of queries that are correct.</li>
 * <li>False selections (query i): the number of selected keys other than the source key.
 * {@code falseSelectionsPerQuery} is their mean over queries.</li>
 * <li>Output similarity (query i): the cosine similarity of the backend's output rates, binned by
 * {@link RateBins} after removing the output stage's constant delay, and softmax attention's output rates on the
 * same scores and values ({@link SoftmaxAttention}); 1 if both are all zero, 0 if only one is.
 * {@code softmaxOutputSimilarity} is its mean over queries.</li>
 * </ul>
 * With no queries the means are NaN.
 */
public record RetrievalMetrics(double top1Accuracy, double falseSelectionsPerQuery, double softmaxOutputSimilarity,
                               boolean[] correct, int[] topKey, int[] falseSelections, double[] similarity) {

    /**
     * The metrics of {@code results} (one per query of {@code task}), against {@code softmax}; {@code outputDelayMs}
     * is the backend's output delay, removed before binning.
     */
    public static RetrievalMetrics of(RetrievalTask task, List<QueryResult> results, SoftmaxAttention softmax,
                                      double outputDelayMs) {
        int n = task.sources().length;
        if (results.size() != n) {
            throw new IllegalArgumentException("results has " + results.size() + " entries for " + n + " queries");
        }
        boolean[] correct = new boolean[n];
        int[] top = new int[n];
        int[] falses = new int[n];
        double[] similarity = new double[n];
        double[][] valueRates = softmax.valueRates(task.inputs().values());
        for (int i = 0; i < n; i++) {
            QueryResult r = results.get(i);
            int source = task.sources()[i];
            top[i] = topSelected(r);
            correct[i] = top[i] == source;
            falses[i] = r.selected().length - (Arrays.stream(r.selected()).anyMatch(j -> j == source) ? 1 : 0);
            similarity[i] = cosine(softmax.binning().rates(r.output(), outputDelayMs),
                    softmax.output(r.scores(), valueRates));
        }
        int hits = 0;
        for (boolean c : correct) {
            hits += c ? 1 : 0;
        }
        return new RetrievalMetrics((double) hits / n, Arrays.stream(falses).average().orElse(Double.NaN),
                Arrays.stream(similarity).average().orElse(Double.NaN), correct, top, falses, similarity);
    }

    /** The selected key with the highest score (lowest index among ties), -1 if none is selected. */
    public static int topSelected(QueryResult r) {
        int top = -1;
        for (int j : r.selected()) {
            if (top < 0 || r.scores()[j] > r.scores()[top]) {
                top = j;
            }
        }
        return top;
    }

    /** Cosine similarity; 1 if both vectors are zero, 0 if one is. */
    public static double cosine(double[] a, double[] b) {
        double ab = 0;
        double aa = 0;
        double bb = 0;
        for (int k = 0; k < a.length; k++) {
            ab += a[k] * b[k];
            aa += a[k] * a[k];
            bb += b[k] * b[k];
        }
        if (aa == 0 || bb == 0) {
            return aa == bb ? 1 : 0;
        }
        return ab / Math.sqrt(aa * bb);
    }
}
