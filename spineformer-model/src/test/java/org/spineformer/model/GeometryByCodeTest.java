package org.spineformer.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spineformer.engine.morph.Morphology;
import org.spineformer.engine.morph.Section;

/**
 * What a model's hoc code does to the geometry beside reading a morphology (Mainen and Sejnowski 1996's
 * {@code load_3dcell}, {@code create_axon} and {@code add_spines}): nseg by a formula of L, an axon of stubs whose
 * diameters read the soma's area, {@code diam(0:1) = d0:d1}, and {@code L = L * a; for (x) diam(x) = diam(x) * b},
 * on a small hoc cell, against values worked out by hand from NEURON 8.2's code.
 */
class GeometryByCodeTest {
    /** pi and sqrt round differently in the hand formula's order: a few ulps. */
    private static final double ULPS = 1e-15;

    /**
     * A soma cylinder of L 10, diam 10 (area 100 pi: its equivalent sphere has diameter 10) and a dendrite of L 20,
     * diam 1, given by three 3-D points 10 um apart, at soma(1); then {@code rules} (JSON keys, with a trailing
     * comma).
     */
    private static CellDescription cell(Path dir, String rules) throws IOException {
        Files.writeString(dir.resolve("cell.hoc"), """
                create soma, dend
                soma { pt3dclear() pt3dadd(0, 0, 0, 10) pt3dadd(10, 0, 0, 10) }
                dend { pt3dclear() pt3dadd(10, 0, 0, 1) pt3dadd(20, 0, 0, 1) pt3dadd(30, 0, 0, 1) }
                connect dend(0), soma(1)
                """);
        Files.writeString(dir.resolve("cell.json"), """
                {"format": "spineformer-cell-description/1", "name": "by_code",
                 "parameters": {"spine_area": 0.83},
                 "morphology": {"file": "cell.hoc"},
                 %s
                 "celsius": 37, "v_init": -70}
                """.formatted(rules));
        return DescriptionReader.read(dir.resolve("cell.json"));
    }

    private static Section section(AssembledCell cell, String name) {
        Morphology m = cell.morphology();
        return m.section(m.indexOf(name));
    }

    @Test
    void nsegByAFormulaOfTheSectionsLength(@TempDir Path dir) throws IOException {
        // hoc's nseg = L/50 + 1 truncates: 10 um -> 1, 20 um -> 1; L/4 + 1: 3.5 -> 3, 6 -> 6
        AssembledCell cell = CellAssembler.assemble(cell(dir, """
                "nseg": [{"region": "all", "formula": "floor(L/4 + 1)"}],"""));
        assertThat(section(cell, "soma").nseg()).isEqualTo(3);
        assertThat(section(cell, "dend").nseg()).isEqualTo(6);

        assertThatThrownBy(() -> CellAssembler.assemble(cell(dir, """
                "nseg": [{"region": "all", "formula": "L/4"}],""")))
                .hasMessageContaining("/nseg/0: nseg of section soma must be an integer >= 1, was 2.5");
        assertThatThrownBy(() -> cell(dir, """
                "nseg": [{"region": "all", "formula": "diam/4"}],"""))
                .hasMessageContaining("cell.json: /nseg/0/formula: expression \"diam/4\" reads unknown name 'diam'");
    }

    @Test
    void anAxonOfStubsWhoseDiametersReadTheSomasArea(@TempDir Path dir) throws IOException {
        // Mainen's create_axon: iseg diam = equiv_diam/10, hill diam(0:1) = 4*iseg.diam:iseg.diam, then a chain
        AssembledCell cell = CellAssembler.assemble(cell(dir, """
                "axon_replacement": {"attach_to": {"section": "soma", "x": 0.5}, "areas": {"soma_area": "soma"},
                 "sections": [
                  {"name": "hill", "L": 10, "nseg": 5, "diam": {"interpolate":
                    {"d0": "4*(sqrt(soma_area/(4*pi))/10)", "d1": "sqrt(soma_area/(4*pi))/10"}}},
                  {"name": "iseg", "L": 15, "nseg": 5, "diam": "sqrt(soma_area/(4*pi))/10"},
                  {"name": "node[0]", "L": 1, "nseg": 1, "diam": "sqrt(soma_area/(4*pi))/10*0.75"}]},"""));
        double iseg = Math.sqrt(100 * Math.PI / (4 * Math.PI)) / 10; // 0.5
        for (double d : section(cell, "iseg").diamUm()) {
            assertThat(d).isCloseTo(0.5, within(ULPS));
        }
        double[] hill = section(cell, "hill").diamUm();
        for (int j = 0; j < 5; j++) {
            double x = (j + 0.5) / 5;
            assertThat(hill[j]).isEqualTo(4 * iseg * (1 - x) + iseg * x); // range_interpolate's rounding
        }
        assertThat(hill[0]).isCloseTo(1.85, within(ULPS * 2));
        assertThat(section(cell, "node[0]").diamUm()[0]).isCloseTo(0.375, within(ULPS));
        Morphology m = cell.morphology();
        Section h = section(cell, "hill");
        assertThat(m.section(h.parent()).name()).isEqualTo("soma");
        assertThat(h.parentX()).isEqualTo(0.5);
        assertThat(m.section(section(cell, "node[0]").parent()).name()).isEqualTo("iseg");
    }

