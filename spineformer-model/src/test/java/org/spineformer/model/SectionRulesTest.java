package org.spineformer.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spineformer.engine.morph.Morphology;

/**
 * Rules a model's hoc code applies section by section (Almog and Korngreen 2014's {@code density()}): values
 * interpolated between a function's values at each section's two ends ({@code gbar(0:1) = f(d0):f(d1)}), sections
 * chosen by the distance of their 0-end ({@code if (distance(0) < d)}), caps read at a section's middle
 * ({@code if (gbar < c) gbar = c}), rules under a condition on the parameters, and an axon stub reading one
 * segment's area, on a small hoc cell, against values worked out by hand from NEURON 8.2's code.
 */
class SectionRulesTest {
    /**
     * A soma cylinder of L 10, diam 10 at the root; dend[0] of L 100 (3-D points) at soma(1), dend[1] of L 100 at
     * dend[0](1): path distances from soma(0.5) are 5..105 and 105..205 um. Then {@code rules} (JSON keys, with a
     * trailing comma).
     */
    private static CellDescription cell(Path dir, String rules) throws IOException {
        Files.writeString(dir.resolve("cell.hoc"), """
                create soma, dend[2]
                soma { pt3dclear() pt3dadd(0, 0, 0, 10) pt3dadd(10, 0, 0, 10) }
                dend[0] { pt3dclear() pt3dadd(10, 0, 0, 2) pt3dadd(110, 0, 0, 2) }
                dend[1] { pt3dclear() pt3dadd(110, 0, 0, 1) pt3dadd(210, 0, 0, 1) }
                connect dend[0](0), soma(1)
                connect dend[1](0), dend[0](1)
                """);
        Files.writeString(dir.resolve("cell.json"), """
                {"format": "spineformer-cell-description/1", "name": "by_section",
                 "parameters": {"a": 10, "b": 0.5, "cut": 100, "cap": 40},
                 "morphology": {"file": "cell.hoc"},
                 "distance_origin": {"section": "soma", "x": 0.5},
                 %s
                 "celsius": 37, "v_init": -70}
                """.formatted(rules));
        return DescriptionReader.read(dir.resolve("cell.json"));
    }

    private static double[] g(AssembledCell cell, String section) {
        Morphology m = cell.morphology();
        int s = m.indexOf(section);
        double[] out = new double[m.section(s).nseg()];
        for (int j = 0; j < out.length; j++) {
            out[j] = cell.parameter(s, j, "pas", "g");
        }
        return out;
    }

    @Test
    void valuesInterpolatedBetweenTheSectionsEnds(@TempDir Path dir) throws IOException {
        // hoc: g_pas(0:1) = f(distance(0)):f(distance(1)), f(d) = a + b*d; range_interpolate gives
        // f(d0)*(1 - x) + f(d1)*x at each segment centre x; a section starting below cut keeps the rule to its end
        AssembledCell cell = CellAssembler.assemble(cell(dir, """
                "nseg": [{"region": "all", "fixed": 4}],
                "paint": [{"region": "all", "mechanism": "pas", "parameters": {"g": 1}},
                 {"region": {"intersection": ["dend", {"starts_below_um": "cut"}]}, "mechanism": "pas",
                  "section_ends": true, "parameters": {"g": "a + b*distance*distance/100"}}],"""));
        double f0 = 10 + 0.5 * 5 * 5 / 100, f1 = 10 + 0.5 * 105 * 105 / 100;
        double[] dend0 = g(cell, "dend[0]");
        for (int j = 0; j < 4; j++) {
            double x = (j + 0.5) / 4;
            assertThat(dend0[j]).isEqualTo(f0 * (1 - x) + f1 * x); // a line between the ends, not f at the centre
        }
        assertThat(dend0[0]).isNotEqualTo(10 + 0.5 * 17.5 * 17.5 / 100);
        assertThat(g(cell, "dend[1]")).containsOnly(1); // starts at 105 um, not below 100
        assertThat(g(cell, "soma")).containsOnly(1); // not a dend

        assertThatThrownBy(() -> CellAssembler.assemble(cell(dir, """
                "nseg": [{"region": {"starts_below_um": 50}, "fixed": 2}],""")))
                .hasMessageContaining("cell.json: /nseg/0: a region by the distance of sections' 0-ends (sections "
                        + "starting below 50.0 um) needs the cell's distances, not known yet here");
        assertThatThrownBy(() -> cell(dir, """
                "paint": [{"region": "dend", "mechanism": "pas", "section_ends": true,
                  "end_value_in_last_segment": true, "parameters": {"g": "distance"}}],"""))
                .hasMessageContaining("cell.json: /paint/0/section_ends: a rule interpolating between the sections' "
                        + "ends cannot also give the last segment the end's value");
    }

