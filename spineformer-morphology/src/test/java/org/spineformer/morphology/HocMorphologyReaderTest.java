package org.spineformer.morphology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A morphology written as hoc code, in the style of NEURON's CellBuilder export, run as NEURON runs it. */
class HocMorphologyReaderTest {
    @TempDir
    Path dir;

    /** Four sections, made by procedures, a loop and both forms of connect, then model code that is not geometry. */
    private static final String CELL = """
            /* a small cell, written the way NEURON's CellBuilder exports one */
            proc celldef() {
              topol()
              subsets()
            }
            nbranch = 2
            create soma, dend[nbranch], apic
            proc topol() { local i
              connect dend(0), soma(0.5)
              for i = 1, nbranch-1 connect dend[i](0), dend[i-1](1)
              soma connect apic(0), 1
              basic_shape()
            }
            proc shape3d_1() {
              soma {pt3dclear()
                pt3dadd(0, 0, 0, 10)
                pt3dadd(0, 10, 0, 10)
              }
              dend {pt3dclear()
                pt3dstyle(1, 0, 5, 0)
                pt3dadd(5, 5, 0, 2)
                pt3dadd(8, 9, 0, 1.5)
              }
              dend[1] {pt3dclear()
                pt3dadd(8, 9, 0, 1.5)
                pt3dadd(8, 9, 12, 0.1)
              }
              apic {pt3dclear() pt3dadd(0, 10, 0, 3) pt3dadd(0, 110, 0, 2.5)}
            }
            proc basic_shape() {
              shape3d_1()
            }
            objref all
            proc subsets() { local i
              objref all
              all = new SectionList()
                soma all.append()
            }
            access soma
            celldef()
            soma area(0.5)
            forall {nseg = int((L/(0.1*lambda_f(100))+0.9)/2)*2+1}
            forsec "dend" {cm = 2}
            """;

    private ImportedMorphology read(String text) throws IOException {
        Path p = dir.resolve("cell.hoc");
        Files.writeString(p, text);
        return MorphologyReader.read(p);
    }

    /** A .cll file (NEURON's cell builder export; Larkum et al. 2009's 070603c2.cll) is hoc code, read the same. */
    @Test
    void aCllFileIsReadAsHoc() throws IOException {
        Path p = dir.resolve("cell.cll");
        Files.writeString(p, CELL);
        ImportedMorphology cll = MorphologyReader.read(p);
        ImportedMorphology hoc = read(CELL);
        assertThat(cll.sections()).extracting(ImportedSection::name).containsExactly("soma", "dend[0]", "dend[1]",
                "apic");
        assertThat(cll.sections()).extracting(ImportedSection::lengthUm)
                .containsExactlyElementsOf(hoc.sections().stream().map(ImportedSection::lengthUm).toList());
    }

    @Test
    void sectionsInCreationOrderWithTheirConnectionsAndPoints() throws IOException {
        ImportedMorphology m = read(CELL);
        assertThat(m.soma()).isEqualTo(ImportedMorphology.SomaKind.CODE);
        assertThat(m.sections()).extracting(ImportedSection::name).containsExactly("soma", "dend[0]", "dend[1]",
                "apic");
        assertThat(m.sections()).extracting(ImportedSection::parent).containsExactly(-1, 0, 1, 0);
        assertThat(m.sections()).extracting(ImportedSection::parentX).containsExactly(0.0, 0.5, 1.0, 1.0);
        assertThat(m.sections()).extracting(ImportedSection::type).containsExactly(1, 3, 3, 4);
        // lengths of the straight lines between the points: 10, the 3-4-5 triangle, 12 up in z, 100
        assertThat(m.sections()).extracting(ImportedSection::lengthUm).containsExactly(10.0, 5.0, 12.0, 100.0);
        ImportedSection dend1 = m.sections().get(2);
        assertThat(dend1.points().diam(1)).isEqualTo(0.1f); // stored as pt3dadd stores it: a float
        assertThat(m.sections().get(1).wire()).isEqualTo(new ImportedSection.Wire(0, 5, 0));
        assertThat(dend1.wire()).isNull();
        // forall runs; its nseg assignment is not run (listed once, not once per section)
        assertThat(m.warnings()).hasSize(3).allMatch(w -> w.startsWith("not run, not geometry: "));
        assertThat(m.warnings().get(1)).contains("cell.hoc:42: nseg = ...");
    }

