package org.spineformer.nmodl;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.spineformer.engine.mech.CellState;
import org.spineformer.engine.mech.MechanismBlock;
import org.spineformer.nmodl.gen.NmodlMechanism;

/**
 * A PROCEDURE called for a value (Wolf et al. 2005's {@code B = mgblock(v)}, ModelDB 112834): nocmodl makes every
 * PROCEDURE a C function returning int 0, so the call runs and gives 0. The project's
 * mod/features/procedure_value.mod: {@code b = setb(v)} then {@code x = 2 + setb(v + 10)}, setb setting b to its
 * argument / 10 and counting its calls in n.
 */
class ProcedureValueTest {
    @Test
    void runsAndGivesZeroAsNeuron() {
        NmodlMechanism m = NmodlMechanism.compile("procedure_value.mod",
                Resources.text("/mod/features/procedure_value.mod"));
        MechanismBlock block = m.newBlock(new int[] {0});
        CellState s = new CellState(new double[] {100}, new double[] {100}, 0.025, 6.3);
        s.v[0] = -65;
        block.attach(s);
        block.initialize(s);
        // NEURON 8.2.2 after finitialize(-65) with this file (nrnivmodl, then seg.b_pval ...): b -5.5, x 2, n 2
        assertThat(List.of(block.get("b", 0), block.get("x", 0), block.get("n", 0)))
                .containsExactly(-5.5, 2.0, 2.0);
    }
}
