package org.spineformer.nmodl;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.spineformer.nmodl.check.Checker;
import org.spineformer.nmodl.check.Diagnostic;
import org.spineformer.nmodl.check.ReturnZeroIdiom;
import org.spineformer.nmodl.gen.NmodlMechanism;
import org.spineformer.nmodl.parse.Parser;

/**
 * The VERBATIM {@code return 0;} (whitespace and C comments aside) as a PROCEDURE's last statement, which
 * nocmodl's C follows with its own {@code return 0;}, or as INITIAL's (or {@code return;}), after which nocmodl's C
 * only gives t back the 0 finitialize set. Every other VERBATIM (but IncludeOnlyVerbatimTest's and
 * IonCopyVerbatimTest's) stays refused with the plain message.
 */
class ReturnZeroIdiomTest {
    private static final String REFUSED = "VERBATIM is not supported: C code cannot run on the JVM";
    /** A channel whose rates PROCEDURE ends as old files do; the body starts on line 5. */
    private static final String HEAD = "NEURON { SUFFIX rz RANGE g NONSPECIFIC_CURRENT i }\nPARAMETER { g = 0.001 (S/cm2) }\n"
            + "STATE { m }\nASSIGNED { v (mV) minf mtau (ms) i (mA/cm2) }\n";
    private static final String CHANNEL = HEAD
            + "BREAKPOINT { SOLVE s METHOD cnexp\n  i = g*m*(v + 70) }\n"
            + "INITIAL { rates(v)\n  m = minf }\nDERIVATIVE s { rates(v)\n  m' = (minf - m)/mtau }\n"
            + "PROCEDURE rates(v (mV)) {\n  minf = 1/(1 + exp(-(v + 40)/5))\n  mtau = 1 + 0.01*v*v/100\n"
            + "ENDING}\n";

    private static String channel(String ending) {
        return CHANNEL.replace("ENDING", ending);
    }

    private static List<String> problems(String text) {
        return Checker.check(Parser.parse("rz.mod", text)).stream().map(Diagnostic::toString).toList();
    }

    @Test
    void returnZeroEndingAProcedureIsAcceptedAndNoted() {
        for (String ending : List.of("  VERBATIM\n  return 0;\n  ENDVERBATIM\n", "VERBATIM return 0; ENDVERBATIM\n",
                "  VERBATIM\n\treturn   0 ;  /* as the end does */\n  // nothing else\n  ENDVERBATIM\n",
                "  VERBATIM\n  return/**/0;\n  ENDVERBATIM\n  COMMENT\n  a trailing comment\n  ENDCOMMENT\n")) {
            String text = channel(ending);
            assertThat(problems(text)).as(ending).isEmpty();
            assertThat(NmodlMechanism.problems(Parser.parse("rz.mod", text))).as(ending).isEmpty();
            assertThat(ReturnZeroIdiom.notes(Parser.parse("rz.mod", text))).as(ending).singleElement()
                    .hasToString("rz.mod:14:" + (ending.startsWith("VERBATIM") ? 1 : 3) + ": note: VERBATIM"
                            + " 'return 0;' ending PROCEDURE rates recognized and left out: nocmodl ends every"
                            + " PROCEDURE's C with 'return 0;', so NEURON runs the same without it");
        }
    }

    /** Left out, the file compiles to the very Java of the file without it (so it runs with the same bits). */
    @Test
    void theCompiledCodeIsTheCodeWithoutIt() {
        String with = NmodlMechanism.compile("rz.mod", channel("  VERBATIM\n  return 0;\n  ENDVERBATIM\n"))
                .javaSource();
        String without = NmodlMechanism.compile("rz.mod", channel("")).javaSource();
        assertThat(with.replaceAll("Mod_[0-9a-f]{16}", "Mod_"))
                .isEqualTo(without.replaceAll("Mod_[0-9a-f]{16}", "Mod_"));
        assertThat(with).contains("minf").doesNotContain("return 0");
    }

