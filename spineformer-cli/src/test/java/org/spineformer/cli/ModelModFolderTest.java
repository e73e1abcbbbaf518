package org.spineformer.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.spineformer.cli.CliRun.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code model check --mod DIR}: a folder's mod files compiled into the catalogue, and the option's errors. */
class ModelModFolderTest {
    /** A leak named like the built-in pas, so it replaces it; its default g differs from the built-in's. */
    private static final String PAS = "NEURON { SUFFIX pas RANGE g, e NONSPECIFIC_CURRENT i }\n"
            + "PARAMETER { g = 0.0042 (S/cm2) e = -70 (mV) }\nASSIGNED { v (mV) i (mA/cm2) }\n"
            + "BREAKPOINT { i = g*(v - e) }\n";
    /** One product and one difference in doubles: a few ulps. */
    private static final double CURRENT_ULPS = 1e-14;
    /** A mechanism that is not built in, painted by the description below. */
    private static final String LEAK = PAS.replace("SUFFIX pas", "SUFFIX leak2");

    @TempDir
    Path dir;
    private Path description;

    @BeforeEach
    void description() throws IOException {
        description = Files.writeString(dir.resolve("cell.json"), """
                {"format": "spineformer-cell-description/1", "name": "modcell",
                 "morphology": {"sections": [{"name": "soma", "L": 10, "diam": 10}]},
                 "paint": [{"region": "soma", "mechanism": "pas", "parameters": {"e": -65}},
                           {"region": "soma", "mechanism": "leak2", "parameters": {"g": 2e-4}}],
                 "celsius": 34, "v_init": -70}
                """);
    }

    @Test
    void theFolderSModFilesAreCompiledAndReplaceBuiltInsSaidOnTheConsole() throws IOException {
        Path mods = Files.createDirectories(dir.resolve("mods"));
        Files.writeString(mods.resolve("pas.mod"), PAS);
        Path other = Files.createDirectories(dir.resolve("more"));
        Files.writeString(other.resolve("leak2.mod"), LEAK);
        Path out = dir.resolve("structure.json");
        CliRun r = run("model", "check", description.toString(), "--mod", mods.toString(), "--mod", other.toString(),
                "--structure", out.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("pas: compiled from " + mods.resolve("pas.mod") + " replaces the built-in")
                .doesNotContain("leak2: compiled").contains("modcell: 1 sections, 1 segments");
        JsonNode mechs = new ObjectMapper().readTree(out.toFile()).get("sections").get(0).get("segments").get(0)
                .get("mechanisms");
        // painted values, and the compiled file's own default where nothing is painted (the built-in's is not 0.0042)
        assertThat(mechs.get("pas").get("e_pas").asDouble()).isEqualTo(-65);
        assertThat(mechs.get("pas").get("g_pas").asDouble()).isEqualTo(0.0042);
        assertThat(mechs.get("leak2").get("g_leak2").asDouble()).isEqualTo(2e-4);
        assertThat(mechs.get("leak2").get("e_leak2").asDouble()).isEqualTo(-70);
        // initialized at v_init -70 mV: the current of the first evaluation, g (v - e) = 0.0042 * (-70 - -65)
        assertThat(mechs.get("pas").get("i_pas").asDouble()).isCloseTo(-0.021, within(CURRENT_ULPS * 0.021));
    }

    @Test
    void aFileOfAMechanismTheModelUsesThatDoesNotCompileIsNamedWithItsReasonAndNothingIsBuilt() throws IOException {
        Path mods = Files.createDirectories(dir.resolve("mods"));
        Files.writeString(mods.resolve("pas.mod"), PAS);
        Files.writeString(mods.resolve("leak2.mod"), "NEURON { SUFFIX leak2 }\nVERBATIM\n;\nENDVERBATIM\n");
        Path out = dir.resolve("structure.json");
        CliRun r = run("model", "check", description.toString(), "--mod", mods.toString(), "--structure",
                out.toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err().lines()).containsExactly(
                mods.resolve("leak2.mod") + ":2:1: VERBATIM is not supported: C code cannot run on the JVM",
                "1 of 2 mod files in " + mods + " do not compile");
        assertThat(r.out()).isEmpty();
        assertThat(Files.exists(out)).isFalse();
    }

    @Test
    void aFileThatDoesNotCompileIsSkippedSaidOnTheConsoleWhenTheModelDoesNotUseIt() throws IOException {
        Path mods = Files.createDirectories(dir.resolve("mods"));
        Files.writeString(mods.resolve("leak2.mod"), LEAK);
        Files.writeString(mods.resolve("c.mod"), "NEURON { SUFFIX c }\nVERBATIM\n;\nENDVERBATIM\n");
        CliRun r = run("model", "check", description.toString(), "--mod", mods.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("skipped " + mods.resolve("c.mod") + ": it does not compile (VERBATIM is not "
                + "supported: C code cannot run on the JVM), and the model does not use c")
                .contains("modcell: 1 sections, 1 segments");
    }

    @Test
    void aFolderThatDoesNotExistIsRefusedBeforeAnythingIsBuilt() {
        Path missing = dir.resolve("nowhere");
        Path out = dir.resolve("structure.json");
        CliRun r = run("model", "check", description.toString(), "--mod", missing.toString(), "--structure",
                out.toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("--mod " + missing + ": not a folder");
        assertThat(r.out()).isEmpty();
        assertThat(Files.exists(out)).isFalse();
    }

    @Test
    void withoutTheModFilesTheUnknownMechanismSaysHowToGiveThem() {
        CliRun r = run("model", "check", description.toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("unknown mechanism 'leak2'").contains("--mod DIR").contains("--painted-only");
    }

    @Test
    void modAndPaintedOnlyExcludeEachOther() {
        CliRun r = run("model", "check", description.toString(), "--mod", dir.toString(), "--painted-only");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("--mod and --painted-only exclude each other");
    }
}
