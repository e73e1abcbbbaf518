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
        assertThat(m.warnings()).hasSize(3).allMatch(w -> w.startsWith("not run, not geometry: "));
        assertThat(m.warnings().get(1)).contains("cell.hoc:42: forall");
    }

    @Test
    void oldMacLineEndsReadTheSame() throws IOException {
        ImportedMorphology m = read(CELL.replace('\n', '\r'));
        assertThat(m.sections()).extracting(ImportedSection::lengthUm).containsExactly(10.0, 5.0, 12.0, 100.0);
        assertThat(m.sections()).extracting(ImportedSection::parent).containsExactly(-1, 0, 1, 0);
    }

    @Test
    void codeThatShapesSectionsOtherwiseIsAnErrorNamingTheLine() throws IOException {
        assertThatThrownBy(() -> read(CELL.replace("forsec \"dend\" {cm = 2}", "dend[1] { L = 20 }")))
                .isInstanceOf(MorphologyFileException.class)
                .hasMessageContaining("cell.hoc:43: sets L by code: only sections given by 3-D points");
        assertThatThrownBy(() -> read(CELL.replace("{cm = 2}", "{diam = 2}")))
                .hasMessageContaining("cell.hoc:43: 'forsec' statement changes the geometry (diam)");
        assertThatThrownBy(() -> read(CELL.replace("apic {pt3dclear() pt3dadd(0, 10, 0, 3) pt3dadd(0, 110, 0, 2.5)}",
                ""))).hasMessageContaining("cell.hoc:7: section apic has 0 3-D points");
        assertThatThrownBy(() -> read(CELL.replace("connect dend(0), soma(0.5)", "connect dend[5](0), soma(0.5)")))
                .hasMessageContaining("cell.hoc:9: dend[5] does not exist: created with 2");
        assertThatThrownBy(() -> read(CELL.replace("connect dend(0), soma(0.5)", "connect dend(1), soma(0.5)")))
                .hasMessageContaining("cell.hoc:9: connect dend[0](1): only a section's 0-end");
        assertThatThrownBy(() -> read(CELL.replace("soma connect apic(0), 1", "dend[1] connect soma(0), 1")))
                .hasMessageContaining("makes a loop");
        String gone = "proc gone() { forall delete_section() }\n";
        assertThat(read(CELL + gone).sections()).hasSize(4); // defined, never called
        assertThatThrownBy(() -> read(CELL + gone + "gone()\n"))
                .hasMessageContaining("cell.hoc:44: 'forall' statement changes the geometry (delete_section)");
        assertThatThrownBy(() -> read(CELL + "dend[1] delete_section()\n"))
                .hasMessageContaining("cell.hoc:44: delete_section() changes the geometry");
        assertThatThrownBy(() -> read(CELL + "func f() { return 1 }\n"))
                .hasMessageContaining("cell.hoc:44: 'func' is not part of the hoc this reader runs");
        assertThatThrownBy(() -> read(CELL.replace("nbranch = 2", "")))
                .hasMessageContaining("cell.hoc:7: variable nbranch is not defined");
    }
}
