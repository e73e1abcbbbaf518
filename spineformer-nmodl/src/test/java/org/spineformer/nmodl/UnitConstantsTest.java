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
        MechanismBlock block = initialized("NEURON { SUFFIX uc RANGE k1, e1 }\nUNITS {\n  k = (k) (joule/degC)\n"
                + "  e = (e) (coulombs)\n}\nASSIGNED { k1 e1 }\nINITIAL {\n  k1 = k\n  e1 = e\n}\n");
        // the 2019 SI: k = 1.380649e-23 J/K, e = 1.602176634e-19 C exactly
        assertThat(block.get("k1", 0)).isEqualTo(1.380649e-23);
        assertThat(block.get("e1", 0)).isEqualTo(1.602176634e-19);
    }

    /**
     * {@code R = (mole k) (mV-coulomb/degC)} (ModelDB 127507's channels): the gas constant in mV coulomb per kelvin,
     * the very double nocmodl 8.2.2 writes into its C for this line ({@code 0x1.03d3b37125759p+13}, 8314.4626...).
     */
    @Test
    void gasConstantInMillivoltCoulombs() {
        MechanismBlock block = initialized("NEURON { SUFFIX uc RANGE r1 }\nUNITS {\n  (mV) = (millivolt)\n"
                + "  R = (mole k) (mV-coulomb/degC)\n}\nASSIGNED { r1 }\nINITIAL { r1 = R }\n");
        assertThat(block.get("r1", 0)).isEqualTo(Double.parseDouble("0x1.03d3b37125759p+13"));
    }

    /**
     * {@code FARADAY = (faraday) (10000 coulomb)} (the NEURON book's calcium diffusion files and their copies, 88 of
     * ModelDB's mod files; ModelDB 105385's ca_gp.mod): the very double nocmodl 8.2.2 writes into its C for this line
     * ({@code 0x1.34c0c8b92a9b7p+3}, 9.64853321...), whitespace between the number and the unit as written.
     */
    @Test
    void faradayInTenThousandCoulombs() {
        MechanismBlock block = initialized("NEURON { SUFFIX uc RANGE f1 }\nUNITS {\n"
                + "  FARADAY = (faraday) (10000\tcoulomb)\n}\nASSIGNED { f1 }\nINITIAL { f1 = FARADAY }\n");
        assertThat(block.get("f1", 0)).isEqualTo(Double.parseDouble("0x1.34c0c8b92a9b7p+3"));
    }

    /** The mechanism of the mod text, one instance, after INITIAL. */
    private static MechanismBlock initialized(String mod) {
        MechanismBlock block = NmodlMechanism.compile("uc.mod", mod).newBlock(new int[] {0});
        CellState s = new CellState(new double[] {100}, new double[] {100}, 0.025, 6.3);
        block.attach(s);
        block.initialize(s);
        return block;
    }
}