    @Test
    void valuesOnPartOfEachSection(@TempDir Path dir) throws IOException {
        // hoc (Hallermann et al. 2012): g_pas(0:0.4) = 0:a  g_pas(0.4:1) = a:a on dend[0] of nseg 5 (centres 0.1 ..
        // 0.9); NEURON's range_interpolate visits the segments holding x1 to x2 and paints those whose centre gives
        // theta = (x - x1)/(x2 - x1) in [-1e-9, 1 + 1e-9] with y1*(1 - theta) + y2*theta
        AssembledCell cell = CellAssembler.assemble(cell(dir, """
                "nseg": [{"region": "all", "fixed": 5}, {"region": {"names": "dend\\\\[1\\\\]"}, "fixed": 2}],
                "paint": [{"region": "all", "mechanism": "pas", "parameters": {"g": 1}},
                 {"region": {"names": "dend\\\\[0\\\\]"}, "mechanism": "pas", "x_range": [0, 0.4],
                  "parameters": {"g": [0, "a"]}},
                 {"region": {"names": "dend\\\\[0\\\\]"}, "mechanism": "pas", "x_range": [0.4, 1],
                  "parameters": {"g": ["a", "a"]}},
                 {"region": {"names": "dend\\\\[1\\\\]"}, "mechanism": "pas", "x_range": [0, 0.25],
                  "parameters": {"g": [0, "a"]}}],"""));
        double t0 = (0.5 / 5 - 0) / 0.4, t1 = (1.5 / 5 - 0) / 0.4; // 0.25, and 0.3/0.4 = 0.7499999999999999
        double t2 = (2.5 / 5 - 0.4) / 0.6, t3 = (3.5 / 5 - 0.4) / 0.6, t4 = (4.5 / 5 - 0.4) / 0.6;
        double[] dend0 = g(cell, "dend[0]");
        assertThat(dend0).containsExactly(0 * (1 - t0) + 10 * t0, 0 * (1 - t1) + 10 * t1,
                10 * (1 - t2) + 10 * t2, 10 * (1 - t3) + 10 * t3, 10 * (1 - t4) + 10 * t4);
        assertThat(dend0[1]).isNotEqualTo(7.5); // the line at the centre, rounded as NEURON does: 7.499999999999999
        // dend[1]: the first centre, 0.25, is x2 itself (theta 1): painted y2; the second is beyond
        assertThat(g(cell, "dend[1]")).containsExactly(10, 1);
        assertThat(g(cell, "soma")).containsOnly(1);

        assertThatThrownBy(() -> cell(dir, """
                "paint": [{"region": "dend", "mechanism": "pas", "parameters": {"g": [0, 1]}}],"""))
                .hasMessageContaining("cell.json: /paint/0: a pair of values [y1, y2] paints part of a section, "
                        + "between the ends of an x_range; this rule has none");
        assertThatThrownBy(() -> cell(dir, """
                "paint": [{"region": "dend", "mechanism": "pas", "x_range": [0, 0.5], "parameters": {"g": 1}}],"""))
                .hasMessageContaining("cell.json: /paint/0/x_range: every value of the rule must be a pair [y1, y2]");
        assertThatThrownBy(() -> cell(dir, """
                "paint": [{"region": "dend", "mechanism": "pas", "x_range": [0.5, 0.5],
                  "parameters": {"g": [0, 1]}}],"""))
                .hasMessageContaining("cell.json: /paint/0/x_range: must be [x1, x2] with 0 <= x1 < x2 <= 1, was "
                        + "[0.5, 0.5]");
        assertThatThrownBy(() -> cell(dir, """
                "paint": [{"region": "dend", "mechanism": "pas", "x_range": [0, 1.5],
                  "parameters": {"g": [0, 1]}}],"""))
                .hasMessageContaining("cell.json: /paint/0/x_range: must be [x1, x2] with 0 <= x1 < x2 <= 1, was "
                        + "[0.0, 1.5]");
        assertThatThrownBy(() -> cell(dir, """
                "paint": [{"region": "dend", "mechanism": "pas", "x_range": [0, "a"],
                  "parameters": {"g": [0, 1]}}],"""))
                .hasMessageContaining("cell.json: /paint/0/x_range: must be two numbers, was [0,\"a\"]");
        assertThatThrownBy(() -> cell(dir, """
                "paint": [{"region": "dend", "mechanism": "pas", "x_range": [0, 1],
                  "parameters": {"g": [0, 1, 2]}}],"""))
                .hasMessageContaining("cell.json: /paint/0/parameters/g: a pair [y1, y2] (the values at x1 and x2 of "
                        + "the rule's x_range) needs two values, was [0,1,2]");
        assertThatThrownBy(() -> cell(dir, """
                "paint": [{"region": "dend", "mechanism": "pas", "x_range": [0, 1], "section_ends": true,
                  "parameters": {"g": [0, 1]}}],"""))
                .hasMessageContaining("cell.json: /paint/0/x_range: a rule painting part of each section takes none"
                        + " of section_ends, end_value_in_last_segment, where_middle, origin");
        assertThatThrownBy(() -> cell(dir, """
                "paint": [{"region": "dend", "membrane": {"Ra": [100, 200]}, "x_range": [0, 1]}],"""))
                .hasMessageContaining("cell.json: /paint/0/x_range: Ra is one value per section, so it cannot be "
                        + "painted on part of one");
    }

