package org.spineformer.nmodl;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.spineformer.engine.mech.CellState;
import org.spineformer.engine.mech.MechanismBlock;
import org.spineformer.nmodl.gen.NmodlException;
import org.spineformer.nmodl.gen.NmodlMechanism;

/** What nocmodl refuses in KINETIC and LINEAR blocks, and what is not compiled yet, each with its message. */
class KineticErrorsTest {
    private static void fails(String mod, String message) {
        assertThatThrownBy(() -> NmodlMechanism.compile("k.mod", mod)).isInstanceOf(NmodlException.class)
                .hasMessage(message);
    }

    @Test
    void aConservedStateHasNoFlux() {
        fails("NEURON { SUFFIX k }\nSTATE { a b }\nBREAKPOINT { SOLVE s METHOD sparse }\n"
                        + "KINETIC s {\n  ~ a <-> b (1, 2)\n  ~ b << (0.1)\n  CONSERVE a + b = 1\n}\n",
                "k.mod:6:3: b is conserved and has a flux");
    }

    @Test
    void aFluxInvolvesOneState() {
        fails("NEURON { SUFFIX k }\nSTATE { a b }\nBREAKPOINT { SOLVE s METHOD sparse }\n"
                        + "KINETIC s {\n  ~ a <-> b (1, 2)\n  ~ a + b << (0.1)\n}\n",
                "k.mod:6:3: a flux equation (<<) involves only one state");
    }

    @Test
    void onlyStatesAreConserved() {
        fails("NEURON { SUFFIX k }\nPARAMETER { p = 1 }\nSTATE { a b }\nBREAKPOINT { SOLVE s METHOD sparse }\n"
                        + "KINETIC s {\n  ~ a <-> b (1, 2)\n  CONSERVE a + b + p = 1\n}\n",
                "k.mod:7:3: p: only (solved) STATE are allowed in CONSERVE equations");
    }

    @Test
    void aLinearBlockHasOneEquationPerState() {
        fails("NEURON { SUFFIX k }\nSTATE { a b }\nINITIAL { SOLVE eq }\n"
                        + "LINEAR eq {\n  ~ a + b = 1\n}\n",
                "k.mod:4:1: LINEAR eq has 1 equations for 2 states [a, b]");
    }

    @Test
    void aLinearEquationIsLinear() {
        fails("NEURON { SUFFIX k }\nSTATE { a b }\nINITIAL { SOLVE eq }\n"
                        + "LINEAR eq {\n  ~ a*b = 1\n  ~ a - b = 0\n}\n",
                "k.mod:5:3: LINEAR eq: this equation is not linear in a\n"
                        + "k.mod:5:3: LINEAR eq: this equation is not linear in b");
    }

    /** nocmodl: "Method derivimplicit can't be used with Block s". */
    @Test
    void derivimplicitIsNotAKineticMethod() {
        fails("NEURON { SUFFIX k }\nSTATE { a b }\nBREAKPOINT { SOLVE s METHOD derivimplicit }\n"
                        + "KINETIC s {\n  ~ a <-> b (1, 2)\n}\n",
                "k.mod:3:14: SOLVE s METHOD derivimplicit: METHOD derivimplicit can't be used with the KINETIC"
                        + " block s (nocmodl: \"Method derivimplicit can't be used with Block s\")");
    }

    /**
     * With a STATE array among its unknowns nocmodl counts a LINEAR or NONLINEAR block's equations only as they run
     * (its C prints "Number of equations, N, does not equal number of states" and goes on, or writes past its
     * matrix): here the run stops at that block, naming it.
     */
    @Test
    void equationsOfAnArrayBlockNotMatchingItsUnknownsStopTheRun() {
        assertThatThrownBy(() -> initialize("NEURON { SUFFIX k }\nSTATE { x[3] }\nINITIAL { SOLVE eq }\n"
                + "LINEAR eq {\n  FROM j = 0 TO 1 {\n    ~ x[j] = j\n  }\n}\n"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("k.mod:4: LINEAR eq: 2 equations for its 3 unknowns (instance 0; NEURON: Number of"
                        + " equations does not equal number of states)");
        assertThatThrownBy(() -> initialize("NEURON { SUFFIX k }\nSTATE { x[3] }\nINITIAL { SOLVE eq }\n"
                + "NONLINEAR eq {\n  FROM j = 0 TO 3 {\n    ~ x[j]*x[j] = j\n  }\n}\n"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("k.mod:4: NONLINEAR eq: more equations than its 3 unknowns (instance 0)");
    }

    private static void initialize(String mod) {
        MechanismBlock block = NmodlMechanism.compile("k.mod", mod).newBlock(new int[] {0});
        CellState s = new CellState(new double[] {100}, new double[] {100}, 0.025, 37);
        block.attach(s);
        block.initialize(s);
    }
}
