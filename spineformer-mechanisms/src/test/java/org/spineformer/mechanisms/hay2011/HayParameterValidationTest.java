package org.spineformer.mechanisms.hay2011;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.spineformer.engine.ModelBuilder;
import org.spineformer.engine.mech.Catalogue;
import org.spineformer.engine.morph.Morphology;

/** Invalid parameters of the Hay et al. channels are rejected when the model is described. */
class HayParameterValidationTest {

    @ParameterizedTest
    @CsvSource({
            "NaTa_t, gNaTa_tbar, -0.1",
            "NaTa_t, ena, NaN",
            "SKv3_1, gSKv3_1bar, NaN",
            "SKv3_1, ek, Infinity",
            "Im, gImbar, -6.75e-5",
            "Im, ek, NaN"})
    void rejectsWithMechanismFieldAndValue(String mechanism, String field, double value) {
        Morphology morphology = new Morphology();
        int soma = morphology.addRoot("soma", 20, 1, 35.4, 1, Morphology.filled(1, 20));
        ModelBuilder builder = new ModelBuilder(morphology, Catalogue.discover());
        assertThatThrownBy(() -> builder.insert(mechanism, soma, Map.of(field, value)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(mechanism + "." + field + " = " + value);
    }
}
