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

    /**
     * %s of a string literal (C's char*: width, '-' and precision as C's) and %% in the folded text print what NEURON
     * 8.2.2 printed for this INITIAL (run once by hand: "x=3.75|ab    |  cde|fg|" and "100% 50%").
     */
    @Test
    void aStringLiteralPrintsThroughPercentS() {
        NmodlMechanism m = NmodlMechanism.compile("pfs.mod", "NEURON { SUFFIX pfs }\nASSIGNED { x }\nINITIAL {\n"
                + "  x = 3.75\n  printf(\"%s=%g|%-6s|%5s|%.2s|\\n\", \"x\", x, \"ab\", \"cde\", \"fghi\")\n"
                + "  printf(\"100%% %s\\n\", \"50%\")\n}\n");
        Morphology morphology = new Morphology();
        int section = morphology.addRoot("soma", 20, 1, 35.4, 1, Morphology.filled(1, 20));
        ModelBuilder b = new ModelBuilder(morphology, Catalogue.discover().register(m));
        b.insert("pfs", section, Map.of());
        Simulation sim = b.build(0.025, 6.3);
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        PrintStream out = System.out;
        System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
        try {
            sim.initialize(-65);
        } finally {
            System.setOut(out);
        }
        assertThat(printed.toString(StandardCharsets.UTF_8)).isEqualTo("x=3.75|ab    |  cde|fg|\n100% 50%\n");
    }

    /** NEURON printed 24 for %d of 3.7 (nocmodl passes a double; C reads an int register): refused, never compiled. */
    @Test
    void conversionsThatPrintNoDoubleAreRefused() {
        assertThatThrownBy(() -> NmodlMechanism.compile("p.mod", "NEURON { SUFFIX p }\nINITIAL {\n"
                + "  printf(\"n=%d\\n\", 3)\n}\n")).isInstanceOf(NmodlException.class)
                .hasMessage("p.mod:3:3: printf's conversion %d of a number is not supported: NEURON's output is"
                        + " undefined (nocmodl passes every number to C's printf as a double, so %d, %i, %c, %x ..."
                        + " read an int register and %s a pointer; only e, f and g print a number, s a string)");
    }
}