    @Test
    void aRepeatedUnitAndStubsWithTheirOwnParent(@TempDir Path dir) throws IOException {
        // two myelin-node units in a chain, then a collateral at the middle of the first myelin
        AssembledCell cell = CellAssembler.assemble(cell(dir, """
                "axon_replacement": {"attach_to": {"section": "soma", "x": 0.5}, "sections": [
                  {"name": "iseg", "L": 15, "nseg": 5, "diam": 1},
                  {"repeat": 2, "sections": [{"name": "myelin[{i}]", "L": 100, "nseg": 5, "diam": 1},
                                             {"name": "node[{i}]", "L": 1, "nseg": 1, "diam": 0.75}]},
                  {"name": "collateral", "L": 50, "nseg": 3, "diam": {"geometric": {"from": "parent", "to": 0.5}},
                   "parent": "myelin[0]", "parent_x": 0.5}]},"""));
        Morphology m = cell.morphology();
        assertThat(m.sections().stream().map(Section::name)).containsExactly("soma", "dend", "iseg", "myelin[0]",
                "node[0]", "myelin[1]", "node[1]", "collateral");
        assertThat(m.section(section(cell, "myelin[1]").parent()).name()).isEqualTo("node[0]");
        Section collateral = section(cell, "collateral");
        assertThat(m.section(collateral.parent()).name()).isEqualTo("myelin[0]");
        assertThat(collateral.parentX()).isEqualTo(0.5);
        assertThat(collateral.diamUm()[0]).isEqualTo(1.0); // from the parent's last segment

        String first = """
                "axon_replacement": {"attach_to": {"section": "soma", "x": 0.5}, "sections": [%s]},""";
        assertThatThrownBy(() -> CellAssembler.assemble(cell(dir, first.formatted(
                "{\"name\": \"a\", \"L\": 1, \"nseg\": 1, \"diam\": 1}, "
                        + "{\"name\": \"b\", \"L\": 1, \"nseg\": 1, \"diam\": 1, \"parent\": \"c\"}"))))
                .hasMessageContaining("cell.json: /axon_replacement/sections/1/parent: no section named 'c' among the"
                        + " kept sections and the stubs before it");
        assertThatThrownBy(() -> cell(dir, first.formatted("{\"repeat\": 0, \"sections\": []}")))
                .hasMessageContaining("cell.json: /axon_replacement/sections/0/repeat: must be a whole number >= 1");
        assertThatThrownBy(() -> cell(dir, first.formatted(
                "{\"name\": \"a\", \"L\": 1, \"nseg\": 1, \"diam\": 1, \"parent_x\": 0.5}")))
                .hasMessageContaining("cell.json: /axon_replacement/sections/0/parent_x: needs a \"parent\"");
    }

