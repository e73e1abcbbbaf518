package org.spineformer.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.spineformer.cli.CliRun.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spineformer.attention.reduced.OutputStage;
import org.spineformer.experiments.ellwood2024.BapDelays;
import org.spineformer.experiments.ellwood2024.Ellwood2024;
import org.spineformer.io.npy.Npy;
import org.spineformer.io.npy.NpyArray;

class AttentionCommandTest {
    /** Every spine's bAP delay set to a typical value (ms); the test needs delays, not the cell's own. */
    private static final double BAP_DELAY_MS = 3;

    @Test
    void gridWritesEveryPointAndThePlots(@TempDir Path dir) throws IOException {
        CliRun r = run("attention", "--keys", "5,20", "--match-window", "1,2", "--jitter", "0,2", "--queries", "10",
                "--threads", "1", "--out", dir.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        for (String point : new String[] {"keys=5,window=1.0,jitter=0.0", "keys=20,window=2.0,jitter=2.0"}) {
            JsonNode s = new ObjectMapper().readTree(dir.resolve(point).resolve("summary.json").toFile());
            assertThat(s.path("backend").asText()).isEqualTo("reduced");
            assertThat(s.path("top1_accuracy").asDouble()).isBetween(0.0, 1.0);
        }
        assertThat(Files.readAllLines(dir.resolve("grid.csv"))).hasSize(9);
        assertThat(dir.resolve("accuracy_vs_keys.png")).exists();
        assertThat(dir.resolve("accuracy_vs_window.svg")).exists();
        assertThat(dir.resolve("accuracy_vs_jitter.png")).exists();
    }

    @Test
    void vectorsFromNpyGiveDecodedOutputs(@TempDir Path dir) throws IOException {
        Npy.write(dir.resolve("k.npy"), NpyArray.of(new double[][] {{1, 0, 0, 0}, {0, 0, 1, 1}}));
        Npy.write(dir.resolve("v.npy"), NpyArray.of(new double[][] {{1, 0, 0}, {0, 0, 1}}));
        Npy.write(dir.resolve("q.npy"), NpyArray.of(new double[][] {{1, 0, 0, 0}, {0, 0, 1, 1}, {0, 0, 1, 0}}));
        Path out = dir.resolve("out");
        CliRun r = run("attention", "--queries-npy", dir.resolve("q.npy").toString(), "--keys-npy",
                dir.resolve("k.npy").toString(), "--values-npy", dir.resolve("v.npy").toString(), "--threads", "1",
                "--out", out.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(Npy.read(out.resolve("outputs.npy")).shape()).containsExactly(3, 3);
        assertThat(Npy.read(out.resolve("selected.npy")).shape()).containsExactly(3, 2);
        assertThat(Npy.read(out.resolve("scores.npy")).shape()).containsExactly(3, 2);
        JsonNode s = new ObjectMapper().readTree(out.resolve("summary.json").toFile());
        assertThat(s.path("keys").asInt()).isEqualTo(2);
        assertThat(s.path("queries").asInt()).isEqualTo(3);
    }

    @Test
    void badOptionsAreClearErrors(@TempDir Path dir) {
        assertThat(run("attention", "--keys", "5", "--queries", "1", "--backend", "softmax", "--out", dir.toString())
                .err()).contains("--backend = softmax");
        assertThat(run("attention", "--keys", "151", "--queries", "1", "--backend", "biophysical", "--out",
                dir.toString()).err()).contains("--keys = 151").contains("150 axons");
        assertThat(run("attention", "--keys-npy", "k.npy", "--out", dir.toString()).err())
                .contains("need all of --queries-npy, --keys-npy and --values-npy");
        assertThat(run("attention", "--queries", "1", "--out", dir.toString()).err())
                .contains("give --keys and --queries");
        assertThat(run("attention", "--keys", "5", "--queries", "1", "--match-window", "0.7", "--out",
                dir.toString()).err()).contains("--match-window = 0.7");
        assertThat(dir.resolve("summary.json")).doesNotExist();
    }

    /**
     * With --backend both the reduced backend's output delay is fitted to the cell's output spikes after selected
     * keys' value spikes; with a threshold no key can reach nothing is selected, so there is nothing to fit. One
     * query of one key over a 0.5 s window: a single cell trial (2 s simulated), the cheapest that shows it.
     */
    @Test
    void bothFallsBackToTheDefaultDelayWhenTheCellGivesNothingToFit(@TempDir Path dir) throws IOException {
        double[] delays = new double[Ellwood2024.SPINES];
        java.util.Arrays.fill(delays, BAP_DELAY_MS);
        Path bap = dir.resolve(BapDelays.FILE);
        new BapDelays(delays, new double[Ellwood2024.SPINES], 1).write(bap);
        Path out = dir.resolve("out");
        CliRun r = run("attention", "--backend", "both", "--keys", "1", "--queries", "1", "--match-window", "0.5",
                "--threshold", "1000", "--bap-delays", bap.toString(), "--threads", "1", "--quiet", "--out",
                out.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.err()).contains("warning: the cell's output follows no selected key's value spike in 1 query")
                .contains("using the default " + OutputStage.DEFAULT_DELAY_MS + " ms");
        assertThat(out.resolve("biophysical").resolve("summary.json")).exists();
        JsonNode reduced = new ObjectMapper().readTree(out.resolve("reduced").resolve("summary.json").toFile());
        assertThat(reduced.path("output_delay_ms").asDouble()).isEqualTo(OutputStage.DEFAULT_DELAY_MS);
        assertThat(reduced.path("output_delay_source").asText()).startsWith("default placeholder: nothing to fit");
        assertThat(out.resolve("agreement.json")).exists();
    }

    @Test
    void aMatchWindowInMillisecondsIsRefusedBeforeRunning(@TempDir Path dir) {
        Path out = dir.resolve("out");
        CliRun r = run("attention", "--keys", "5", "--queries", "1", "--match-window", "500", "--threshold", "1",
                "--out", out.toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).startsWith("spineformer: --match-window = 500.0 s is longer than 60.0 s");
        assertThat(out).doesNotExist();
    }
}
