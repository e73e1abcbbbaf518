package org.spineformer.nmodl;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.spineformer.engine.mech.CellState;
import org.spineformer.engine.mech.MechanismBlock;
import org.spineformer.nmodl.gen.NmodlMechanism;

/** Named UNITS constants take NEURON 8.2's modern values, the exact SI definitions (as in NEURON's demo cachan1). */
class UnitConstantsTest {
    @Test
    void boltzmannAndElementaryCharge() {
        String mod = "NEURON { SUFFIX uc RANGE k1, e1 }\nUNITS {\n  k = (k) (joule/degC)\n  e = (e) (coulombs)\n}\n"
                + "ASSIGNED { k1 e1 }\nINITIAL {\n  k1 = k\n  e1 = e\n}\n";
        MechanismBlock block = NmodlMechanism.compile("uc.mod", mod).newBlock(new int[] {0});
        CellState s = new CellState(new double[] {100}, new double[] {100}, 0.025, 6.3);
        block.attach(s);
        block.initialize(s);
        // the 2019 SI: k = 1.380649e-23 J/K, e = 1.602176634e-19 C exactly
        assertThat(block.get("k1", 0)).isEqualTo(1.380649e-23);
        assertThat(block.get("e1", 0)).isEqualTo(1.602176634e-19);
    }
}
