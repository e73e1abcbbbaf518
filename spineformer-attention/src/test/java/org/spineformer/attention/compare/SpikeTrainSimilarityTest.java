package org.spineformer.attention.compare;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class SpikeTrainSimilarityTest {
    /** Sums of a few products and one square root: exact to a few ulps. */
    private static final double ROUNDING = 1e-15;

    @Test
    void cosineOfBinnedRatesByHand() {
        RateBins bins = new RateBins(10, 30);
        // a: bins (1, 1, 0); b: bins (2, 0, 1). cos = 2 / (sqrt(2) sqrt(5)) = sqrt(2/5).
        double[] a = {1, 15};
        double[] b = {2, 8, 25};
        assertThat(SpikeTrainSimilarity.binnedCosine(a, b, bins)).isCloseTo(Math.sqrt(0.4), within(ROUNDING));
        assertThat(SpikeTrainSimilarity.binnedCosine(new double[0], new double[0], bins)).isEqualTo(1);
        assertThat(SpikeTrainSimilarity.binnedCosine(a, new double[0], bins)).isEqualTo(0);
    }

    @Test
    void matchedFractionByHand() {
        // 10 pairs with 13 (3 ms), 30 with 34 (4 ms), 50 has only 57 (7 ms: too far), 70 nothing; 57 and 90 unpaired.
        double[] a = {10, 30, 50, 70};
        double[] b = {13, 34, 57, 90};
        assertThat(SpikeTrainSimilarity.matchedFraction(a, b, 5)).isEqualTo(2.0 * 2 / 8);
        // With 7 ms, 50 and 57 pair too: 3 pairs.
        assertThat(SpikeTrainSimilarity.matchedFraction(a, b, 7)).isEqualTo(2.0 * 3 / 8);
        assertThat(SpikeTrainSimilarity.matchedFraction(a, a, 0)).isEqualTo(1);
    }

    @Test
    void eachSpikePairsOnce() {
        // Two spikes of a near one of b: one pair, 2 of 3 spikes matched.
        assertThat(SpikeTrainSimilarity.matchedFraction(new double[] {10, 11}, new double[] {12}, 5))
                .isEqualTo(2.0 / 3);
        // Greedy in time order finds both pairs: 10-8 and 14-12 (not 10-12 leaving 14 alone).
        assertThat(SpikeTrainSimilarity.matchedFraction(new double[] {10, 14}, new double[] {8, 12}, 2))
                .isEqualTo(1);
    }

    @Test
    void emptyTrains() {
        assertThat(SpikeTrainSimilarity.matchedFraction(new double[0], new double[0], 5)).isEqualTo(1);
        assertThat(SpikeTrainSimilarity.matchedFraction(new double[] {1}, new double[0], 5)).isEqualTo(0);
    }

    @Test
    void refusesANegativeTolerance() {
        assertThatThrownBy(() -> SpikeTrainSimilarity.matchedFraction(new double[0], new double[0], -1))
                .hasMessageContaining("toleranceMs = -1.0");
    }
}
