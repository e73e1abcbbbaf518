package org.spineformer.nmodl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.spineformer.engine.mech.CellState;
import org.spineformer.engine.mech.MechanismBlock;
import org.spineformer.engine.record.Recorder;
import org.spineformer.engine.reference.ReferenceRun;
import org.spineformer.nmodl.ast.Item;
import org.spineformer.nmodl.ast.ModFile;
import org.spineformer.nmodl.check.Diagnostic;
import org.spineformer.nmodl.gen.NmodlMechanism;
import org.spineformer.nmodl.parse.IncludePath;
import org.spineformer.nmodl.parse.NmodlSyntaxException;
import org.spineformer.nmodl.parse.Parser;

/**
 * {@code INCLUDE "file"} as NEURON 8.2.2's nocmodl reads it under nrnivmodl (io.cpp's include_file and
 * include_open): the text read in place, found in the including file's directory, then the mod file's folder, its
 * parent, the {@code MODL_INCLUDE} directories; errors that name the including file, its line and the file.
 */
class IncludeTest {
    private static final String CHANNEL = "NEURON { SUFFIX inc NONSPECIFIC_CURRENT i }\n"
            + "ASSIGNED { v (mV) i (mA/cm2) }\nBREAKPOINT { i = k() * (v + 70) }\n";

    /**
     * The project's {@code mod/include/incgate.mod}, whose rates come from {@code lib/rates.inc}, which INCLUDEs
     * {@code "vtrap.inc"}: NEURON (nrnivmodl printed "INCLUDEing lib/vtrap.inc") read {@code lib/vtrap.inc}, not the
     * decoy {@code vtrap.inc} beside the mod file, whose rates are twice as large. Every column at the
     * single-mechanism bound ({@link SingleMechanismRun#TOLERANCE}).
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("org.spineformer.nmodl.SingleMechanismRun#runs")
    void includedRatesMatchNeuron(String runName) throws IOException {
        ReferenceRun ref = ReferenceRun.load("/reference/include/incgate/" + runName);
        NmodlMechanism compiled = NmodlMechanism.compile(resourceFolder().resolve("incgate.mod"));
        Recorder rec = SingleMechanismRun.run(ref, compiled);
        SingleMechanismRun.assertEveryColumn("incgate " + runName, ref, rec);
    }

    @Test
    void theIncludedTextIsReadInPlaceAndNestedIncludesFromTheIncludingFilesDirectory() throws IOException {
        Path folder = resourceFolder();
        ModFile mod = Parser.parse(folder.resolve("incgate.mod"));
        assertThat(mod.items().stream().filter(Item.Include.class::isInstance).map(i -> ((Item.Include) i).path()))
                .containsExactly(folder.resolve("lib/rates.inc").toString(),
                        folder.resolve("lib/vtrap.inc").toString());
        // after the INCLUDE of rates.inc: vtrap.inc's FUNCTION (nested), then rates.inc's alpha and beta
        assertThat(mod.blocks("FUNCTION").map(Item.Block::name)).containsExactly("vtrap", "alpha", "beta");
        assertThat(NmodlCheck.check(folder.resolve("incgate.mod"))).isEmpty();
    }

    /** nocmodl's order: the including file's directory, the folder, its parent, MODL_INCLUDE; the first found. */
    @Test
    void searchOrder(@TempDir Path tmp) throws IOException {
        Path folder = Files.createDirectories(tmp.resolve("mods"));
        Path extra = Files.createDirectories(tmp.resolve("extra"));
        write(folder.resolve("a.mod"), "NEURON { SUFFIX a }\nINCLUDE \"sub/r.inc\"\n");
        write(folder.resolve("sub/r.inc"), "INCLUDE \"c.inc\"\n");
        IncludePath path = new IncludePath(folder, List.of(extra.toString()));
        List<Path> places = List.of(folder.resolve("sub/c.inc"), folder.resolve("c.inc"), tmp.resolve("c.inc"),
                extra.resolve("c.inc"));
        for (Path p : places) {
            write(p, "FUNCTION k() { k = 1 }\n");
        }
        for (Path expected : places) {
            assertThat(includedPaths(folder.resolve("a.mod"), path)).as("with %s", expected)
                    .containsExactly(folder.resolve("sub/r.inc").toString(), expected.toString());
            Files.delete(expected);
        }
        assertThatThrownBy(() -> includedPaths(folder.resolve("a.mod"), path))
                .hasMessage(folder.resolve("sub/r.inc") + ":1:1: INCLUDE \"c.inc\": no such file (looked for "
                        + folder.resolve("sub/c.inc") + ", " + folder.resolve("c.inc") + ", "
                        + folder.resolve("../c.inc") + ", " + extra.resolve("c.inc") + ", as nocmodl does)");
    }

