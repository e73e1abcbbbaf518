package org.spineformer.cell;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.spineformer.engine.ModelBuilder;
import org.spineformer.engine.Simulation;
import org.spineformer.engine.mech.Catalogue;
import org.spineformer.engine.morph.Morphology;
import org.spineformer.nmodl.gen.NmodlMechanism;

/**
 * A compiled mod file and a built-in (hand-written) mechanism at one node run in NEURON's mechanism type order,
 * whatever the order of insertion: the built-ins are registered before any compiled file, and NEURON runs the
 * concentration writers from the last registered, so the project's {@code mod/order/cawrite.mod} (cai set to its
 * level) runs before the built-in cadspine in INITIAL and in every state phase, and cadspine's cai is the one that
 * stays (NEURON 8.2.2's order, init.cpp's nrn_writes_conc: docs/dev/nmodl.md, "NEURON's mechanism type order within
 * a node").
 */
class MixedTypeOrderTest {
    private static final int STEPS = 40;

    @ParameterizedTest(name = "cadspine inserted first: {0}")
    @ValueSource(booleans = {true, false})
    void theLastRegisteredWriterRunsFirst(boolean cadspineFirst) throws IOException {
        Catalogue catalogue = Catalogue.discover().register(NmodlMechanism.compile("mod/order/cawrite.mod",
                text("/mod/order/cawrite.mod")));
        Morphology m = new Morphology();
        int soma = m.addRoot("soma", 2, 1, 100, 1, Morphology.filled(1, 2));
        ModelBuilder b = new ModelBuilder(m, catalogue);
        b.insert("pas", soma, Map.of());
        for (String name : cadspineFirst ? new String[] {"cadspine", "cawrite"} : new String[] {"cawrite", "cadspine"}) {
            b.insert(name, soma, Map.of());
        }
        Simulation sim = b.build(0.025, 37);
        int node = sim.discretization().segmentNode(soma, 0);
        double level = sim.block("cawrite").get("level", 0);
        double cainf = sim.block("cadspine").get("cainf", 0);
        assertThat(level).isNotEqualTo(cainf);

        sim.initialize(-70);
        assertThat(sim.state().ion("ca").concentration[node]).as("after INITIAL").isEqualTo(cainf);
        for (int step = 0; step < STEPS; step++) {
            sim.step();
            assertThat(sim.state().ion("ca").concentration[node]).as("after step %d", step)
                    .isEqualTo(sim.block("cadspine").get("ca", 0));
        }
    }

    private static String text(String resource) throws IOException {
        try (InputStream in = MixedTypeOrderTest.class.getResourceAsStream(resource)) {
            return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
        }
    }
}
