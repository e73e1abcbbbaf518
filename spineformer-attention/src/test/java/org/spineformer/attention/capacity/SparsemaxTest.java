package org.spineformer.attention.capacity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class SparsemaxTest {
    /** The closed forms below are exact; the code's sums and divisions round at double precision. */
    static final double ROUNDING = 1e-12;

    @Test
    void matchesTheHandComputedProjection() {
        // Sorted 1, 0.5, -1: k = 2 is the largest with 1 + k z_(k) > sum (2 > 1.5; k = 3: -2 > 0.5 fails),
        // tau = (1 + 0.5 - 1) / 2 = 0.25.
        assertThat(Sparsemax.of(new double[] {1, 0.5, -1})).containsExactly(new double[] {0.75, 0.25, 0},
                within(ROUNDING));
        // Order does not matter.
        assertThat(Sparsemax.of(new double[] {-1, 1, 0.5})).containsExactly(new double[] {0, 0.75, 0.25},
                within(ROUNDING));
    }

    @Test
    void equalScoresShareAndAFarLeaderTakesAll() {
        assertThat(Sparsemax.of(new double[] {2, 2, 2, 2})).containsExactly(new double[] {0.25, 0.25, 0.25, 0.25},
                within(ROUNDING));
        // A gap of at least 1 leaves the rest at exactly 0: tau = 3 - 1 = 2.
        assertThat(Sparsemax.of(new double[] {3, 0, 2})).containsExactly(new double[] {1, 0, 0}, within(ROUNDING));
        assertThat(Sparsemax.of(new double[] {7})).containsExactly(1.0);
    }
}
