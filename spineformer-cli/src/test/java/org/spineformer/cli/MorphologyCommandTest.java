package org.spineformer.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.spineformer.cli.CliRun.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MorphologyCommandTest {
    @TempDir
    Path dir;

    @Test
    void summarisesSectionsLengthAreaAndSoma() throws IOException {
        Path swc = dir.resolve("cell.swc");
        // soma of radius 5 (area of its sphere, 100 pi), a 10 um dendrite of diameter 1 (10 pi)
        Files.writeString(swc, "1 1 0 0 0 5 -1\n2 3 0 6 0 0.5 1\n3 3 0 16 0 0.5 2\n");
        CliRun r = run("morphology", swc.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("2 sections").contains("soma: single point")
                .containsPattern("1 soma \\(somatic\\)\\s+1\\s+10.00\\s+314.16")
                .containsPattern("3 dend \\(basal\\)\\s+1\\s+10.00\\s+31.42")
                .containsPattern("total\\s+2\\s+20.00\\s+345.58");
    }

    @Test
    void aBadFileIsAClearErrorNamingItsLine() throws IOException {
        Path swc = dir.resolve("bad.swc");
        Files.writeString(swc, "1 1 0 0 0 5 -1\n2 3 0 6 0 0.5 9\n");
        CliRun r = run("morphology", swc.toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("bad.swc:2").contains("parent id 9");
    }

    @Test
    void aMissingFileIsNamedInWords() {
        Path missing = dir.resolve("none.swc");
        CliRun r = run("morphology", missing.toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err().strip()).isEqualTo("spineformer: " + missing + ": no such file");
    }
}
