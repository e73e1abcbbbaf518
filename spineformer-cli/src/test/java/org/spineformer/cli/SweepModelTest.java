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

/** {@code sweep --model}: a panel's grid on the small spiny test cell, recorded with the model. */
class SweepModelTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static String model() throws URISyntaxException {
        return Path.of(SweepModelTest.class.getResource("/models/small_spiny.json").toURI()).toString();
    }

    @Test
    void aSweepRunsOnTheModelAndARerunWithAnotherModelIsRefused(@TempDir Path dir)
            throws IOException, URISyntaxException {
        Path out = dir.resolve("sweep");
        CliRun r = run("sweep", "fig3be", "--model", model(), "--param", "runs=2", "--param", "matchWindowS=0.5,1",
                "--threads", "2", "--quiet", "--out", out.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        for (String point : new String[] {"runs=2/matchWindowS=0.5", "runs=2/matchWindowS=1"}) {
            JsonNode summary = JSON.readTree(out.resolve(point).resolve("summary.json").toFile());
            assertThat(summary.path("model").asText()).as(point).isEqualTo("small_spiny");
            assertThat(summary.path("runs").asInt()).isEqualTo(2);
        }
        JsonNode command = JSON.readTree(out.resolve("command.json").toFile());
        assertThat(command.path("settings").path("--model").asText()).startsWith("small_spiny (sha256 ");

        Path other = dir.resolve("other.json");
        Files.writeString(other, Files.readString(Path.of(model())).replace("\"v_init_mV\": -75",
                "\"v_init_mV\": -74"));
        CliRun again = run("sweep", "fig3be", "--model", other.toString(), "--param", "runs=2", "--param",
                "matchWindowS=0.5,1", "--quiet", "--out", out.toString());
        assertThat(again.exit()).isEqualTo(2);
        assertThat(again.err()).contains("holds the outputs of 'sweep fig3be' with other settings (--model"
                + " small_spiny (sha256 ");
    }

    @Test
    void aPanelWithAThresholdNeedsItGivenOnAnotherCell(@TempDir Path dir) throws URISyntaxException {
        Path out = dir.resolve("sweep");
        CliRun r = run("sweep", "fig5", "--model", model(), "--param", "trials=1", "--out", out.toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).isEqualTo("spineformer: --param trials=1: fig5 on --model small_spiny needs --param"
                + " threshold=...: the paper's thresholds are for the paper's cell (reproduce fig3be --model measures"
                + " one)\n");
        assertThat(out.resolve("trials=1")).doesNotExist();
    }
}
