package org.spineformer.analysis.roc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class RocCurveTest {
    @Test
    void handWorkedCurveDropsCollinearPoints() {
        double[] negatives = {0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1.0};
        double[] positives = {0.95, 0.85, 0.55, 0.3};
        RocCurve roc = RocCurve.of(negatives, positives);
        // From the top: 1.0 N, .95 P, .9 N, .85 P, .8 N, .7 N, .6 N, .55 P, .5 N, .4 N, .3 N+P, .2 N, .1 N.
        // 0.7, 0.5 and 0.2 sit in the middle of straight runs and are dropped, as sklearn's roc_curve does
        // (its output for these inputs, with the script's sample weights, is asserted here).
        assertThat(roc.thresholds()).containsExactly(Double.POSITIVE_INFINITY, 1.0, 0.95, 0.9, 0.85, 0.8, 0.6,
                0.55, 0.4, 0.3, 0.1);
        assertThat(roc.falsePositiveRates()).containsExactly(0, 0.10000000000000002, 0.10000000000000002,
                0.20000000000000004, 0.20000000000000004, 0.3000000000000001, 0.5000000000000001,
                0.5000000000000001, 0.7000000000000001, 0.8, 1);
        assertThat(roc.truePositiveRates()).containsExactly(0, 0, 0.25, 0.25, 0.5, 0.5, 0.5, 0.75, 0.75, 1, 1);
        // Two points share the rate nearest 0.1; the first (higher threshold) wins, as np.argmin picks it.
        assertThat(roc.atFalsePositiveRate(RocCurve.PAPER_FALSE_POSITIVE_RATE))
                .isEqualTo(new OperatingPoint(1.0, 0.10000000000000002, 0));
    }

    @Test
    void thresholdIsTheSecondLargestOfTwentyNegatives() {
        double[] negatives = new double[20];
        for (int i = 0; i < 20; i++) {
            negatives[i] = i + 1;
        }
        // 19 and 20 are the 10% of negatives >= 19; only the positive 25 is >= 19.
        OperatingPoint point = RocCurve.of(negatives, new double[] {25, 15.5, 12.5}).atFalsePositiveRate(0.1);
        assertThat(point.threshold()).isEqualTo(19);
        assertThat(point.falsePositiveRate()).isEqualTo(0.09999999999999998); // 0.05 + 0.05 in doubles
        assertThat(point.truePositiveRate()).isEqualTo(1.0 / 3);
    }

    @Test
    void droppedPointsMoveTheThresholdAwayFromTheQuantileAsInThePaper() {
        double[] negatives = new double[150];
        double[] positives = new double[150];
        for (int i = 0; i < 150; i++) {
            negatives[i] = ((i * 7919) % 1009) / 1009.0;
            positives[i] = ((i * 104729) % 1013) / 1013.0 * 1.5 + 0.2;
        }
        RocCurve roc = RocCurve.of(new MatchScores(positives, negatives));
        // sklearn's roc_curve (ported to numpy from sklearn/metrics/_ranking.py, run with the script's weights)
        // keeps 139 points; the nearest to 0.1 is 16/150, threshold 0.8979187314172448, although the 15th largest
        // negative is 0.9018830525272548 (its point was dropped as collinear).
        assertThat(roc.thresholds()).hasSize(139);
        assertThat(roc.atFalsePositiveRate(0.1))
                .isEqualTo(new OperatingPoint(0.8979187314172448, 0.10666666666666641, 0.5266666666666648));
    }

    @Test
    void tiesFormOnePoint() {
        RocCurve roc = RocCurve.of(new double[] {1, 2, 2}, new double[] {2, 3});
        assertThat(roc.thresholds()).containsExactly(Double.POSITIVE_INFINITY, 3, 2, 1);
        assertThat(roc.falsePositiveRates()).containsExactly(0, 0, 2.0 / 3, 1);
        assertThat(roc.truePositiveRates()).containsExactly(0, 0.5, 1, 1);
    }

    @Test
    void bothClassesAreRequired() {
        assertThatThrownBy(() -> RocCurve.of(new double[0], new double[] {1}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("negatives is empty");
        assertThatThrownBy(() -> RocCurve.of(new double[] {1}, new double[] {Double.NaN}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("positives[0] = NaN");
    }
}
