package org.spineformer.mechanisms.bahl2012;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.spineformer.engine.ModelBuilder;
import org.spineformer.engine.mech.Catalogue;
import org.spineformer.engine.morph.Morphology;

/** The six channels are registered under their NEURON suffixes and refuse invalid parameters with a clear message. */
class BahlParameterValidationTest {
    private static final Catalogue CATALOGUE = Catalogue.discover();

    private static ModelBuilder cylinder() {
        Morphology m = new Morphology();
        m.addRoot("soma", 20, 1, 35.4, 1, Morphology.filled(1, 20));
        return new ModelBuilder(m, CATALOGUE);
    }

    private static void assertRejected(String mechanism, String field, double value, String valueText) {
        assertThatThrownBy(() -> cylinder().insert(mechanism, 0, Map.of(field, value)).build(0.025, 37))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(mechanism)
                .hasMessageContaining(field)
                .hasMessageContaining(valueText);
    }

    @ParameterizedTest
    @ValueSource(strings = {"BahlEtAl_2012_nat", "BahlEtAl_2012_nap", "BahlEtAl_2012_kfast", "BahlEtAl_2012_kslow",
            "BahlEtAl_2012_km", "BahlEtAl_2012_ih"})
    void isRegisteredAndValidatesItsParameters(String mechanism) {
        assertThat(CATALOGUE.get(mechanism).name()).isEqualTo(mechanism);
        assertThat(CATALOGUE.get(mechanism).field("gbar").unit()).isEqualTo("pS/um2");
        assertRejected(mechanism, "gbar", -1, "-1.0");
        assertRejected(mechanism, "gbar", Double.NaN, "NaN");
        assertRejected(mechanism, "vshift", Double.NaN, "NaN");
        assertRejected(mechanism, "vshift", Double.POSITIVE_INFINITY, "Infinity");
        // a valid set builds
        assertThat(cylinder().insert(mechanism, 0, Map.of("gbar", 10.0, "vshift", -5.0)).build(0.025, 37)
                .has(mechanism)).isTrue();
    }

    @ParameterizedTest
    @CsvSource({"BahlEtAl_2012_nat, timefactor_m", "BahlEtAl_2012_nat, timefactor_h",
            "BahlEtAl_2012_kfast, timefactor_n"})
    void refusesTimeFactorsThatAreNotPositive(String mechanism, String field) {
        assertRejected(mechanism, field, 0, "0.0");
        assertRejected(mechanism, field, -2, "-2.0");
    }

    @ParameterizedTest
    @CsvSource({"BahlEtAl_2012_nat, ena", "BahlEtAl_2012_nap, ena", "BahlEtAl_2012_kfast, ek",
            "BahlEtAl_2012_kslow, ek", "BahlEtAl_2012_km, ek", "BahlEtAl_2012_ih, ehd"})
    void refusesANonFiniteReversalPotential(String mechanism, String field) {
        assertRejected(mechanism, field, Double.NaN, "NaN");
    }
}
