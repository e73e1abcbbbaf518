package org.spineformer.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.spineformer.model.DescriptionTestSupport.read;
import static org.spineformer.model.DescriptionTestSupport.twoSections;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spineformer.engine.morph.Section;
import org.spineformer.model.expr.Expression;

/** Assembly on the two-section cell against values computed by hand. */
class CellAssemblerTest {
    /** Hand formulas add the same terms in another order: a few ulps. */
    private static final double ULPS = 1e-15;
    /** dend[0]: 200 um, nseg 1 + 2*int(200/40) = 11; soma(0.5) to soma(1) is 5 um. */
    private static final int DEND_NSEG = 11;
    /**
     * NEURON splits a segment's area into two half-segment frusta and sums them: the same area as one frustum up to
     * rounding of the split point's diameter and the two square roots.
     */
    private static final double FRUSTUM_AREA = 1e-13;

    private static double dendDistance(double x) {
        return 5 + x * 200;
    }

    @Test
    void nsegRuleAndLinearPaintingAtSegmentCentres() {
        AssembledCell cell = CellAssembler.assemble(read(twoSections(
                "[{\"region\": \"dendrites\", \"mechanism\": \"pas\", \"parameters\": {\"g\": {\"linear\": "
                        + "{\"at_origin\": \"gbase\", \"per_um\": 1e-6}}}}]")));
        Section dend = cell.morphology().section(1);
        assertThat(dend.nseg()).isEqualTo(DEND_NSEG);
        assertThat(cell.morphology().section(0).nseg()).isEqualTo(1);
        for (int j = 0; j < DEND_NSEG; j++) {
            double expected = 1e-4 + 1e-6 * dendDistance((j + 0.5) / DEND_NSEG);
            assertThat(cell.parameter(1, j, "pas", "g")).isCloseTo(expected, within(expected * ULPS));
        }
        assertThat(cell.mechanisms().get(0)).isEmpty(); // the soma is not in the region
        assertThat(dend.cmUfPerCm2()[0]).isEqualTo(CellAssembler.DEFAULT_CM);
        assertThat(dend.raOhmCm()).isEqualTo(CellAssembler.DEFAULT_RA);
    }

    @Test
    void hayOptionsLastSegmentAtTheOneEndAndRounding() {
        AssembledCell cell = CellAssembler.assemble(read(twoSections(
                "[{\"region\": \"dendrites\", \"mechanism\": \"pas\", \"parameters\": {\"g\": \"distance / 3e6\"},"
                        + " \"end_value_in_last_segment\": true, \"round_decimals\": 7}]")));
        double last = cell.parameter(1, DEND_NSEG - 1, "pas", "g");
        assertThat(last).isEqualTo(Math.round(dendDistance(1) / 3e6 * 1e7) / 1e7); // 205/3e6 = 6.8333e-5
        double first = cell.parameter(1, 0, "pas", "g");
        assertThat(first).isEqualTo(Math.round(dendDistance(0.5 / DEND_NSEG) / 3e6 * 1e7) / 1e7);
    }

    @Test
    void roundingIsPrintfOfTheExactBinaryValue() {
        // 0.125 is exact in binary: a true tie, C rounds it to even; 2.675 is 2.67499999... in binary
        assertThat(CellAssembler.roundDecimals(0.125, 2)).isEqualTo(0.12);
        assertThat(CellAssembler.roundDecimals(0.375, 2)).isEqualTo(0.38);
        assertThat(CellAssembler.roundDecimals(2.675, 2)).isEqualTo(2.67);
        assertThat(CellAssembler.roundDecimals(-1.23456789012345e-4, 10)).isEqualTo(-1.234568e-4); // -0.0001234568
    }

    @Test
    void aDistanceRegionSelectsSegmentCentresWithinItsBounds() {
        AssembledCell cell = CellAssembler.assemble(read(twoSections(
                "[{\"region\": {\"distance\": {\"min_um\": 0, \"max_um\": 80}}, \"ions\": {\"ena\": 50}}]")));
        assertThat(cell.ions().get(0).get("ena")).containsExactly(50);
        double[] dend = cell.ions().get(1).get("ena");
        for (int j = 0; j < DEND_NSEG; j++) {
            boolean inside = dendDistance((j + 0.5) / DEND_NSEG) <= 80; // j = 0..3
            assertThat(Double.isNaN(dend[j])).as("segment %d", j).isEqualTo(!inside);
        }
        assertThat(Double.isNaN(dend[3])).isFalse();
        assertThat(Double.isNaN(dend[4])).isTrue();
    }

