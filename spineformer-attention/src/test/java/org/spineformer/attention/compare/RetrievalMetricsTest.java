package org.spineformer.attention.compare;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.spineformer.attention.AttentionInputs;
import org.spineformer.attention.QueryResult;
import org.spineformer.attention.encode.RetrievalTask;

class RetrievalMetricsTest {
    private static final SoftmaxAttention SOFTMAX = new SoftmaxAttention(0.1, new RateBins(10, 100));

    /** Two keys; query 0's source is key 0, query 1's is key 1. */
    private static RetrievalTask task() {
        AttentionInputs in = new AttentionInputs(new double[][] {{1}, {2}}, new double[][] {{5, 55}, {25}},
                new double[][] {{1}, {2}});
        return new RetrievalTask(in, new int[] {0, 1}, new RetrievalTask.Config(2, 2, 1, 0, 0));
    }

    @Test
    void countsTopOneFalseSelectionsAndSimilarity() {
        // Query 0 selects both keys, key 0 scoring higher: correct, one false selection, output = both values.
        // Query 1 selects nothing: not correct, no false selection, silent output (similarity 0).
        List<QueryResult> results = List.of(
                new QueryResult(new double[] {5, 25, 55}, new int[] {0, 1}, new double[] {3, 2}),
                new QueryResult(new double[0], new int[0], new double[] {0.1, 0.2}));
        RetrievalMetrics m = RetrievalMetrics.of(task(), results, SOFTMAX, 0);
        assertThat(m.correct()).containsExactly(true, false);
        assertThat(m.top1Accuracy()).isEqualTo(0.5);
        assertThat(m.falseSelections()).containsExactly(1, 0);
        assertThat(m.falseSelectionsPerQuery()).isEqualTo(0.5);
        // Softmax weights of query 0: e^10 : 1, so its output is nearly value 0's: rates 0.1 in bins 0 and 5.
        double w1 = 1 / (1 + Math.exp(10));
        double expected = ((1 - w1) * 2 + w1) / (Math.sqrt(3) * Math.sqrt((1 - w1) * (1 - w1) * 2 + w1 * w1));
        assertThat(m.similarity()[0]).isCloseTo(expected, within(1e-12));
        assertThat(m.similarity()[1]).isZero();
        assertThat(m.topKey()).containsExactly(0, -1);
    }

    @Test
    void outputDelayIsRemovedBeforeBinning() {
        List<QueryResult> results = List.of(
                new QueryResult(new double[] {12, 62}, new int[] {0}, new double[] {5, 0}),
                new QueryResult(new double[] {32}, new int[] {1}, new double[] {0, 5}));
        RetrievalMetrics m = RetrievalMetrics.of(task(), results, SOFTMAX, 7);
        assertThat(m.top1Accuracy()).isEqualTo(1);
        assertThat(m.softmaxOutputSimilarity()).isGreaterThan(0.9999);
    }

    @Test
    void softmaxWeightsSumToOneAndFavourHighScores() {
        double[] w = SOFTMAX.weights(new double[] {1000, 999.9, 0});
        assertThat(w[0] + w[1] + w[2]).isCloseTo(1, within(1e-12));
        assertThat(w[0] / w[1]).isCloseTo(Math.E, within(1e-9));
    }

    @Test
    void cosineOfZeroVectors() {
        assertThat(RetrievalMetrics.cosine(new double[2], new double[2])).isEqualTo(1);
        assertThat(RetrievalMetrics.cosine(new double[] {1, 0}, new double[2])).isZero();
        assertThat(RetrievalMetrics.cosine(new double[] {1, 1}, new double[] {2, 2})).isCloseTo(1, within(1e-12));
    }
}