    @Test
    void capsReadAtTheSectionsMiddleUnderAConditionOnTheParameters(@TempDir Path dir) throws IOException {
        // g = distance/2 at segment centres; "if (g_pas < cap) g_pas = cap" reads g_pas(0.5): nseg 4 -> segment 2
        String paint = """
                "nseg": [{"region": "all", "fixed": 4}],
                "paint": [{"region": "all", "mechanism": "pas", "parameters": {"g": "distance/2"}},
                 {"region": "dend", "mechanism": "pas", "parameters": {"g": "cap"}, "where_middle": "%s",
                  "when": "%s"}],""";
        AssembledCell below = CellAssembler.assemble(cell(dir, paint.formatted("below", "a > b")));
        // dend[0]: segment 2's centre at 5 + 62.5 = 67.5 um, g 33.75 < 40: all of it becomes 40 (8.75 to 46.25)
        assertThat(g(below, "dend[0]")).containsOnly(40);
        // dend[1]: 167.5 um, g 83.75: kept, its first segment (117.5 um, 58.75) too
        assertThat(g(below, "dend[1]")).containsExactly(58.75, 71.25, 83.75, 96.25);
        AssembledCell above = CellAssembler.assemble(cell(dir, paint.formatted("above", "a > b")));
        assertThat(g(above, "dend[0]")).containsExactly(8.75, 21.25, 33.75, 46.25);
        assertThat(g(above, "dend[1]")).containsOnly(40);
        AssembledCell never = CellAssembler.assemble(cell(dir, paint.formatted("below", "a < b")));
        assertThat(g(never, "dend[0]")).containsExactly(8.75, 21.25, 33.75, 46.25);

        assertThatThrownBy(() -> cell(dir, paint.formatted("under", "1")))
                .hasMessageContaining("cell.json: /paint/1/where_middle: must be \"below\" or \"above\"")
                .hasMessageContaining("was \"under\"");
        assertThatThrownBy(() -> cell(dir, """
                "paint": [{"region": "dend", "mechanism": "pas", "parameters": {"g": "distance"},
                  "where_middle": "below"}],"""))
                .hasMessageContaining("cell.json: /paint/0/where_middle: compares each section's middle with a "
                        + "constant, so its values must be constants");
        assertThatThrownBy(() -> CellAssembler.assemble(cell(dir, """
                "paint": [{"region": "dend", "mechanism": "pas", "parameters": {"e": -70}},
                 {"region": "dend", "mechanism": "pas", "parameters": {"g": 1}, "where_middle": "below"}],""")))
                .hasMessageContaining("cell.json: /paint/1/parameters/g: where_middle compares the value at the "
                        + "middle of dend[0], which no rule before painted");
        assertThatThrownBy(() -> cell(dir, """
                "paint": [{"region": "dend", "mechanism": "pas", "parameters": {"g": 1}, "when": "c > 1"}],"""))
                .hasMessageContaining("cell.json: /paint/0/when: expression \"c > 1\" reads unknown name 'c'");
    }

    @Test
    void anAxonStubReadingOneSegmentsArea(@TempDir Path dir) throws IOException {
        // Almog's create_axon: equiv_diam = sqrt(area(.5)/(4*PI)) of a soma of nseg 2: its second segment, a
        // cylinder of L 5, diam 10: area 50 pi, equivalent sphere diameter sqrt(12.5)
        AssembledCell cell = CellAssembler.assemble(cell(dir, """
                "nseg": [{"region": "soma", "fixed": 2}],
                "axon_replacement": {"attach_to": {"section": "soma", "x": 0.5},
                 "areas": {"middle": {"section": "soma", "x": 0.5}},
                 "sections": [{"name": "iseg", "L": 15, "nseg": 1, "diam": "sqrt(middle/(4*pi))/10"}]},"""));
        Morphology m = cell.morphology();
        assertThat(m.section(m.indexOf("iseg")).diamUm()[0]).isCloseTo(Math.sqrt(12.5) / 10,
                org.assertj.core.api.Assertions.within(1e-15));
        assertThatThrownBy(() -> cell(dir, """
                "axon_replacement": {"attach_to": {"section": "soma", "x": 0.5},
                 "areas": {"middle": {"section": "soma", "x": 1.5}},
                 "sections": [{"name": "iseg", "L": 15, "nseg": 1, "diam": 1}]},"""))
                .hasMessageContaining("cell.json: /axon_replacement/areas/middle/x: must be in [0, 1], was 1.5");
    }
}
