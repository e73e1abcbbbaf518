package org.spineformer.morphology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spineformer.engine.morph.Pt3d;

/**
 * Import3d's SWC rules on small files, the expectations checked against NEURON 8.2.2 itself (the same files, and more,
 * are compared with NEURON's recorded output in {@link Import3dCasesMatchNeuronTest}).
 */
class SwcReaderTest {
    @TempDir
    Path dir;

    private Path write(String name, String text) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, text);
        return p;
    }

    private static void assertPoint(Pt3d p, int i, double x, double y, double z, double d) {
        assertThat(new float[] {p.x(i), p.y(i), p.z(i), p.diam(i)}).as("point " + i)
                .containsExactly((float) x, (float) y, (float) z, (float) d);
    }

    @Test
    void aSinglePointSomaIsACylinderAlongXAndDendritesStartAtTheirFirstSample() throws IOException {
        ImportedMorphology m = MorphologyReader.read(write("one.swc", """
                # soma of radius 5 at (1, 2, 3)
                1 1 1 2 3 5 -1
                2 3 1 8 3 0.5 1
                3 3 1 12 3 0.4 2
                4 4 1 -4 3 1 1
                5 4 1 -9 3 1 4
                """));
        assertThat(m.soma()).isEqualTo(ImportedMorphology.SomaKind.SINGLE_POINT);
        assertThat(m.sections()).extracting(ImportedSection::name).containsExactly("soma[0]", "dend[0]", "apic[0]");
        Pt3d soma = m.sections().get(0).points();
        assertPoint(soma, 0, -4, 2, 3, 10);
        assertPoint(soma, 1, 1, 2, 3, 10);
        assertPoint(soma, 2, 6, 2, 3, 10);
        assertThat(m.sections().get(0).lengthUm()).isEqualTo(10);
        ImportedSection dend = m.sections().get(1);
        assertThat(dend.parent()).isZero();
        assertThat(dend.parentX()).isEqualTo(0.5);
        assertThat(dend.points().size()).isEqualTo(2);
        assertPoint(dend.points(), 0, 1, 8, 3, 1);
        assertPoint(dend.points(), 1, 1, 12, 3, 0.8);
        assertThat(m.sections().get(2).sectionList()).isEqualTo("apical");
    }

    @Test
    void numbersAreReadInSinglePrecisionAsHocsSscanfDoes() throws IOException {
        // sscanf("%f"): x = 1.1f, r = 0.35f; sphere_rep in double: 1.1f - 0.35f = 0.75000006, printed %.8g
        // "0.75000006", stored as that float (reading in double would give exactly 0.75)
        ImportedMorphology m = MorphologyReader.read(write("single.swc", "1 1 1.1 0 0 0.35 -1\n2 3 1.1 1 0 0.1 1\n"
                + "3 3 1.1 2 0 0.1 2\n"));
        Pt3d soma = m.sections().get(0).points();
        assertThat(soma.x(0)).isEqualTo(0.75000006f).isNotEqualTo(0.75f);
        assertThat(soma.x(1)).isEqualTo(1.1f);
    }

    @Test
    void neuroMorphosThreePointSomaIsASphere() throws IOException {
        ImportedMorphology m = MorphologyReader.read(write("three.swc", """
                1 1 0 0 0 5 -1
                2 1 0 -5 0 5 1
                3 1 0 5 0 5 1
                4 3 0 6 0 1 1
                5 3 0 9 0 1 4
                """));
        assertThat(m.soma()).isEqualTo(ImportedMorphology.SomaKind.THREE_POINT_SPHERE);
        Pt3d soma = m.sections().get(0).points();
        assertThat(soma.size()).isEqualTo(3);
        assertPoint(soma, 0, -5, 0, 0, 10);
        assertPoint(soma, 2, 5, 0, 0, 10);
        assertThat(m.sections().get(1).parentX()).isEqualTo(0.5);
    }

    @Test
    void aMultiPointSomaKeepsItsPointsAndDendritesConnectAtInteriorPointsOrTheEnd() throws IOException {
        ImportedMorphology m = MorphologyReader.read(write("multi.swc", """
                1 1 0 0 0 4 -1
                2 1 0 5 0 5 1
                3 1 0 10 0 4 2
                4 3 3 5 0 1 2
                5 3 8 5 0 0.5 4
                6 3 0 14 0 0.6 3
                7 3 0 20 0 0.5 6
                8 3 -3 24 0 0.3 7
                9 3 3 24 0 0.2 7
                """));
        assertThat(m.soma()).isEqualTo(ImportedMorphology.SomaKind.POINTS);
        assertThat(m.sections()).extracting(ImportedSection::name)
                .containsExactly("soma[0]", "dend[0]", "dend[1]", "dend[2]", "dend[3]");
        assertThat(m.sections().get(0).points().size()).isEqualTo(3);
        assertThat(m.sections().get(0).lengthUm()).isEqualTo(10);
        ImportedSection interior = m.sections().get(1);
        assertThat(interior.parentX()).as("an interior soma point: soma(0.5), by a wire").isEqualTo(0.5);
        assertThat(interior.points().size()).isEqualTo(2);
        assertPoint(interior.points(), 0, 3, 5, 0, 2);
        ImportedSection atEnd = m.sections().get(2);
        assertThat(atEnd.parentX()).isEqualTo(1);
        assertThat(atEnd.points().size()).isEqualTo(3);
        assertPoint(atEnd.points(), 0, 0, 10, 0, 1.2); // the soma's last point with the dendrite's own diameter
        ImportedSection branch = m.sections().get(3);
        assertThat(m.sections().get(branch.parent()).name()).isEqualTo("dend[1]");
        assertThat(branch.parentX()).isEqualTo(1);
        assertPoint(branch.points(), 0, 0, 20, 0, 1); // the parent's last point, its own diameter
        assertPoint(branch.points(), 1, -3, 24, 0, 0.6);
    }

    @Test
    void aSomaBranchingAtItsFirstPointIsTwoSomaSectionsAndDendritesThereAreWiredToItsZeroEnd() throws IOException {
        ImportedMorphology m = MorphologyReader.read(write("branched-soma.swc", """
                1 1 0 0 0 4 -1
                2 1 0 5 0 3 1
                3 1 0 -5 0 3 1
                4 3 4 0 0 1 1
                5 3 9 0 0 1 4
                """));
        assertThat(m.soma()).isEqualTo(ImportedMorphology.SomaKind.POINTS);
        assertThat(m.sections()).extracting(ImportedSection::name).containsExactly("soma[0]", "soma[1]", "dend[0]");
        ImportedSection second = m.sections().get(1);
        assertThat(second.parent()).isZero();
        assertThat(second.parentX()).as("a child of the root's first point: its 0-end").isEqualTo(0);
        assertPoint(second.points(), 0, 0, 0, 0, 8);
        ImportedSection dend = m.sections().get(2);
        assertThat(dend.parentX()).isEqualTo(0);
        assertThat(dend.points().size()).as("two soma branches there: a wire").isEqualTo(2);
        assertPoint(dend.points(), 0, 4, 0, 0, 2);
    }

    @Test
    void aZeroLengthSectionIsRemovedAndItsChildrenReattached() throws IOException {
        ImportedMorphology m = MorphologyReader.read(write("zero-length.swc", """
                1 1 0 0 0 5 -1
                2 3 0 6 0 1 1
                3 3 0 10 0 1 2
                4 3 0 10 0 1 3
                5 3 2 14 0 1 4
                6 3 -2 14 0 1 4
                7 3 3 10 0 1 3
                """));
        // sections: dend[0] = 2-3, then from 3: [3, 4] (zero length: removed) with children 5 and 6, and 7
        assertThat(m.sections()).extracting(ImportedSection::name)
                .containsExactly("soma[0]", "dend[0]", "dend[1]", "dend[2]", "dend[3]");
        for (ImportedSection child : m.sections().subList(2, 5)) {
            assertThat(m.sections().get(child.parent()).name()).isEqualTo("dend[0]");
            assertThat(child.parentX()).isEqualTo(1);
        }
        assertThat(m.warnings()).anyMatch(w -> w.contains("zero-length two-point section starting at line 4"));
    }

    @Test
    void aSectionOfMoreThanTwoPointsAtOnePlaceIsAnError() throws IOException {
        // NEURON 8.2.2 keeps apic[0] (lines 4-5 at their parent point 3) with L = 1e-9 um and a degenerate geometry
        Path p = write("zero.swc", "1 1 0 0 0 5 -1\n2 3 0 6 0 1 1\n3 3 -8.28 9.46 3.57 0.5 2\n"
                + "4 4 -8.28 9.46 3.57 0.5 3\n5 4 -8.28 9.46 3.57 1.2 4\n");
        assertThatThrownBy(() -> MorphologyReader.read(p)).isInstanceOf(MorphologyFileException.class)
                .hasMessageContaining("zero.swc:4").hasMessageContaining("3 points")
                .hasMessageContaining("(-8.28, 9.46, 3.57)").hasMessageContaining("zero length");
    }

    @Test
    void pointsListedOutOfIdOrderAreAnErrorAsNeuronFailsOnThem() throws IOException {
        // NEURON 8.2.2: check_pid's sort calls the section variable diam: "Section access unspecified"
        Path shuffled = write("shuffled.swc", "1 1 0 0 0 5 -1\n4 4 0 -6 0 1 1\n2 3 0 6 0 1 1\n3 3 0 10 0 1 2\n");
        assertThatThrownBy(() -> MorphologyReader.read(shuffled)).hasMessageContaining("shuffled.swc:3")
                .hasMessageContaining("id 2 follows id 4 (line 2)").hasMessageContaining("must increase");
    }

    @Test
    void typesBeyondFourKeepTheirOwnLists() throws IOException {
        ImportedMorphology m = MorphologyReader.read(write("types.swc", """
                1 1 0 0 0 5 -1
                2 7 0 6 0 1 1
                3 7 0 9 0 1 2
                4 2 0 -6 0 1 1
                5 2 0 -9 0 1 4
                """));
        assertThat(m.sections()).extracting(ImportedSection::name).containsExactly("soma[0]", "axon[0]", "dend_7[0]");
        assertThat(m.sections().get(2).sectionList()).isEqualTo("dendritic_7");
        assertThat(m.ofType(2)).hasSize(1);
        ImportedMorphology noAxon = m.withoutType(2);
        assertThat(noAxon.sections()).extracting(ImportedSection::name).containsExactly("soma[0]", "dend_7[0]");
        assertThat(noAxon.sections().get(1).parent()).isZero();
        assertThatThrownBy(() -> m.withoutType(1)).hasMessageContaining("axon[0] hangs from soma[0]");
    }

    @Test
    void aMalformedLineIsAnErrorNamingFileLineAndValue() throws IOException {
        Path p = write("bad.swc", "1 1 0 0 0 5 -1\n2 3 1 x2 0 1 1\n");
        assertThatThrownBy(() -> MorphologyReader.read(p)).isInstanceOf(MorphologyFileException.class)
                .hasMessageContaining("bad.swc:2").hasMessageContaining("'x2'")
                .satisfies(e -> assertThat(((MorphologyFileException) e).line()).isEqualTo(2));
        Path short_ = write("short.swc", "1 1 0 0 0 5 -1\n2 3 1 2 0 1\n");
        assertThatThrownBy(() -> MorphologyReader.read(short_)).hasMessageContaining("short.swc:2")
                .hasMessageContaining("expected 7 numbers");
    }

    @Test
    void aParentThatDoesNotExistIsAnError() throws IOException {
        Path p = write("orphan.swc", "1 1 0 0 0 5 -1\n2 3 1 2 0 1 1\n3 3 1 4 0 1 17\n");
        assertThatThrownBy(() -> MorphologyReader.read(p)).hasMessageContaining("orphan.swc:3")
                .hasMessageContaining("parent id 17").hasMessageContaining("does not exist");
    }

    @Test
    void aCycleIsAnError() throws IOException {
        Path p = write("cycle.swc", "1 1 0 0 0 5 -1\n2 3 1 2 0 1 3\n3 3 1 4 0 1 2\n");
        assertThatThrownBy(() -> MorphologyReader.read(p)).hasMessageContaining("cycle.swc:2")
                .hasMessageContaining("cycle").hasMessageContaining("[2, 3]");
    }

    @Test
    void aZeroOrNegativeDiameterIsAnError() throws IOException {
        Path zero = write("zero.swc", "1 1 0 0 0 5 -1\n2 3 1 2 0 0 1\n");
        assertThatThrownBy(() -> MorphologyReader.read(zero)).hasMessageContaining("zero.swc:2")
                .hasMessageContaining("radius must be > 0, was 0");
        Path negative = write("negative.swc", "1 1 0 0 0 -5 -1\n");
        assertThatThrownBy(() -> MorphologyReader.read(negative)).hasMessageContaining("negative.swc:1")
                .hasMessageContaining("was -5");
    }

    @Test
    void duplicateIdsAreAnError() throws IOException {
        Path dup = write("dup.swc", "1 1 0 0 0 5 -1\n2 3 1 2 0 1 1\n2 3 1 4 0 1 1\n");
        assertThatThrownBy(() -> MorphologyReader.read(dup)).hasMessageContaining("dup.swc:3")
                .hasMessageContaining("duplicate id 2");
    }

    @Test
    void aSecondTreeHangsFromTheFirstSectionWithAWarningAsInNeuron() throws IOException {
        // NEURON 8.2.2 ("warning: more than one tree"): the later root's parent point is hoc's x[-1], i.e. point 0
        ImportedMorphology m = MorphologyReader.read(write("two.swc", "1 1 7 7 7 5 -1\n2 3 1 2 0 1 -1\n"));
        assertThat(m.sections()).extracting(ImportedSection::name).containsExactly("soma[0]", "dend[0]");
        assertThat(m.sections().get(1).parent()).isZero();
        assertThat(m.sections().get(1).parentX()).isEqualTo(0.5);
        assertPoint(m.sections().get(1).points(), 0, 7, 7, 7, 2);
        assertPoint(m.sections().get(1).points(), 1, 1, 2, 0, 2);
        assertThat(m.warnings()).anyMatch(w -> w.contains("more than one tree") && w.contains("[1, 2]"));
    }
}