    @Test
    void unionIntersectionDifferenceAndNamePatterns() {
        AssembledCell cell = CellAssembler.assemble(read(twoSections("""
                [{"region": {"union": ["soma", {"names": "dend\\\\[\\\\d+]"}]}, "membrane": {"cm": 2}},
                 {"region": {"difference": ["all", "soma"]}, "membrane": {"Ra": 150}},
                 {"region": {"intersection": ["all", {"distance": {"min_um": 100, "max_um": 1000}}]},
                  "membrane": {"cm": 3}}]""")));
        assertThat(cell.morphology().section(0).cmUfPerCm2()).containsExactly(2);
        assertThat(cell.morphology().section(0).raOhmCm()).isEqualTo(CellAssembler.DEFAULT_RA);
        assertThat(cell.morphology().section(1).raOhmCm()).isEqualTo(150);
        double[] cm = cell.morphology().section(1).cmUfPerCm2();
        for (int j = 0; j < DEND_NSEG; j++) {
            assertThat(cm[j]).isEqualTo(dendDistance((j + 0.5) / DEND_NSEG) >= 100 ? 3 : 2);
        }
    }

    @Test
    void aRegionThatMatchesNothingNamesTheRuleAndTheRegion() {
        // a name that is not a section type of morphology files (a typo, a label not defined) stays an error
        assertThatThrownBy(() -> CellAssembler.assemble(read(twoSections(
                "[{\"region\": \"apical\", \"mechanism\": \"pas\"}]"))))
                .hasMessageContaining("small.json: /paint/0/region").hasMessageContaining("'apical'")
                .hasMessageContaining("matches no segment");
        assertThatThrownBy(() -> CellAssembler.assemble(read(twoSections(
                "[{\"region\": {\"names\": \"apic.*\"}, \"mechanism\": \"pas\"}]"))))
                .hasMessageContaining("small.json: /paint/0/region").hasMessageContaining("matches no segment");
        assertThatThrownBy(() -> CellAssembler.assemble(read(twoSections(
                "[{\"region\": {\"distance\": {\"min_um\": 1000, \"max_um\": 2000}}, \"membrane\": {\"cm\": 2}}]"))))
                .hasMessageContaining("small.json: /paint/0/region").hasMessageContaining("distance 1000.0..2000.0 um");
    }

    @Test
    void aRuleOnSectionTypesTheCellLacksDoesNothingAndSaysSo() {
        // the cell has soma and dend only: apic and axon are types of every morphology file, absent here
        AssembledCell cell = CellAssembler.assemble(read(twoSections("""
                [{"region": "all", "mechanism": "pas"},
                 {"region": "apic", "mechanism": "hh", "parameters": {"gnabar": 0.2}},
                 {"region": {"union": ["apic", "axon"]}, "membrane": {"cm": 2}},
                 {"region": "dendrites", "membrane": {"cm": 3}},
                 {"region": "apic", "membrane": {"cm": 4}}]""")));
        assertThat(cell.skippedRules()).containsExactly(
                "small.json: region 'apic' selects nothing: this cell has no apic sections, so these 2 rules do"
                        + " nothing (as NEURON's forsec over an empty section list): /paint/1/region, /paint/4/region",
                "small.json: region union of ['apic', 'axon'] selects nothing: this cell has no apic, axon sections, so"
                        + " this rule does nothing (as NEURON's forsec over an empty section list): /paint/2/region");
        assertThat(cell.mechanismOrder()).containsExactly("pas"); // hh is inserted nowhere, so not a block
        assertThat(cell.morphology().section(0).cmUfPerCm2()).containsExactly(CellAssembler.DEFAULT_CM);
        assertThat(cell.morphology().section(1).cmUfPerCm2()).containsOnly(3);
    }

    @Test
    void aUnionWithOnePartPresentPaintsThatPartAndSkipsNothing() {
        AssembledCell cell = CellAssembler.assemble(read(twoSections(
                "[{\"region\": {\"union\": [\"apic\", \"dend\"]}, \"membrane\": {\"cm\": 2}}]")));
        assertThat(cell.skippedRules()).isEmpty();
        assertThat(cell.morphology().section(1).cmUfPerCm2()).containsOnly(2);
    }

