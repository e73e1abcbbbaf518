package org.spineformer.morphology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spineformer.engine.morph.Pt3d;

/** Import3d_Neurolucida3's rules on small files. */
class AscReaderTest {
    /** Soma points go through %.8g and float storage: about 1e-7 relative on values of order 10. */
    private static final double FLOAT_STORAGE_UM = 1e-5;

    @TempDir
    Path dir;

    /**
     * A flat 20 x 10 um rectangle centred at (100, 50), outlined every 1 um counter-clockwise from the middle of its
     * lower side and closed there: its resampled points are symmetric about x = 100, so its major axis is x.
     */
    private static String rectangle() {
        StringBuilder b = new StringBuilder();
        for (int x = 0; x < 10; x++) {
            b.append(point(100 + x, 45));
        }
        for (int y = -5; y < 5; y++) {
            b.append(point(110, 50 + y));
        }
        for (int x = 10; x > -10; x--) {
            b.append(point(100 + x, 55));
        }
        for (int y = 5; y > -5; y--) {
            b.append(point(90, 50 + y));
        }
        for (int x = -10; x <= 0; x++) {
            b.append(point(100 + x, 45));
        }
        return b.toString();
    }

    private static String point(double x, double y) {
        return "  ( " + x + " " + y + " 7.0 0.1)  ; a contour point\n";
    }

