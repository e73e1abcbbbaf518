package org.spineformer.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.spineformer.cli.CliRun.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spineformer.experiments.ellwood2024.Panels;

/**
 * {@code reproduce all --quick --model}: every panel that runs the cell runs on the small spiny test cell (about 66 s
 * of its time), each taking the model's bAP delays from the fig2b run and its threshold from the fig3be run beside
 * it; fig4a, which runs no cell, is left out.
 */
class ReproduceAllModelTest {
    @Test
    void everyPanelRunsOnTheModel(@TempDir Path dir) throws IOException, URISyntaxException {
        String model = Path.of(getClass().getResource("/models/small_spiny.json").toURI()).toString();
        Path out = dir.resolve("all");
        CliRun r = run("reproduce", "all", "--quick", "--model", model, "--threads", "2", "--quiet", "--out",
                out.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("Skipped on --model small_spiny: fig4a (it runs no cell");
        assertThat(out.resolve("fig4a")).doesNotExist();
        ObjectMapper json = new ObjectMapper();
        JsonNode fig3be = json.readTree(out.resolve("fig3be/summary.json").toFile());
        String sha = fig3be.path("model_sha256").asText();
        assertThat(sha).hasSize(64);
        for (Panels.Panel p : Panels.IMPLEMENTED) {
            if (p.name().equals("fig4a")) {
                continue;
            }
            JsonNode s = json.readTree(out.resolve(p.name()).resolve("summary.json").toFile());
            assertThat(s.path("model").asText()).as(p.name()).isEqualTo("small_spiny");
            assertThat(s.path("model_sha256").asText()).as(p.name()).isEqualTo(sha);
            if (!p.name().equals("fig2b")) {
                assertThat(s.path("bap_delays_source").asText()).as(p.name())
                        .isEqualTo(out.resolve("fig2b/bap_delays.npz").toAbsolutePath().normalize().toString());
            }
            if (s.has("threshold_source")) {
                assertThat(s.path("threshold_source").asText()).as(p.name()).isEqualTo("fig3be");
                assertThat(s.path("threshold").asDouble()).as(p.name()).isEqualTo(fig3be.path("threshold").asDouble());
            }
        }
    }
}