    @Test
    void anExpressionGivingNanAtSomeDistanceNamesTheKeySegmentAndDistance() {
        assertThatThrownBy(() -> CellAssembler.assemble(read(twoSections(
                "[{\"region\": \"all\", \"mechanism\": \"pas\", \"parameters\": {\"g\": \"1e-4 * log(distance - 100)\"}}]"))))
                .hasMessageContaining("small.json: /paint/0/parameters/g").hasMessageContaining("gives NaN")
                .hasMessageContaining("soma(0.5)").hasMessageContaining("distance 0.0 um");
    }

    @Test
    void aMechanismIsInsertedInWholeSectionsOnly() {
        assertThatThrownBy(() -> CellAssembler.assemble(read(twoSections(
                "[{\"region\": {\"distance\": {\"min_um\": 0, \"max_um\": 80}}, \"mechanism\": \"pas\"}]"))))
                .hasMessageContaining("small.json: /paint/0/region").hasMessageContaining("part of section dend[0]");
    }

    @Test
    void theDLambdaRuleAsNeuronComputesIt() {
        // lambda_f(100 Hz) = 1e5*sqrt(2/(4*pi*100*100*1)) = 398.94 um; 200/(0.1*398.94) = 5.013;
        // int((5.013 + 0.9)/2)*2 + 1 = 5
        CellDescription d = read(twoSections("[{\"region\": \"all\", \"membrane\": {\"Ra\": 100, \"cm\": 1}}]")
                .replace("\"per_length_um\": 20", "\"d_lambda\": 0.1"));
        assertThat(CellAssembler.assemble(d).morphology().section(1).nseg()).isEqualTo(5);
    }

    @Test
    void theDLambdaRuleWithTheRaAndCmOfItsTimeThenMultiplied() {
        // Branco et al. 2010's order: nseg by d_lambda while Ra and cm are NEURON's defaults, then nseg *= 3, then
        // Ra 100 painted. lambda_f(100 Hz) = 1e5*sqrt(2/(4*pi*100*35.4*1)) = 670.51 um; 200/(0.1*670.51) = 2.98;
        // int((2.98 + 0.9)/2)*2 + 1 = 3 (with the painted Ra 100: 5, above); times 3: 9.
        String nseg = "[{\"region\": \"all\", \"d_lambda\": 0.1, \"Ra\": 35.4, \"cm\": 1}, "
                + "{\"region\": \"dend\", \"multiply\": 3}]";
        String json = twoSections("[{\"region\": \"all\", \"membrane\": {\"Ra\": 100, \"cm\": 1}}]")
                .replace("[{\"region\": \"all\", \"per_length_um\": 20}]", nseg);
        AssembledCell cell = CellAssembler.assemble(read(json));
        assertThat(cell.morphology().section(1).nseg()).isEqualTo(9);
        assertThat(cell.morphology().section(1).raOhmCm()).isEqualTo(100);
        assertThat(cell.morphology().section(0).nseg()).isEqualTo(1); // the soma: 10 um, not multiplied

        assertThatThrownBy(() -> CellAssembler.assemble(read(json.replace("\"multiply\": 3", "\"multiply\": 1.5"))))
                .hasMessageContaining("small.json: /nseg/1/multiply: must be an integer >= 1, was 1.5");
        assertThatThrownBy(() -> CellAssembler.assemble(read(json.replace("\"Ra\": 35.4", "\"Ra\": -1"))))
                .hasMessageContaining("small.json: /nseg/0/Ra: must be a finite number > 0, was -1.0");
        assertThatThrownBy(() -> read(json.replace("\"multiply\": 3", "\"multiply\": 3, \"cm\": 2")))
                .hasMessageContaining("small.json: /nseg/1");
    }

    @Test
    void aFixedReversalIsMarkedWhereItsRuleGoesAndOnlyReversalsCanBe() {
        AssembledCell cell = CellAssembler.assemble(read(twoSections(
                "[{\"region\": \"dendrites\", \"ions\": {\"eca\": 132.5}, \"fixed_reversal\": true}, "
                        + "{\"region\": \"all\", \"ions\": {\"ek\": -90}}]")));
        assertThat(cell.fixedReversals()).containsExactly(java.util.Set.of(), java.util.Set.of("eca"));
        assertThatThrownBy(() -> read(twoSections(
                "[{\"region\": \"all\", \"ions\": {\"cai\": 1e-4}, \"fixed_reversal\": true}]")))
                .hasMessageContaining("small.json: /paint/0/fixed_reversal: only on an ions rule that paints "
                        + "reversal potentials (ena, ek, eca, ...), not [cai]");
        assertThatThrownBy(() -> read(twoSections(
                "[{\"region\": \"all\", \"membrane\": {\"cm\": 1}, \"fixed_reversal\": true}]")))
                .hasMessageContaining("small.json: /paint/0");
    }

