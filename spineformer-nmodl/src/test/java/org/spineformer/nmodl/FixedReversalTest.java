package org.spineformer.nmodl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.spineformer.engine.ModelBuilder;
import org.spineformer.engine.Simulation;
import org.spineformer.engine.mech.Catalogue;
import org.spineformer.engine.morph.Morphology;
import org.spineformer.nmodl.gen.NmodlMechanism;

/**
 * A reversal potential set as fixed ({@code ModelBuilder.setReversalPotential(..., true)}, NEURON's
 * {@code ion_style("ca_ion", 0, 1, 0, 0, 0)}, as Branco et al. 2010 call it): a mechanism that reads cai (gatecai)
 * would otherwise make eca the Nernst potential of the concentrations at initialization; fixed, it stays as set
 * and the calcium current (caread, READ eca) is driven by it.
 */
class FixedReversalTest {
    private static final double CELSIUS = 37;
    /** NEURON's default eca (ca_ion's eca0, mV), what Branco et al.'s cell keeps. */
    private static final double ECA0 = 132.4579341637009;
    /** The hand formula against the engine's: the same constants, the operations in another order. */
    private static final double NERNST_MV = 1e-12;

    @Test
    void aFixedReversalIsNotRecomputedFromTheConcentrations() {
        Simulation fixed = cell(true);
        fixed.initialize(-70);
        for (int step = 0; step < 40; step++) {
            fixed.step();
        }
        assertThat(fixed.state().ion("ca").reversal()[0]).isEqualTo(ECA0);

        Simulation followed = cell(false);
        followed.initialize(-70);
        // RT/(zF) ln(cao/cai) with NEURON 8.2's constants (R = k N_A, F = e N_A), cai0 5e-5 and cao0 2 mM: 141.61 mV
        double nernst = 1000 * (1.380649e-23 * 6.02214076e23) * (273.15 + CELSIUS)
                / (2 * 1.602176634e-19 * 6.02214076e23) * Math.log(2 / 5e-5);
        assertThat(followed.state().ion("ca").reversal()[0]).isCloseTo(nernst, within(NERNST_MV));
    }

    private static Simulation cell(boolean fixedReversal) {
        Catalogue catalogue = Catalogue.discover();
        catalogue.register(NmodlMechanism.compile("gate_of_cai.mod", Resources.text("/mod/features/gate_of_cai.mod")));
        catalogue.register(NmodlMechanism.compile("caread.mod", Resources.text("/mod/ions/caread.mod")));
        Morphology morphology = new Morphology();
        int soma = morphology.addRoot("soma", 20, 1, 35.4, 1, Morphology.filled(1, 20));
        ModelBuilder builder = new ModelBuilder(morphology, catalogue);
        builder.insert("pas", soma, Map.of("g", 1e-4, "e", -70.0));
        builder.insert("gatecai", soma, Map.of());
        builder.insert("caread", soma, Map.of());
        builder.setReversalPotential("ca", soma, 0, ECA0, fixedReversal);
        return builder.build(0.025, CELSIUS);
    }
}
