package org.spineformer.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.spineformer.cli.CliRun.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * FUNCTION_TABLE values from {@code NAME.tables.json} beside {@code NAME.mod} in a {@code --mod} folder
 * ({@link ModTables}): given to the compiled mechanism before the cell is built, bad files refused naming the file,
 * the key and the value.
 */
class ModTablesTest {
    /** INITIAL reads a table of one argument and one of two at v_init (-70 mV). */
    private static final String TABS = "NEURON { SUFFIX tabs RANGE y }\nASSIGNED { v (mV) y }\n"
            + "FUNCTION_TABLE f(v (mV))\nFUNCTION_TABLE g(v (mV), c)\nINITIAL { y = f(v) + g(v, 0.5) }\n";

    @TempDir
    Path dir;
    private Path description;
    private Path mods;

    @BeforeEach
    void files() throws IOException {
        description = Files.writeString(dir.resolve("cell.json"), """
                {"format": "spineformer-cell-description/1", "name": "tabcell",
                 "morphology": {"sections": [{"name": "soma", "L": 10, "diam": 10}]},
                 "paint": [{"region": "soma", "mechanism": "tabs", "parameters": {}}],
                 "celsius": 34, "v_init": -70}
                """);
        mods = Files.createDirectories(dir.resolve("mods"));
        Files.writeString(mods.resolve("tabs.mod"), TABS);
    }

    /**
     * f: 1 at -80, 3 at -60, so 2 at -70; g: 10, 20 (x = -80; y = 0, 1) and 30, 40 (x = -60), so 15 at (-80, 0.5),
     * 35 at (-60, 0.5) and 25 at (-70, 0.5): y = 27, as NEURON's hoc_func_table gives (FunctionTableTest).
     */
    @Test
    void theTablesBesideTheModFileAreItsValues() throws IOException {
        Files.writeString(mods.resolve("tabs.tables.json"), """
                {"f": {"values": [1, 3], "arguments": [-80, -60]},
                 "g": {"values": [10, 20, 30, 40], "x": {"arguments": [-80, -60]}, "y": {"size": 2, "min": 0, "max": 1}}}
                """);
        Path out = dir.resolve("structure.json");
        CliRun r = run("model", "check", description.toString(), "--mod", mods.toString(), "--structure",
                out.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        JsonNode mechs = new ObjectMapper().readTree(out.toFile()).get("sections").get(0).get("segments").get(0)
                .get("mechanisms");
        assertThat(mechs.get("tabs").get("y_tabs").asDouble()).isEqualTo(27.0);
    }

    /**
     * A FUNCTION_TABLE of three arguments from the "axes" form: g3(-70, 1, 12) is the value at the point at or below
     * each argument (held at the last), (-80, 1, 10): index (0 * 2 + 1) * 2 + 1 of the values, 4 (NEURON: no
     * interpolation of three).
     */
    @Test
    void aTableOfThreeArgumentsTakesItsAxesInOrder() throws IOException {
        Path three = Files.createDirectories(dir.resolve("three"));
        Files.writeString(three.resolve("tab3.mod"), "NEURON { SUFFIX tab3 RANGE y }\nASSIGNED { v (mV) y }\n"
                + "FUNCTION_TABLE g3(v (mV), c, w)\nINITIAL { y = g3(v, 1, 12) }\n");
        Files.writeString(three.resolve("tab3.tables.json"), """
                {"g3": {"values": [1, 2, 3, 4, 5, 6, 7, 8],
                        "axes": [{"arguments": [-80, -60]}, {"size": 2, "min": 0, "max": 1}, {"arguments": [5, 10]}]}}
                """);
        Path cell = Files.writeString(dir.resolve("cell3.json"), Files.readString(description)
                .replace("\"tabs\"", "\"tab3\""));
        Path out = dir.resolve("structure3.json");
        CliRun r = run("model", "check", cell.toString(), "--mod", three.toString(), "--structure", out.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        JsonNode mechs = new ObjectMapper().readTree(out.toFile()).get("sections").get(0).get("segments").get(0)
                .get("mechanisms");
        assertThat(mechs.get("tab3").get("y_tab3").asDouble()).isEqualTo(4.0);
    }

    @Test
    void badTablesAreNamedWithFileKeyAndValueBeforeAnythingIsBuilt() throws IOException {
        Path tables = mods.resolve("tabs.tables.json");
        Path out = dir.resolve("structure.json");
        Files.writeString(tables, "{\"h\": {\"value\": 1}}");
        assertThat(run("model", "check", description.toString(), "--mod", mods.toString(), "--structure",
                out.toString()).err()).contains(tables + ": /h: tabs has no FUNCTION_TABLE h (its FUNCTION_TABLEs: f, g)");
        Files.writeString(tables, "{\"f\": {\"values\": [1, \"x\"], \"arguments\": [0, 1]}}");
        assertThat(run("model", "check", description.toString(), "--mod", mods.toString(), "--structure",
                out.toString()).err()).contains(tables + ": /f/values/1: must be a number, was \"x\"");
        Files.writeString(tables, "{\"g\": {\"values\": [1, 2], \"min\": 0, \"max\": 1}}");
        CliRun r = run("model", "check", description.toString(), "--mod", mods.toString(), "--structure",
                out.toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains(tables + ": /g: " + mods.resolve("tabs.mod")
                + ": FUNCTION_TABLE g of tabs takes 2 arguments, the table given 1");
        assertThat(Files.exists(out)).isFalse();
    }
}