    @Test
    void spinesFollowTheirSectionAtNumpyLinspacePositions() {
        String json = twoSections("[{\"region\": \"all\", \"mechanism\": \"pas\"}]").replace("\"celsius\"", """
                "spines": [{"on": "dendrites",
                  "placement": {"evenly": {"count": 3, "start_um": 10, "end_margin_um": "L / 20"}},
                  "neck": {"name": "sp_{k}_neck", "L": 1, "diam": 0.1, "Ra": 100, "cm": 1},
                  "head": {"name": "sp_{k}_head", "L": 0.5, "diam": 0.5, "Ra": 100, "cm": 1,
                           "mechanisms": {"pas": {"g": 2e-4}}},
                  "synapses": [{"name": "clamp", "mechanism": "IClamp", "x": 0.5, "parameters": {"amp": 0.1},
                                "weight": 1, "delay_ms": 2}]}],
                "celsius\"""");
        AssembledCell cell = CellAssembler.assemble(read(json));
        assertThat(cell.morphology().sections().stream().map(Section::name)).containsExactly("soma", "dend[0]",
                "sp_0_neck", "sp_0_head", "sp_1_neck", "sp_1_head", "sp_2_neck", "sp_2_head");
        // linspace(10, 200 - 10, 3) = 10, 100, 190 um on a 200 um section
        assertThat(cell.morphology().section(2).parentX()).isEqualTo(0.05);
        assertThat(cell.morphology().section(4).parentX()).isEqualTo(0.5);
        assertThat(cell.morphology().section(6).parentX()).isEqualTo(0.95);
        assertThat(cell.morphology().section(3).parent()).isEqualTo(2);
        assertThat(cell.spines()).containsExactly(new AssembledCell.Spine(2, 3), new AssembledCell.Spine(4, 5),
                new AssembledCell.Spine(6, 7));
        assertThat(cell.parameter(3, 0, "pas", "g")).isEqualTo(2e-4);
        assertThat(cell.synapses()).hasSize(3);
        assertThat(cell.synapses().get(1)).isEqualTo(new AssembledCell.PlacedSynapse(
                "small.json: /spines/0/synapses/0", 1, "clamp", "IClamp", 5, 0.5,
                Map.of("amp", 0.1), 1, 2));
    }

    @Test
    void theBuilderApiMakesTheSameCellAsTheJson() {
        CellDescription fromJson = read(twoSections(
                "[{\"region\": \"dendrites\", \"mechanism\": \"pas\", \"parameters\": {\"g\": {\"exponential\": "
                        + "{\"offset\": 0, \"amplitude\": \"gbase\", \"length_um\": 100}}}}]"));
        CellDescription built = CellDescription.builder("small").parameter("gbase", 1e-4)
                .morphology(new MorphologySource.Inline(java.util.List.of(
                        new SectionSpec("soma", null, 0, Expression.constant(10),
                                new Diameter.Constant(Expression.constant(10))),
                        new SectionSpec("dend[0]", "soma", 1, Expression.constant(200),
                                new Diameter.Constant(Expression.constant(2))))))
                .distanceOrigin(new Location("soma", 0.5))
                .region("dendrites", Region.named("dend"))
                .nseg(Region.all(), new Nseg.PerLength(Expression.constant(20)))
                .mechanism(Region.named("dendrites"), "pas", Map.of("g", new Distribution.Exponential(
                        Expression.constant(0), Expression.parse("gbase", "test"), Expression.constant(100))))
                .celsius(34).vInit(-70).build();
        AssembledCell a = CellAssembler.assemble(fromJson), b = CellAssembler.assemble(built);
        assertThat(b.morphology().sections()).isEqualTo(a.morphology().sections());
        for (int j = 0; j < DEND_NSEG; j++) {
            double expected = 1e-4 * Math.exp(dendDistance((j + 0.5) / DEND_NSEG) / 100);
            assertThat(b.parameter(1, j, "pas", "g")).isEqualTo(a.parameter(1, j, "pas", "g"))
                    .isCloseTo(expected, within(expected * ULPS));
        }
    }

