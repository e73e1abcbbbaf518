package org.spineformer.analysis.spikes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class PulseCountBinTest {
    @Test
    void binsByPulseCountSkippingZeroAndSmallGroups() {
        int[] pulses = {0, 1, 1, 2, 2, 2, 3, 4, 4};
        double[] values = {0.9, 0.2, 0.4, 0, 0.5, 1, 0.7, 1, 1};
        List<PulseCountBin> bins = PulseCountBin.of(pulses, values, 2);
        // 3 pulses has one trial only and is left out; 4 keeps its own count (the script would label it 3).
        assertThat(bins).extracting(PulseCountBin::pulses).containsExactly(1, 2, 4);
        assertThat(bins).extracting(PulseCountBin::trials).containsExactly(2, 3, 2);
        assertThat(bins.get(0).mean()).isCloseTo(0.3, within(1e-15));
        assertThat(bins.get(0).standardErrorOfMean()).isCloseTo(0.1 / Math.sqrt(2), within(1e-15));
        assertThat(bins.get(1).mean()).isEqualTo(0.5);
        assertThat(bins.get(1).standardErrorOfMean()).isCloseTo(Math.sqrt(1.0 / 6) / Math.sqrt(3), within(1e-15));
        assertThat(bins.get(2).standardErrorOfMean()).isZero();
        assertThat(PulseCountBin.of(pulses, values, 1)).hasSize(4);
    }

    @Test
    void badInputIsNamed() {
        assertThatThrownBy(() -> PulseCountBin.of(new int[] {1}, new double[] {1, 2}, 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("pulseCounts has 1 entries but values has 2");
        assertThatThrownBy(() -> PulseCountBin.of(new int[] {-1}, new double[] {1}, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("pulseCounts[0] = -1");
        assertThatThrownBy(() -> PulseCountBin.of(new int[] {1}, new double[] {1}, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("minTrials = 0");
    }
}
