package org.spineformer.attention.capacity;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.spineformer.attention.Parallel;
import org.spineformer.attention.reduced.PotentiationRule;

/**
 * Every selection rule on one score matrix: the rules' parameters tuned on the task's tuning split, then each rule's
 * retrieval on the test split. Queries run in parallel; every per-query number is a function of the task alone and
 * the sums run in query order, so the results do not depend on the thread count.
 */
public final class CapacityBenchmark {
    /** The k of the top-k rules. */
    public static final int[] TOP_K = {1, 2, 8};

    private CapacityBenchmark() {
    }

    /**
     * One rule's retrieval over the test queries (means per query).
     *
     * @param rule the rule's name
     * @param parameter its tuned or fixed parameter (temperature, threshold or k; NaN if none)
     * @param accuracy the fraction of queries whose output's nearest value is the target's
     * @param accuracyStandardError sqrt(accuracy (1 - accuracy) / queries)
     * @param falseSelections the attended keys other than the target, per query
     * @param cosine the cosine similarity of the output to the target value, per query
     * @param keysAttended the keys with non-zero weight, per query
     */
    public record RuleMetrics(String rule, double parameter, double accuracy, double accuracyStandardError,
                              double falseSelections, double cosine, double keysAttended) {
    }

    /**
     * @param source the score source's name
     * @param rules every rule's metrics, in {@link #rules} order
     * @param comparisonsPerQuery key-query comparisons per query (one score per key, for every rule)
     * @param spikesPerQuery the spikes a neuron receives per query (query and keys; 0 for vectors)
     */
    public record Result(String source, List<RuleMetrics> rules, int comparisonsPerQuery, double spikesPerQuery) {
    }

    /**
     * The rules with their tuned parameters: softmax-family temperatures, match-and-control's threshold at the
     * paper's operating point ({@code threshold}, a false positive rate) and at the best one for retrieval
     * ({@code bestThreshold}, reported as "match-and-control-tuned").
     */
    public static List<SelectionRule> rules(double softmaxT, double sparsemaxT, double entmaxT, double threshold,
                                            double bestThreshold) {
        List<SelectionRule> rules = new ArrayList<>();
        rules.add(new SelectionRule.Softmax(softmaxT));
        rules.add(new SelectionRule.SparsemaxRule(sparsemaxT));
        rules.add(new SelectionRule.Entmax15Rule(entmaxT));
        for (int k : TOP_K) {
            rules.add(new SelectionRule.TopK(k, softmaxT));
        }
        rules.add(new SelectionRule.Argmax());
        rules.add(new SelectionRule.Linear());
        rules.add(new SelectionRule.MatchAndControl(PotentiationRule.withThreshold(threshold)));
        rules.add(new SelectionRule.MatchAndControl(PotentiationRule.withThreshold(bestThreshold), "-tuned"));
        return rules;
    }

    /** The rules tuned on {@code task}'s tuning split under {@code source}, match-and-control at {@code fpr}. */
    public static List<SelectionRule> tune(CapacityTask task, ScoreSource source, double fpr, int threads,
                                           Runnable onQuery) {
        int t = task.config().tuningQueries();
        List<double[]> scores = Parallel.map(threads, 0, t, i -> {
            double[] s = source.scores().apply(i);
            onQuery.run();
            return s;
        });
        int[] targets = new int[t];
        Arrays.setAll(targets, task::target);
        double[][] values = task.values();
        return rules(Tuning.temperature(SelectionRule.Softmax::new, scores, targets, values, threads),
                Tuning.temperature(SelectionRule.SparsemaxRule::new, scores, targets, values, threads),
                Tuning.temperature(SelectionRule.Entmax15Rule::new, scores, targets, values, threads),
                Tuning.threshold(scores, targets, fpr), Tuning.thresholdForRetrieval(scores, targets, values, threads));
    }

    /** Tunes the rules on the tuning split and measures them on the test split. */
    public static Result run(CapacityTask task, ScoreSource source, double fpr, int threads, Runnable onQuery) {
        List<SelectionRule> rules = tune(task, source, fpr, threads, onQuery);
        int t = task.config().tuningQueries();
        int q = task.config().testQueries();
        List<Readout[]> readouts = Parallel.map(threads, t, t + q, i -> {
            double[] scores = source.scores().apply(i);
            Readout[] r = rules.stream().map(rule -> Readout.of(rule.weights(scores), task.values(), task.target(i)))
                    .toArray(Readout[]::new);
            onQuery.run();
            return r;
        });
        List<RuleMetrics> metrics = new ArrayList<>();
        for (int k = 0; k < rules.size(); k++) {
            double correct = 0;
            double falseSelections = 0;
            double cosine = 0;
            double attended = 0;
            for (Readout[] r : readouts) {
                correct += r[k].correct() ? 1 : 0;
                falseSelections += r[k].falseSelections();
                cosine += r[k].cosine();
                attended += r[k].attended();
            }
            double accuracy = correct / q;
            metrics.add(new RuleMetrics(rules.get(k).name(), rules.get(k).parameter(), accuracy,
                    Math.sqrt(accuracy * (1 - accuracy) / q), falseSelections / q, cosine / q, attended / q));
        }
        double spikes = 0;
        for (int i = t; i < t + q; i++) {
            spikes += task.spikes(i);
        }
        return new Result(source.name(), metrics, task.config().keys(), spikes / q);
    }
}