    @Test
    void areasAndStubDiameterErrorsNameTheKey(@TempDir Path dir) throws IOException {
        String stub = """
                "axon_replacement": {"attach_to": {"section": "soma", "x": 0.5}, "areas": {%s},
                 "sections": [{"name": "iseg", "L": 15, "nseg": 5, "diam": %s}]},""";
        assertThatThrownBy(() -> CellAssembler.assemble(cell(dir, stub.formatted("\"a\": \"somma\"", "\"a/100\""))))
                .hasMessageContaining("cell.json: /axon_replacement/areas/a: no section named 'somma' after the axon "
                        + "is deleted");
        assertThatThrownBy(() -> cell(dir, stub.formatted("\"spine_area\": \"soma\"", "1")))
                .hasMessageContaining("cell.json: /axon_replacement/areas/spine_area: an area's name must be a new "
                        + "name");
        assertThatThrownBy(() -> cell(dir, stub.formatted("\"a\": \"soma\"", "\"b/100\"")))
                .hasMessageContaining("cell.json: /axon_replacement/sections/0/diam: expression \"b/100\" reads "
                        + "unknown name 'b'");
        assertThatThrownBy(() -> cell(dir, stub.formatted("\"a\": \"soma\"", "{\"formula\": \"distance/100\"}")))
                .hasMessageContaining("cell.json: /axon_replacement/sections/0/diam/formula: a stub section's "
                        + "diameter cannot be a formula of distance");
    }

    @Test
    void scalingASectionOfThreeDPointsReplaysHocsForX(@TempDir Path dir) throws IOException {
        // dend: L 20, nseg 2, diam 1; L = L*2 stretches the points to arcs 0, 20, 40. for (x) diam(x) = diam(x)*2:
        //   x = 0 (segment 0): 1 -> 2; the points take their segment's diameter: 2, 1, 1 (the middle point, at
        //     x = 0.5, lies in segment 1)
        //   x = 0.25 (segment 0): read from the points, linear 2 to 1 over segment 0: 1.5 -> 3; points 3, 1, 1
        //   x = 0.75 (segment 1): segment 0 now reads 2 (3 to 1), segment 1 1 -> 2; points 2, 2, 2
        //   x = 1 (segment 1): 2 -> 4; points 2, 4, 4: segment 0 has diameter 3, segment 1 4
        AssembledCell cell = CellAssembler.assemble(cell(dir, """
                "nseg": [{"region": "dend", "fixed": 2}],
                "scale": [{"region": "dend", "L": 2, "diam": 2}],"""));
        Section dend = section(cell, "dend");
        assertThat(dend.lengthUm()).isEqualTo(40);
        assertThat(dend.diamUm()).containsExactly(3.0, 4.0);
        assertThat(dend.pt3d().diam(0)).isEqualTo(2f);
        assertThat(dend.pt3d().diam(2)).isEqualTo(4f);
        assertThat(dend.pt3d().x(2)).isEqualTo(50f); // stretched about the first point, at x = 10
        assertThat(section(cell, "soma").diamUm()).containsExactly(10.0); // not in the region
    }

    @Test
    void scalingCylindersScalesTheEndSegmentsTwiceAndOneSegmentThreeTimes(@TempDir Path dir) throws IOException {
        // the stubs are cylinders; the factors read each section's L and area (node: L 1, diam 1, area pi)
        AssembledCell cell = CellAssembler.assemble(cell(dir, """
                "axon_replacement": {"attach_to": {"section": "soma", "x": 0.5},
                 "sections": [{"name": "iseg", "L": 15, "nseg": 3, "diam": 1}, {"name": "node", "L": 1, "nseg": 1,
                   "diam": 1}]},
                "scale": [{"region": {"names": "iseg|node"}, "L": "(L*spine_area + area)/area", "diam": 2}],"""));
        Section iseg = section(cell, "iseg"), node = section(cell, "node");
        assertThat(iseg.diamUm()).containsExactly(4.0, 2.0, 4.0);
        assertThat(node.diamUm()).containsExactly(8.0);
        double area = 15 * Math.PI;
        assertThat(iseg.lengthUm()).isCloseTo(15 * ((15 * 0.83 + area) / area), within(15 * ULPS));
        assertThat(node.lengthUm()).isCloseTo((0.83 + Math.PI) / Math.PI, within(ULPS));
    }

