package org.spineformer.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProvenanceTest {
    @TempDir
    Path tmp;

    @Test
    void theBuildIsNamed() {
        assertThat(Provenance.version()).matches("\\d+\\.\\d+\\.\\d+.*");
        assertThat(Provenance.commit()).matches("[0-9a-f]{40}(\\+dirty)?|unknown");
        assertThat(Provenance.jvm()).startsWith(System.getProperty("java.version") + " (");
    }

    @Test
    void fileHashesAreThoseOfSha256sum() throws IOException {
        // sha256sum of the three bytes "abc" (FIPS 180-2's first example).
        Path abc = Files.writeString(tmp.resolve("abc.txt"), "abc");
        assertThat(Provenance.sha256(abc))
                .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
        @SuppressWarnings("unchecked")
        Map<String, Object> input = (Map<String, Object>) ((Map<String, Object>) Provenance.of("replay",
                Map.of("stimulus", abc)).get("inputs")).get("stimulus");
        assertThat(input).containsEntry("path", abc.toString())
                .containsEntry("sha256", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }

    @Test
    void theCommandLineReadsBackInAShell() {
        Provenance.recordCommandLine("spineformer", List.of("replay", "my stim.json", "--out", "it's", "--quiet"));
        assertThat(Provenance.commandLine()).isEqualTo("spineformer replay 'my stim.json' --out 'it'\\''s' --quiet");
    }
}
