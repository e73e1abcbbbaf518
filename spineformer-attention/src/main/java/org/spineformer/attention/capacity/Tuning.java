package org.spineformer.attention.capacity;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.TreeSet;
import java.util.function.DoubleFunction;
import org.spineformer.attention.Parallel;
import org.spineformer.attention.reduced.PotentiationRule;

/**
 * Parameters set on the tuning split only: its score rows and targets are all these methods see, so the test
 * queries cannot leak into them.
 */
public final class Tuning {
    /** Temperatures tried: the tuning scores' standard deviation times 2^k for k in [LOWEST_POWER, HIGHEST_POWER]. */
    static final int LOWEST_POWER = -16;
    static final int HIGHEST_POWER = 6;
    /**
     * Match-and-control thresholds tried for retrieval: for these false positive rates of each query's best
     * non-target key (0.1 is the paper's; 0: above every query's best wrong key) ...
     */
    static final double[] QUERY_FPRS = {0.5, 0.2, 0.1, 0.05, 0.02, 0.01, 0.005, 0};
    /** ... and passing 0.1 2^-k of the non-target keys one by one, k up to this (0.1 / 65536). */
    static final int FPR_HALVINGS = 16;
    /** The lowest per-key threshold tried for retrieval passes this fraction of non-target keys; the rest halve it. */
    static final double WIDEST_KEY_FPR = 0.1;

    private Tuning() {
    }

    /**
     * The temperature, among the scores' standard deviation times 2^-16 ... 2^6 (factors of 2: the objective is
     * flat on that scale), whose rule gives the highest mean cosine similarity of output and target value over the
     * tuning queries (the smooth counterpart of retrieval accuracy, as the task's squared-error loss is); the lowest
     * such temperature if several tie.
     *
     * @param rule the rule at a temperature
     * @param scores the tuning queries' score rows
     * @param targets their target keys
     */
    public static double temperature(DoubleFunction<SelectionRule> rule, List<double[]> scores, int[] targets,
                                     double[][] values, int threads) {
        double scale = standardDeviation(scores);
        // Every score equal: no scale to read off, and every temperature gives the same weights.
        double unit = scale > 0 ? scale : 1;
        double best = Double.NaN;
        double bestCosine = Double.NEGATIVE_INFINITY;
        for (int k = LOWEST_POWER; k <= HIGHEST_POWER; k++) {
            SelectionRule r = rule.apply(unit * Math.pow(2, k));
            List<Double> cosines = Parallel.map(threads, 0, scores.size(),
                    i -> Readout.cosine(r.weights(scores.get(i)), values, targets[i]));
            double mean = cosines.stream().mapToDouble(Double::doubleValue).sum() / cosines.size();
            if (mean > bestCosine) {
                bestCosine = mean;
                best = r.parameter();
            }
        }
        return best;
    }

    /**
     * The paper's threshold (MODEL.md, Figure 3B-E): the one at which a fraction {@code fpr} of the tuning queries
     * have any non-target key cross it, i.e. the false positive rate of the per-query maximum over non-target keys.
     * With the T maxima sorted, the lowest threshold that at most floor(fpr T) of them reach (a score selects when
     * it is >= the threshold).
     *
     * @throws IllegalArgumentException if that threshold is not above 0 (the potentiation rule scales scores by it)
     */
    public static double threshold(List<double[]> scores, int[] targets, double fpr) {
        if (!(fpr >= 0 && fpr < 1)) {
            throw new IllegalArgumentException("false positive rate = " + fpr + " must be in [0, 1)");
        }
        double[] maxima = sortedMaxima(scores, targets);
        double threshold = thresholdAt(maxima, fpr);
        if (!(threshold > 0)) {
            throw new IllegalArgumentException("the threshold for a false positive rate of " + fpr + " is "
                    + threshold + ", not above 0: the non-target keys' best scores are <= 0, below any potentiation"
                    + " threshold");
        }
        return threshold;
    }

