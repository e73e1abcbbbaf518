package org.spineformer.analysis.spikes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class PeaksTest {
    private static final double[] UNIFORM = {0, 0.025, 0.05, 0.075, 0.1, 0.125};

    @Test
    void localMaximaAreStrictInteriorPeaksAboveTheThreshold() {
        double[] t = new double[12];
        for (int i = 0; i < t.length; i++) {
            t[i] = 0.5 * i;
        }
        // Peaks at samples 5 (7) and 7 (0.5). Not peaks: sample 0 and 11 (ends), the flat top at 2-3,
        // sample 10 (rising). scipy: argrelextrema(x, np.greater)[0] = [5, 7].
        double[] x = {5, 1, 3, 3, 2, 7, -1, 0.5, -2, 4, 4.5, 9};
        assertThat(Peaks.localMaximaTimes(t, x, Peaks.SOMATIC_SPIKE_THRESHOLD_MV)).containsExactly(2.5, 3.5);
        assertThat(Peaks.localMaximaTimes(t, x, 1)).containsExactly(2.5);
        assertThat(Peaks.localMaximaTimes(t, x, 0.5)).containsExactly(2.5); // strictly above
        assertThat(Peaks.localMaximaTimes(new double[] {0, 1}, new double[] {1, 0}, 0)).isEmpty();
    }

    @Test
    void parabolicPeakTimeMatchesThePapersFunction() {
        // Values from helper_functions.find_maximum_with_second_order_approximation on the same inputs.
        assertThat(Peaks.parabolicPeakTime(UNIFORM, new double[] {0, 1, 3, 4, 2, 0}))
                .isCloseTo(0.07083333333333335, within(1e-15));
        assertThat(Peaks.parabolicPeakTime(UNIFORM, new double[] {0, 1, 3, 5, 5, 1}))
                .isCloseTo(0.08749999999999998, within(1e-15));
        assertThat(Peaks.parabolicPeakTime(UNIFORM, new double[] {0, 2, 4, 3, 1, 0}))
                .isCloseTo(0.05416666666666667, within(1e-15));
        // Non-uniform sampling: interpolated between the two samples around the vertex.
        double[] t = {0, 1, 3, 6, 10};
        assertThat(Peaks.parabolicPeakTime(t, new double[] {0, 2, 5, 4, 1})).isCloseTo(3.75, within(1e-12));
        assertThat(Peaks.parabolicPeakTime(t, new double[] {0, 4, 5, 2, 1}))
                .isCloseTo(2.500000000000001, within(1e-12));
    }

    @Test
    void parabolicPeakTimeIsExactForAParabola() {
        double[] t = new double[41];
        double[] x = new double[41];
        for (int i = 0; i < t.length; i++) {
            t[i] = 250 + 0.025 * i;
            x[i] = -(t[i] - 250.4637) * (t[i] - 250.4637);
        }
        assertThat(Peaks.parabolicPeakTime(t, x)).isCloseTo(250.4637, within(1e-9));
    }

    @Test
    void aMaximumAtAnEndReturnsThatSampleTime() {
        assertThat(Peaks.parabolicPeakTime(UNIFORM, new double[] {9, 1, 2, 3, 4, 5})).isZero();
        assertThat(Peaks.parabolicPeakTime(UNIFORM, new double[] {1, 2, 3, 4, 5, 9})).isEqualTo(0.125);
    }

    @Test
    void badTracesAreRejected() {
        assertThatThrownBy(() -> Peaks.localMaximaTimes(new double[] {0, 1}, new double[] {1, 2, 3}, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("times has 2 entries but x has 3");
        assertThatThrownBy(() -> Peaks.parabolicPeakTime(new double[] {0, 2, 1}, new double[] {1, 2, 3}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("times[1] = 2.0 and times[2] = 1.0");
        assertThatThrownBy(() -> Peaks.parabolicPeakTime(new double[] {0, 1}, new double[] {1, Double.NaN}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("x[1] = NaN");
        assertThatThrownBy(() -> Peaks.parabolicPeakTime(new double[0], new double[0]))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("x is empty");
    }
}