    @Test
    void withParametersReplacesValuesAndRejectsUnknownNames() {
        CellDescription d = read(twoSections("[{\"region\": \"all\", \"mechanism\": \"pas\", \"parameters\": {\"g\": \"gbase\"}}]"));
        assertThat(CellAssembler.assemble(d.withParameters(Map.of("gbase", 3e-5))).parameter(1, 4, "pas", "g"))
                .isEqualTo(3e-5);
        assertThatThrownBy(() -> d.withParameters(Map.of("gbsae", 1.0))).hasMessageContaining("no parameter 'gbsae'");
    }

    @Test
    void aMorphologyFileNextToTheDescriptionKeepsItsPointsAtAnyNseg(@TempDir Path dir) throws IOException {
        // a single-point soma (radius 5) and a dendrite tapering linearly from diam 2 to diam 1 over 120 um
        Files.writeString(dir.resolve("taper.swc"), "1 1 0 0 0 5 -1\n2 3 0 5 0 1 1\n3 3 0 125 0 0.5 2\n");
        Files.writeString(dir.resolve("taper.json"), """
                {"format": "spineformer-cell-description/1", "name": "taper",
                 "morphology": {"file": "taper.swc"},
                 "nseg": [{"region": "dend", "fixed": 3}],
                 "celsius": 34, "v_init": -70}
                """);
        AssembledCell cell = CellAssembler.assemble(DescriptionReader.read(dir.resolve("taper.json")));
        Section dend = cell.morphology().section(cell.morphology().indexOf("dend[0]"));
        assertThat(dend.lengthUm()).isEqualTo(120);
        assertThat(dend.pt3d()).isNotNull();
        double[] area = dend.geometry().areaUm2();
        for (int j = 0; j < 3; j++) {
            // segment j spans 40 um of the taper: mean diameter at its centre; lateral frustum area
            double d0 = 2 - j / 3.0, d1 = 2 - (j + 1) / 3.0;
            assertThat(dend.diamUm()[j]).isCloseTo((d0 + d1) / 2, within(ULPS * 2));
            double frustum = Math.PI * (d0 + d1) / 2 * Math.sqrt(40 * 40 + (d1 - d0) * (d1 - d0) / 4);
            assertThat(area[j]).isCloseTo(frustum, within(frustum * FRUSTUM_AREA));
        }
    }

    @Test
    void theDLambdaRuleReadsTheThreeDPointsAsNeuronsLambdaF(@TempDir Path dir) throws IOException {
        // a dendrite of diameter 4 for 200 um, narrowing to 0.5 over 10 um, then 0.5 for 190 um (L = 400 um).
        // lambda_f(100 Hz) from the points: 200/sqrt(8) + 10/sqrt(4.5) + 190/sqrt(1) = 265.425 um per sqrt(um);
        // lambda = 400/(265.425*sqrt(2)*1e-5*sqrt(4*pi*100*100*1)) = 300.61 um; 400/(0.1*300.61) = 13.31;
        // int((13.31 + 0.9)/2)*2 + 1 = 15. (The section's mean diameter, 2.29 um, would give lambda 427 and 11.)
        Files.writeString(dir.resolve("narrowing.swc"), "1 1 0 0 0 5 -1\n2 3 0 5 0 2 1\n3 3 0 205 0 2 2\n"
                + "4 3 0 215 0 0.25 3\n5 3 0 405 0 0.25 4\n");
        Files.writeString(dir.resolve("narrowing.json"), """
                {"format": "spineformer-cell-description/1", "name": "narrowing",
                 "morphology": {"file": "narrowing.swc"},
                 "nseg": [{"region": "dend", "d_lambda": 0.1}],
                 "paint": [{"region": "all", "membrane": {"Ra": 100, "cm": 1}}],
                 "celsius": 34, "v_init": -70}
                """);
        AssembledCell cell = CellAssembler.assemble(DescriptionReader.read(dir.resolve("narrowing.json")));
        Section dend = cell.morphology().section(cell.morphology().indexOf("dend[0]"));
        assertThat(dend.lengthUm()).isEqualTo(400);
        assertThat(dend.nseg()).isEqualTo(15);
    }

    @Test
    void aMissingMorphologyFileIsNamed() {
        assertThatThrownBy(() -> CellAssembler.assemble(BundledDescriptions.get("hay2011_l5pc")
                .withMorphologyDirectory(Path.of("no-such-directory"))))
                .hasMessageContaining("hay2011_l5pc").hasMessageContaining(Path.of("no-such-directory", "cell1.asc")
                        .toString()).hasMessageContaining("does not exist");
    }

