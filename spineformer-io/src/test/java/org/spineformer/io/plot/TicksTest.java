package org.spineformer.io.plot;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Round ticks: steps of 1, 2 or 5 times a power of ten, at least two on any range. */
class TicksTest {
    @Test
    void aDensityGridGetsRoundTicksNotItsSamplePoints() {
        // fig3be's density x axis ran over [0, 1.0263] on 1000 points; XChart ticked 0.1711, 0.3421, ...
        assertThat(Ticks.of(0, 1.0263, 7, 0)).containsExactly(0, 0.2, 0.4, 0.6, 0.8, 1);
        assertThat(Ticks.of(0, 0.855, 5, 0)).containsExactly(0, 0.2, 0.4, 0.6, 0.8);
        assertThat(Ticks.of(-65.3, 31.9, 6, 0)).containsExactly(-60, -40, -20, 0, 20);
        assertThat(Ticks.of(250, 2750, 8, 0)).containsExactly(500, 1000, 1500, 2000, 2500);
    }

    @Test
    void aNarrowRangeOfTinyValuesGetsSeveralTicks() {
        // fig2a's Ca^4 integral axis: values up to about 3.7e-14 mM^4 ms had one tick
        assertThat(Ticks.of(0, 3.7e-14, 5, 0)).containsExactly(0, 1e-14, 2e-14, 3e-14);
        assertThat(Ticks.of(1.00001, 1.00004, 5, 0)).hasSizeGreaterThanOrEqualTo(2);
    }

    @Test
    void ticksAreExactDecimals() {
        assertThat(Ticks.of(0, 0.35, 5, 0)).containsExactly(0, 0.1, 0.2, 0.3); // 0.3, not 3 * 0.1
        assertThat(Ticks.of(0.7, 0.7, 5, 0)).containsExactly(0.7);
        assertThat(Ticks.step(0, 1, 5)).as("0.2 would make 6 ticks").isEqualTo(0.5);
        assertThat(Ticks.step(0, 1, 6)).isEqualTo(0.2);
        assertThat(Ticks.step(0, 1, 11)).isEqualTo(0.1);
    }

    @Test
    void slackAdmitsATickAPixelBeyondTheEnd() {
        assertThat(Ticks.of(0.0004, 0.9997, 5, 0.001)).startsWith(0.0).endsWith(1.0);
        assertThat(Ticks.of(0.0004, 0.9997, 5, 0)).containsExactly(0.2, 0.4, 0.6, 0.8);
    }
}
