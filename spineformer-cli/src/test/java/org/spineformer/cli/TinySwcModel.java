package org.spineformer.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A spiny description that reads its morphology from a file, for the tests of {@code --model} runs whose identity
 * includes the morphology file's content: a soma and one 100 um dendrite (tiny.swc) with four of the paper's spines,
 * 2 axons of 2 (tiny_swc.json). Written for these tests.
 */
final class TinySwcModel {
    private TinySwcModel() {}

    /** A soma and one 100 um dendrite (SWC). */
    static final String SWC = """
            1 1 0 0 0 10 -1
            2 3 0 10 0 0.5 1
            3 3 0 110 0 0.5 2
            """;

    /** Four spines of the paper's kind on the dendrite, 2 axons of 2; the morphology read from tiny.swc. */
    static final String DESCRIPTION = """
            {
              "format": "spineformer-cell-description/1",
              "name": "tiny_swc",
              "morphology": {"file": "tiny.swc"},
              "nseg": [{"region": "all", "per_length_um": 10}],
              "paint": [{"region": "all", "mechanism": "pas", "parameters": {"g": 1e-4, "e": -70}}],
              "spines": [{"on": "dend", "placement": {"evenly": {"count": 4, "start_um": 10, "end_margin_um": 10}},
                "neck": {"name": "spine_{k}_neck", "L": 1, "diam": 0.1, "Ra": 100, "cm": 1},
                "head": {"name": "spine_{k}_head", "L": 0.5, "diam": 0.5, "Ra": 100, "cm": 1,
                         "mechanisms": {"cadspine": {}}},
                "synapses": [{"name": "ampa", "mechanism": "AMPA_WITH_CA", "x": 0.5, "weight": 0.008,
                              "delay_ms": 1}]}],
              "celsius": 37,
              "v_init": -70,
              "experiment": {"axons": {"consecutive": 2}}
            }
            """;

    /** Writes tiny.swc and tiny_swc.json into dir; returns the description's path. */
    static Path write(Path dir) throws IOException {
        Files.writeString(dir.resolve("tiny.swc"), SWC);
        return Files.writeString(dir.resolve("tiny_swc.json"), DESCRIPTION);
    }

    /** A file's SHA-256 as lower-case hex, as the run records it. */
    static String sha256(Path file) throws IOException, NoSuchAlgorithmException {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    }
}
