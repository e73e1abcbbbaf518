package org.spineformer.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.spineformer.cli.CliRun.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code reproduce fig2b --model hay2011_l5pc_spiny} (validation tier: four runs of the 3196-section cell, about a
 * minute): the same numbers on 1 and 2 threads, the bAP peak window of the description applied, and the summary of
 * the spiny Hay cell (its morphology's hash, no key of the paper's cell).
 */
@Tag("validation")
class ReproduceHayValidationTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** cell1.asc: spineformer-morphology's test copy (its PROVENANCE.md). */
    private static final Path MORPHOLOGY = Path.of("..", "spineformer-morphology", "src", "test", "resources",
            "reference", "hay2011_l5pc");
    /** hay2011_l5pc_spiny's {@code bap_window_ms}. */
    private static final double BAP_WINDOW_MS = 30;

    private static void fig2b(Path out, String threads) {
        CliRun r = run("reproduce", "fig2b", "--model", "hay2011_l5pc_spiny", "--morphology-dir",
                MORPHOLOGY.toString(), "--trials", "2", "--threads", threads, "--quiet", "--out", out.toString());
        assertThat(r.exit()).as(r.err()).isZero();
    }

    @Test
    void fig2bOnTheSpinyHayCellIsTheSameOnOneAndTwoThreads(@TempDir Path dir) throws IOException {
        fig2b(dir.resolve("a"), "1");
        fig2b(dir.resolve("b"), "2");
        for (String file : List.of("trials.csv", "trials.npz", "bap_delays.csv", "bap_delays.npz")) {
            assertThat(Files.readAllBytes(dir.resolve("b").resolve(file))).as(file)
                    .isEqualTo(Files.readAllBytes(dir.resolve("a").resolve(file)));
        }
        JsonNode s = JSON.readTree(dir.resolve("a/summary.json").toFile());
        assertThat(s.path("model").asText()).isEqualTo("hay2011_l5pc_spiny");
        assertThat(s.path("morphology_sha256").asText()).hasSize(64);
        assertThat(s.has("paper_delay_min_ms")).isFalse();
        assertThat(s.path("bap_window_ms").asDouble()).isEqualTo(BAP_WINDOW_MS);
        // Every spine's peak within the window after the pulse, in every run.
        for (String line : Files.readAllLines(dir.resolve("a/trials.csv")).subList(1, 3001)) {
            assertThat(Double.parseDouble(line.split(",")[3])).isBetween(0.0, BAP_WINDOW_MS);
        }
        // 35 tuft sections carry spines (docs/user/cell-description.md).
        assertThat(s.path("branches").asInt()).isEqualTo(35);
    }
}