    @Test
    void pt3dclearKeepsTheLogicalConnectionAsNeuronDoes() throws IOException {
        // treeset.cpp (8.2.2): nrn_pt3dclear frees the points, not sec->logical_connection; pt3dstyle(0) clears it
        String styleFirst = CELL.replace("dend {pt3dclear()\n    pt3dstyle(1, 0, 5, 0)",
                "dend {pt3dstyle(1, 0, 5, 0)\n    pt3dclear()");
        assertThat(styleFirst).isNotEqualTo(CELL);
        assertThat(read(styleFirst).sections().get(1).wire()).isEqualTo(new ImportedSection.Wire(0, 5, 0));
        ImportedMorphology cleared = read(CELL.replace("pt3dstyle(1, 0, 5, 0)",
                "pt3dstyle(1, 0, 5, 0) pt3dstyle(0)"));
        assertThat(cleared.sections().get(1).wire()).isNull();
    }

    @Test
    void oldMacLineEndsReadTheSame() throws IOException {
        ImportedMorphology m = read(CELL.replace('\n', '\r'));
        assertThat(m.sections()).extracting(ImportedSection::lengthUm).containsExactly(10.0, 5.0, 12.0, 100.0);
        assertThat(m.sections()).extracting(ImportedSection::parent).containsExactly(-1, 0, 1, 0);
    }

    @Test
    void codeThatShapesSectionsOtherwiseIsAnErrorNamingTheLine() throws IOException {
        assertThatThrownBy(() -> read(CELL.replace("{cm = 2}", "{diam = 2}")))
                .isInstanceOf(MorphologyFileException.class)
                .hasMessageContaining("cell.hoc:43: 'forsec' statement changes the geometry (diam)");
        assertThatThrownBy(() -> read(CELL.replace("apic {pt3dclear() pt3dadd(0, 10, 0, 3) pt3dadd(0, 110, 0, 2.5)}",
                ""))).hasMessageContaining("cell.hoc:7: section apic has no 3-D points and neither L nor diam set "
                + "by code");
        assertThatThrownBy(() -> read(CELL.replace("connect dend(0), soma(0.5)", "connect dend[5](0), soma(0.5)")))
                .hasMessageContaining("cell.hoc:9: dend[5] does not exist: created with 2");
        assertThatThrownBy(() -> read(CELL.replace("connect dend(0), soma(0.5)", "connect dend(1), soma(0.5)")))
                .hasMessageContaining("cell.hoc:9: connect dend[0](1): only a section's 0-end");
        assertThatThrownBy(() -> read(CELL.replace("soma connect apic(0), 1", "dend[1] connect soma(0), 1")))
                .hasMessageContaining("makes a loop");
        String gone = "proc gone() { forall delete_section() }\n";
        assertThat(read(CELL + gone).sections()).hasSize(4); // defined, never called
        assertThatThrownBy(() -> read(CELL + gone + "gone()\n"))
                .hasMessageContaining("cell.hoc:44: delete_section() changes the geometry");
        assertThatThrownBy(() -> read(CELL + "dend[1] delete_section()\n"))
                .hasMessageContaining("cell.hoc:44: delete_section() changes the geometry");
        assertThatThrownBy(() -> read(CELL + "func f() { return 1 }\n"))
                .hasMessageContaining("cell.hoc:44: 'func' is not part of the hoc this reader runs");
        assertThatThrownBy(() -> read(CELL.replace("nbranch = 2", "")))
                .hasMessageContaining("cell.hoc:7: variable nbranch is not defined");
    }

