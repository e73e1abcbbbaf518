package org.spineformer.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spineformer.engine.morph.Morphology;

/**
 * {@code "morphology": {"file": a, "then": [b, ...]}}: a cell made by several hoc files run one after the other, as
 * Golding et al. 2001's {@code xopen("dend2.nrn") xopen("naceaxon.nrn")}, resolved against the description's folder
 * (or the folder {@link CellDescription#withMorphologyDirectory} gives), and the refusals naming the JSON pointer.
 */
class MorphologyFilesInTurnTest {
    @TempDir
    Path dir;

    private CellDescription description(String morphology) throws IOException {
        Files.writeString(dir.resolve("dend.nrn"), """
                create soma, dend
                soma { pt3dclear() pt3dadd(0, 0, 0, 10) pt3dadd(10, 0, 0, 10) }
                dend { pt3dclear() pt3dadd(10, 0, 0, 1) pt3dadd(30, 0, 0, 1) }
                connect dend(0), soma(1)
                """);
        Files.writeString(dir.resolve("axon.hoc"), """
                create axon
                soma connect axon(0), 0
                axon { L = 50 diam = 1 }
                """);
        Files.writeString(dir.resolve("cell.json"), """
                {"format": "spineformer-cell-description/1", "name": "in_turn",
                 "morphology": %s,
                 "nseg": [{"region": "axon", "fixed": 5}],
                 "celsius": 37, "v_init": -70}
                """.formatted(morphology));
        return DescriptionReader.read(dir.resolve("cell.json"));
    }

    @Test
    void theFilesAreRunInTurnAndMakeOneCell() throws IOException {
        AssembledCell cell = CellAssembler.assemble(description("""
                {"file": "dend.nrn", "then": ["axon.hoc"]}"""));
        Morphology m = cell.morphology();
        assertThat(m.size()).isEqualTo(3);
        assertThat(m.section(m.indexOf("axon")).parent()).isEqualTo(m.indexOf("soma"));
        assertThat(m.section(m.indexOf("axon")).nseg()).isEqualTo(5);
        assertThat(m.section(m.indexOf("axon")).lengthUm()).isEqualTo(50.0);
        // without "then" the second file is not read
        assertThat(CellAssembler.assemble(description("""
                {"file": "dend.nrn"}""")).morphology().size()).isEqualTo(2);
    }

    @Test
    void aBundledDescriptionsFilesAreAllLookedForInTheMorphologyFolder() throws IOException {
        description("{\"file\": \"dend.nrn\"}"); // writes the files
        CellDescription bundled = DescriptionReader.read(new ByteArrayInputStream("""
                {"format": "spineformer-cell-description/1", "name": "in_turn",
                 "morphology": {"file": "dend.nrn", "then": ["axon.hoc"]}, "celsius": 37, "v_init": -70}
                """.getBytes(StandardCharsets.UTF_8)), "bundled.json");
        MorphologySource.File f = (MorphologySource.File) bundled.withMorphologyDirectory(dir).morphology();
        assertThat(f.paths()).containsExactly(dir.resolve("dend.nrn").toString(), dir.resolve("axon.hoc").toString());
        assertThat(CellAssembler.assemble(bundled.withMorphologyDirectory(dir)).morphology().size()).isEqualTo(3);
    }

    @Test
    void refusalsNameTheKeyAndTheValue() throws IOException {
        assertThatThrownBy(() -> description("""
                {"file": "dend.nrn", "then": ["cell.swc"]}"""))
                .hasMessageContaining("cell.json: /morphology/then/0: a cell made by several files takes hoc code "
                        + "only (names ending in .hoc, .cll or .nrn), run one after the other as xopen runs them; "
                        + "cell.swc is not");
        assertThatThrownBy(() -> description("""
                {"file": "cell.asc", "then": ["axon.hoc"]}"""))
                .hasMessageContaining("cell.json: /morphology/file: a cell made by several files takes hoc code only")
                .hasMessageContaining("cell.asc is not");
        assertThatThrownBy(() -> description("""
                {"file": "dend.nrn", "then": [3]}"""))
                .hasMessageContaining("cell.json: /morphology/then/0: must be a non-empty string (a hoc file run "
                        + "after dend.nrn), was 3");
        assertThatThrownBy(() -> description("""
                {"file": "dend.nrn", "then": "axon.hoc"}"""))
                .hasMessageContaining("cell.json: /morphology/then: must be an array, was \"axon.hoc\"");
        assertThatThrownBy(() -> CellAssembler.assemble(description("""
                {"file": "dend.nrn", "then": ["gone.hoc"]}""")))
                .hasMessageContaining("morphology file " + dir.resolve("gone.hoc") + " does not exist");
    }
}