    @Test
    void returnZeroNotLastIsRefused() {
        assertThat(problems(channel("  VERBATIM\n  return 0;\n  ENDVERBATIM\n  mtau = 2\n")))
                .containsExactly("rz.mod:14:3: " + REFUSED);
    }

    @Test
    void returnZeroInsideANestedBlockOrIfIsRefused() {
        assertThat(problems(channel("  if (v > 0) {\n  VERBATIM\n  return 0;\n  ENDVERBATIM\n  }\n")))
                .containsExactly("rz.mod:15:3: " + REFUSED);
    }

    @Test
    void returnZeroInAFunctionOrBreakpointIsRefused() {
        assertThat(problems(HEAD + "FUNCTION f(x) {\n  f = x\n  VERBATIM\n  return 0;\n  ENDVERBATIM\n}\n"
                + "BREAKPOINT {\n  i = g*(v + 70)\n  VERBATIM\n  return 0;\n  ENDVERBATIM\n}\n"))
                .containsExactly("rz.mod:7:3: " + REFUSED, "rz.mod:13:3: " + REFUSED);
    }

    /**
     * Ending INITIAL, as {@code return 0;} (ichan2.mod's ending) or {@code return;} (the dentate gyrus channels';
     * initmodel is a void C function): accepted with a note, compiled as the file without it.
     */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"return 0;|return 0;", "return ; /* done */|return;"})
    void returnEndingInitialIsAcceptedAndNoted(String ending, String quoted) {
        String initial = CHANNEL.replace("ENDING", "").replace("INITIAL { rates(v)\n  m = minf }",
                "INITIAL { rates(v)\n  m = minf\nVERBATIM\n  " + ending + "\nENDVERBATIM\n}");
        assertThat(problems(initial)).isEmpty();
        assertThat(ReturnZeroIdiom.notes(Parser.parse("rz.mod", initial))).singleElement()
                .hasToString("rz.mod:9:1: note: VERBATIM '" + quoted + "' ending INITIAL recognized and left out:"
                        + " nocmodl's C of INITIAL does nothing after it but give t back its value, which finitialize"
                        + " has set to 0, so NEURON runs the same without it");
        assertThat(NmodlMechanism.compile("rz.mod", initial).javaSource().replaceAll("Mod_[0-9a-f]{16}", "Mod_"))
                .isEqualTo(NmodlMechanism.compile("rz.mod", channel("")).javaSource()
                        .replaceAll("Mod_[0-9a-f]{16}", "Mod_"));
    }

    /** In NET_RECEIVE's INITIAL (a block of its own in nocmodl's C, not initmodel) it stays refused. */
    @Test
    void returnZeroEndingNetReceiveInitialIsRefused() {
        assertThat(problems("NEURON { POINT_PROCESS rz }\nNET_RECEIVE(w) {\n  INITIAL {\n  w = 0\n"
                + "  VERBATIM\n  return 0;\n  ENDVERBATIM\n  }\n}\n"))
                .containsExactly("rz.mod:5:3: " + REFUSED);
    }

    @Test
    void otherTextIsRefused() {
        // return; too: it ends INITIAL only (no PROCEDURE of ModelDB's files ends so)
        for (String text : List.of("return 0; m = 1;", "return 1;", "return(0);", "return 0", ": return 0;",
                "return 0; /* unclosed", "#define X\nreturn 0;", "return;")) {
            assertThat(problems(channel("  VERBATIM\n" + text + "\n  ENDVERBATIM\n"))).as(text)
                    .containsExactly("rz.mod:14:3: " + REFUSED);
        }
    }

    @Test
    void topLevelVerbatimIsRefused() {
        assertThat(problems(HEAD + "VERBATIM\nreturn 0;\nENDVERBATIM\n")).containsExactly("rz.mod:5:1: " + REFUSED);
    }
}
