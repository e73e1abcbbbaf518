package org.spineformer.mechanisms.synapse;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.spineformer.engine.mech.CellState;
import org.spineformer.engine.mech.MechanismBlock;
import org.spineformer.engine.simd.Simd;

/**
 * AMPA_WITH_CA computes alpha only where a current reads it until a caller takes alpha's column or a parameter's
 * ({@link Potentiation#computeWhereRead}): whenever alpha is read, and after a parameter of it is set or a copy of
 * the state restored, it holds the bits of a block that computed it at every step (one whose column of alpha was
 * taken before the run), in one trial and in 3 and the preferred number of lanes.
 */
class AlphaWhereReadTest {
    private static final int NODES = 6;
    private static final int INSTANCES = 24;
    private static final int STEPS = 40;
    /** Instances 8 to 15 never receive an event: whole vectors of quiet synapses in every layout. */
    private static final int FIRST_QUIET = 8;
    private static final int LAST_QUIET = 15;
    /** Instances from 16 on receive their first event here: quiet vectors that become read ones. */
    private static final int LATE_STEP = 30;

    @ParameterizedTest(name = "{0} lanes")
    @ValueSource(ints = {1, 3, 0})
    void alphaIsUpToDateWheneverRead(int lanesOrPreferred) {
        assertThat(Simd.enabled()).as("the tests run with the Vector API, so alpha is computed where read").isTrue();
        int lanes = lanesOrPreferred == 0 ? Simd.preferredLanes() : lanesOrPreferred;
        Run lazy = new Run(lanes, false);
        Run eager = new Run(lanes, true);
        for (int step = 0; step < STEPS; step++) {
            lazy.step(step);
            eager.step(step);
        }
        assertSameAlpha(lazy.block, eager.block, "read after the run");

        // a parameter of alpha set: alpha keeps the values of the last step, then follows the new one
        lazy = new Run(lanes, false);
        eager = new Run(lanes, true);
        for (int step = 0; step < STEPS; step++) {
            lazy.step(step);
            eager.step(step);
        }
        lazy.block.setParameter("ca_potentiation_threshold", 10, 0, 3e-13);
        eager.block.setParameter("ca_potentiation_threshold", 10, 0, 3e-13);
        assertSameAlpha(lazy.block, eager.block, "read after a parameter was set");
        lazy.step(STEPS);
        eager.step(STEPS);
        assertSameAlpha(lazy.block, eager.block, "read a step after a parameter was set");

        // a copy restored into a block with its own pending alpha
        Run from = new Run(lanes, false);
        Run into = new Run(lanes, false);
        for (int step = 0; step < STEPS; step++) {
            from.step(step);
        }
        into.step(0);
        into.block.restoreState(from.block.stateCopy());
        assertSameAlpha(into.block, from.block, "read after a restore");
    }

    private static void assertSameAlpha(MechanismBlock actual, MechanismBlock expected, String when) {
        double[] a = actual.column("alpha");
        double[] e = expected.column("alpha");
        assertThat(a).hasSameSizeAs(e);
        for (int j = 0; j < a.length; j++) {
            assertThat(Double.doubleToRawLongBits(a[j])).as("alpha at element %d, %s", j, when)
                    .isEqualTo(Double.doubleToRawLongBits(e[j]));
        }
    }

    /** A block of {@link #INSTANCES} synapses on {@link #NODES} nodes, its inputs from a fixed seed. */
    private static final class Run {
        final CellState state;
        final MechanismBlock block;
        final Random random = new Random(17);
        final int lanes;

        Run(int lanes, boolean alphaTaken) {
            this.lanes = lanes;
            double[] area = new double[NODES];
            java.util.Arrays.fill(area, 1.5);
            state = new CellState(area, area.clone(), 0.025, 34, lanes);
            int[] nodes = new int[INSTANCES];
            for (int k = 0; k < INSTANCES; k++) {
                nodes[k] = k % NODES;
            }
            block = new AmpaWithCa(true).newBlock(nodes, lanes);
            for (int k = 0; k < INSTANCES; k++) {
                // g_dynamic_delayed crosses the threshold within the run (SynapseTrialLanesTest's values)
                block.setParameter("ca_potentiation_threshold", k, 1e-13 * (1 + 0.05 * k));
                block.setParameter("tau_g_dynamic_delayed", k, 0.5);
            }
            if (alphaTaken) {
                block.column("alpha");
            }
            block.attach(state);
            block.initialize(state);
        }

        void step(int step) {
            double[] cai = state.ion("ca").concentration;
            for (int i = 0; i < NODES * lanes; i++) {
                state.v[i] = -80 + 60 * random.nextDouble();
                cai[i] = 1e-3 * random.nextDouble();
                state.rhs[i] = 0;
                state.d[i] = 0;
            }
            for (int k = 0; k < INSTANCES; k++) {
                for (int l = 0; l < lanes; l++) {
                    boolean quiet = k >= FIRST_QUIET && k <= LAST_QUIET || k > LAST_QUIET && step < LATE_STEP;
                    if (!quiet && random.nextDouble() < 0.2) {
                        block.deliver(k, l, 0.5 + random.nextDouble());
                    }
                }
            }
            block.currents(state);
            block.advance(state);
        }
    }
}