    /**
     * Larkum et al. 2009's {@code axon.L = 10  axon.diam = 5}: hoc's assignments rather than factors. Setting L
     * stretches the points about the first one; setting diam gives every segment the value and every point the value as
     * a float: a cylinder.
     */
    @Test
    void settingTheLengthAndTheDiameterAsHocsAssignments(@TempDir Path dir) throws IOException {
        AssembledCell cell = CellAssembler.assemble(cell(dir, """
                "nseg": [{"region": "dend", "fixed": 2}],
                "scale": [{"region": "dend", "set_L": 10, "set_diam": 5}],"""));
        Section dend = section(cell, "dend");
        assertThat(dend.lengthUm()).isEqualTo(10);
        assertThat(dend.diamUm()).containsExactly(5.0, 5.0);
        assertThat(dend.pt3d().x(2)).isEqualTo(20f); // from x = 10, 20 um stretched to 10
        assertThat(dend.pt3d().diam(1)).isEqualTo(5f);
        // only the length: the diameters stay (1 um)
        Section stretched = section(CellAssembler.assemble(cell(dir, """
                "scale": [{"region": "dend", "set_L": 40}],""")), "dend");
        assertThat(stretched.lengthUm()).isEqualTo(40);
        assertThat(stretched.diamUm()).containsExactly(1.0);
    }

