package org.spineformer.attention.capacity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.spineformer.attention.reduced.PotentiationRule;

class SelectionRuleTest {
    /** The hand values are exact; exp and divisions round at double precision. */
    static final double ROUNDING = 1e-12;

    @Test
    void softmaxAtATemperature() {
        double[] scores = {0, Math.log(3)};
        // exp(s / 1) = (1, 3) -> (1/4, 3/4); at T = 1/2, exp(2 s) = (1, 9) -> (1/10, 9/10).
        assertThat(new SelectionRule.Softmax(1).weights(scores)).containsExactly(new double[] {0.25, 0.75},
                within(ROUNDING));
        assertThat(new SelectionRule.Softmax(0.5).weights(scores)).containsExactly(new double[] {0.1, 0.9},
                within(ROUNDING));
        // Large scores do not overflow: only differences matter.
        assertThat(new SelectionRule.Softmax(1).weights(new double[] {1000, 1000 + Math.log(3)}))
                .containsExactly(new double[] {0.25, 0.75}, within(ROUNDING));
    }

    @Test
    void sparseRulesDivideByTheirTemperature() {
        // sparsemax((2, 1, -2) / 2) = sparsemax(1, 0.5, -1) = (0.75, 0.25, 0).
        assertThat(new SelectionRule.SparsemaxRule(2).weights(new double[] {2, 1, -2}))
                .containsExactly(new double[] {0.75, 0.25, 0}, within(ROUNDING));
        // entmax15((6, 0) / 2) = entmax15(3, 0) = (1, 0).
        assertThat(new SelectionRule.Entmax15Rule(2).weights(new double[] {6, 0}))
                .containsExactly(new double[] {1, 0}, within(ROUNDING));
    }

    @Test
    void topKBreaksTiesByLowerIndex() {
        double[] scores = {1, 2, 2, 0};
        assertThat(new SelectionRule.TopK(1, 1).weights(scores)).containsExactly(0, 1, 0, 0);
        // Keys 1 and 2 tie for the top two: equal scores, equal softmax weights.
        assertThat(new SelectionRule.TopK(2, 1).weights(scores)).containsExactly(0, 0.5, 0.5, 0);
        // Three of four with a tie at the edge: keys 1, 2 and then 0 (score 1 beats 0).
        double e = Math.exp(-1);
        assertThat(new SelectionRule.TopK(3, 1).weights(scores)).containsExactly(
                new double[] {e / (2 + e), 1 / (2 + e), 1 / (2 + e), 0}, within(ROUNDING));
        // k beyond n: softmax over all keys.
        assertThat(new SelectionRule.TopK(8, 1).weights(scores)).containsExactly(
                new SelectionRule.Softmax(1).weights(scores), within(ROUNDING));
        // Ties among equals at the cut: the lower index wins.
        assertThat(new SelectionRule.TopK(1, 1).weights(new double[] {5, 5, 5})).containsExactly(1, 0, 0);
        assertThat(new SelectionRule.TopK(2, 1).weights(new double[] {5, 5, 5})).containsExactly(0.5, 0.5, 0);
        assertThat(SelectionRule.highest(new double[] {0, 3, 1, 3, 2}, 4)).containsExactly(1, 3, 4, 2);
    }

    @Test
    void argmaxAndLinear() {
        assertThat(new SelectionRule.Argmax().weights(new double[] {1, 4, 4, 2})).containsExactly(0, 1, 0, 0);
        assertThat(new SelectionRule.Linear().weights(new double[] {-0.5, 2})).containsExactly(-0.5, 2);
    }

    @Test
    void matchAndControlThresholdsAndWeighsByPotentiation() {
        SelectionRule.MatchAndControl rule = new SelectionRule.MatchAndControl(PotentiationRule.withThreshold(2));
        // x = s / 2 = (0.25, 0.995, 1, 2): below threshold -> 0; at it a = 1/2 -> (1 - a) + 8 a = 4.5; at twice
        // it a = 1 / (1 + e^-20) -> 1 + 7 a.
        double[] w = rule.weights(new double[] {0.5, 1.99, 2, 4});
        assertThat(w).containsExactly(new double[] {0, 0, 4.5, 1 + 7 / (1 + Math.exp(-20))}, within(ROUNDING));
        assertThat(rule.parameter()).isEqualTo(2);
    }

    @Test
    void badParametersAreRefused() {
        assertThatThrownBy(() -> new SelectionRule.Softmax(0)).hasMessageContaining("temperature = 0");
        assertThatThrownBy(() -> new SelectionRule.TopK(0, 1)).hasMessageContaining("k = 0");
    }
}
