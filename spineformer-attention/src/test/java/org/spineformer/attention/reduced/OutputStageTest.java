package org.spineformer.attention.reduced;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.spineformer.attention.AttentionInputs;
import org.spineformer.attention.QueryResult;

class OutputStageTest {
    /** Key 0's value spikes at 100, 300, 500 ms; key 1's at 200 ms. */
    private static final AttentionInputs INPUTS = new AttentionInputs(new double[][] {{1}, {2}},
            new double[][] {{100, 300, 500}, {200}}, new double[][] {{1}});

    @Test
    void fitsTheMedianLagOfPairedSpikes() {
        // Selected key 0: lags 6 (106), 9 (309), none within 20 ms for 500 (a failed spike: 530 is 30 ms late).
        // Key 1 is not selected, so the output at 204 does not count. A second query adds the lag 7.
        List<QueryResult> results = List.of(
                new QueryResult(new double[] {106, 204, 309, 530}, new int[] {0}, new double[2]),
                new QueryResult(new double[] {307}, new int[] {0}, new double[2]));
        assertThat(OutputStage.fittedTo(INPUTS, results).delayMs()).isEqualTo(7);
    }

    @Test
    void evenCountsTakeTheMidpoint() {
        List<QueryResult> results = List.of(new QueryResult(new double[] {106, 309}, new int[] {0}, new double[2]));
        assertThat(OutputStage.fittedTo(INPUTS, results).delayMs()).isEqualTo(7.5);
    }

    @Test
    void refusesToFitWithoutPairs() {
        List<QueryResult> silent = List.of(new QueryResult(new double[0], new int[] {0}, new double[2]));
        assertThatThrownBy(() -> OutputStage.fittedTo(INPUTS, silent)).hasMessageContaining("nothing to fit");
    }
}
