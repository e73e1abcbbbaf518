package org.spineformer.nmodl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.spineformer.engine.ModelBuilder;
import org.spineformer.engine.Simulation;
import org.spineformer.engine.mech.Catalogue;
import org.spineformer.engine.morph.Morphology;
import org.spineformer.nmodl.gen.NmodlException;
import org.spineformer.nmodl.gen.NmodlMechanism;

/**
 * printf: the project's printer.mod (C's e, f and g conversions with flags, width and precision, ties to even,
 * infinities, a negative zero; at INITIAL and in the first step's state update) prints exactly what NEURON 8.2.2
 * printed running it ({@code reference/printf/printer.txt}, see PROVENANCE.md).
 */
class PrintfTest {
    @Test
    void printsWhatNeuronPrints() {
        NmodlMechanism printer = NmodlMechanism.compile("printer.mod", Resources.text("/mod/features/printer.mod"));
        Morphology morphology = new Morphology();
        int section = morphology.addRoot("soma", 20, 1, 35.4, 1, Morphology.filled(1, 20));
        ModelBuilder b = new ModelBuilder(morphology, Catalogue.discover().register(printer));
        b.insert("printer", section, Map.of());
        Simulation sim = b.build(0.025, 6.3);
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        PrintStream out = System.out;
        System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
        try {
            sim.initialize(-65);
            sim.run(0.05);
        } finally {
            System.setOut(out);
        }
        assertThat(printed.toString(StandardCharsets.UTF_8)).isEqualTo(Resources.text("/reference/printf/printer.txt"));
    }

    @Test
    void conversionsThatPrintNoDoubleAreNotYet() {
        assertThatThrownBy(() -> NmodlMechanism.compile("p.mod", "NEURON { SUFFIX p }\nINITIAL {\n"
                + "  printf(\"n=%d\\n\", 3)\n}\n")).isInstanceOf(NmodlException.class)
                .hasMessage("p.mod:3:3: printf with the conversion %d (NEURON passes it a double: only e, f and g"
                        + " print one) is not supported yet");
    }
}
