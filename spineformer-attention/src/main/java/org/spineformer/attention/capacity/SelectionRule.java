package org.spineformer.attention.capacity;

import java.util.Arrays;
import java.util.stream.IntStream;
import org.spineformer.attention.reduced.PotentiationRule;

/**
 * How attention turns one query's scores (one per key) into weights on the keys' values; the output is
 * {@code sum_j w_j v_j}. Every rule reads the same scores, so differences between rules are the rules' alone.
 */
public sealed interface SelectionRule {
    /** The rule's name in tables and plots. */
    String name();

    /** The rule's tuned or fixed parameter (temperature, threshold, k), NaN if it has none. */
    double parameter();

    /** The weights of the keys whose scores are {@code scores} (same length, at least 1). */
    double[] weights(double[] scores);

    /** Softmax at temperature T: {@code w_j = exp(s_j / T) / sum_k exp(s_k / T)}. */
    record Softmax(double temperature) implements SelectionRule {
        public Softmax {
            requirePositive("temperature", temperature);
        }

        @Override
        public String name() {
            return "softmax";
        }

        @Override
        public double parameter() {
            return temperature;
        }

        @Override
        public double[] weights(double[] scores) {
            return softmax(scores, temperature, IntStream.range(0, scores.length).toArray());
        }
    }

    /** {@link Sparsemax} of the scores over a temperature, {@code sparsemax(s / T)}. */
    record SparsemaxRule(double temperature) implements SelectionRule {
        public SparsemaxRule {
            requirePositive("temperature", temperature);
        }

        @Override
        public String name() {
            return "sparsemax";
        }

        @Override
        public double parameter() {
            return temperature;
        }

        @Override
        public double[] weights(double[] scores) {
            return Sparsemax.of(Arrays.stream(scores).map(s -> s / temperature).toArray());
        }
    }

    /** {@link Entmax15} of the scores over a temperature, {@code entmax15(s / T)}. */
    record Entmax15Rule(double temperature) implements SelectionRule {
        public Entmax15Rule {
            requirePositive("temperature", temperature);
        }

        @Override
        public String name() {
            return "entmax-1.5";
        }

        @Override
        public double parameter() {
            return temperature;
        }

        @Override
        public double[] weights(double[] scores) {
            return Entmax15.of(Arrays.stream(scores).map(s -> s / temperature).toArray());
        }
    }

    /**
     * Top-k attention (as in Gupta et al. 2021): softmax at temperature T over the k highest scores, zero elsewhere;
     * among equal scores the lower key index ranks first. All keys if there are at most k.
     */
    record TopK(int k, double temperature) implements SelectionRule {
        public TopK {
            if (k < 1) {
                throw new IllegalArgumentException("k = " + k + " must be >= 1");
            }
            requirePositive("temperature", temperature);
        }

        @Override
        public String name() {
            return "top-" + k;
        }

        @Override
        public double parameter() {
            return k;
        }

        @Override
        public double[] weights(double[] scores) {
            return softmax(scores, temperature, highest(scores, k));
        }
    }

    /** Hard attention: all weight on the highest score (the lowest index among equals). */
    record Argmax() implements SelectionRule {
        @Override
        public String name() {
            return "argmax";
        }

        @Override
        public double parameter() {
            return Double.NaN;
        }

        @Override
        public double[] weights(double[] scores) {
            double[] w = new double[scores.length];
            w[highest(scores, 1)[0]] = 1;
            return w;
        }
    }

    /** Linear attention: the unnormalised scores themselves are the weights. */
    record Linear() implements SelectionRule {
        @Override
        public String name() {
            return "linear";
        }

        @Override
        public double parameter() {
            return Double.NaN;
        }

        @Override
        public double[] weights(double[] scores) {
            return scores.clone();
        }
    }

    /**
     * Match-and-control: a hard threshold on the score selects keys ({@link PotentiationRule#selects}), and a
     * selected key's value is weighted by its spine's AMPA factor ({@link PotentiationRule#potentiation},
     * {@code (1 - a) + 8 a}, a the Figure 4A sigmoid), so more strongly matched keys drive the output more; the
     * neuron does not normalise, so nothing selected means no output.
     *
     * @param suffix added to the name, to tell thresholds tuned for different ends apart ("" for the paper's)
     */
    record MatchAndControl(PotentiationRule rule, String suffix) implements SelectionRule {
        public MatchAndControl(PotentiationRule rule) {
            this(rule, "");
        }

        @Override
        public String name() {
            return "match-and-control" + suffix;
        }

        @Override
        public double parameter() {
            return rule.threshold();
        }

        @Override
        public double[] weights(double[] scores) {
            double[] w = new double[scores.length];
            for (int j = 0; j < scores.length; j++) {
                w[j] = rule.selects(scores[j]) ? rule.potentiation(scores[j]) : 0;
            }
            return w;
        }
    }

    /**
     * The indices of the {@code k} highest scores (all if fewer), highest first, lower index first among equals. One
     * pass keeping the best k in order by insertion: O(n k), for the small k of top-k attention.
     */
    static int[] highest(double[] scores, int k) {
        int size = Math.min(k, scores.length);
        int[] best = new int[size];
        int filled = 0;
        for (int j = 0; j < scores.length; j++) {
            // A later key enters only with a strictly higher score, so equal scores keep index order.
            if (filled == size && scores[j] <= scores[best[size - 1]]) {
                continue;
            }
            int at = filled < size ? filled++ : size - 1;
            while (at > 0 && scores[best[at - 1]] < scores[j]) {
                best[at] = best[at - 1];
                at--;
            }
            best[at] = j;
        }
        return best;
    }

    /** Softmax at {@code temperature} over the keys {@code support}, zero elsewhere; computed from the maximum. */
    private static double[] softmax(double[] scores, double temperature, int[] support) {
        double max = Double.NEGATIVE_INFINITY;
        for (int j : support) {
            max = Math.max(max, scores[j]);
        }
        double[] w = new double[scores.length];
        double sum = 0;
        for (int j : support) {
            w[j] = Math.exp((scores[j] - max) / temperature);
            sum += w[j];
        }
        for (int j : support) {
            w[j] /= sum;
        }
        return w;
    }

    private static void requirePositive(String name, double value) {
        if (!(value > 0 && Double.isFinite(value))) {
            throw new IllegalArgumentException(name + " = " + value + " must be finite and > 0");
        }
    }
}
