package org.spineformer.mechanisms.hay2011;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.spineformer.engine.ModelBuilder;
import org.spineformer.engine.Simulation;
import org.spineformer.engine.mech.Catalogue;
import org.spineformer.engine.morph.Morphology;

/** NaTa_t's rate functions are 0/0 at -38 mV (m) and -66 mV (h); the mod file evaluates them 0.0001 mV above. */
class NaTaTRatesTest {

    @Test
    void evaluatesMRatesJustAboveMinus38() {
        assertThat(initial("m", -38)).isFinite().isEqualTo(initial("m", -38 + 0.0001));
        // the nudged v is still in effect for the h rates
        assertThat(initial("h", -38)).isEqualTo(initial("h", -38 + 0.0001));
    }

    @Test
    void evaluatesHRatesJustAboveMinus66() {
        assertThat(initial("h", -66)).isFinite().isEqualTo(initial("h", -66 + 0.0001));
        assertThat(initial("m", -66)).isFinite().isNotEqualTo(initial("m", -66 + 0.0001));
    }

    /** The state's INITIAL value (its steady state) at membrane potential v. */
    private static double initial(String state, double v) {
        Morphology morphology = new Morphology();
        int soma = morphology.addRoot("soma", 20, 1, 35.4, 1, Morphology.filled(1, 20));
        Simulation sim = new ModelBuilder(morphology, Catalogue.discover())
                .insert("NaTa_t", soma, Map.of("gNaTa_tbar", 0.1))
                .build(0.025, 37);
        sim.initialize(v);
        return sim.block("NaTa_t").get(state, 0);
    }
}
