package org.spineformer.nmodl;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.spineformer.engine.Simulation;
import org.spineformer.engine.mech.MechanismBlock;
import org.spineformer.nmodl.gen.NmodlMechanism;
import org.spineformer.nmodl.gen.VectorKernels;

/**
 * The vector current phase looks a TABLE FUNCTION of v alone up for every slot before its groups (docs/dev/nmodl.md,
 * "Speed", g17 session 37: NMDA's mgblock(v)), with the scalar call the lanes would make, or at v + 0.001 and at v
 * with one interval's entries loaded once (session 39): the same bits as the scalar kernel, tables on and off, with
 * potentials inside and outside the table, and v and v + 0.001 in one interval, on either side of an entry, at and
 * across either end. Not where the function reads a variable the evaluation writes before the call: it must see this
 * evaluation's value; the two in one interval not where the table is checked at each call (not thread safe).
 */
class LookUpsBeforeGroupsTest {
    private static final int INSTANCES = 16;
    private static final double DT_MS = 0.025;
    private static final int STEPS = 20;

    private static final String BLOCK_OF_V = """
            NEURON { SUFFIX mgb NONSPECIFIC_CURRENT i RANGE g }
            PARAMETER { g = 0.001 (S/cm2) e = 0 (mV) }
            ASSIGNED { v (mV) i (mA/cm2) }
            BREAKPOINT { i = g*block(v)*(v - e) }
            FUNCTION block(x (mV)) {
                TABLE FROM -100 TO 100 WITH 200
                block = 1/(1 + exp(-0.062*x)/3.57)
            }
            """;

    /** block reads w, which each evaluation writes (from its v) before the call. */
    private static final String BLOCK_OF_WRITTEN = """
            NEURON { SUFFIX mgw NONSPECIFIC_CURRENT i RANGE g, w }
            PARAMETER { g = 0.001 (S/cm2) e = 0 (mV) }
            ASSIGNED { v (mV) i (mA/cm2) w }
            BREAKPOINT {
                w = 0.02*v
                i = g*block(v)*(v - e)
            }
            FUNCTION block(x (mV)) {
                TABLE DEPEND w FROM -100 TO 100 WITH 200
                block = 1/(1 + exp(-0.062*x)*w/3.57)
            }
            """;

    /**
     * BLOCK_OF_V not thread safe (a GLOBAL assigned outside PROTECT, nocmodl's chk_thread_safe): its table is
     * checked at each call, so each look-up is a call.
     */
    private static final String BLOCK_OF_V_PER_CALL = """
            NEURON { SUFFIX mgc NONSPECIFIC_CURRENT i RANGE g GLOBAL q }
            PARAMETER { g = 0.001 (S/cm2) e = 0 (mV) }
            ASSIGNED { v (mV) i (mA/cm2) q }
            INITIAL { q = 1 }
            BREAKPOINT { i = g*block(v)*(v - e) }
            FUNCTION block(x (mV)) {
                TABLE FROM -100 TO 100 WITH 200
                block = 1/(1 + exp(-0.062*x)/3.57)
            }
            """;

    /**
     * Potentials (mV) for the table of 200 intervals of 1 mV from -100 of BLOCK_OF_V: v and v + 0.001 in one
     * interval, on either side of an entry (two intervals), at and across either end, beyond both.
     */
    private static final double[] EDGES = {-20.5, -20.0005, -20.0, -20.001, 13.9995, 99.9995, 99.999, 100.0,
        -100.0005, -100.0, -100.001, -99.9995, 150.0, -150.0, 0.0, 57.25};

    @Test
    void aTableFunctionOfVIsLookedUpBeforeTheGroups() {
        NmodlMechanism m = NmodlMechanism.compile("mgb.mod", BLOCK_OF_V);
        for (boolean tables : new boolean[] {true, false}) {
            assertThat(run(m, "mgb", true, tables)).as("lanes against scalar, tables %s", tables)
                    .isEqualTo(run(m, "mgb", false, tables));
            assertThat(runAtEdges(m, "mgb", true, tables)).as("at the edges, lanes against scalar, tables %s", tables)
                    .isEqualTo(runAtEdges(m, "mgb", false, tables));
        }
        assertThat(m.javaSource()).as("looked up before the groups, at v + 0.001 and at v in one interval")
                .contains("tw_block(k, s, vk, tv0_block, tv1_block);").doesNotContain("vt_block(");
    }

    @Test
    void eachLookUpACallWhereTheTableIsCheckedPerCall() {
        NmodlMechanism m = NmodlMechanism.compile("mgc.mod", BLOCK_OF_V_PER_CALL);
        assertThat(runAtEdges(m, "mgc", true, true)).as("lanes against scalar")
                .isEqualTo(runAtEdges(m, "mgc", false, true));
        assertThat(m.javaSource()).doesNotContain("tw_block")
                .contains("tv0_block[k] = f_block(k, s, vk + 0.001);", "tv1_block[k] = f_block(k, s, vk);");
    }

    @Test
    void notWhereTheFunctionReadsWhatTheEvaluationWrites() {
        NmodlMechanism m = NmodlMechanism.compile("mgw.mod", BLOCK_OF_WRITTEN);
        assertThat(run(m, "mgw", true, false)).as("lanes against scalar").isEqualTo(run(m, "mgw", false, false));
        assertThat(m.javaSource()).doesNotContain("tv0_block").contains("vt_block(");
    }

    /**
     * i of every instance and every node's v (which the conductance, from the value at v + 0.001, moves) after one
     * step from each instance's v set to one of {@link #EDGES}.
     */
    private static double[] runAtEdges(NmodlMechanism m, String suffix, boolean vector, boolean tables) {
        Simulation sim = DecayMemoTest.cell(m, suffix, INSTANCES, DT_MS);
        MechanismBlock block = sim.block(suffix);
        ((VectorKernels) block).setVectorKernels(vector);
        block.setUseTables(tables);
        for (int k = 0; k < INSTANCES; k++) {
            sim.state().v[block.node(k)] = EDGES[k];
        }
        sim.step();
        double[] out = new double[INSTANCES + sim.state().v.length];
        for (int k = 0; k < INSTANCES; k++) {
            out[k] = block.get("i", k);
        }
        System.arraycopy(sim.state().v, 0, out, INSTANCES, sim.state().v.length);
        return out;
    }

    /**
     * i of every instance after each step and every node's v at the end, each instance's v set before each step to
     * a value inside the table or (every fourth instance) below it.
     */
    private static double[] run(NmodlMechanism m, String suffix, boolean vector, boolean tables) {
        Simulation sim = DecayMemoTest.cell(m, suffix, INSTANCES, DT_MS);
        MechanismBlock block = sim.block(suffix);
        ((VectorKernels) block).setVectorKernels(vector);
        block.setUseTables(tables);
        assertThat(((VectorKernels) block).vectorPhases()[0]).as("the current phase runs in lanes").isTrue();
        double[] out = new double[STEPS * INSTANCES + sim.state().v.length];
        for (int step = 0; step < STEPS; step++) {
            for (int k = 0; k < INSTANCES; k++) {
                sim.state().v[block.node(k)] = k % 4 == 0 ? -120 - k : -70 + 7.3 * k + 0.9 * step;
            }
            sim.step();
            for (int k = 0; k < INSTANCES; k++) {
                out[step * INSTANCES + k] = block.get("i", k);
            }
        }
        System.arraycopy(sim.state().v, 0, out, STEPS * INSTANCES, sim.state().v.length);
        return out;
    }
}
