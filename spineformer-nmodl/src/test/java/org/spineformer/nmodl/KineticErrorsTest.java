package org.spineformer.nmodl;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
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
}
