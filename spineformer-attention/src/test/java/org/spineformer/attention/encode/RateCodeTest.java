package org.spineformer.attention.encode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class RateCodeTest {
    @Test
    void decodeInvertsEncodeWithinPoissonNoise() {
        // 100 ms bins at 1 spike/ms: about 100 spikes per unit component, so the s.d. is about 0.1 sqrt(x).
        RateCode code = new RateCode(100, 1);
        double[] x = {0, 0.5, 1, 2, 0.25};
        double[] decoded = code.decode(code.encode(x, new SplittableRandom(1)), x.length);
        for (int i = 0; i < x.length; i++) {
            assertThat(decoded[i]).as("component %d", i).isCloseTo(x[i], within(0.5 * Math.sqrt(x[i]) + 1e-12));
        }
        assertThat(decoded[0]).isZero();
    }

    @Test
    void encodedTrainIsSortedAndInsideItsBins() {
        RateCode code = new RateCode(10, 0.5);
        double[] train = code.encode(new double[] {1, 0, 1}, new SplittableRandom(2));
        assertThat(train).isSorted();
        assertThat(Arrays.stream(train)).allMatch(t -> (t >= 0 && t < 10) || (t >= 20 && t < 30));
    }

    @Test
    void decodeCountsSpikesPerBin() {
        RateCode code = new RateCode(10, 0.1);
        assertThat(code.decode(new double[] {1, 2, 15, 35, -1}, 3)).containsExactly(2, 1, 0);
    }

    @Test
    void negativeComponentIsRejectedByIndex() {
        assertThatThrownBy(() -> new RateCode(10, 1).encode(new double[] {1, -0.5}, new SplittableRandom(0)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("vector[1] = -0.5");
    }
}
