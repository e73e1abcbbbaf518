package org.spineformer.attention.capacity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.spineformer.attention.capacity.CapacityTask.Encoding;
import org.spineformer.attention.reduced.ScoreKernel;

class CapacityTaskTest {
    /**
     * The mean of 500 cosines of random unit vectors (s.d. at most 1 / sqrt(d) = 0.125 at d = 64 around rho) is
     * within this of its expectation: about 4 standard errors of 0.125 / sqrt(500).
     */
    static final double MEAN_COSINE = 0.025;

    static CapacityTask.Config config(Encoding encoding, int keys, double rho) {
        return new CapacityTask.Config(encoding, keys, 64, rho, 100, 400, 0.1, 1, 0, 9);
    }

    @Test
    void queriesCorrelateWithTheirTargetsAsAsked() {
        CapacityTask task = CapacityTask.generate(config(Encoding.VECTOR, 50, 0.6));
        ScoreSource exact = task.exact(ScoreKernel.builtIn());
        double sum = 0;
        for (int i = 0; i < 500; i++) {
            sum += exact.scores().apply(i)[task.target(i)];
        }
        // q = (rho k + sqrt(1 - rho^2) e) / norm, with k . e about 0 and norm about 1: q . k about rho.
        assertThat(sum / 500).isCloseTo(0.6, within(MEAN_COSINE));
        // Values are unit vectors.
        for (double[] v : task.values()) {
            assertThat(CapacityTask.dot(v, v)).isCloseTo(1, within(1e-12));
        }
    }

    @Test
    void aLargerMemoryHoldsTheSmallerOnesValues() {
        CapacityTask small = CapacityTask.generate(config(Encoding.RATE, 10, 1));
        CapacityTask large = CapacityTask.generate(config(Encoding.RATE, 40, 1));
        for (int j = 0; j < 10; j++) {
            assertThat(large.values()[j]).containsExactly(small.values()[j]);
        }
    }
}
