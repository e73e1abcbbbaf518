package org.spineformer.morphology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A cell made by several hoc files run one after the other, as a model's {@code xopen("dend.nrn")
 * xopen("axon.nrn")} runs them (Golding et al. 2001: dendrites in one file, an axon read by {@code fscan()} and
 * attached to their soma in the next), and the pieces of such files the reader parses without running.
 */
class HocFilesInTurnTest {
    @TempDir
    Path dir;

    /** The dendrites: a soma and a dendrite with points, a variable, and a procedure of its own. */
    private static final String DENDRITES = """
            {create soma}
            {access soma}
            {nseg = 3}
            {pt3dclear()}
            {pt3dadd(0, 0, 0, 10)}
            {pt3dadd(0, 20, 0, 10)}
            {create dend}
            {soma connect dend(0), 1}
            {dend {pt3dclear() pt3dadd(0, 20, 0, 2) pt3dadd(0, 120, 0, 1)}}
            hill_length = 15
            proc shape_dend() {
              dend {pt3dadd(0, 130, 0, 1)}
            }
            """;

    /** The axon: connected to the first file's soma, its length from the first file's variable, its points read. */
    private static final String AXON = """
            create hill, iseg
            proc geometry() { local j
              soma connect hill(0), 0.5
              hill connect iseg(0), 1
              hill {L = hill_length diam = 2}
              iseg { nseg = 5
                pt3dclear()
                for j = 1, fscan() {
                  pt3dadd(fscan(), fscan(), fscan(), fscan())
                }
              }
            }
            geometry()
            NEURITE COORDINATES AND DIAMETERS:
            2
            0 -15 0 1.5
            0 -45 0 1
            """;

    private Path write(String name, String text) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, text);
        return p;
    }

    @Test
    void theSecondFileSeesTheFirstFilesSectionsAndVariables() throws IOException {
        ImportedMorphology m = MorphologyReader.readHoc(List.of(write("dend.nrn", DENDRITES),
                write("axon.nrn", AXON)));
        assertThat(m.sections()).extracting(ImportedSection::name).containsExactly("soma", "dend", "hill", "iseg");
        assertThat(m.sections()).extracting(ImportedSection::parent).containsExactly(-1, 0, 0, 2);
        assertThat(m.sections()).extracting(ImportedSection::parentX).containsExactly(0.0, 1.0, 0.5, 1.0);
        assertThat(m.sections()).extracting(ImportedSection::lengthUm).containsExactly(20.0, 100.0, 15.0, 30.0);
        assertThat(m.sections().get(2).cylinder()).isEqualTo(new ImportedSection.Cylinder(15, 2));
        // what each file did not run is listed with that file's name and line
        assertThat(m.warnings()).anyMatch(w -> w.contains("dend.nrn:3") && w.contains("nseg"));
        assertThat(m.warnings()).anyMatch(w -> w.contains("axon.nrn:6") && w.contains("nseg"));
    }

    @Test
    void aNrnFileIsHocCode() throws IOException {
        ImportedMorphology m = MorphologyReader.read(write("dend.nrn", DENDRITES));
        assertThat(m.sections()).extracting(ImportedSection::name).containsExactly("soma", "dend");
        assertThat(MorphologyReader.isHoc("cell.NRN")).isTrue();
        assertThat(MorphologyReader.isHoc("cell.swc")).isFalse();
    }

    @Test
    void errorsNameTheFileTheyAreIn() throws IOException {
        Path dendrites = write("dend.nrn", DENDRITES);
        assertThatThrownBy(() -> MorphologyReader.readHoc(List.of(dendrites,
                write("bad.nrn", "create hill\nsomma connect hill(0), 0.5\n"))))
                .hasMessageContaining("bad.nrn:2: unexpected 'somma'");
        // hoc would still know the first file's procedure; this reader keeps each file's code only while it runs
        assertThatThrownBy(() -> MorphologyReader.readHoc(List.of(dendrites, write("calls.nrn", "shape_dend()\n"))))
                .hasMessageContaining("calls.nrn:1: procedure shape_dend was defined in a file run before this "
                        + "one: calling it from another file is not run");
        assertThatThrownBy(() -> MorphologyReader.readHoc(List.of(dendrites, write("cell.swc", "1 1 0 0 0 5 -1\n"))))
                .hasMessageContaining("cell.swc: a cell made by several files takes hoc code only");
        assertThatThrownBy(() -> MorphologyReader.readHoc(List.of(write("hill.nrn", "create hill\n"), dendrites)))
                .hasMessageContaining("hill.nrn:1: section hill has no 3-D points and neither L nor diam set");
    }

    /**
     * Golding et al.'s dend2.nrn ends with a procedure never called that reads and sets the soma's diameters by
     * dot notation into arrays of numbers: parsed, not run, and not taken for a section's statement.
     */
    @Test
    void anArrayOfNumbersSetFromASectionsValueInAProcedureNotCalledIsParsed() throws IOException {
        ImportedMorphology m = MorphologyReader.read(write("dend.nrn", DENDRITES + """
                double original_diam[3]
                proc correctsoma() {
                  for i=0,2{
                  original_diam[i]=soma.diam(i/2)
                  soma.diam(i/2)=soma.diam(i/2)*0.77
                  }
                }
                """));
        assertThat(m.sections()).extracting(ImportedSection::lengthUm).containsExactly(20.0, 100.0);
        assertThatThrownBy(() -> MorphologyReader.read(write("called.nrn", DENDRITES + """
                double d[3]
                d[0] = soma.diam(0.5)
                soma {L = d[0]}
                """))).hasMessageContaining("called.nrn:16: d[... in a value: not run by this reader");
        // the same statement run is refused, not skipped as an object's method (all.append()) is
        assertThatThrownBy(() -> MorphologyReader.read(write("run.nrn", DENDRITES + "soma.diam(0.5) = 3\n")))
                .hasMessageContaining("run.nrn:14: soma.diam changes the geometry in a way this reader does not run "
                        + "(dot notation)");
    }
}
