package org.spineformer.attention.capacity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class ReadoutTest {
    static final double ROUNDING = 1e-12;
    static final double[][] VALUES = {{1, 0, 0}, {0, 1, 0}, {0, 0, 1}};

    @Test
    void nearestValueMustBeStrictlyNearest() {
        Readout r = Readout.of(new double[] {0.7, 0.3, 0}, VALUES, 0);
        assertThat(r.correct()).isTrue();
        assertThat(r.cosine()).isCloseTo(0.7 / Math.sqrt(0.58), within(ROUNDING));
        assertThat(r.attended()).isEqualTo(2);
        assertThat(r.falseSelections()).isEqualTo(1);
        // A tie between the target and another value is not a retrieval.
        Readout tie = Readout.of(new double[] {0.5, 0.5, 0}, VALUES, 0);
        assertThat(tie.correct()).isFalse();
        assertThat(tie.cosine()).isCloseTo(Math.sqrt(0.5), within(ROUNDING));
    }

    @Test
    void nothingSelectedRetrievesNothing() {
        Readout r = Readout.of(new double[] {0, 0, 0}, VALUES, 2);
        assertThat(r).isEqualTo(new Readout(false, 0, 0, 0));
        // Negative weights (linear attention) count as attended.
        Readout linear = Readout.of(new double[] {-1, 0, 2}, VALUES, 2);
        assertThat(linear.correct()).isTrue();
        assertThat(linear.attended()).isEqualTo(2);
        assertThat(linear.falseSelections()).isEqualTo(1);
        assertThat(Readout.cosine(new double[] {-1, 0, 2}, VALUES, 2)).isCloseTo(2 / Math.sqrt(5), within(ROUNDING));
    }
}
