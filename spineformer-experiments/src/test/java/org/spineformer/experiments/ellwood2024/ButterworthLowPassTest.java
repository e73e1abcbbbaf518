package org.spineformer.experiments.ellwood2024;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class ButterworthLowPassTest {
    /** scipy 1.17: butter(4, 0.2, 'low', fs=1), as Figure_3A_PlotOffsetData.py designs it. */
    private static final double[] SCIPY_B = {0.04658290663644368, 0.1863316265457747, 0.27949743981866204,
            0.1863316265457747, 0.04658290663644368};
    private static final double[] SCIPY_A = {1, -0.7820951980233375, 0.6799785269162995, -0.18267569775303227,
            0.03011887504316924};
    /** sosfiltfilt(butter(4, 0.2, output='sos', fs=1), sin(i / 3) + 0.1 i), i = 0..25. */
    private static final double[] SCIPY_FILTERED = {6.1579543100306888e-05, 4.2713044382641407e-01,
            8.1830971524451268e-01, 1.1414654528031389e+00, 1.3719503619443429e+00, 1.4954078117420009e+00,
            1.5092959084682702e+00, 1.4230915770098727e+00, 1.2572582056242334e+00, 1.0410685368957513e+00,
            8.0940504140937952e-01, 5.9881303582899692e-01, 4.4335234584439409e-01, 3.7095226650904567e-01,
            4.0069271970141679e-01, 5.4082039893947065e-01, 7.8719559019643093e-01, 1.1228753267237579e+00,
            1.5205150146208450e+00, 1.9477692274622875e+00, 2.3720174108433367e+00, 2.7599245685949398e+00,
            3.0746142597864354e+00, 3.2822010410502060e+00, 3.3738678248359593e+00, 3.3874036226671924e+00};

    @Test
    void designAndZeroPhaseFilteringMatchScipy() {
        ButterworthLowPass f = ButterworthLowPass.design(4, 0.2, 1);
        for (int i = 0; i < 5; i++) {
            assertThat(f.b()[i]).isCloseTo(SCIPY_B[i], within(1e-15));
            assertThat(f.a()[i]).isCloseTo(SCIPY_A[i], within(1e-15));
        }
        double[] x = new double[26];
        for (int i = 0; i < x.length; i++) {
            x[i] = Math.sin(i / 3.0) + 0.1 * i;
        }
        double[] y = f.filtfilt(x);
        for (int i = 0; i < x.length; i++) {
            assertThat(y[i]).isCloseTo(SCIPY_FILTERED[i], within(1e-12));
        }
    }

    @Test
    void aConstantPassesUnchanged() {
        double[] x = new double[30];
        java.util.Arrays.fill(x, 2.5);
        for (double v : ButterworthLowPass.design(4, 0.2, 1).filtfilt(x)) {
            assertThat(v).isCloseTo(2.5, within(1e-12));
        }
    }
}