    /** Sections given by L and diam (NEURON's stylized sections), set in forall, in blocks and in a loop. */
    @Test
    void sectionsOfLAndDiamSetByCodeAreCylinders() throws IOException {
        ImportedMorphology m = read("""
                create soma, dend[3]
                forall {nseg=2 diam=.1 L=.1}
                soma {nseg=1 diam=20 L=15}
                for i = 1, 2 {dend[i] {diam = 2*i  L = 100}}
                soma connect dend[0](0), 0.5
                for i = 1, 2 dend[i-1] connect dend[i](0), 1
                """);
        assertThat(m.sections()).extracting(ImportedSection::name).containsExactly("soma", "dend[0]", "dend[1]",
                "dend[2]");
        assertThat(m.sections()).extracting(ImportedSection::points).containsOnlyNulls();
        assertThat(m.sections()).extracting(ImportedSection::cylinder).containsExactly(
                new ImportedSection.Cylinder(15, 20), new ImportedSection.Cylinder(.1, .1),
                new ImportedSection.Cylinder(100, 2), new ImportedSection.Cylinder(100, 4));
        assertThat(m.sections()).extracting(ImportedSection::parent).containsExactly(-1, 0, 1, 2);
        // listed once, with its lines (forall's line once, not once per section)
        assertThat(m.warnings()).singleElement().asString().endsWith("cell.hoc:2 (and 1 more line): nseg = ... (the"
                + " cell description gives nseg and the membrane)");
        // each segment a cylinder of the section's diameter, whatever nseg the description gives
        var engine = m.toMorphology(s -> 3, s -> 100, s -> 1);
        assertThat(engine.section(2).diamUm()).containsExactly(2.0, 2.0, 2.0);
        assertThat(engine.section(0).geometry().areaUm2()[0]).isEqualTo(Math.PI * 20 * 5); // pi diam L/nseg
    }

    /**
     * NEURON's rules for a section with 3-D points (treeset.cpp): L set stretches the points about the first
     * (nrn_length_change), diam set gives every point that diameter (nrn_diam_change), and points added to a
     * section of L and diam replace them.
     */
    @Test
    void lAndDiamSetOnPointsChangeThePointsAsNeuronDoes() throws IOException {
        ImportedMorphology m = read("""
                create a, b, c
                a {pt3dadd(1, 1, 0, 2) pt3dadd(4, 5, 0, 2) pt3dadd(4, 5, 10, 1)}
                a {L = 30 diam = 0.3}
                b {L = 7 diam = 9 pt3dadd(0, 0, 0, 1) pt3dadd(0, 0, 6, 1)}
                c {pt3dadd(0, 0, 0, 1) pt3dadd(0, 0, 6, 1) pt3dclear() L = 2 diam = 3}
                connect b(0), a(1)
                connect c(0), a(1)
                """);
        ImportedSection a = m.sections().get(0);
        // the 3-4-5 step and 10 up: L 15, doubled
        assertThat(a.lengthUm()).isEqualTo(30.0);
        assertThat(new float[] {a.points().x(1), a.points().y(1), a.points().z(2)}).containsExactly(7, 9, 20);
        assertThat(new float[] {a.points().diam(0), a.points().diam(1), a.points().diam(2)})
                .containsOnly(0.3f);
        assertThat(m.sections().get(1).lengthUm()).isEqualTo(6.0);
        assertThat(m.sections().get(1).cylinder()).isNull();
        assertThat(m.sections().get(2).cylinder()).isEqualTo(new ImportedSection.Cylinder(2, 3));
    }