    @Test
    void aRegionLabelThatRefersToItselfIsAnError() {
        String json = twoSections("[{\"region\": \"loop\", \"membrane\": {\"cm\": 2}}]")
                .replace("\"dendrites\": \"dend\"", "\"loop\": {\"union\": [\"soma\", \"loop\"]}");
        assertThatThrownBy(() -> CellAssembler.assemble(read(json))).hasMessageContaining("small.json: /paint/0")
                .hasMessageContaining("region label 'loop' refers to itself");
    }

    @Test
    void spinesByDensityAndByPosition() {
        String spines = """
                "spines": [{"on": "dendrites", "placement": %s,
                  "neck": {"name": "n{k}", "L": 1, "diam": 0.1, "Ra": 100, "cm": 1},
                  "head": {"name": "h{k}", "L": 0.5, "diam": 0.5, "Ra": 100, "cm": 1}}],
                "celsius\"""";
        String base = twoSections("[{\"region\": \"all\", \"mechanism\": \"pas\"}]");
        // 0.02 per um over 200 - 25 - 25 = 150 um: 3 spines at linspace(25, 175, 3)
        AssembledCell density = CellAssembler.assemble(read(base.replace("\"celsius\"", spines.formatted(
                "{\"density\": {\"per_um\": 0.02, \"start_um\": 25, \"end_margin_um\": 25}}"))));
        assertThat(density.spines()).hasSize(3);
        assertThat(density.morphology().section(2).parentX()).isEqualTo(0.125);
        assertThat(density.morphology().section(6).parentX()).isEqualTo(0.875);
        AssembledCell positions = CellAssembler.assemble(read(base.replace("\"celsius\"", spines.formatted(
                "{\"x\": [0.25, \"1 - 10 / L\"]}"))));
        assertThat(positions.morphology().section(4).parentX()).isEqualTo(0.95);
        assertThatThrownBy(() -> CellAssembler.assemble(read(base.replace("\"celsius\"", spines.formatted(
                "{\"x\": [1.5]}"))))).hasMessageContaining("small.json: /spines/0/placement")
                .hasMessageContaining("x = 1.5");
    }

    /** soma, trunk at soma(1); side at trunk(0.5); a and b at trunk(1); c at a(1); spines on a region of it. */
    private static String tree(String region, String placement) {
        return """
                {"format": "spineformer-cell-description/1", "name": "tree",
                 "morphology": {"sections": [
                   {"name": "soma", "L": 10, "diam": 10},
                   {"name": "trunk", "parent": "soma", "parent_x": 1, "L": 100, "diam": 2},
                   {"name": "side", "parent": "trunk", "parent_x": 0.5, "L": 20, "diam": 1},
                   {"name": "a", "parent": "trunk", "parent_x": 1, "L": 30, "diam": 1},
                   {"name": "c", "parent": "a", "parent_x": 1, "L": 30, "diam": 1},
                   {"name": "b", "parent": "trunk", "parent_x": 1, "L": 60, "diam": 1}]},
                 "regions": {"beyond": %s},
                 "spines": [{"on": "beyond", "placement": %s,
                   "neck": {"name": "n{k}", "L": 1, "diam": 0.1, "Ra": 100, "cm": 1},
                   "head": {"name": "h{k}", "L": 0.5, "diam": 0.5, "Ra": 100, "cm": 1}}],
                 "celsius": 34, "v_init": -70}
                """.formatted(region, placement);
    }

    private static String distalTo(String section, double x) {
        return "{\"distal_to\": {\"section\": \"%s\", \"x\": %s}}".formatted(section, x);
    }

    @Test
    void spreadSharesGroupsOutOverTheSectionsDistalToAPoint() {
        AssembledCell cell = CellAssembler.assemble(read(tree(distalTo("trunk", 1),
                "{\"spread\": {\"count\": 12, \"group\": 3}}")));
        // a, c, b (120 um) share 4 groups by length: 1, 1, 2; each section's spines at (j + 1/2)/n
        StringBuilder where = new StringBuilder();
        for (AssembledCell.Spine sp : cell.spines()) {
            Section neck = cell.morphology().section(sp.neck());
            where.append(cell.morphology().section(neck.parent()).name()).append('(').append(neck.parentX())
                    .append(") ");
        }
        double sixth = 1.0 / 6, twelfth = 1.0 / 12;
        assertThat(where.toString().strip()).isEqualTo(("a(%s) a(0.5) a(%s) c(%s) c(0.5) c(%s) b(%s) b(0.25) b(%s)"
                + " b(%s) b(0.75) b(%s)").formatted(sixth, 2.5 / 3, sixth, 2.5 / 3, twelfth, 2.5 / 6, 3.5 / 6,
                5.5 / 6));
        // a point inside the trunk: the side branch at 0.5 too; the section itself never
        AssembledCell half = CellAssembler.assemble(read(tree(distalTo("trunk", 0.5),
                "{\"x\": [0.5]}")));
        assertThat(half.spines().stream().map(sp -> half.morphology().section(half.morphology().section(sp.neck())
                .parent()).name()).toList()).containsExactly("side", "a", "c", "b");
    }