    private Path write(String name, String text) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, text);
        return p;
    }

    private static final String HEADER = """
            ;	V3 text file written for MicroBrightField products.
            (ImageCoords)
            ("Pia"
              (Closed)
              ( 0 0 0 1)
              ( 1 0 0 1)
            )  ;  a contour that is not a soma
            """;

    @Test
    void aCellBodyContourBecomesTwentyOnePointsAlongItsMajorAxis() throws IOException {
        ImportedMorphology m = MorphologyReader.read(write("cell.asc", HEADER + "(\"CellBody\"\n  (CellBody)\n"
                + rectangle() + ")\n" + """
                ( (Color Red)
                  (Dendrite)
                  ( 111 50 7 2)  ; just outside the box (x > 110.5): wired to the nearest soma centre
                  ( 120 50 7 2)
                  (
                    ( 125 55 7 1)
                    ( 130 60 7 1)
                    (Cross (Name "Marker 3") ( 1 2 3 4))
                    Normal
                  |
                    ( 120 50 7 1.5)  ; repeats the parent's last point: no copy added
                    ( 125 45 7 1.5)
                  <( 126 44 7 0.5)>
                    ( 130 40 7 1.5)
                    Incomplete
                  )
                )  ; End of tree
                """));
        assertThat(m.soma()).isEqualTo(ImportedMorphology.SomaKind.CONTOUR);
        assertThat(m.sections()).extracting(ImportedSection::name)
                .containsExactly("soma[0]", "dend[0]", "dend[1]", "dend[2]");
        Pt3d soma = m.sections().get(0).points();
        assertThat(soma.size()).isEqualTo(21);
        assertThat((double) soma.y(0)).as("the centre: the mean of 101 points resampled along the outline from"
                + " (100, 45) round to (100, 45), which counts twice: off the middle by less than one 0.6 um sample")
                .isCloseTo(50, within(0.6));
        for (int i = 0; i < 21; i++) {
            assertThat((double) soma.y(i)).as("on the major axis, x").isCloseTo(soma.y(0), within(FLOAT_STORAGE_UM));
            assertThat((double) soma.z(i)).isCloseTo(7, within(FLOAT_STORAGE_UM));
            if (i > 0 && i < 20) {
                assertThat((double) soma.diam(i)).as("the rectangle's width").isCloseTo(10, within(FLOAT_STORAGE_UM));
            }
        }
        assertThat((double) Math.abs(soma.x(20) - soma.x(0)))
                .as("second-smallest to second-largest projection: the 20 um length less at most a 0.6 um sample each end")
                .isBetween(20 - 2 * 0.6, 20.0);
        assertThat(soma.x(0) + soma.x(20)).as("symmetric about x = 100").isCloseTo(200f, within(1e-4f));

        ImportedSection root = m.sections().get(1);
        assertThat(root.parent()).isZero();
        assertThat(root.parentX()).isEqualTo(0.5);
        assertThat(root.points().size()).as("the soma centre is only a wire").isEqualTo(2);
        assertThat(root.points().x(0)).isEqualTo(111f);
        ImportedSection copied = m.sections().get(2);
        assertThat(copied.parentX()).isEqualTo(1);
        assertThat(copied.points().size()).isEqualTo(3);
        assertThat(new float[] {copied.points().x(0), copied.points().y(0), copied.points().diam(0)})
                .as("the parent's last point with the branch's first diameter").containsExactly(120f, 50f, 1f);
        assertThat(m.sections().get(3).points().size()).as("no copy, the spine is not a point").isEqualTo(3);
        assertThat(m.warnings()).anyMatch(w -> w.startsWith("skipped, not part of the cell:")
                && w.contains("contour \"Pia\" x1") && w.contains("marker x1") && w.contains("spine x1"));
    }

    /** A regular 16-gon of radius 5 um around the z axis at height z, drawn as a CellBody contour. */
    private static String polygonContour(double z) {
        StringBuilder b = new StringBuilder("(\"CellBody\"\n  (CellBody)\n");
        for (int k = 0; k < 16; k++) {
            b.append(point(5 * Math.cos(k * Math.PI / 8), 5 * Math.sin(k * Math.PI / 8)).replace(" 7.0 ", " " + z + " "));
        }
        return b.append(")\n").toString();
    }

    @Test
    void aStackOfContoursIsOneSomaWithAPointPerContour() throws IOException {
        ImportedMorphology m = MorphologyReader.read(write("stack.asc", polygonContour(0) + polygonContour(1)
                + polygonContour(2) + "( (Dendrite)\n  ( 1 1 1 2)\n  ( 1 20 1 1)\n)\n"));
        assertThat(m.soma()).isEqualTo(ImportedMorphology.SomaKind.CONTOUR_STACK);
        assertThat(m.sections()).extracting(ImportedSection::name).containsExactly("soma[0]", "dend[0]");
        Pt3d soma = m.sections().get(0).points();
        assertThat(soma.size()).as("one point per contour").isEqualTo(3);
        for (int i = 0; i < 3; i++) {
            assertThat(soma.z(i)).as("the contour's height").isEqualTo(i);
            // the mean distance of the resampled outline from the centre lies between the 16-gon's inradius and
            // radius, and its perimeter's circle has radius 5 * 16 sin(pi/16) / pi
            double inradius = 5 * Math.cos(Math.PI / 16);
            double perimeterRadius = 5 * 16 * Math.sin(Math.PI / 16) / Math.PI;
            assertThat((double) soma.diam(i)).isBetween(inradius + perimeterRadius - FLOAT_STORAGE_UM,
                    5 + perimeterRadius + FLOAT_STORAGE_UM);
        }
        ImportedSection dend = m.sections().get(1);
        assertThat(dend.parentX()).isEqualTo(0.5);
        assertThat(dend.points().size()).as("wired to the stack's middle: its own points only").isEqualTo(2);
    }

    @Test
    void aParseErrorNamesFileLineAndToken() throws IOException {
        Path p = write("bad.asc", HEADER + "( (Dendrite)\n  ( 1 2 3 4)\n  ( 5 6 abc 7)\n)\n");
        assertThatThrownBy(() -> MorphologyReader.read(p)).isInstanceOf(MorphologyFileException.class)
                .hasMessageContaining("bad.asc:10").hasMessageContaining("label abc");
        Path unclosed = write("unclosed.asc", HEADER + "( (Dendrite)\n  ( 1 2 3 4)\n  ( 5 6 7 8)\n");
        assertThatThrownBy(() -> MorphologyReader.read(unclosed)).hasMessageContaining("end of file");
        Path junk = write("junk.asc", HEADER + "( (Dendrite) @\n");
        assertThatThrownBy(() -> MorphologyReader.read(junk)).hasMessageContaining("junk.asc:8")
                .hasMessageContaining("'@'");
    }

    @Test
    void aMarkerBetweenTheTreePointsOfABranchIsAParseErrorAsInNeuron() throws IOException {
        // NEURON 8.2.2 on this file: "parse error ... line 5: ( 10 0 0 1)"; at the end of a branch it is skipped
        Path p = write("mid-marker.asc", "( (Dendrite)\n  ( 0 0 0 1)\n  ( 5 0 0 1)\n  (Cross (Name \"m\") ( 6 1 0 1))\n"
                + "  ( 10 0 0 1)\n)\n");
        assertThatThrownBy(() -> MorphologyReader.read(p)).hasMessageContaining("mid-marker.asc:5")
                .hasMessageContaining("parse error at number 10");
    }

    @Test
    void aZeroOrNegativeDiameterIsAnError() throws IOException {
        Path p = write("zero.asc", HEADER + "( (Dendrite)\n  ( 1 2 3 4)\n  ( 5 6 7 0)\n)\n");
        assertThatThrownBy(() -> MorphologyReader.read(p)).hasMessageContaining("zero.asc:10")
                .hasMessageContaining("diameter must be > 0, was 0.0");
        Path n = write("negative.asc", HEADER + "( (Dendrite)\n  ( 1 2 3 -4)\n  ( 5 6 7 1)\n)\n");
        assertThatThrownBy(() -> MorphologyReader.read(n)).hasMessageContaining("negative.asc:9")
                .hasMessageContaining("was -4.0");
    }

    @Test
    void treesWithoutASomaStaySeparateButMakeNoCell() throws IOException {
        ImportedMorphology m = MorphologyReader.read(write("trees.asc", "( (Dendrite)\n  ( 0 0 0 2)\n  ( 10 0 0 2)\n)\n"
                + "( (Axon)\n  ( 0 0 0 1)\n  ( -10 0 0 1)\n)\n"));
        assertThat(m.sections()).extracting(ImportedSection::parent).containsExactly(-1, -1);
        assertThatThrownBy(() -> m.toMorphology(s -> 1, s -> 100, s -> 1)).hasMessageContaining("trees.asc")
                .hasMessageContaining("2 separate trees").hasMessageContaining("[axon[0], dend[0]]");
    }

    @Test
    void anUnknownExtensionIsAnError() throws IOException {
        Path p = write("cell.txt", "1 1 0 0 0 5 -1\n");
        assertThatThrownBy(() -> MorphologyReader.read(p)).hasMessageContaining("cell.txt")
                .hasMessageContaining(".swc, .asc, .hoc, .cll or .nrn");
    }
}
