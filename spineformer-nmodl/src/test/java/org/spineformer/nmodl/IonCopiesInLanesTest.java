package org.spineformer.nmodl;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.spineformer.engine.Simulation;
import org.spineformer.engine.mech.CellState;
import org.spineformer.engine.mech.MechanismBlock;
import org.spineformer.engine.simd.Simd;
import org.spineformer.nmodl.gen.NmodlMechanism;
import org.spineformer.nmodl.gen.VectorKernels;

/**
 * The vector current phase reads the ion variables from the node into its lanes and copies them into the columns
 * only in the first current phase after INITIAL (docs/dev/nmodl.md, "Speed", g17 session 37): after any other, the
 * state phase copies them again before anything sees the columns. Where it must still copy: that first phase (a
 * reversal potential changed between INITIAL and it), and before a call that reads the column from memory.
 */
class IonCopiesInLanesTest {
    private static final int INSTANCES = 16;
    private static final double DT_MS = 0.025;

    private static final String LEAK = """
            NEURON { SUFFIX kleak USEION k READ ek WRITE ik RANGE g }
            PARAMETER { g = 0.001 (S/cm2) }
            ASSIGNED { v (mV) ek (mV) ik (mA/cm2) }
            BREAKPOINT { ik = g*(v - ek) }
            """;

    /** The exact body of f (tables off) reads the slot's ek column from memory. */
    private static final String TABLE_READS_EK = """
            NEURON { SUFFIX ktab USEION k READ ek WRITE ik RANGE g }
            PARAMETER { g = 0.001 (S/cm2) }
            ASSIGNED { v (mV) ek (mV) ik (mA/cm2) }
            BREAKPOINT { ik = g*f(v)*(v - ek) }
            FUNCTION f(x (mV)) {
                TABLE DEPEND ek FROM -100 TO 100 WITH 200
                f = 1/(1 + exp((x - ek)/10))
            }
            """;

    @Test
    void theColumnIsCopiedAfterInitialAndOtherwiseByTheStatePhase() {
        assertThat(Simd.enabled()).as("the tests run with the Vector API").isTrue();
        NmodlMechanism m = NmodlMechanism.compile("kleak.mod", LEAK);
        Simulation sim = DecayMemoTest.cell(m, "kleak", INSTANCES, DT_MS);
        MechanismBlock block = sim.block("kleak");
        assertThat(((VectorKernels) block).vectorPhases()[0]).as("the current phase runs in lanes").isTrue();
        CellState s = sim.state();
        double[] ek = s.ion("k").reversal();
        block.initialize(s);
        // changed between INITIAL and the first current phase (as a BEFORE BREAKPOINT block may): nrn_cur's copy
        setReversal(block, ek, -90);
        block.currents(s);
        for (int k = 0; k < INSTANCES; k++) {
            assertThat(block.get("ek", k)).as("ek at instance %d after the first current phase", k)
                    .isEqualTo(-90 - k);
        }
        block.advance(s);
        setReversal(block, ek, -100);
        block.currents(s);
        for (int k = 0; k < INSTANCES; k++) {
            double v = s.v[block.node(k)];
            assertThat(block.get("ik", k)).as("ik at instance %d, from the node's ek", k)
                    .isEqualTo(0.001 * (v - (-100 - k)));
            assertThat(block.get("ek", k)).as("ek at instance %d: not copied by this current phase", k)
                    .isEqualTo(-90 - k);
        }
        block.advance(s);
        for (int k = 0; k < INSTANCES; k++) {
            assertThat(block.get("ek", k)).as("ek at instance %d after the state phase", k).isEqualTo(-100 - k);
        }
    }

    @Test
    void aCallReadingTheColumnSeesTheNodesValue() {
        NmodlMechanism m = NmodlMechanism.compile("ktab.mod", TABLE_READS_EK);
        double[][] on = run(m, true);
        double[][] off = run(m, false);
        for (int k = 0; k < INSTANCES; k++) {
            assertThat(on[0][k]).as("ik at instance %d, lanes against scalar", k).isEqualTo(off[0][k]);
        }
        assertThat(on[1]).as("v at the end, lanes against scalar").isEqualTo(off[1]);
    }

    /** ik of every instance and v of every node after 20 steps, ek set anew before each, tables off. */
    private static double[][] run(NmodlMechanism m, boolean vector) {
        Simulation sim = DecayMemoTest.cell(m, "ktab", INSTANCES, DT_MS);
        MechanismBlock block = sim.block("ktab");
        ((VectorKernels) block).setVectorKernels(vector);
        block.setUseTables(false);
        assertThat(((VectorKernels) block).vectorPhases()[0]).as("the current phase runs in lanes").isTrue();
        double[] ek = sim.state().ion("k").reversal();
        for (int step = 0; step < 20; step++) {
            setReversal(block, ek, -77 - 0.5 * step);
            sim.step();
        }
        double[] ik = new double[INSTANCES];
        for (int k = 0; k < INSTANCES; k++) {
            ik[k] = block.get("ik", k);
        }
        return new double[][] {ik, sim.state().v.clone()};
    }

    /** ek at instance k's node: from - k. */
    private static void setReversal(MechanismBlock block, double[] ek, double from) {
        for (int k = 0; k < INSTANCES; k++) {
            ek[block.node(k)] = from - k;
        }
    }
}
