package org.spineformer.attention.capacity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.spineformer.attention.reduced.ScoreKernel;

class TuningTest {
    @Test
    void thresholdLetsOneQueryInTenSeeAFalseKey() {
        // 20 tuning queries, target key 0 scoring 100; query i's other keys score i + 1 and 0.5, so the per-query
        // maxima over non-target keys are 1 .. 20. FPR 0.1 allows 2 of the 20 queries a false key: the threshold
        // lies just above 18, and only the queries whose best wrong key scores 19 and 20 reach it.
        List<double[]> rows = new ArrayList<>();
        int[] targets = new int[20];
        for (int i = 0; i < 20; i++) {
            rows.add(new double[] {100, i + 1, 0.5});
        }
        double threshold = Tuning.threshold(rows, targets, 0.1);
        assertThat(threshold).isGreaterThan(18).isLessThanOrEqualTo(19);
        assertThat(rows.stream().filter(r -> r[1] >= threshold || r[2] >= threshold).count()).isEqualTo(2);
        // The target's own score is never a false positive, even when it is the query's highest or lowest.
        List<double[]> lowTargets = rows.stream().map(r -> new double[] {-5, r[1], r[2]}).toList();
        assertThat(Tuning.threshold(lowTargets, targets, 0.1)).isEqualTo(threshold);
        // Ties: maxima 1 .. 18 and 19, 19: the two 19s are the allowed two, the threshold just above 18 again;
        // with 19, 19, 19 on top only two may pass, so all three stay out (rate 0 <= 0.1): just above 19.
        rows.set(19, new double[] {100, 19, 0.5});
        assertThat(Tuning.threshold(rows, targets, 0.1)).isEqualTo(Math.nextUp(18.0));
        rows.set(17, new double[] {100, 19, 0.5});
        assertThat(Tuning.threshold(rows, targets, 0.1)).isEqualTo(Math.nextUp(19.0));
    }

    @Test
    void thresholdMustBePositive() {
        assertThatThrownBy(() -> Tuning.threshold(List.of(new double[] {1, -1, -2}), new int[] {0}, 0.1))
                .hasMessageContaining("not above 0");
    }

    @Test
    void thresholdForRetrievalKeepsOnlyWhatHelps() {
        // Target key 0 scores 1, the others 0.5 and 0.2: the highest candidate (just above every wrong key, 0.5)
        // selects the target alone, correct with cosine 1; every lower one adds a wrong value.
        double[][] values = {{1, 0, 0}, {0, 1, 0}, {0, 0, 1}};
        assertThat(Tuning.thresholdForRetrieval(List.of(new double[] {1, 0.5, 0.2}), new int[] {0}, values, 1))
                .isEqualTo(Math.nextUp(0.5));
        // Two queries over four keys. A: target 0 scores 1, its wrong keys 0.3, 0.1, 0.1. B: target 1 scores only
        // 0.25, below A's wrong 0.3; its wrong keys 0.2, 0.1, 0.1. The candidates are just above 0.3 (above every
        // wrong key) and just above 0.2 (half the queries' best wrong key passes). Above 0.3, B selects nothing:
        // accuracy 1/2. Above 0.2, B selects its target alone, and A selects its target (x = 5: factor 8) and the
        // 0.3 key (x = 1.5: factor 1 + 7 sigmoid(10) = 7.9997), so A's output is still nearest its target:
        // accuracy 1.
        double[][] four = {{1, 0, 0, 0}, {0, 1, 0, 0}, {0, 0, 1, 0}, {0, 0, 0, 1}};
        List<double[]> rows = List.of(new double[] {1, 0.3, 0.1, 0.1}, new double[] {0.2, 0.25, 0.1, 0.1});
        assertThat(Tuning.thresholdForRetrieval(rows, new int[] {0, 1}, four, 1)).isEqualTo(Math.nextUp(0.2));
    }

    @Test
    void temperatureMaximisesTheTuningCosine() {
        // Values e1, e2; every tuning query targets key 0, which scores highest: the cosine rises as T falls, so
        // the lowest temperature tried wins: the scores' s.d. (0.5 for scores 1 and 0) times 2^-10.
        double[][] values = {{1, 0}, {0, 1}};
        List<double[]> scores = List.of(new double[] {1, 0}, new double[] {1, 0});
        assertThat(Tuning.temperature(SelectionRule.Softmax::new, scores, new int[] {0, 0}, values, 1))
                .isEqualTo(0.5 * Math.pow(2, Tuning.LOWEST_POWER));
        // Targets that score lowest: the flattest weights (highest temperature) come closest.
        assertThat(Tuning.temperature(SelectionRule.Softmax::new, scores, new int[] {1, 1}, values, 1))
                .isEqualTo(0.5 * Math.pow(2, Tuning.HIGHEST_POWER));
    }

    @Test
    void tuningNeverTouchesTheTestQueries() {
        CapacityTask task = CapacityTask.generate(config(5, 7));
        Set<Integer> asked = ConcurrentHashMap.newKeySet();
        ScoreSource exact = task.exact(ScoreKernel.builtIn());
        ScoreSource recording = new ScoreSource("recording", i -> {
            asked.add(i);
            return exact.scores().apply(i);
        });
        List<SelectionRule> tuned = CapacityBenchmark.tune(task, recording, 0.1, 2, () -> { });
        assertThat(asked).containsExactlyInAnyOrderElementsOf(IntStream.range(0, 5).boxed().toList());
        // And the same tuning split, whatever the test split: the same tuned rules with 7 or 70 test queries.
        CapacityTask more = CapacityTask.generate(config(5, 70));
        assertThat(CapacityBenchmark.tune(more, more.exact(ScoreKernel.builtIn()), 0.1, 2, () -> { }))
                .isEqualTo(tuned);
        // The test queries are other draws, not copies of tuning queries.
        List<double[]> tuning = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            tuning.add(exact.scores().apply(i));
        }
        for (int i = 5; i < 12; i++) {
            double[] test = exact.scores().apply(i);
            assertThat(tuning).noneMatch(t -> Arrays.equals(t, test));
        }
    }

    static CapacityTask.Config config(int tuning, int test) {
        return new CapacityTask.Config(CapacityTask.Encoding.VECTOR, 50, 8, 0.8, tuning, test, 0.1, 1, 0, 3);
    }
}
