package org.spineformer.nmodl;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.spineformer.engine.mech.Catalogue;
import org.spineformer.nmodl.gen.NmodlMechanism;

class ReplacementTest {
    private static final String LEAK = """
            NEURON {
                SUFFIX pas
                NONSPECIFIC_CURRENT i
                RANGE g, e
            }
            UNITS { (mA) = (milliamp) (mV) = (millivolt) (S) = (siemens) }
            PARAMETER { g = 0.001 (S/cm2) e = -70 (mV) }
            ASSIGNED { v (mV) i (mA/cm2) }
            BREAKPOINT { i = g * (v - e) }
            """;

    @Test
    void aCompiledMechanismNamedLikeABuiltInReplacesItAndTheConsoleSaysSo() {
        NmodlMechanism compiled = NmodlMechanism.compile("mods/pas.mod", LEAK);
        Catalogue builtIns = Catalogue.discover();
        List<String> console = new ArrayList<>();

        Catalogue c = NmodlMechanism.replacing(builtIns, List.of(compiled), console::add);

        assertThat(c.get("pas")).isSameAs(compiled);
        assertThat(builtIns.get("pas")).isNotSameAs(compiled);
        assertThat(console).containsExactly("pas: compiled from mods/pas.mod replaces the built-in");
    }
}
