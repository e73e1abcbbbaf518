package org.spineformer.nmodl;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.spineformer.engine.Simulation;
import org.spineformer.engine.mech.MechanismBlock;
import org.spineformer.nmodl.gen.NmodlMechanism;
import org.spineformer.nmodl.gen.VectorKernels;

/**
 * The vector state phase copies what it reads from the nodes (v, ion variables) into the columns for every group in
 * a loop before the groups' kernels when it writes nothing to the nodes (docs/dev/nmodl.md, "Speed", g17 session
 * 38): the scalar kernel's bits. Not where it writes a concentration back, which a later slot of the same node
 * must read (a block that writes one runs in lanes only on distinct nodes, so the rule is conservative there).
 */
class StateCopiesFirstTest {
    private static final int INSTANCES = 20;
    private static final double DT_MS = 0.025;
    private static final int STEPS = 20;
    /** The second loop, over the groups' kernels, that only the copies-first state phase has. */
    private static final String SECOND_LOOP = "for (k0 = 0; k0 + VL <= slots; k0 += VL)";

    /** w integrates cai (AMPA_WITH_CA's g_dynamic reads cai so). */
    private static final String READS_CAI = """
            NEURON { SUFFIX rca USEION ca READ cai NONSPECIFIC_CURRENT i RANGE g }
            PARAMETER { g = 0.001 (S/cm2) e = -20 (mV) }
            ASSIGNED { v (mV) i (mA/cm2) cai (mM) }
            STATE { w }
            INITIAL { w = 0 }
            BREAKPOINT {
                SOLVE states METHOD cnexp
                i = g*w*(v - e)
            }
            DERIVATIVE states { w' = -w/20 + 1000*cai }
            """;

    /** A calcium pool: writes cai, which a later slot on the same node reads. */
    private static final String WRITES_CAI = """
            NEURON { SUFFIX wca USEION ca READ ica WRITE cai }
            PARAMETER { taur = 15 (ms) }
            ASSIGNED { ica (mA/cm2) cai (mM) }
            STATE { ca (mM) }
            INITIAL { ca = 1e-4  cai = ca }
            BREAKPOINT { SOLVE pool METHOD cnexp }
            DERIVATIVE pool {
                ca' = -ica/10 + (1e-4 - ca)/taur
                cai = ca
            }
            """;

    @Test
    void aStatePhaseReadingTheNodesCopiesFirst() {
        NmodlMechanism m = NmodlMechanism.compile("rca.mod", READS_CAI);
        assertThat(m.javaSource()).contains(SECOND_LOOP);
        assertThat(run(m, "rca", true)).as("lanes against scalar").isEqualTo(run(m, "rca", false));
    }

    @Test
    void notWhereItWritesAConcentration() {
        NmodlMechanism m = NmodlMechanism.compile("wca.mod", WRITES_CAI);
        assertThat(m.javaSource()).contains("private int vadvance").doesNotContain(SECOND_LOOP);
        assertThat(run(m, "wca", true)).as("lanes against scalar").isEqualTo(run(m, "wca", false));
    }

    /** Every field of every instance after each step, each node's v, cai and ica set before each step. */
    private static double[] run(NmodlMechanism m, String suffix, boolean vector) {
        Simulation sim = DecayMemoTest.cell(m, suffix, INSTANCES, DT_MS);
        MechanismBlock block = sim.block(suffix);
        ((VectorKernels) block).setVectorKernels(vector);
        assertThat(((VectorKernels) block).vectorPhases()[1]).as("the state phase runs in lanes").isTrue();
        var ca = sim.state().ion("ca");
        var fields = m.fields();
        double[] out = new double[STEPS * INSTANCES * fields.size()];
        int o = 0;
        for (int step = 0; step < STEPS; step++) {
            for (int k = 0; k < INSTANCES; k++) {
                int nd = block.node(k);
                sim.state().v[nd] = -70 + 3.1 * k + 0.9 * step;
                ca.concentration[nd] = 1e-4 * (1 + 0.3 * k + 0.1 * step);
                ca.current()[nd] = -1e-3 * (1 + 0.2 * k);
            }
            sim.step();
            for (int k = 0; k < INSTANCES; k++) {
                for (var f : fields) {
                    out[o++] = block.get(f.name(), k);
                }
            }
        }
        return out;
    }
}
