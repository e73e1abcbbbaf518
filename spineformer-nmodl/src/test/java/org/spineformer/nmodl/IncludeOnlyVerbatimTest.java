package org.spineformer.nmodl;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.spineformer.engine.reference.ReferenceRun;
import org.spineformer.nmodl.check.Checker;
import org.spineformer.nmodl.check.Diagnostic;
import org.spineformer.nmodl.check.IncludeOnlyVerbatim;
import org.spineformer.nmodl.gen.NmodlMechanism;
import org.spineformer.nmodl.parse.Parser;

/**
 * A VERBATIM block between blocks holding nothing but {@code #include} lines (C comments and blank lines aside) is
 * accepted and left out, as NEURON computes the same without it; its one effect, nocmodl's (the mechanism not thread
 * safe unless THREADSAFE came before it, so its TABLEs checked at each call), is kept: {@code verbatim/incfirst.mod}
 * and {@code verbatim/inclast.mod} against NEURON's runs ({@code reference/verbatim}). So is one of such lines and
 * static string constants, an RCS id ({@code static const char rcsid[] = "$Id: ... $";}, Mel's hh3.mod), a C
 * variable no code reads. Any other VERBATIM stays refused with the plain message.
 */
class IncludeOnlyVerbatimTest {
    private static final String REFUSED = "VERBATIM is not supported: C code cannot run on the JVM";
    private static final String LEAK = "NEURON { SUFFIX lk NONSPECIFIC_CURRENT i }\nPARAMETER { g = 0.001 (S/cm2) }\n"
            + "ASSIGNED { v (mV) i (mA/cm2) }\nBREAKPOINT { i = g*(v + 70) }\n";

    private static List<String> problems(String text) {
        return Checker.check(Parser.parse("lk.mod", text)).stream().map(Diagnostic::toString).toList();
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("runs")
    void matchesNeuron(String reference, String runName) {
        SingleMechanismRun.assertMatchesNeuron(reference + ".mod", reference, runName);
    }

    static Stream<Arguments> runs() {
        return SingleMechanismRun.runs("verbatim/incfirst", "verbatim/inclast");
    }

    /**
     * In NEURON the block changed nothing but the thread safety: incfirst ran exactly as tabcall (not thread safe),
     * inclast exactly as tabsafe (thread safe), every column; tabcall and tabsafe differ by far more than the bound
     * (NocmodlQuirksReferenceTest), so the match above tells the two cases apart.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("org.spineformer.nmodl.SingleMechanismRun#runs")
    void neuronRanThemAsTheFilesWithoutTheBlock(String runName) {
        assertSameColumns("verbatim/incfirst", "threadsafety/tabcall", runName);
        assertSameColumns("verbatim/inclast", "threadsafety/tabsafe", runName);
    }

    private static void assertSameColumns(String with, String without, String runName) {
        ReferenceRun a = ReferenceRun.load("/reference/" + with + "/" + runName);
        ReferenceRun b = ReferenceRun.load("/reference/" + without + "/" + runName);
        for (String column : List.of("t_ms", "v_mV", "i_mA_cm2", "n")) {
            assertThat(a.column(column)).as(with + " " + column).isEqualTo(b.column(column));
        }
    }

    private static final String INCLUDE_NOTE = "note: VERBATIM of #include lines only, left out: nocmodl copies it"
            + " into its C, where it declares C functions for C code the file does not have, so NEURON computes the"
            + " same without it";
    private static final String CONSTANT_NOTE = "note: VERBATIM of #include lines and string constants only, left"
            + " out: nocmodl copies it into its C, where no code reads the constants, so NEURON computes the same"
            + " without it";

    @ParameterizedTest
    @MethodSource("leftOut")
    void acceptedAndNoted(String verbatim, String note) {
        String text = "VERBATIM\n" + verbatim + "\nENDVERBATIM\n" + LEAK;
        assertThat(problems(text)).as(verbatim).isEmpty();
        assertThat(NmodlMechanism.problems(Parser.parse("lk.mod", text))).as(verbatim).isEmpty();
        assertThat(IncludeOnlyVerbatim.notes(Parser.parse("lk.mod", text))).singleElement()
                .hasToString("lk.mod:1:1: " + note);
    }

    static Stream<Arguments> leftOut() {
        return Stream.of(
                Arguments.of("#include <stdlib.h>", INCLUDE_NOTE),
                Arguments.of("  #  include \"my header.h\"  ", INCLUDE_NOTE),
                Arguments.of("#include<math.h>\n\n#include <stdio.h>", INCLUDE_NOTE),
                Arguments.of("#include <stdlib.h> /* silences\n   a warning */\n// nothing else", INCLUDE_NOTE),
                Arguments.of("/* first */ #include <stdlib.h>\r\n", INCLUDE_NOTE),
                Arguments.of("static const char rcsid[]=\"$Id: lk.mod,v 1.1 2026/12/07 12:00:00 someone Exp $\";",
                        CONSTANT_NOTE),
                Arguments.of("  static char  id [ ] = \"v1\" ;  ", CONSTANT_NOTE),
                Arguments.of("#include <stdlib.h>\nstatic const char rcsid[] = \"\"; /* empty */", CONSTANT_NOTE));
    }

    /** Left out, the file compiles to the Java of the file without it. */
    @Test
    void theCompiledCodeIsTheCodeWithoutIt() {
        String without = NmodlMechanism.compile("lk.mod", LEAK).javaSource();
        for (String verbatim : List.of("#include <stdlib.h>", "static const char rcsid[] = \"$Id$\";")) {
            String with = NmodlMechanism.compile("lk.mod", LEAK + "VERBATIM\n" + verbatim + "\nENDVERBATIM\n")
                    .javaSource();
            assertThat(with.replaceAll("Mod_[0-9a-f]{16}", "Mod_")).as(verbatim)
                    .isEqualTo(without.replaceAll("Mod_[0-9a-f]{16}", "Mod_"));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"#define N 3", "#include <stdlib.h>\nstatic double x;", "#include stdlib.h",
        "#include <stdlib.h", "#import <stdlib.h>", "#includes <stdlib.h>", "", "/* only a comment */",
        "#include <stdlib.h> int y;", "static char *rcsid = \"x\";", "char rcsid[] = \"x\";",
        "static int rcsid[] = \"x\";", "static const char rcsid[] = \"a\\\"b\";", "static const char rcsid[] = \"x\"",
        "static const char rcsid[] = \"x\"; x = 1;"})
    void nearMissesAreRefused(String verbatim) {
        assertThat(problems("VERBATIM\n" + verbatim + "\nENDVERBATIM\n" + LEAK)).as(verbatim)
                .containsExactly("lk.mod:1:1: " + REFUSED);
    }

    /** Inside a block its text is part of a C function, where a header's declarations do not belong: refused. */
    @Test
    void insideABlockIsRefused() {
        assertThat(problems(LEAK + "INITIAL {\n  VERBATIM\n  #include <stdlib.h>\n  ENDVERBATIM\n}\n"))
                .containsExactly("lk.mod:6:3: " + REFUSED);
    }
}