    @Test
    void spreadAndDistalToErrors() {
        assertThatThrownBy(() -> CellAssembler.assemble(read(tree(distalTo("trunk", 1),
                "{\"spread\": {\"count\": 10, \"group\": 3}}")))).hasMessageContaining("small.json: /spines/0")
                .hasMessageContaining("count a multiple of group, were count 10.0, group 3.0");
        assertThatThrownBy(() -> CellAssembler.assemble(read(tree(distalTo("trnk", 1),
                "{\"spread\": {\"count\": 3}}")))).hasMessageContaining("small.json: /spines/0")
                .hasMessageContaining("no section named 'trnk'");
        assertThatThrownBy(() -> CellAssembler.assemble(read(tree(distalTo("c", 1),
                "{\"spread\": {\"count\": 3}}")))).hasMessageContaining("small.json: /spines/0/on: region 'beyond' matches no section");
    }

    @Test
    void axonReplacementStubsAndItsErrors() {
        String axon = """
                "axon_replacement": {"delete": %s, "attach_to": {"section": "soma", "x": 0.5},
                  "sections": [{"name": "axon[0]", "L": 30, "nseg": 1, "diam": 1},
                               {"name": "axon[1]", "L": 30, "nseg": 1, "diam": 1}]},
                "celsius\"""";
        String base = twoSections("[{\"region\": \"all\", \"mechanism\": \"pas\"}]");
        AssembledCell cell = CellAssembler.assemble(read(base.replace("\"celsius\"", axon.formatted("\"dend\""))));
        assertThat(cell.morphology().sections().stream().map(Section::name)).containsExactly("soma", "axon[0]",
                "axon[1]");
        assertThat(cell.morphology().section(1).parentX()).isEqualTo(0.5);
        assertThat(cell.morphology().section(2).parent()).isEqualTo(1);
        assertThat(cell.morphology().section(2).parentX()).isEqualTo(1);
        assertThat(cell.parameter(2, 0, "pas", "g")).isNaN(); // inserted, painted nothing
        assertThat(cell.mechanisms().get(2)).containsKey("pas"); // "all" includes the stubs
        assertThatThrownBy(() -> CellAssembler.assemble(read(base.replace("\"celsius\"", axon.formatted("\"soma\"")))))
                .hasMessageContaining("small.json: /axon_replacement")
                .hasMessageContaining("dend[0] is kept but its parent soma is deleted");
    }

    @Test
    void axonReplacementWithoutStubsOnlyDeletes() {
        String base = twoSections("[{\"region\": \"all\", \"mechanism\": \"pas\"}]");
        AssembledCell cell = CellAssembler.assemble(read(base.replace("\"celsius\"",
                "\"axon_replacement\": {\"delete\": \"dend\"}, \"celsius\"")));
        assertThat(cell.morphology().sections().stream().map(Section::name)).containsExactly("soma");
        assertThatThrownBy(() -> CellAssembler.assemble(read(base.replace("\"celsius\"",
                "\"axon_replacement\": {\"delete\": \"dend\", \"attach_to\": {\"section\": \"soma\", \"x\": 1}},"
                        + " \"celsius\""))))
                .hasMessageContaining("small.json: /axon_replacement/attach_to: there are no stub sections to attach");
        assertThatThrownBy(() -> CellAssembler.assemble(read(base.replace("\"celsius\"",
                "\"axon_replacement\": {\"sections\": [{\"name\": \"axon[0]\", \"L\": 30, \"nseg\": 1, \"diam\": 1}]},"
                        + " \"celsius\""))))
                .hasMessageContaining("small.json: /axon_replacement: stub sections need \"attach_to\"");
        assertThatThrownBy(() -> CellAssembler.assemble(read(base.replace("\"celsius\"",
                "\"axon_replacement\": {\"delete\": \"dend\", \"pt3d\": true}, \"celsius\""))))
                .hasMessageContaining("small.json: /axon_replacement: \"pt3d\" and \"diameters_from_original\""
                        + " describe stub sections, and there are none");
    }

