package org.spineformer.nmodl;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.spineformer.engine.Simulation;
import org.spineformer.engine.mech.MechanismBlock;
import org.spineformer.nmodl.gen.NmodlMechanism;

/**
 * The state phase copies v into the instance's column only where its code may read v (docs/dev/nmodl.md, "Speed"):
 * a DERIVATIVE that reads v only through a PROCEDURE it calls must still see each step's v, in vector lanes and in
 * the scalar loop.
 */
class StatePhaseCopiesTest {
    /** x' = rate with rate = 2 v set by a PROCEDURE: Euler's x + dt (2 v), exact in the test's arithmetic. */
    private static final String THROUGH_PROCEDURE = """
            NEURON { SUFFIX follow }
            STATE { x }
            ASSIGNED { v (mV) rate }
            INITIAL { x = 0 }
            BREAKPOINT { SOLVE states METHOD euler }
            DERIVATIVE states {
                rates()
                x' = rate
            }
            PROCEDURE rates() { rate = v*2 }
            """;

    private static final String DECAY = """
            NEURON { SUFFIX decayonly RANGE tau }
            PARAMETER { tau = 5 (ms) }
            STATE { x }
            INITIAL { x = 1 }
            BREAKPOINT { SOLVE states METHOD cnexp }
            DERIVATIVE states { x' = -x/tau }
            """;

    @Test
    void aDerivativeReadingVThroughAProcedureSeesEachStepsV() {
        NmodlMechanism m = NmodlMechanism.compile("follow.mod", THROUGH_PROCEDURE);
        assertThat(m.javaSource()).as("the state phase copies v").contains("c_v[k] = s.v[nd];");
        for (int instances : new int[] {1, 16}) {
            Simulation sim = DecayMemoTest.cell(m, "follow", instances, 0.025);
            MechanismBlock block = sim.block("follow");
            double[] x = new double[instances];
            for (int step = 0; step < 3; step++) {
                for (int k = 0; k < instances; k++) {
                    sim.state().v[block.node(k)] = -70 + 3 * k + 11 * step;
                }
                block.advance(sim.state());
                for (int k = 0; k < instances; k++) {
                    double v = -70 + 3 * k + 11 * step;
                    x[k] = x[k] + 0.025 * (v * 2);
                    assertThat(block.get("x", k)).as("x at instance %d of %d, step %d", k, instances, step)
                            .isEqualTo(x[k]);
                }
            }
        }
    }

    @Test
    void aDerivativeNotReadingVDoesNotCopyIt() {
        String java = NmodlMechanism.compile("decayonly.mod", DECAY).javaSource();
        String advance = java.substring(java.indexOf("public void advance("));
        advance = advance.substring(0, advance.indexOf("\n    }\n"));
        assertThat(advance).doesNotContain("c_v[k]");
        assertThat(java).doesNotContain("s.v, nd0).intoArray(c_v, k0)");
    }
}
