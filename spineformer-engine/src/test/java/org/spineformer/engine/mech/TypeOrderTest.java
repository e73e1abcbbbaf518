package org.spineformer.engine.mech;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@link TypeOrder}, NEURON 8.2.2's mechanism type order (init.cpp's {@code nrn_writes_conc}, multicore.cpp's list of
 * types), and the {@link Catalogue}'s registration order it is made from: checked against a live NEURON 8.2.2 with
 * the project's probe files (docs/dev/nmodl.md, "NEURON's mechanism type order within a node").
 */
class TypeOrderTest {
    /** A stand-in for a compiled mechanism: a name, whether it writes a concentration, nothing to run. */
    private static final class Named extends AbstractMechanism {
        private final boolean writer;

        Named(String name, boolean writer) {
            super(name, Kind.DENSITY, "test mechanism " + name, List.of());
            this.writer = writer;
        }

        @Override
        public boolean writesIonConcentration() {
            return writer;
        }

        @Override
        public MechanismBlock newBlock(int[] nodes) {
            throw new UnsupportedOperationException();
        }
    }

    @Test
    void theBuiltInsComeInNeuronsTypeNumbers() {
        Catalogue c = Catalogue.discover();
        // NEURON 8.2.2's types: pas 4, IClamp 7, SEClamp 11 (src/nrnoc/cabvars.h's list)
        assertThat(c.rank("pas")).isLessThan(c.rank("IClamp"));
        assertThat(c.rank("IClamp")).isLessThan(c.rank("SEClamp"));
    }

    @Test
    void writersComeFirstFromTheLastRegisteredThenTheRestAsRegistered() {
        Mechanism a = new Named("a", false);
        Mechanism w1 = new Named("w1", true);
        Mechanism b = new Named("b", false);
        Mechanism w2 = new Named("w2", true);
        Catalogue c = Catalogue.discover().register(a).register(w1).register(b).register(w2);
        List<Mechanism> model = List.of(b, c.get("SEClamp"), w1, a, c.get("IClamp"), w2, c.get("pas"));

        // pas (a type below the ions') first, the writers last registered first, then the rest by registration
        assertThat(TypeOrder.of(model, c)).extracting(Mechanism::name)
                .containsExactly("pas", "w2", "w1", "IClamp", "SEClamp", "a", "b");
    }

    @Test
    void aReplacementTakesItsPlaceAmongTheGivenOnes() {
        Mechanism late = new Named("late", false);
        Catalogue c = Catalogue.discover().register(new Named("x", false)).register(new Named("y", false));
        Catalogue replaced = c.withReplacements(List.of(new Named("y", false), late, new Named("x", false)),
                m -> { });

        assertThat(replaced.rank("y")).isLessThan(replaced.rank("late"));
        assertThat(replaced.rank("late")).isLessThan(replaced.rank("x"));
        assertThat(replaced.rank("IClamp")).isLessThan(replaced.rank("y"));
        // the catalogue it was made from keeps its order
        assertThat(c.rank("x")).isLessThan(c.rank("y"));
    }
}