    /**
     * Larkum et al. 2009's {@code forsec apical diam = diam*1.2}: hoc reads {@code diam} once, at x = 0.5, and sets
     * every segment to 1.2 times it. A dendrite tapering 2, 3, 4 um over two 10 um pieces, one segment: diam(0.5) is
     * the mean, (2.5*10 + 3.5*10)/20 = 3; 1.2*3 = 3.5999999999999996, and every point becomes that as a float,
     * 3.5999999046325684 (farther from the value set than NEURON's 1e-9 um, so the segment reads the float).
     */
    @Test
    void aUniformDiameterFromTheMiddleOne(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("taper.hoc"), """
                create soma, dend
                soma { pt3dclear() pt3dadd(0, 0, 0, 10) pt3dadd(10, 0, 0, 10) }
                dend { pt3dclear() pt3dadd(10, 0, 0, 2) pt3dadd(20, 0, 0, 3) pt3dadd(30, 0, 0, 4) }
                connect dend(0), soma(1)
                """);
        Files.writeString(dir.resolve("taper.json"), """
                {"format": "spineformer-cell-description/1", "name": "taper", "morphology": {"file": "taper.hoc"},
                 "scale": [{"region": "dend", "set_diam": "1.2*diam"}], "celsius": 37, "v_init": -70}
                """);
        Section dend = section(CellAssembler.assemble(DescriptionReader.read(dir.resolve("taper.json"))), "dend");
        assertThat(dend.pt3d().diam(0)).isEqualTo(3.6f);
        assertThat(dend.pt3d().diam(2)).isEqualTo(3.6f);
        assertThat(dend.diamUm()[0]).isCloseTo(3.5999999046325684, within(ULPS));
        assertThat(dend.lengthUm()).isEqualTo(20);
    }

    /**
     * {@code "delete": false}: stubs added without deleting anything (Larkum et al.'s {@code create axon1  connect
     * axon1(0), axon(1)}); a stub is a cylinder, whose assignments set its length and every segment's diameter.
     */
    @Test
    void stubsWithoutDeletingAndAssignmentsOnACylinder(@TempDir Path dir) throws IOException {
        AssembledCell cell = CellAssembler.assemble(cell(dir, """
                "axon_replacement": {"delete": false, "attach_to": {"section": "dend", "x": 1},
                 "sections": [{"name": "axon1", "L": 200, "nseg": 3, "diam": 1}]},
                "scale": [{"region": "axon1", "set_L": 50, "set_diam": "2*diam"}],"""));
        Morphology m = cell.morphology();
        assertThat(m.size()).isEqualTo(3);
        assertThat(m.section(2).name()).isEqualTo("axon1");
        assertThat(m.section(2).parent()).isEqualTo(m.indexOf("dend"));
        assertThat(m.section(2).parentX()).isEqualTo(1.0);
        assertThat(m.section(2).lengthUm()).isEqualTo(50);
        assertThat(m.section(2).diamUm()).containsExactly(2.0, 2.0, 2.0);
        assertThatThrownBy(() -> cell(dir, """
                "axon_replacement": {"delete": true, "attach_to": {"section": "dend", "x": 1},
                 "sections": [{"name": "axon1", "L": 200, "nseg": 3, "diam": 1}]},"""))
                .hasMessageContaining("cell.json: /axon_replacement/delete: must be a region, or false to delete"
                        + " nothing (the default deletes \"axon\"), was true");
    }

    @Test
    void scaleErrorsNameTheRuleAndTheSection(@TempDir Path dir) throws IOException {
        assertThatThrownBy(() -> CellAssembler.assemble(cell(dir, """
                "scale": [{"region": "dend", "L": "1 - L/10", "diam": 1}],""")))
                .hasMessageContaining("cell.json: /scale/0/L: the factor on section dend must be finite and > 0, was "
                        + "-1.0 (1 - L/10)");
        assertThatThrownBy(() -> cell(dir, """
                "scale": [{"region": "dend", "L": 1, "diam": "F^(1/3)"}],"""))
                .hasMessageContaining("cell.json: /scale/0/diam: expression \"F^(1/3)\" reads unknown name 'F'");
        assertThatThrownBy(() -> cell(dir, """
                "scale": [{"region": "dend"}],"""))
                .hasMessageContaining("cell.json: /scale/0: a scale rule changes the length (\"L\" or \"set_L\"),"
                        + " the diameters (\"diam\" or \"set_diam\") or both");
        assertThatThrownBy(() -> cell(dir, """
                "scale": [{"region": "dend", "L": 1, "set_L": 2}],"""))
                .hasMessageContaining("cell.json: /scale/0: give the length by \"L\" (a factor) or \"set_L\"");
        assertThatThrownBy(() -> cell(dir, """
                "scale": [{"region": "dend", "diam": 1, "set_diam": 2}],"""))
                .hasMessageContaining("cell.json: /scale/0: give the length by");
        assertThatThrownBy(() -> CellAssembler.assemble(cell(dir, """
                "scale": [{"region": "dend", "set_L": "L - 40"}],""")))
                .hasMessageContaining("cell.json: /scale/0/set_L: the length on section dend must be finite and > 0,"
                        + " was -20.0 (L - 40)");
        assertThatThrownBy(() -> CellAssembler.assemble(cell(dir, """
                "scale": [{"region": "dend", "set_diam": "diam - 1"}],""")))
                .hasMessageContaining("cell.json: /scale/0/set_diam: the diameter on section dend must be finite and"
                        + " > 0, was 0.0 (diam - 1)");
        assertThatThrownBy(() -> cell(dir, """
                "scale": [{"region": "dend", "set_L": "lenght"}],"""))
                .hasMessageContaining("cell.json: /scale/0/set_L: expression \"lenght\" reads unknown name 'lenght'");
        assertThatThrownBy(() -> CellAssembler.assemble(DescriptionTestSupport.read(DescriptionTestSupport
                .twoSections("[]").replace("\"paint\"", "\"scale\": [{\"region\": \"dend\", \"L\": 2, \"diam\": 1}],"
                        + " \"paint\""))))
                .hasMessageContaining("small.json: /scale/0: section dend[0] is an inline section");
    }

    /**
     * A hoc file's sections of L and diam (no 3-D points) keep their diameter in every segment whatever nseg the
     * rules give (NEURON's node_realloc), and the axon's diameter reads the soma cylinder's area, pi diam L.
     */
    @Test
    void sectionsOfLAndDiamKeepTheirDiameterAtAnyNseg(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("stylized.hoc"), """
                create soma, dend
                forall {diam = 2  L = 30}
                soma {diam = 10  L = 10}
                connect dend(0), soma(1)
                """);
        Files.writeString(dir.resolve("stylized.json"), """
                {"format": "spineformer-cell-description/1", "name": "stylized",
                 "morphology": {"file": "stylized.hoc"},
                 "nseg": [{"region": "all", "formula": "floor(L/10 + 2)"}],
                 "axon_replacement": {"attach_to": {"section": "soma", "x": 0.5}, "areas": {"soma_area": "soma"},
                  "sections": [{"name": "iseg", "L": 15, "nseg": 1, "diam": "sqrt(soma_area/(4*pi))/10"}]},
                 "celsius": 37, "v_init": -70}
                """);
        AssembledCell cell = CellAssembler.assemble(DescriptionReader.read(dir.resolve("stylized.json")));
        assertThat(section(cell, "soma").diamUm()).containsExactly(10.0, 10.0, 10.0);
        assertThat(section(cell, "dend").diamUm()).containsExactly(2.0, 2.0, 2.0, 2.0, 2.0);
        assertThat(section(cell, "dend").pt3d()).isNull();
        // the soma's area pi 10 10 = 100 pi: sqrt(100 pi/(4 pi))/10 = 0.5
        assertThat(section(cell, "iseg").diamUm()[0]).isCloseTo(0.5, within(ULPS));
    }
}
