package org.spineformer.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.spineformer.cli.CliRun.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Without {@code --model} the experiments are the paper's cell exactly as before: {@code reproduce fig2b} and
 * {@code fig3be} write, byte for byte, what the build before {@code --model} (commit aee3a6d) wrote for the same
 * command (test resources {@code golden/ellwood2024}, see PROVENANCE.md: since regenerated twice for last bits,
 * one exponential and NEURON's mechanism type order), and their run.json identities are the same, so runs started
 * before resume after.
 */
class PaperOutputsUnchangedTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void fig2bAndFig3beWriteTheSameBytesAsBefore(@TempDir Path root) throws IOException {
        CliRun delays = run("reproduce", "fig2b", "--trials", "2", "--threads", "2", "--quiet", "--out",
                root.resolve("fig2b").toString());
        assertThat(delays.exit()).as(delays.err()).isZero();
        CliRun roc = run("reproduce", "fig3be", "--trials", "3", "--threads", "2", "--quiet", "--out",
                root.resolve("fig3be").toString());
        assertThat(roc.exit()).as(roc.err()).isZero();
        for (String file : new String[] {"fig2b/bap_delays.npz", "fig2b/bap_delays.csv", "fig2b/trials.npz",
                "fig3be/trials.csv", "fig3be/trials.npz", "fig3be/roc.csv"}) {
            assertThat(Files.readAllBytes(root.resolve(file))).as(file).isEqualTo(golden(file));
        }
        for (String panel : new String[] {"fig2b", "fig3be"}) {
            JsonNode identity = JSON.readTree(root.resolve(panel).resolve("run.json").toFile()).path("experiment");
            assertThat(identity).as(panel).isEqualTo(JSON.readTree(golden(panel + "/run_experiment.json")));
            JsonNode summary = JSON.readTree(root.resolve(panel).resolve("summary.json").toFile());
            assertThat(summary.has("model")).isFalse();
        }
    }

    private static byte[] golden(String file) throws IOException {
        try (InputStream in = PaperOutputsUnchangedTest.class.getResourceAsStream("/golden/ellwood2024/" + file)) {
            assertThat(in).as(file).isNotNull();
            return in.readAllBytes();
        }
    }
}
