package org.spineformer.analysis.roc;

import static org.spineformer.analysis.Arguments.finite;

import java.util.Arrays;

/**
 * A ROC curve as Figure 3 computes it with {@code sklearn.metrics.roc_curve} (Figure_3BCDE_HistogramAndROCPlots.py
 * lines 83-87): one point per distinct value, from the highest down, each point being the rates of values
 * {@code >= that threshold}; a first point (0, 0) at threshold {@code +Infinity}; and, as sklearn's default
 * {@code drop_intermediate=True} does, interior points dropped when they lie on a straight segment, that is when
 * both the false- and the true-positive counts step by exactly the same amount before and after them. The script
 * weights each negative 1/(number of negatives) and each positive 1/(number of positives) and accumulates those
 * weights one sample at a time; this class does the same, so that which points are kept agrees with the paper's
 * curve to the last bit.
 *
 * <p>Point i has {@code falsePositiveRates[i]}, {@code truePositiveRates[i]} and {@code thresholds[i]}; rates
 * increase and thresholds decrease with i. The arrays belong to the curve: do not modify them.
 */
public record RocCurve(double[] falsePositiveRates, double[] truePositiveRates, double[] thresholds) {
    /** The false-positive rate at which the paper sets the potentiation threshold. */
    public static final double PAPER_FALSE_POSITIVE_RATE = 0.1;

    /** The curve of {@link MatchScores}: the matched axon is the positive, the best unmatched axon the negative. */
    public static RocCurve of(MatchScores scores) {
        return of(scores.negatives(), scores.positives());
    }

    /**
     * The curve separating {@code positives} from {@code negatives}, both non-empty and finite.
     */
    public static RocCurve of(double[] negatives, double[] positives) {
        double[] neg = sortedCopy("negatives", negatives);
        double[] pos = sortedCopy("positives", positives);
        double negativeWeight = 1.0 / neg.length;
        double positiveWeight = 1.0 / pos.length;
        int maxPoints = neg.length + pos.length;
        double[] fps = new double[maxPoints];
        double[] tps = new double[maxPoints];
        double[] values = new double[maxPoints];
        int points = 0;
        double falseWeight = 0;
        double trueWeight = 0;
        // Walk both ascending arrays from their tops, one distinct value at a time.
        int n = neg.length - 1;
        int p = pos.length - 1;
        while (n >= 0 || p >= 0) {
            double value = Math.max(n >= 0 ? neg[n] : Double.NEGATIVE_INFINITY,
                    p >= 0 ? pos[p] : Double.NEGATIVE_INFINITY);
            for (; n >= 0 && neg[n] == value; n--) {
                falseWeight += negativeWeight;
            }
            for (; p >= 0 && pos[p] == value; p--) {
                trueWeight += positiveWeight;
            }
            fps[points] = falseWeight;
            tps[points] = trueWeight;
            values[points] = value;
            points++;
        }
        int[] kept = withoutCollinearPoints(fps, tps, points);
        double[] fpr = new double[kept.length + 1];
        double[] tpr = new double[kept.length + 1];
        double[] thresholds = new double[kept.length + 1];
        thresholds[0] = Double.POSITIVE_INFINITY;
        for (int i = 0; i < kept.length; i++) {
            fpr[i + 1] = fps[kept[i]] / falseWeight;
            tpr[i + 1] = tps[kept[i]] / trueWeight;
            thresholds[i + 1] = values[kept[i]];
        }
        return new RocCurve(fpr, tpr, thresholds);
    }

    /**
     * The paper's operating point for a target false-positive rate (0.1 in the paper): the curve point whose
     * false-positive rate is nearest the target, the first (highest threshold) on a tie, with its threshold and
     * true-positive rate ({@code np.argmin(np.square(fpr - 0.1))}, Figure_3BCDE_HistogramAndROCPlots.py lines 90-105).
     * This is not a quantile of the negatives: the threshold is the value of a sample on the curve, so it is the
     * k-th largest negative (k = round(0.1 n) when that point survives) or a positive, and the dropped collinear
     * points cannot be chosen.
     */
    public OperatingPoint atFalsePositiveRate(double target) {
        finite("target", target);
        int best = 0;
        for (int i = 1; i < falsePositiveRates.length; i++) {
            double d = falsePositiveRates[i] - target;
            double bestD = falsePositiveRates[best] - target;
            if (d * d < bestD * bestD) {
                best = i;
            }
        }
        return new OperatingPoint(thresholds[best], falsePositiveRates[best], truePositiveRates[best]);
    }

    private static double[] sortedCopy(String name, double[] values) {
        finite(name, values);
        if (values.length == 0) {
            throw new IllegalArgumentException(name + " is empty: a ROC curve needs both classes");
        }
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted;
    }

    /** Indices of the points sklearn keeps: the ends, and every point where either count's step changes. */
    private static int[] withoutCollinearPoints(double[] fps, double[] tps, int points) {
        if (points <= 2) {
            int[] all = new int[points];
            Arrays.setAll(all, i -> i);
            return all;
        }
        int[] kept = new int[points];
        int count = 0;
        kept[count++] = 0;
        for (int i = 1; i < points - 1; i++) {
            boolean fpsBends = (fps[i + 1] - fps[i]) - (fps[i] - fps[i - 1]) != 0;
            boolean tpsBends = (tps[i + 1] - tps[i]) - (tps[i] - tps[i - 1]) != 0;
            if (fpsBends || tpsBends) {
                kept[count++] = i;
            }
        }
        kept[count++] = points - 1;
        return Arrays.copyOf(kept, count);
    }
}