    @Test
    void anAbsoluteNameIsThatFileAlone(@TempDir Path tmp) throws IOException {
        Path elsewhere = write(tmp.resolve("elsewhere/k.inc"), "FUNCTION k() { k = 2 }\n");
        write(tmp.resolve("mods/k.inc"), "FUNCTION k() { k = 3 }\n");
        Path mod = write(tmp.resolve("mods/a.mod"), "NEURON { SUFFIX a }\nINCLUDE \"" + elsewhere + "\"\n");
        assertThat(includedPaths(mod, new IncludePath(mod.getParent(), List.of())))
                .containsExactly(elsewhere.toString());
    }

    @Test
    void aMissingFileIsNamedWithTheIncludingFileAndLine(@TempDir Path tmp) throws IOException {
        Path mod = write(tmp.resolve("mods/a.mod"), "NEURON { SUFFIX a }\n\nINCLUDE \"nothere.inc\"\n");
        assertThat(NmodlCheck.check(mod)).map(Diagnostic::toString).containsExactly(mod + ":3:1: INCLUDE"
                + " \"nothere.inc\": no such file (looked for " + mod.getParent().resolve("nothere.inc") + ", "
                + mod.getParent().resolve("../nothere.inc") + ", as nocmodl does)");
    }

    @Test
    void anErrorInAnIncludedFileNamesThatFileAndItsLine(@TempDir Path tmp) throws IOException {
        Path inc = write(tmp.resolve("mods/bad.inc"), ": rates\n\nFUNCTION k() { k = 1 + }\n");
        Path mod = write(tmp.resolve("mods/a.mod"), CHANNEL + "INCLUDE \"bad.inc\"\n");
        assertThat(NmodlCheck.check(mod)).map(Diagnostic::toString)
                .containsExactly(inc + ":3:24: expected an expression but found '}'");
        // the checker's findings too
        write(inc, "FUNCTION k() {\n  k = undeclared\n}\n");
        assertThat(NmodlCheck.check(mod)).map(Diagnostic::toString).singleElement().asString()
                .startsWith(inc + ":2:7: 'undeclared' is used but not declared");
    }

    /** A DEFINE of an included file counts in the text after the INCLUDE, as in nocmodl's one stream of tokens. */
    @Test
    void aDefineOfAnIncludedFileCountsAfterIt(@TempDir Path tmp) throws IOException {
        write(tmp.resolve("mods/n.inc"), "DEFINE N 3\n");
        Path mod = write(tmp.resolve("mods/a.mod"), "NEURON { SUFFIX a }\nINCLUDE \"n.inc\"\n"
                + "ASSIGNED { w[N] }\n");
        assertThat(NmodlCheck.check(mod)).isEmpty();
    }

    @Test
    void aCycleIsAnError(@TempDir Path tmp) throws IOException {
        Path mod = write(tmp.resolve("mods/a.mod"), "NEURON { SUFFIX a }\nINCLUDE \"x.inc\"\n");
        Path x = write(tmp.resolve("mods/x.inc"), ": x\nINCLUDE \"y.inc\"\n");
        write(tmp.resolve("mods/y.inc"), "INCLUDE \"x.inc\"\n");
        assertThat(NmodlCheck.check(mod)).map(Diagnostic::toString).containsExactly(tmp.resolve("mods/y.inc")
                + ":1:1: INCLUDE \"x.inc\": " + x + " is already being read (an INCLUDE cycle)");
        write(x, "INCLUDE \"a.mod\"\n");
        assertThat(NmodlCheck.check(mod)).map(Diagnostic::toString).containsExactly(x + ":1:1: INCLUDE \"a.mod\": "
                + mod + " is already being read (an INCLUDE cycle)");
    }

