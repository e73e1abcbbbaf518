package org.spineformer.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.spineformer.cli.CliRun.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code attention --model}: the biophysical backend on the small spiny test cell (4 axons). */
class AttentionModelTest {
    private static String model() throws URISyntaxException {
        return Path.of(AttentionModelTest.class.getResource("/models/small_spiny.json").toURI()).toString();
    }

    @Test
    void theBiophysicalBackendRunsOnTheModelsAxonsAndMeasuresItsDelays(@TempDir Path dir)
            throws IOException, URISyntaxException {
        Path out = dir.resolve("out");
        CliRun r = run("attention", "--backend", "biophysical", "--model", model(), "--keys", "4", "--queries", "1",
                "--match-window", "0.5", "--threshold", "0.5", "--threads", "1", "--quiet", "--out", out.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        // The delays were measured on the model (40 spines), not the paper's cell's 1500.
        assertThat(Files.readString(out.resolve("fig2b/bap_delays.csv")).lines()).hasSize(41);
        JsonNode run = new ObjectMapper().readTree(out.resolve("trials/run.json").toFile());
        assertThat(run.path("experiment").path("model").asText()).isEqualTo("small_spiny");
        JsonNode command = new ObjectMapper().readTree(out.resolve("command.json").toFile());
        assertThat(command.path("settings").path("--model").asText()).startsWith("small_spiny (sha256 ");
    }

    @Test
    void moreKeysThanTheModelHasAxonsOrNoThresholdAreRefused(@TempDir Path dir) throws URISyntaxException {
        Path out = dir.resolve("out");
        CliRun keys = run("attention", "--backend", "biophysical", "--model", model(), "--keys", "5", "--queries",
                "1", "--threshold", "1", "--out", out.toString());
        assertThat(keys.exit()).isEqualTo(2);
        assertThat(keys.err()).isEqualTo("spineformer: --keys = 5: the biophysical cell has 4 axons, one per key;"
                + " use --backend reduced for more\n");
        CliRun threshold = run("attention", "--backend", "biophysical", "--model", model(), "--keys", "2",
                "--queries", "1", "--out", out.toString());
        assertThat(threshold.exit()).isEqualTo(2);
        assertThat(threshold.err()).isEqualTo("spineformer: --model " + model() + ": give --threshold (in units of"
                + " the paper's 1 s threshold): the paper's thresholds are for the paper's cell\n");
        CliRun reduced = run("attention", "--model", model(), "--keys", "2", "--queries", "1", "--out",
                out.toString());
        assertThat(reduced.exit()).isEqualTo(2);
        assertThat(reduced.err()).startsWith("spineformer: --model " + model() + " is the biophysical backend's cell");
        assertThat(out).doesNotExist();
    }
}