    /**
     * The threshold that retrieves best on the tuning split: among the paper-style thresholds for false positive
     * rates (of each query's best non-target key, {@link #threshold}) of QUERY_FPRS, and those passing a fraction
     * 0.1 2^-k (k = 0 ... FPR_HALVINGS) or none of the non-target keys counted one by one, the one whose
     * match-and-control rule gives the highest tuning accuracy, then the highest mean cosine of output and target
     * value; the highest threshold if several still tie. Thresholds not above 0 are skipped.
     *
     * @throws IllegalArgumentException if none is above 0
     */
    public static double thresholdForRetrieval(List<double[]> scores, int[] targets, double[][] values,
                                               int threads) {
        TreeSet<Double> candidates = new TreeSet<>(Comparator.reverseOrder());
        double[] maxima = sortedMaxima(scores, targets);
        for (double fpr : QUERY_FPRS) {
            candidates.add(thresholdAt(maxima, fpr));
        }
        double[] others = nonTargets(scores, targets);
        candidates.add(thresholdAt(others, 0));
        for (int k = 0; k <= FPR_HALVINGS; k++) {
            candidates.add(thresholdAt(others, WIDEST_KEY_FPR * Math.pow(2, -k)));
        }
        double best = Double.NaN;
        double bestAccuracy = Double.NEGATIVE_INFINITY;
        double bestCosine = Double.NEGATIVE_INFINITY;
        for (double threshold : candidates) {
            if (!(threshold > 0)) {
                continue;
            }
            SelectionRule r = new SelectionRule.MatchAndControl(PotentiationRule.withThreshold(threshold));
            List<Readout> readouts = Parallel.map(threads, 0, scores.size(),
                    i -> Readout.of(r.weights(scores.get(i)), values, targets[i]));
            double accuracy = readouts.stream().filter(Readout::correct).count() / (double) readouts.size();
            double cosine = readouts.stream().mapToDouble(Readout::cosine).sum() / readouts.size();
            if (accuracy > bestAccuracy || (accuracy == bestAccuracy && cosine > bestCosine)) {
                bestAccuracy = accuracy;
                bestCosine = cosine;
                best = threshold;
            }
        }
        if (Double.isNaN(best)) {
            throw new IllegalArgumentException("every candidate threshold is <= 0: the non-target keys' scores are"
                    + " all <= 0, so no potentiation threshold separates them");
        }
        return best;
    }

    /** Each tuning query's best non-target score, sorted. */
    private static double[] sortedMaxima(List<double[]> scores, int[] targets) {
        double[] maxima = new double[scores.size()];
        for (int i = 0; i < maxima.length; i++) {
            double[] row = scores.get(i);
            if (row.length < 2) {
                throw new IllegalArgumentException("a single key has no non-target scores to set a threshold on");
            }
            maxima[i] = Double.NEGATIVE_INFINITY;
            for (int j = 0; j < row.length; j++) {
                if (j != targets[i]) {
                    maxima[i] = Math.max(maxima[i], row[j]);
                }
            }
        }
        Arrays.sort(maxima);
        return maxima;
    }

    /** The non-target scores of every tuning query, sorted. */
    private static double[] nonTargets(List<double[]> scores, int[] targets) {
        int m = 0;
        for (double[] row : scores) {
            m += row.length - 1;
        }
        if (m == 0) {
            throw new IllegalArgumentException("a single key has no non-target scores to set a threshold on");
        }
        double[] others = new double[m];
        int at = 0;
        for (int i = 0; i < scores.size(); i++) {
            double[] row = scores.get(i);
            for (int j = 0; j < row.length; j++) {
                if (j != targets[i]) {
                    others[at++] = row[j];
                }
            }
        }
        Arrays.sort(others);
        return others;
    }

    /**
     * Just above the highest of the {@code sorted} scores that must stay unselected at rate {@code fpr}: at most
     * floor(fpr m) of the m scores reach it.
     */
    private static double thresholdAt(double[] sorted, double fpr) {
        int allowed = (int) Math.floor(fpr * sorted.length);
        return Math.nextUp(sorted[sorted.length - 1 - allowed]);
    }

    private static double standardDeviation(List<double[]> scores) {
        double sum = 0;
        long count = 0;
        for (double[] row : scores) {
            for (double s : row) {
                sum += s;
                count++;
            }
        }
        double mean = sum / count;
        double squares = 0;
        for (double[] row : scores) {
            for (double s : row) {
                squares += (s - mean) * (s - mean);
            }
        }
        return Math.sqrt(squares / count);
    }
}
