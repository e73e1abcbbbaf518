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
        assertThat(printed(printer, "printer", 0.05)).isEqualTo(Resources.text("/reference/printf/printer.txt"));
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
        assertThat(printed(m, "pfs", 0)).isEqualTo("x=3.75|ab    |  cde|fg|\n100% 50%\n");
    }

    /**
     * Integer conversions: nocmodl passes a double and C's printf reads an int register, so NEURON's output is
     * undefined (NEURON 8.2.2 printed 24 for %d of 3.7); here the value truncated toward zero with C's flags, width
     * and precision (worked out by hand), and {@code nmodl check} notes it at the call.
     */
    @Test
    void integerConversionsPrintTheTruncatedValueWithANote(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws java.io.IOException {
        String mod = "NEURON { SUFFIX pd }\nINITIAL {\n"
                + "  printf(\"n=%d|%5i|%-4d|%03d|%x|%c|%.3d|%+d\\n\", 3.7, -2.9, 7, 5, 255, 65, 4, 0)\n}\n";
        NmodlMechanism m = NmodlMechanism.compile("pd.mod", mod);
        assertThat(printed(m, "pd", 0)).isEqualTo("n=3|   -2|7   |005|ff|A|004|+0\n");
        java.nio.file.Path file = java.nio.file.Files.writeString(dir.resolve("pd.mod"), mod);
        assertThat(org.spineformer.nmodl.NmodlCheck.report(file).notes()).singleElement().asString()
                .startsWith(file + ":3:3: note: printf's integer conversions (%d, %i, %c ...) print the value"
                        + " truncated toward zero here; NEURON's output is undefined there");
    }

    /** %s of a number: C would read a string's pointer where nocmodl passes a double (garbage or a crash). */
    @Test
    void aStringConversionOfANumberIsRefused() {
        assertThatThrownBy(() -> NmodlMechanism.compile("p.mod", "NEURON { SUFFIX p }\nINITIAL {\n"
                + "  printf(\"n=%s\\n\", 3)\n}\n")).isInstanceOf(NmodlException.class)
                .hasMessage("p.mod:3:3: printf's conversion %s of a number is not supported: NEURON's C printf would"
                        + " read a string's pointer where nocmodl passes a double (undefined: garbage or a crash)");
    }

    /** What the mechanism prints in a one-segment soma at INITIAL and in a run of {@code ms} after it. */
    private static String printed(NmodlMechanism m, String suffix, double ms) {
        Morphology morphology = new Morphology();
        int section = morphology.addRoot("soma", 20, 1, 35.4, 1, Morphology.filled(1, 20));
        ModelBuilder b = new ModelBuilder(morphology, Catalogue.discover().register(m));
        b.insert(suffix, section, Map.of());
        Simulation sim = b.build(0.025, 6.3);
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        PrintStream out = System.out;
        System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
        try {
            sim.initialize(-65);
            if (ms > 0) {
                sim.run(ms);
            }
        } finally {
            System.setOut(out);
        }
        return printed.toString(StandardCharsets.UTF_8);
    }
}
