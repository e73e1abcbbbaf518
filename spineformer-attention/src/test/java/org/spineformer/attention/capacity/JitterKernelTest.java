package org.spineformer.attention.capacity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.spineformer.attention.reduced.ScoreKernel;

class JitterKernelTest {
    /**
     * The quadrature's error at the box's edge: the rectangle rule with 20 points per s.d. can put up to half a
     * point's weight on the wrong side of the step, phi(0) / 20 / 2 = 0.4 / 40 = 0.01 of the box's height.
     */
    static final double QUADRATURE = 1e-2;

    @Test
    void aBoxIsHalvedAtItsEdgesAndKeptInside() {
        double[] values = new double[581];
        Arrays.fill(values, 1.0);
        ScoreKernel smoothed = JitterKernel.of(new ScoreKernel("box", 2, 0.1, values), 1);
        assertThat(smoothed.at(31)).isCloseTo(1, within(1e-9));
        assertThat(smoothed.at(2)).isCloseTo(0.5, within(QUADRATURE));
        assertThat(smoothed.at(60)).isCloseTo(0.5, within(QUADRATURE));
        // One s.d. outside the box: Phi(-1) = 0.1587.
        assertThat(smoothed.at(1)).isCloseTo(0.1587, within(QUADRATURE));
        ScoreKernel kernel = ScoreKernel.builtIn();
        assertThat(JitterKernel.of(kernel, 0)).isSameAs(kernel);
    }
}
