package org.spineformer.nmodl;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.spineformer.engine.Simulation;
import org.spineformer.engine.mech.MechanismBlock;
import org.spineformer.nmodl.gen.NmodlMechanism;
import org.spineformer.nmodl.gen.VectorKernels;

/**
 * The vector current phase runs the BREAKPOINT's statements that give the same values at v + 0.001 and at v in a
 * pass of their own before the groups, with the exponential inlined, when they compute one exponential and the phase
 * reads no ion variable (docs/dev/nmodl.md, "Speed", g17 session 38: AMPA_WITH_CA's sigmoid): the scalar kernel's
 * bits. Not where they read an ion variable (the pass would read the column, which the groups no longer set from
 * the node), nor with two exponentials.
 */
class OncePassTest {
    private static final int INSTANCES = 20;
    private static final double DT_MS = 0.025;
    private static final int STEPS = 20;

    /** a is a sigmoid of the state w, which follows v: run once per step, before the two evaluations. */
    private static final String SIGMOID = """
            NEURON { SUFFIX sgm NONSPECIFIC_CURRENT i RANGE g, a }
            PARAMETER { g = 0.001 (S/cm2) e = -20 (mV) }
            ASSIGNED { v (mV) i (mA/cm2) a }
            STATE { w }
            INITIAL { w = 0 }
            BREAKPOINT {
                SOLVE states METHOD cnexp
                a = sig(w/10)
                i = g*a*(v - e)
            }
            DERIVATIVE states { w' = (v + 65 - w)/5 }
            FUNCTION sig(x) { sig = 1/(1 + exp(-x)) }
            """;

    /** The same sigmoid of the node's ena. */
    private static final String SIGMOID_OF_ION = """
            NEURON { SUFFIX sgi USEION na READ ena NONSPECIFIC_CURRENT i RANGE g, a }
            PARAMETER { g = 0.001 (S/cm2) e = -20 (mV) }
            ASSIGNED { v (mV) i (mA/cm2) a ena (mV) }
            BREAKPOINT {
                a = 1/(1 + exp(-(ena - 40)/10))
                i = g*a*(v - e)
            }
            """;

    /** Two exponentials run once. */
    private static final String TWO_EXPONENTIALS = """
            NEURON { SUFFIX sg2 NONSPECIFIC_CURRENT i RANGE g, a }
            PARAMETER { g = 0.001 (S/cm2) e = -20 (mV) }
            ASSIGNED { v (mV) i (mA/cm2) a }
            STATE { w }
            INITIAL { w = 0 }
            BREAKPOINT {
                SOLVE states METHOD cnexp
                a = 1/(1 + exp(-w/10)) + exp(-w/7)
                i = g*a*(v - e)
            }
            DERIVATIVE states { w' = (v + 65 - w)/5 }
            """;

    @Test
    void oneExponentialRunOnceGoesToAPassBeforeTheGroups() {
        NmodlMechanism m = NmodlMechanism.compile("sgm.mod", SIGMOID);
        assertThat(m.javaSource()).as("the pass, with the exponential inlined")
                .contains("vonce(s);", "org.spineformer.engine.simd.VectorMath.exp(");
        assertThat(run(m, "sgm", true)).as("lanes against scalar").isEqualTo(run(m, "sgm", false));
    }

    @Test
    void notWhereTheStatementsReadAnIonVariable() {
        NmodlMechanism m = NmodlMechanism.compile("sgi.mod", SIGMOID_OF_ION);
        assertThat(m.javaSource()).doesNotContain("vonce");
        assertThat(run(m, "sgi", true)).as("lanes against scalar").isEqualTo(run(m, "sgi", false));
    }

    @Test
    void notWithTwoExponentials() {
        NmodlMechanism m = NmodlMechanism.compile("sg2.mod", TWO_EXPONENTIALS);
        assertThat(m.javaSource()).doesNotContain("vonce").contains("LaneMath.exp(vsA)");
        assertThat(run(m, "sg2", true)).as("lanes against scalar").isEqualTo(run(m, "sg2", false));
    }

    /**
     * i and a of every instance after each step and every node's v at the end, each node's v (and ena, changed
     * between the state phase and the next current phase) set before each step.
     */
    private static double[] run(NmodlMechanism m, String suffix, boolean vector) {
        Simulation sim = DecayMemoTest.cell(m, suffix, INSTANCES, DT_MS);
        MechanismBlock block = sim.block(suffix);
        ((VectorKernels) block).setVectorKernels(vector);
        assertThat(((VectorKernels) block).vectorPhases()[0]).as("the current phase runs in lanes").isTrue();
        double[] ena = sim.state().ion("na").reversal();
        double[] out = new double[2 * STEPS * INSTANCES + sim.state().v.length];
        for (int step = 0; step < STEPS; step++) {
            for (int k = 0; k < INSTANCES; k++) {
                sim.state().v[block.node(k)] = -70 + 3.1 * k + 0.9 * step;
                ena[block.node(k)] = 20 + 2.3 * k + 1.7 * step;
            }
            sim.step();
            for (int k = 0; k < INSTANCES; k++) {
                out[2 * (step * INSTANCES + k)] = block.get("i", k);
                out[2 * (step * INSTANCES + k) + 1] = block.get("a", k);
            }
        }
        System.arraycopy(sim.state().v, 0, out, 2 * STEPS * INSTANCES, sim.state().v.length);
        return out;
    }
}
