package org.spineformer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NmodlCommandTest {
    private static final String GOOD = "NEURON { SUFFIX leak RANGE g, e NONSPECIFIC_CURRENT i }\n"
            + "PARAMETER { g = 0.001 (S/cm2) e = -70 (mV) }\nASSIGNED { v (mV) i (mA/cm2) }\n"
            + "BREAKPOINT { i = g*(v - e) }\n";

    @Test
    void aGoodFileIsOkAndExitsZero(@TempDir Path dir) throws IOException {
        Path good = Files.writeString(dir.resolve("leak.mod"), GOOD);
        CliRun r = CliRun.run("nmodl", "check", good.toString());
        assertThat(r.exit()).isZero();
        assertThat(r.out()).isEqualTo(good + ": OK" + System.lineSeparator());
    }

    @Test
    void anyBadFileGivesItsErrorsAndExitsTwo(@TempDir Path dir) throws IOException {
        Path good = Files.writeString(dir.resolve("leak.mod"), GOOD);
        Path verbatim = Files.writeString(dir.resolve("c.mod"), "NEURON { SUFFIX c }\nVERBATIM\n;\nENDVERBATIM\n");
        Path broken = Files.writeString(dir.resolve("broken.mod"), "NEURON { SUFFIX b\n");
        CliRun r = CliRun.run("nmodl", "check", good.toString(), verbatim.toString(), broken.toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.out().lines()).containsExactly(
                good + ": OK",
                verbatim + ":2:1: VERBATIM is not supported: C code cannot run on the JVM",
                broken + ":2:1: expected a NEURON block statement (SUFFIX, RANGE, USEION ...) but found end of file",
                "1 of 3 files OK");
    }

    /** The VERBATIM return 0; ending a PROCEDURE: the file is OK, and a note says it was recognized. */
    @Test
    void theReturnZeroIdiomIsOkWithANote(@TempDir Path dir) throws IOException {
        Path idiom = Files.writeString(dir.resolve("rz.mod"), GOOD.replace("BREAKPOINT { i = g*(v - e) }",
                "BREAKPOINT { p()\n  i = g*(v - e) }\nPROCEDURE p() {\n  VERBATIM\n  return 0;\n  ENDVERBATIM\n}"));
        CliRun r = CliRun.run("nmodl", "check", idiom.toString());
        assertThat(r.exit()).isZero();
        assertThat(r.out().lines()).containsExactly(idiom + ": OK",
                idiom + ":7:3: note: VERBATIM 'return 0;' ending PROCEDURE p recognized and left out: nocmodl ends"
                        + " every PROCEDURE's C with 'return 0;', so NEURON runs the same without it");
        CliRun listed = CliRun.run("mechanisms", "--mod", dir.toString());
        assertThat(listed.exit()).isZero();
        assertThat(listed.err().lines()).containsExactly(idiom + ":7:3: note: VERBATIM 'return 0;' ending"
                + " PROCEDURE p recognized and left out: nocmodl ends every PROCEDURE's C with 'return 0;', so NEURON"
                + " runs the same without it");
    }

    @Test
    void mechanismsListsAFoldersCompiledMechanismsAndReportsTheOthers(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("leak.mod"), GOOD);
        Files.writeString(dir.resolve("c.mod"), "NEURON { SUFFIX c }\nVERBATIM\n;\nENDVERBATIM\n");
        CliRun r = CliRun.run("mechanisms", "--mod", dir.toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.out()).startsWith("leak  (density)  compiled from " + dir.resolve("leak.mod"));
        assertThat(r.out()).contains("    g                            parameter [S/cm2]   PARAMETER (RANGE) (default 0.001;");
        assertThat(r.out()).contains("    i                            assigned  [mA/cm2]  ASSIGNED (RANGE), assigned by the"
                + " file in BREAKPOINT: a value set before the run is overwritten there");
        assertThat(r.out()).doesNotContain("NaTa_t");
        assertThat(r.err().lines()).containsExactly(
                dir.resolve("c.mod") + ":2:1: VERBATIM is not supported: C code cannot run on the JVM",
                "1 of 2 mod files in " + dir + " do not compile");
    }

    /**
     * A folder whose mod file INCLUDEs a {@code .inc} file: the mod file compiles with it, the {@code .inc} files are
     * not mechanisms (nrnivmodl translates the {@code .mod} files alone); a missing included file is named with the
     * including file and line.
     */
    @Test
    void includedFilesAreReadAndAreNotMechanisms(@TempDir Path dir) throws IOException {
        Path leak = Files.writeString(dir.resolve("leak.mod"), GOOD.replace("i = g*(v - e)", "i = gl()*(v - e)")
                + "INCLUDE \"gl.inc\"\n");
        Files.writeString(dir.resolve("gl.inc"), "FUNCTION gl() (S/cm2) { gl = 2 * g }\n");
        Files.writeString(dir.resolve("unused.inc"), "this is not NMODL\n");
        CliRun checked = CliRun.run("nmodl", "check", leak.toString());
        assertThat(checked.exit()).isZero();
        assertThat(checked.out()).isEqualTo(leak + ": OK" + System.lineSeparator());
        CliRun listed = CliRun.run("mechanisms", "--mod", dir.toString());
        assertThat(listed.exit()).isZero();
        assertThat(listed.out()).startsWith("leak  (density)  compiled from " + leak).doesNotContain("unused")
                .doesNotContain("gl.inc");
        assertThat(listed.err()).isEmpty();

        Files.delete(dir.resolve("gl.inc"));
        CliRun missing = CliRun.run("mechanisms", "--mod", dir.toString());
        assertThat(missing.exit()).isEqualTo(2);
        assertThat(missing.err().lines()).containsExactly(leak + ":5:1: INCLUDE \"gl.inc\": no such file (looked"
                + " for " + dir.resolve("gl.inc") + ", " + dir.resolve("../gl.inc") + ", as nocmodl does)",
                "1 of 1 mod files in " + dir + " do not compile");
    }

    @Test
    void aMissingFileIsNamedInWordsWithoutJavaNames(@TempDir Path dir) {
        Path missing = dir.resolve("none.mod");
        CliRun r = CliRun.run("nmodl", "check", missing.toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.out().lines()).containsExactly(missing + ": cannot read the file: no such file");
    }
}
