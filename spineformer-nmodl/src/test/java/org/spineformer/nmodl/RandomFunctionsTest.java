package org.spineformer.nmodl;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.spineformer.engine.mech.CellState;
import org.spineformer.nmodl.gen.ScopRandom;

/**
 * NMODL's scop_random, set_seed, exprand and normrand as NEURON 8.2.2's default generator (src/oc/scoprand.cpp,
 * scopmath's exprand.c and normrand.c).
 */
class RandomFunctionsTest {
    /**
     * The project's mod/random/rnd.mod (set_seed(12345) in INITIAL, then each step scop_random, exprand(2) and
     * normrand(1, 0.5), and a current of them) against NEURON running it (reference/random/rnd, kinetic/record.py),
     * three voltage-clamp steps and a current clamp, every column: the same stream, draw by draw.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("org.spineformer.nmodl.SingleMechanismRun#runs")
    void drawsAsNeuron(String runName) {
        SingleMechanismRun.assertMatchesNeuron("random/rnd.mod", "random/rnd", runName);
    }

    /** scoprand.cpp's step by hand: (2147437301 * 12345 + 453816981) mod 2^32 = 2029146914, over 2^32 - 1. */
    @Test
    void oneStepOfTheGenerator() {
        CellState s = new CellState(new double[] {100, 100}, new double[] {100, 100}, 0.025, 37, 2);
        assertThat(s.scopRandom).containsExactly(1, 1);
        ScopRandom.setSeed(s, 1, 12345);
        assertThat(ScopRandom.random(s, 1)).isEqualTo(2029146914 / 4294967295.0);
        assertThat(Integer.toUnsignedLong(s.scopRandom[1])).isEqualTo(2029146914L);
        assertThat(s.scopRandom[0]).as("the other lane's stream").isEqualTo(1);
    }
}
