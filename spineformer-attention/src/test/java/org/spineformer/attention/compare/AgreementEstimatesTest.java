package org.spineformer.attention.compare;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.spineformer.attention.QueryResult;

class AgreementEstimatesTest {
    /** Means and square roots of a few small numbers. */
    private static final double ROUNDING = 1e-15;

    @Test
    void meansAndStandardErrorsByHand() {
        double[] scores = {3, 2, 1};
        List<QueryResult> a = List.of(new QueryResult(new double[] {10, 30}, new int[] {0, 1}, scores),
                new QueryResult(new double[0], new int[0], scores),
                new QueryResult(new double[] {50}, new int[] {2}, scores));
        List<QueryResult> b = List.of(new QueryResult(new double[] {12, 100}, new int[] {0}, scores),
                new QueryResult(new double[0], new int[0], scores),
                new QueryResult(new double[0], new int[] {1}, scores));
        AgreementEstimates e = AgreementEstimates.of(a, b, new RateBins(20, 200), 5);
        assertThat(e.queries()).isEqualTo(3);
        // Same selection: 0, 1, 0: mean 1/3, sample s.d. sqrt(1/3), SE sqrt(1/3) / sqrt(3) = 1/3.
        assertThat(e.sameSelection().mean()).isCloseTo(1.0 / 3, within(ROUNDING));
        assertThat(e.sameSelection().standardError()).isCloseTo(1.0 / 3, within(ROUNDING));
        // Jaccard 1/2, 1, 0: mean 1/2, sample variance 1/4, SE sqrt(1/12).
        assertThat(e.jaccard().mean()).isCloseTo(0.5, within(ROUNDING));
        assertThat(e.jaccard().standardError()).isCloseTo(Math.sqrt(1.0 / 12), within(ROUNDING));
        // Top keys 0/0, -1/-1, 2/1: 1, 1, 0.
        assertThat(e.sameTopKey().mean()).isCloseTo(2.0 / 3, within(ROUNDING));
        // Query 0: 20 ms bins, a in bins 0 and 1, b in bins 0 and 5: cosine 1/2; matched 10-12 only: 2 of 4.
        // Query 1: both silent: 1 and 1. Query 2: one silent: 0 and 0.
        assertThat(e.outputCosine().mean()).isCloseTo(0.5, within(ROUNDING));
        assertThat(e.matchedSpikes().mean()).isCloseTo(0.5, within(ROUNDING));
    }

    @Test
    void oneQueryHasNoStandardError() {
        List<QueryResult> a = List.of(new QueryResult(new double[0], new int[0], new double[] {1}));
        AgreementEstimates e = AgreementEstimates.of(a, a, new RateBins(20, 200), 5);
        assertThat(e.jaccard().mean()).isEqualTo(1);
        assertThat(e.jaccard().standardError()).isNaN();
    }
}
