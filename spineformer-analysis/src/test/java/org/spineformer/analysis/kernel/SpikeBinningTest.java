package org.spineformer.analysis.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** Expected vectors are helper_functions.make_vector_from_ts on the same inputs. */
class SpikeBinningTest {
    @Test
    void spikesAreSplitLinearlyBetweenEntriesAndClampedAtTheEnds() {
        SpikeBinning binning = new SpikeBinning(50, 60, 1);
        assertThat(binning.binCount()).isEqualTo(10);
        assertThat(binning.binSpacingMs()).isEqualTo(10.0 / 9);
        // 51.5 -> index 1.35, 53.25 -> 2.925, 60 -> 9, 70 clamped to 9.
        assertThat(binning.vector(new double[] {50, 51.5, 53.25, 60, 70})).containsExactly(
                new double[] {1, 0.6499999999999999, 0.4249999999999998, 0.9250000000000003, 0, 0, 0, 0, 0, 2},
                within(1e-15));
        assertThat(binning.vector(new double[] {55, 55})).containsExactly(0, 0, 0, 0, 1, 1, 0, 0, 0, 0);
    }

    @Test
    void advanceMovesSpikesEarlierAndMayClampThemToTheFirstEntry() {
        SpikeBinning binning = new SpikeBinning(50, 60, 1);
        assertThat(binning.vector(new double[] {52}, 3)).containsExactly(1, 0, 0, 0, 0, 0, 0, 0, 0, 0);
        assertThat(binning.vector(new double[] {57}, 2)).isEqualTo(binning.vector(new double[] {55}));
    }

    @Test
    void theBinCountRoundsHalfToEven() {
        assertThat(new SpikeBinning(0, 2.5, 1).vector(new double[] {3.3})).containsExactly(0, 1);
        assertThat(new SpikeBinning(0, 3.5, 1).vector(new double[] {3.3}))
                .containsExactly(new double[] {0, 0, 0.1714285714285717, 0.8285714285714283}, within(1e-15));
    }

    @Test
    void thePapersOneSecondWindow() {
        SpikeBinning binning = new SpikeBinning(50, 1050, 1);
        double[] v = binning.vector(new double[] {57.3});
        assertThat(v).hasSize(1000);
        assertThat(v[7]).isCloseTo(0.7073000000000027, within(1e-13));
        assertThat(v[8]).isCloseTo(0.2926999999999973, within(1e-13));
        assertThat(binning.binSpacingMs()).isEqualTo(1000.0 / 999);
    }

    @Test
    void badInputIsNamed() {
        assertThatThrownBy(() -> new SpikeBinning(50, 50, 1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least two bins");
        assertThatThrownBy(() -> new SpikeBinning(0, 10, 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("binSizeMs = 0.0");
        assertThatThrownBy(() -> new SpikeBinning(0, 10, 1).vector(new double[] {Double.NaN}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("spikeTimesMs[0] = NaN");
    }
}
