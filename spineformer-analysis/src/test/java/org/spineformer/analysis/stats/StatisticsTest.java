package org.spineformer.analysis.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class StatisticsTest {
    private static final double[] ONE_TO_FOUR = {1, 2, 3, 4};

    @Test
    void meanAndVariancesOfOneToFour() {
        assertThat(Statistics.mean(ONE_TO_FOUR)).isEqualTo(2.5);
        assertThat(Statistics.variance(ONE_TO_FOUR)).isEqualTo(1.25);
        assertThat(Statistics.sampleVariance(ONE_TO_FOUR)).isCloseTo(5.0 / 3, within(1e-15));
        assertThat(Statistics.standardDeviation(ONE_TO_FOUR)).isCloseTo(Math.sqrt(1.25), within(1e-15));
        assertThat(Statistics.sampleStandardDeviation(ONE_TO_FOUR)).isCloseTo(Math.sqrt(5.0 / 3), within(1e-15));
    }

    @Test
    void standardErrorUsesThePopulationStandardDeviationAsFigure5Does() {
        // np.std([1, 2, 3, 4]) / sqrt(4) = sqrt(1.25) / 2; the n - 1 version would be sqrt(5/3) / 2 = 0.6455.
        assertThat(Statistics.standardErrorOfMean(ONE_TO_FOUR)).isCloseTo(0.5590169943749475, within(1e-15));
        assertThat(Statistics.standardErrorOfMean(new double[] {7})).isZero();
    }

    @Test
    void explainedVarianceIgnoresAConstantOffsetAndIsZeroForAFlatPrediction() {
        double[] shifted = Arrays.stream(ONE_TO_FOUR).map(v -> v + 5).toArray();
        assertThat(Statistics.explainedVariance(ONE_TO_FOUR, shifted)).isEqualTo(1);
        // residual [-1, 0, 1, 2] has the variance of the data itself
        assertThat(Statistics.explainedVariance(ONE_TO_FOUR, new double[] {2, 2, 2, 2})).isZero();
        // residual [0.5, -0.5, 0.5, -0.5]: 1 - 0.25 / 1.25
        assertThat(Statistics.explainedVariance(ONE_TO_FOUR, new double[] {0.5, 2.5, 2.5, 4.5}))
                .isCloseTo(0.8, within(1e-15));
    }

    @Test
    void belowZScoreDropsOnlyLargeOutliers() {
        double[] values = new double[20];
        values[19] = 10; // mean 0.5, sample sd sqrt(5): z = 9.5 / sqrt(5) = 4.25
        boolean[] keep = Statistics.belowZScore(values, 4);
        assertThat(keep[19]).isFalse();
        assertThat(countTrue(keep)).isEqualTo(19);

        values[19] = -10; // z = -4.25: the paper's cut is one-sided
        assertThat(countTrue(Statistics.belowZScore(values, 4))).isEqualTo(20);

        values[19] = 10;
        assertThat(countTrue(Statistics.belowZScore(values, 4.3))).isEqualTo(20);
        assertThat(countTrue(Statistics.belowZScore(new double[] {3, 3, 3}, 4))).isEqualTo(3);
    }

    @Test
    void badInputIsNamed() {
        assertThatThrownBy(() -> Statistics.mean(new double[0])).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("values is empty");
        assertThatThrownBy(() -> Statistics.mean(new double[] {1, Double.NaN}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("values[1] = NaN");
        assertThatThrownBy(() -> Statistics.sampleVariance(new double[] {1}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least 2");
        assertThatThrownBy(() -> Statistics.explainedVariance(ONE_TO_FOUR, new double[] {1, 2}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("actual has 4 entries but predicted has 2");
        assertThatThrownBy(() -> Statistics.explainedVariance(new double[] {2, 2}, new double[] {1, 2}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("zero variance");
    }

    private static int countTrue(boolean[] flags) {
        int n = 0;
        for (boolean f : flags) {
            n += f ? 1 : 0;
        }
        return n;
    }
}
