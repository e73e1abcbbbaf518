package org.spineformer.analysis.roc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class MatchScoresTest {
    @Test
    void splitsMatchedAxonFromTheBestUnmatchedOne() {
        double[][] values = {{1, 9, 3}, {7, 2, 8}, {-4, -1, -2}};
        MatchScores scores = MatchScores.fromAxonValues(values, new int[] {1, 2, 0});
        assertThat(scores.positives()).containsExactly(9, 8, -4);
        assertThat(scores.negatives()).containsExactly(3, 7, -1);
    }

    @Test
    void badInputIsNamed() {
        assertThatThrownBy(() -> MatchScores.fromAxonValues(new double[][] {{1, 2}}, new int[] {2}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("matchedAxon[0] = 2");
        assertThatThrownBy(() -> MatchScores.fromAxonValues(new double[][] {{1, 2}}, new int[] {0, 1}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("got 1 and 2");
        assertThatThrownBy(() -> MatchScores.fromAxonValues(new double[][] {{1, Double.NaN}}, new int[] {0}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("axonValues[0][1] = NaN");
    }
}
