package org.spineformer.attention.capacity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class Entmax15Test {
    /** The closed forms are exact; the code's square roots and sums round at double precision. */
    static final double ROUNDING = 1e-12;
    /** Hand-computed values are given to 5 decimals. */
    static final double HAND_DIGITS = 1e-5;

    @Test
    void twoScoresMatchTheClosedForm() {
        // z = (1, 0): x = z / 2 = (0.5, 0), gap d = 0.5 < 1 so both are in the support. With a = x1 - tau and
        // b = a - d: a^2 + (a - d)^2 = 1 gives a = (d + sqrt(2 - d^2)) / 2, b = (sqrt(2 - d^2) - d) / 2.
        double d = 0.5;
        double a = (d + Math.sqrt(2 - d * d)) / 2;
        double b = (Math.sqrt(2 - d * d) - d) / 2;
        double[] p = Entmax15.of(new double[] {1, 0});
        assertThat(p).containsExactly(new double[] {a * a, b * b}, within(ROUNDING));
        // The same numbers, worked out by hand to 5 digits: 0.83072 and 0.16928 (between softmax's 0.731 and
        // sparsemax's 1).
        assertThat(p).containsExactly(new double[] {0.83072, 0.16928}, within(HAND_DIGITS));
    }

    @Test
    void aGapOfTwoOrMoreTakesAllAndEqualScoresShare() {
        // x gap (3 - 0) / 2 = 1.5 >= 1: tau = x1 - 1 = 0.5, and x2 - tau < 0.
        assertThat(Entmax15.of(new double[] {3, 0})).containsExactly(new double[] {1, 0}, within(ROUNDING));
        // n equal scores: (x - tau)^2 = 1 / n each.
        assertThat(Entmax15.of(new double[] {5, 5, 5})).containsExactly(new double[] {1.0 / 3, 1.0 / 3, 1.0 / 3},
                within(ROUNDING));
    }

    @Test
    void threeScoresSatisfyTheOptimalityConditions() {
        // z = (1, 0.5, -1): x = (0.5, 0.25, -0.5). Support {1, 2}: a^2 + (a - 0.25)^2 = 1 with a = x1 - tau gives
        // a = (0.25 + sqrt(2 - 0.0625)) / 2; key 3 is out since x3 = -0.5 < tau = 0.5 - a.
        double a = (0.25 + Math.sqrt(2 - 0.0625)) / 2;
        double[] p = Entmax15.of(new double[] {1, 0.5, -1});
        assertThat(p).containsExactly(new double[] {a * a, (a - 0.25) * (a - 0.25), 0}, within(ROUNDING));
    }
}
