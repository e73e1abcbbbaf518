package org.spineformer.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.spineformer.cli.CliRun.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code reproduce --model} on a description that reads a morphology file: the file's content is part of the run's
 * identity (a resume with another morphology is refused) and of its summary, which carries none of the keys that
 * compare with the paper's cell; {@code --morphology-dir} says where a bundled description's file is.
 */
class ReproduceMorphologyTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A soma and one 100 um dendrite (SWC), written for this test. */
    private static final String SWC = """
            1 1 0 0 0 10 -1
            2 3 0 10 0 0.5 1
            3 3 0 110 0 0.5 2
            """;

    /** Four spines of the paper's kind on the dendrite, 2 axons of 2; the morphology read from tiny.swc. */
    private static final String DESCRIPTION = """
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

    private static Path writeModel(Path dir) throws IOException {
        Files.writeString(dir.resolve("tiny.swc"), SWC);
        Path model = dir.resolve("tiny_swc.json");
        Files.writeString(model, DESCRIPTION);
        return model;
    }

    private static String sha256(Path file) throws IOException, NoSuchAlgorithmException {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    }

    @Test
    void theMorphologyFilesContentIsPartOfTheRunAndItsSummary(@TempDir Path dir) throws Exception {
        Path model = writeModel(dir);
        Path out = dir.resolve("fig2b");
        CliRun r = run("reproduce", "fig2b", "--model", model.toString(), "--trials", "1", "--threads", "1",
                "--quiet", "--out", out.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        JsonNode summary = JSON.readTree(out.resolve("summary.json").toFile());
        assertThat(summary.path("model").asText()).isEqualTo("tiny_swc");
        assertThat(summary.path("morphology_sha256").asText()).isEqualTo(sha256(dir.resolve("tiny.swc")));
        // Keys comparing with the paper's cell (its 1.56 to 4.8 ms) mean nothing here.
        assertThat(summary.has("paper_delay_min_ms")).isFalse();
        assertThat(summary.has("paper_delay_max_ms")).isFalse();
        assertThat(r.out()).doesNotContain("paper");
        // Every spine is on the one dendrite: one branch.
        assertThat(summary.path("branches").asInt()).isEqualTo(1);
        assertThat(summary.path("by_branch").get(0).path("branch").asText()).isEqualTo("dend[0]");

        // The same description on another morphology: the run in this folder is not resumed with it.
        Files.writeString(dir.resolve("tiny.swc"), SWC.replace("0 110 0", "0 90 0"));
        r = run("reproduce", "fig2b", "--model", model.toString(), "--trials", "2", "--threads", "1", "--quiet",
                "--out", out.toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("holds a run with other arguments (--model's morphology file (its SHA-256): ");
        assertThat(Files.readAllLines(out.resolve("trials.jsonl"))).hasSize(1);
    }

    @Test
    void aBundledDescriptionsMorphologyIsReadFromTheMorphologyDir(@TempDir Path dir) {
        Path empty = dir.resolve("empty");
        Path out = dir.resolve("fig5");
        CliRun r = run("reproduce", "fig5", "--model", "hay2011_l5pc_spiny", "--morphology-dir", empty.toString(),
                "--trials", "1", "--out", out.toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).startsWith("spineformer: cell description hay2011_l5pc_spiny: morphology file "
                + empty.resolve("cell1.asc").toAbsolutePath() + " does not exist");
        assertThat(out).doesNotExist();

        // With the folder that has cell1.asc the cell is built, and fig5 stops only for want of a threshold.
        Path hay = Path.of("..", "spineformer-morphology", "src", "test", "resources", "reference", "hay2011_l5pc");
        r = run("reproduce", "fig5", "--model", "hay2011_l5pc_spiny", "--morphology-dir", hay.toString(),
                "--trials", "1", "--out", out.toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("no threshold for --model hay2011_l5pc_spiny");
    }
}