    /**
     * Writes {@code swc} as cell.swc into dir and gives a description of it with this axon replacement (JSON, which
     * may hold a %s for the test to fill).
     */
    private static String withAxonReplacement(Path dir, String swc, String replacement) throws IOException {
        Files.writeString(dir.resolve("cell.swc"), swc);
        return """
                {"format": "spineformer-cell-description/1", "name": "stubs",
                 "morphology": {"file": "cell.swc"},
                 "axon_replacement": %s,
                 "celsius": 34, "v_init": -70}
                """.formatted(replacement);
    }

    @Test
    void stubDiametersFromTheOriginalAxonsFirstAndLastSections(@TempDir Path dir) throws IOException {
        // an axon of three sections: axon[0] of diameter 3 (20 um), then axon[1] (3 to 1.5) and axon[2] (3 to 1)
        String description = withAxonReplacement(dir, "1 1 0 0 0 5 -1\n2 2 0 -5 0 1.5 1\n3 2 0 -25 0 1.5 2\n"
                + "4 2 5 -45 0 0.75 3\n5 2 -5 -45 0 0.5 3\n", """
                {"attach_to": {"section": "soma[0]", "x": 1}, "pt3d": true, "diameters_from_original": %s,
                 "sections": [{"name": "axon[0]", "L": 30, "nseg": 1}, {"name": "axon[1]", "L": 30, "nseg": 3}]}""");
        Files.writeString(dir.resolve("axon.json"), description.formatted("{\"sections\": \"first_and_last\"}"));
        AssembledCell cell = CellAssembler.assemble(DescriptionReader.read(dir.resolve("axon.json")));
        assertThat(cell.morphology().sections().stream().map(Section::name)).containsExactly("soma[0]", "axon[0]",
                "axon[1]");
        // axon[2] as one segment: the mean of its points' diameters, 3 and 1; both exact in single precision
        assertThat(cell.morphology().section(1).diamUm()).containsExactly(3.0);
        assertThat(cell.morphology().section(2).diamUm()).containsExactly(2.0, 2.0, 2.0);

        Files.writeString(dir.resolve("middle.json"), description.formatted("{\"sections\": \"middle\"}"));
        assertThatThrownBy(() -> DescriptionReader.read(dir.resolve("middle.json")))
                .hasMessageContaining("middle.json: /axon_replacement/diameters_from_original/sections: must be "
                        + "\"first_and_last\", was \"middle\"");
        Files.writeString(dir.resolve("both.json"), description.formatted(
                "{\"sections\": \"first_and_last\", \"chunk_um\": 6}"));
        assertThatThrownBy(() -> DescriptionReader.read(dir.resolve("both.json")))
                .hasMessageContaining("both.json: /axon_replacement/diameters_from_original: has both");
        Files.writeString(dir.resolve("three.json"), description.formatted("{\"sections\": \"first_and_last\"}")
                .replace("\"nseg\": 3}]", "\"nseg\": 3}, {\"name\": \"axon[2]\", \"L\": 30, \"nseg\": 1}]"));
        assertThatThrownBy(() -> DescriptionReader.read(dir.resolve("three.json")))
                .hasMessageContaining("three.json: /axon_replacement: diameters from the original axon's first and "
                        + "last sections need two stubs, not 3");
    }

    @Test
    void stubsWithThreeDPointsTakeTheirDiameterInSinglePrecision(@TempDir Path dir) throws IOException {
        String description = withAxonReplacement(dir, "1 1 0 0 0 5 -1\n2 3 0 5 0 1 1\n3 3 0 125 0 0.5 2\n"
                + "4 2 0 -5 0 0.5 1\n5 2 0 -25 0 0.5 4\n", """
                {"attach_to": {"section": "soma[0]", "x": 0.5}, "pt3d": %s,
                 "sections": [{"name": "axon[0]", "L": 30, "nseg": 1, "diam": 0.3}]}""");
        Files.writeString(dir.resolve("pt3d.json"), description.formatted("true"));
        Files.writeString(dir.resolve("cylinder.json"), description.formatted("false"));
        int stub = 2;
        assertThat(CellAssembler.assemble(DescriptionReader.read(dir.resolve("pt3d.json"))).morphology()
                .section(stub).diamUm()).containsExactly((double) 0.3f);
        assertThat(CellAssembler.assemble(DescriptionReader.read(dir.resolve("cylinder.json"))).morphology()
                .section(stub).diamUm()).containsExactly(0.3);
    }
}