    /**
     * fscan() reads the numbers that follow the running top-level statement in the file itself, skipping words,
     * and the code goes on after the last number read (as NEURON 8.2.2 runs such a file, xopen or load_file).
     */
    @Test
    void fscanReadsTheDataThatFollowTheRunningStatement() throws IOException {
        ImportedMorphology m = read("""
                create soma, dend[2]
                proc geometry() { local i, j
                  soma {nseg = 1  diam = 20  L = 20}
                  for i = 0, 1 {
                    dend[i] {
                      nseg = fscan()
                      pt3dclear()
                      for j = 1, fscan() {
                        pt3dadd(fscan(), fscan(), fscan(), fscan())
                      }
                    }
                  }
                  for i = 0, 1 {
                    soma connect dend[fscan()](0), fscan()
                  }
                }
                geometry() // the data start on the next line
                POINTS THEN CONNECTIONS:
                  3 3
                  0 0 0 2    3 4 0 2
                  3 4 12 1
                  1 2 -1 -1 0 1 -1 1 0 0.5
                  0 1  1 0.25

                proc geometry() { print "read the file again" }
                x = 7
                create gone
                gone {L = 5 diam = x}
                """);
        assertThat(m.sections()).extracting(ImportedSection::name).containsExactly("soma", "dend[0]", "dend[1]",
                "gone");
        assertThat(m.sections().get(1).lengthUm()).isEqualTo(17.0); // 5 then 12
        assertThat(m.sections().get(2).points().diam(1)).isEqualTo(0.5f);
        assertThat(m.sections()).extracting(ImportedSection::parentX).containsExactly(0.0, 1.0, 0.25, 0.0);
        assertThat(m.sections().get(3).cylinder()).isEqualTo(new ImportedSection.Cylinder(5, 7));
        // the line numbers after the data are the file's
        assertThatThrownBy(() -> read("""
                create soma
                proc p() { soma {pt3dadd(fscan(), 0, 0, fscan()) pt3dadd(fscan(), 0, 0, fscan())} }
                p()
                0 1 10 1
                soma {L = 1 L *= 2}
                """)).hasMessageContaining("cell.hoc:5: L *= ...: only '=' is run for L and diam");
    }

    @Test
    void whatTheReaderDoesNotRunIsAnErrorNamingTheLine() throws IOException {
        assertThatThrownBy(() -> read("create soma\nsoma {L = 10}\n"))
                .hasMessageContaining("cell.hoc:1: section soma has no 3-D points and no diam set by code "
                        + "(NEURON's defaults, L 100 and diam 500 um, are not taken)");
        assertThatThrownBy(() -> read("create soma\nproc p() { soma {L = fscan() diam = fscan()} }\np()\n5\n"))
                .hasMessageContaining("cell.hoc:2: fscan() reads past the end of the file");
        assertThatThrownBy(() -> read("create soma\nproc p() { soma {L = fscan() diam = fscan()} }\np()\n5 1.5.3\n"))
                .hasMessageContaining("cell.hoc:4: fscan() reads '1.5.3': only plain decimal numbers");
        assertThatThrownBy(() -> read("create soma\nforsec \"soma\" {nseg = fscan()}\n"))
                .hasMessageContaining("cell.hoc:2: 'forsec' statement changes the geometry (fscan)");
        assertThatThrownBy(() -> read("create soma, d\nsoma {L = 1 diam = 1}\nd {pt3dadd(0,0,0,1) pt3dadd(1,0,0,1)}"
                + "\ndefine_shape()\n")).hasMessageContaining("cell.hoc:4: define_shape() gives soma, a section "
                + "without 3-D points, points of its own: not run");
        assertThatThrownBy(() -> read("create d\nd {pt3dadd(0,0,0,1) pt3dadd(1,0,0,1) L = 2 pt3dadd(3,0,0,1)}\n"))
                .hasMessageContaining("cell.hoc:2: pt3dadd on d after L or diam set by code changed its 3-D points");
        assertThatThrownBy(() -> read("create d\nropen(\"data.txt\")\n"))
                .hasMessageContaining("cell.hoc:2: ropen() makes fscan() read another file: not run");
        assertThatThrownBy(() -> read("create d\nd {L = 0}\n"))
                .hasMessageContaining("cell.hoc:2: L = 0.0: must be finite and > 0");
    }
}
