package org.spineformer.mechanisms.synapse;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Random;
import java.util.function.Function;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.spineformer.engine.mech.CellState;
import org.spineformer.engine.mech.Mechanism;
import org.spineformer.engine.mech.MechanismBlock;
import org.spineformer.engine.simd.Simd;

/**
 * The synapses with their vector lanes (state phases, AMPA's potentiation) against their scalar code, over whole
 * current and state phases: synapses on runs of consecutive nodes and on shared nodes, quiet ones (whole vectors and
 * single lanes), and calcium for the AMPA synapse's integrals and potentiation.
 */
class SynapseLanesTest {
    private static final int NODES = 45;
    /** Nodes 0..40 one synapse each, then two more on node 40 and one on 44: runs of 41, 1 and 1 (plus a break). */
    private static final int[] SYNAPSE_NODES = IntStream.concat(IntStream.rangeClosed(0, 40), IntStream.of(40, 40, 44))
            .toArray();

    @Test
    void nmdaLanesGiveTheScalarBits() {
        compare(Nmda::new, new String[] {"g", "i", "ica", "A", "B"}, 0);
    }

    @Test
    void ampaLanesGiveTheScalarBitsWithoutPotentiation() {
        compare(AmpaWithCa::new, new String[] {"g", "i", "Aampa", "Gampa", "g_dynamic", "g_dynamic_delayed"}, 0);
    }

    /** Potentiation runs an exponential: the lanes' (VectorMath) and the scalar code's (StrictExp) have one set of bits. */
    @Test
    void ampaLanesGiveTheScalarBitsWithPotentiation() {
        compare(AmpaWithCa::new, new String[] {"g", "i", "alpha", "g_dynamic", "g_dynamic_delayed"}, 0);
    }

    private static void compare(Function<Boolean, Mechanism> mechanism, String[] columns, double relative) {
        assertThat(Simd.enabled()).as("the tests run with the Vector API, so the lanes are what is compared").isTrue();
        Run lanes = new Run(mechanism.apply(true), relative > 0);
        Run scalar = new Run(mechanism.apply(false), relative > 0);
        for (int step = 0; step < 20; step++) {
            lanes.step(step);
            scalar.step(step);
            assertSame(lanes.state.rhs, scalar.state.rhs, relative, "rhs");
            assertSame(lanes.state.d, scalar.state.d, relative, "d");
            assertSame(lanes.state.ion("ca").current(), scalar.state.ion("ca").current(), relative, "ica");
            for (String column : columns) {
                assertSame(lanes.block.column(column), scalar.block.column(column), relative, column);
            }
        }
        double[] g = scalar.block.column("g");
        assertThat(g).as("some synapses are quiet").contains(0.0);
        assertThat(Arrays.stream(g).max().getAsDouble()).as("some conduct").isPositive();
    }

    private static void assertSame(double[] actual, double[] expected, double relative, String what) {
        if (relative == 0) {
            assertThat(actual).as(what).isEqualTo(expected);
            return;
        }
        double scale = Arrays.stream(expected).map(Math::abs).max().orElse(0);
        for (int i = 0; i < expected.length; i++) {
            assertThat(Math.abs(actual[i] - expected[i])).as("%s[%d]", what, i).isLessThanOrEqualTo(relative * scale);
        }
    }

    /** One block driven by the same seeded inputs, whichever kernel it runs. */
    private static final class Run {
        final CellState state;
        final MechanismBlock block;
        final Random random = new Random(5);

        Run(Mechanism mechanism, boolean potentiate) {
            double[] area = new double[NODES];
            Arrays.fill(area, 1.5);
            state = new CellState(area, area.clone(), 0.025, 37);
            block = mechanism.newBlock(SYNAPSE_NODES);
            if (potentiate) {
                for (int k = 0; k < SYNAPSE_NODES.length; k++) {
                    block.setParameter("ca_potentiation_threshold", k, 1e-16 * (1 + k));
                }
            }
            block.attach(state);
            block.initialize(state);
        }

        void step(int step) {
            for (int k = 0; k < SYNAPSE_NODES.length; k++) {
                // synapses 8..15 (two whole vectors) and every fifth stay quiet
                boolean quiet = (k >= 8 && k < 16) || k % 5 == 0;
                if (!quiet && step % 7 == k % 7) {
                    block.deliver(k, 0.5 + random.nextDouble());
                }
            }
            double[] cai = state.ion("ca").concentration;
            for (int i = 0; i < NODES; i++) {
                state.v[i] = -100 + 120 * random.nextDouble();
                cai[i] = 1e-3 * random.nextDouble();
            }
            Arrays.fill(state.rhs, 0);
            Arrays.fill(state.d, 0);
            Arrays.fill(state.ion("ca").current(), 0);
            block.currents(state);
            block.advance(state);
        }
    }
}
