package org.spineformer.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.spineformer.cli.CliRun.run;
import static org.spineformer.cli.TinySwcModel.sha256;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code reproduce --model} on a description that reads a morphology file: the file's content is part of the run's
 * identity (a resume with another morphology is refused) and of its summary, which carries none of the keys that
 * compare with the paper's cell; {@code --morphology-dir} says where a bundled description's file is.
 */
class ReproduceMorphologyTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void theMorphologyFilesContentIsPartOfTheRunAndItsSummary(@TempDir Path dir) throws Exception {
        Path model = TinySwcModel.write(dir);
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
        Files.writeString(dir.resolve("tiny.swc"), TinySwcModel.SWC.replace("0 110 0", "0 90 0"));
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
