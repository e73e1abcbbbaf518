package org.spineformer.engine;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.spineformer.engine.mech.Catalogue;
import org.spineformer.engine.morph.Morphology;

/** ModelBuilder.setReversalPotential's checks: each names the section and value, before anything is built. */
class ReversalPotentialTest {
    private static ModelBuilder soma() {
        Morphology m = new Morphology();
        m.addRoot("soma", 20, 1, 100, 1, Morphology.filled(1, 20));
        return new ModelBuilder(m, Catalogue.discover()).insert("pas", 0, Map.of());
    }

    @Test
    void aSegmentOutsideTheSectionIsAnError() {
        assertThatThrownBy(() -> soma().setReversalPotential("na", 0, 1, 50))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("section soma has no segment 1");
    }

    @Test
    void aNonFiniteValueIsAnError() {
        assertThatThrownBy(() -> soma().setReversalPotential("na", 0, 0, Double.NaN))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ena in section soma")
                .hasMessageContaining("NaN");
    }

    @Test
    void aReversalNoMechanismReadsIsAnErrorAtBuild() {
        ModelBuilder b = soma().setReversalPotential("k", 0, 0, -85);
        assertThatThrownBy(() -> b.build(0.025, 37)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("ek is set in section soma, but no mechanism in the model reads it");
    }
}
