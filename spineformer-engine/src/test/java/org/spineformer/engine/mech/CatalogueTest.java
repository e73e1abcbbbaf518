package org.spineformer.engine.mech;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CatalogueTest {
    /** A stand-in for a compiled mechanism: a name and nothing to run. */
    private static final class Named extends AbstractMechanism {
        Named(String name) {
            super(name, Kind.DENSITY, "test mechanism " + name, List.of());
        }

        @Override
        public MechanismBlock newBlock(int[] nodes) {
            throw new UnsupportedOperationException();
        }
    }

    @Test
    void aMechanismNamedLikeABuiltInReplacesItAndIsReported() {
        Catalogue builtIns = Catalogue.discover();
        Mechanism builtInPas = builtIns.get("pas");
        Mechanism compiledPas = new Named("pas");
        Mechanism newOne = new Named("hh2");
        List<Mechanism> reported = new ArrayList<>();

        Catalogue c = builtIns.withReplacements(List.of(compiledPas, newOne), reported::add);

        assertThat(c.get("pas")).isSameAs(compiledPas);
        assertThat(c.get("hh2")).isSameAs(newOne);
        assertThat(c.get("IClamp")).isSameAs(builtIns.get("IClamp"));
        assertThat(reported).containsExactly(compiledPas);
        // the model that did not ask for the replacement keeps the built-in
        assertThat(builtIns.get("pas")).isSameAs(builtInPas);
        assertThat(builtIns.contains("hh2")).isFalse();
    }

    @Test
    void twoReplacementsWithOneNameAreAnError() {
        assertThatThrownBy(() -> Catalogue.discover()
                .withReplacements(List.of(new Named("pas"), new Named("pas")), m -> { }))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("two replacement mechanisms are named pas");
    }
}
