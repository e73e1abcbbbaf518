package org.spineformer.analysis.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class CrossCorrelationTest {
    @Test
    void lagCountsFromPresynapticToPostsynapticEntry() {
        // 11 entries 1 ms apart (range 0-10 ms, bin 10/11 ms). Presynaptic spike at 3.5 ms advanced by a 1.5 ms
        // bAP delay lands on entry 2; the postsynaptic spike at 9 ms is 7 entries later.
        SpikeBinning binning = new SpikeBinning(0, 10, 10.0 / 11);
        assertThat(binning.binSpacingMs()).isEqualTo(1);
        double[] pre = binning.vector(new double[] {3.5}, 1.5);
        double[] post = binning.vector(new double[] {9});
        double[] c = CrossCorrelation.of(pre, post, 8);
        assertThat(c).hasSize(17);
        assertThat(c[8 + 7]).isEqualTo(1);
        assertThat(sum(c)).isEqualTo(1);
        // A window narrower than the lag misses the pair.
        assertThat(CrossCorrelation.of(pre, post, 6)).containsOnly(0);
    }

    @Test
    void sumsAllPairsWithTheirWeights() {
        double[] pre = {0.5, 0, 2, 0};
        double[] post = {1, 3, 0, 0.25};
        // tau -2: pre[2] post[0] = 2; tau -1: pre[2] post[1] = 6; tau 0: pre[0] post[0] = 0.5;
        // tau 1: pre[0] post[1] + pre[2] post[3] = 1.5 + 0.5; tau 3: pre[0] post[3] = 0.125.
        assertThat(CrossCorrelation.of(pre, post, 3)).containsExactly(0, 2, 6, 0.5, 2, 0, 0.125);
    }

    @Test
    void badInputIsNamed() {
        assertThatThrownBy(() -> CrossCorrelation.of(new double[3], new double[4], 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("pre has 3 entries but post has 4");
        assertThatThrownBy(() -> CrossCorrelation.of(new double[3], new double[3], -1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxLag = -1");
    }

    private static double sum(double[] values) {
        double s = 0;
        for (double v : values) {
            s += v;
        }
        return s;
    }
}