    /** nocmodl's grammar has INCLUDE between blocks only (parse1.ypp: {@code all: all INCLUDE1 STRING}). */
    @Test
    void insideABlockItIsASyntaxError(@TempDir Path tmp) throws IOException {
        write(tmp.resolve("mods/k.inc"), "k = 1\n");
        Path mod = write(tmp.resolve("mods/a.mod"), CHANNEL + "FUNCTION k() {\n  INCLUDE \"k.inc\"\n}\n");
        assertThat(NmodlCheck.check(mod)).map(Diagnostic::toString)
                .containsExactly(mod + ":5:3: INCLUDE is not allowed inside a FUNCTION block");
    }

    @Test
    void aTextNotReadFromAFolderHasNowhereToLook() {
        assertThatThrownBy(() -> Parser.parse("x.mod", "NEURON { SUFFIX x }\nINCLUDE \"k.inc\"\n"))
                .isInstanceOf(NmodlSyntaxException.class)
                .hasMessage("x.mod:2:1: INCLUDE \"k.inc\": this text was not read from a folder, so there is"
                        + " nowhere to look for the file");
    }

    /** The compile cache is keyed by the included texts too: a changed included file compiles again. */
    @Test
    void aChangedIncludedFileIsCompiledAgain(@TempDir Path tmp) throws IOException {
        Path inc = write(tmp.resolve("mods/k.inc"), "FUNCTION k() { k = 0.25 }\n");
        Path mod = write(tmp.resolve("mods/a.mod"), CHANNEL + "INCLUDE \"k.inc\"\n");
        String first = NmodlMechanism.compile(mod).javaSource();
        assertThat(first).contains("0.25");
        write(inc, "FUNCTION k() { k = 0.75 }\n");
        String second = NmodlMechanism.compile(mod).javaSource();
        assertThat(second).contains("0.75").doesNotContain("0.25");
    }

    /** A run-time error of a solver whose block is in an included file names that file and the block's line. */
    @Test
    void aRunTimeErrorOfAnIncludedBlockNamesItsFile(@TempDir Path tmp) throws IOException {
        Path inc = write(tmp.resolve("mods/eq.inc"), ": the block\nLINEAR eq {\n  FROM j = 0 TO 1 {\n    ~ x[j] = j\n"
                + "  }\n}\n");
        Path mod = write(tmp.resolve("mods/k.mod"), "NEURON { SUFFIX k }\nSTATE { x[3] }\nINITIAL { SOLVE eq }\n"
                + "INCLUDE \"eq.inc\"\n");
        MechanismBlock block = NmodlMechanism.compile(mod).newBlock(new int[] {0});
        CellState s = new CellState(new double[] {100}, new double[] {100}, 0.025, 37);
        block.attach(s);
        assertThatThrownBy(() -> block.initialize(s)).isInstanceOf(IllegalStateException.class)
                .hasMessage(inc + ":2: LINEAR eq: 2 equations for its 3 unknowns (instance 0; NEURON: Number of"
                        + " equations does not equal number of states)");
    }

    private static List<String> includedPaths(Path mod, IncludePath path) throws IOException {
        return Parser.parse(mod.toString(), Files.readString(mod), path).items().stream()
                .filter(Item.Include.class::isInstance)
                .map(i -> Path.of(((Item.Include) i).path()).normalize().toString()).toList();
    }

    private static Path write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        return Files.writeString(file, text);
    }

    static Path resourceFolder() {
        try {
            return Path.of(IncludeTest.class.getResource("/mod/include/incgate.mod").toURI()).getParent();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
