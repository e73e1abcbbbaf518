package org.spineformer.nmodl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.spineformer.engine.mech.CellState;
import org.spineformer.engine.mech.MechanismBlock;
import org.spineformer.nmodl.gen.NmodlMechanism;

/**
 * {@code SOLVE states STEADYSTATE derivimplicit} of a DERIVATIVE block in INITIAL, which NEURON 8.2.2 runs as the
 * block's own step with dt = 1e-9 ms (_ss_derivimplicit_thread): the project's {@code mod/solve/sscn.mod} (the
 * block solved by cnexp in BREAKPOINT) against NEURON ({@code reference/solve/sscn}), and ssdi, the same file
 * solved by derivimplicit (coupled equations: a Newton solve), where NEURON stops at finitialize ("Convergence not
 * achieved in maximum number of iterations"). ssdi is made from sscn's text here, not a resource of its own: the
 * tests that compile and run every project mod file would stop at its initialization.
 */
class SteadyStateDerivativeTest {
    /**
     * The fixtures' 13 significant digits (5e-14 relative) with room for the last digit: the states after
     * INITIAL moved from 0.3 and 0.7 by about 1e-10, which the traces' 1e-6 bound does not see.
     */
    private static final double FIRST_ROW = 1e-12;

    @ParameterizedTest
    @MethodSource("org.spineformer.nmodl.SingleMechanismRun#runs")
    void afterCnexpMatchesNeuron(String runName) {
        SingleMechanismRun run = SingleMechanismRun.assertMatchesNeuron("solve/sscn.mod", "solve/sscn", runName);
        for (String state : new String[] {"m", "h"}) {
            assertThat(run.recording().column(state)[0]).as(state + " after initialization")
                    .isCloseTo(run.reference().column(state)[0], org.assertj.core.data.Offset.offset(FIRST_ROW));
        }
    }

    @Test
    void afterANewtonSolveStopsAsNeuron() {
        String ssdi = Resources.text("/mod/solve/sscn.mod").replace("METHOD cnexp", "METHOD derivimplicit")
                .replace("sscn", "ssdi");
        MechanismBlock block = NmodlMechanism.compile("ssdi.mod", ssdi).newBlock(new int[] {0});
        CellState s = new CellState(new double[] {100}, new double[] {100}, 0.025, 37);
        block.attach(s);
        assertThatThrownBy(() -> block.initialize(s)).isInstanceOf(IllegalStateException.class)
                // the file's name as first compiled (mechanisms are cached by their text)
                .hasMessageEndingWith("ssdi.mod:41: DERIVATIVE states: no convergence in 50 Newton iterations"
                        + " (instance 0)");
        assertThat(s.dt).as("dt set back").isEqualTo(0.025);
    }
}
