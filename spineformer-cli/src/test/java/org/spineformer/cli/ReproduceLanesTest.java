package org.spineformer.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.spineformer.cli.CliRun.run;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code reproduce --lanes L}: trials packed into lane groups write, byte for byte, what the same trials write run
 * one by one, whatever the lanes (1, 3, 8: groups full and partial) and threads (1, 2), and a run interrupted
 * mid-way resumes in lanes to the same bytes.
 */
class ReproduceLanesTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * The paper's cell, fig3be with 3 runs in 3 lanes on one thread: the outputs of
     * {@link PaperOutputsUnchangedTest}'s golden files (made one trial at a time, before lanes existed), from the
     * same bAP delays (its golden fig2b's, put in the folder as the panel's cached delays so that fig2b does not run
     * again). ({@link PaperOutputsUnchangedTest} itself runs the default lanes, 3 runs in one group, on 2 threads.)
     */
    @Test
    void fig3beInLanesWritesTheGoldenBytes(@TempDir Path root) throws IOException {
        for (String[] lanesThreads : new String[][] {{"3", "1"}}) {
            Path out = root.resolve("fig3be_lanes" + lanesThreads[0] + "_threads" + lanesThreads[1]);
            Files.createDirectories(out);
            Files.write(out.resolve("bap_delays.npz"), golden("fig2b/bap_delays.npz"));
            CliRun r = run("reproduce", "fig3be", "--trials", "3", "--lanes", lanesThreads[0], "--threads",
                    lanesThreads[1], "--quiet", "--out", out.toString());
            assertThat(r.exit()).as(r.err()).isZero();
            for (String file : new String[] {"trials.csv", "trials.npz", "roc.csv"}) {
                assertThat(Files.readAllBytes(out.resolve(file))).as("%s, --lanes %s --threads %s", file,
                        lanesThreads[0], lanesThreads[1]).isEqualTo(golden("fig3be/" + file));
            }
            // The lanes are not part of what determines the trials: a run resumes with any --lanes.
            assertThat(JSON.readTree(out.resolve("run.json").toFile()).path("experiment"))
                    .isEqualTo(JSON.readTree(golden("fig3be/run_experiment.json")));
        }
    }

    /**
     * fig5 (full trials recording the axons' low-passed integrals every 1 ms, potentiation on) on the small spiny
     * cell of {@link ReproduceModelTest}: 5 trials one by one on one thread, then in lanes of 3 (one group of 3
     * and one of 2) on 1 and 2 threads, in 8 (one partial group), and in 3 on 2 threads interrupted after the first
     * trial and resumed (groups of 3 and 1): every run's files are the one-by-one run's bytes.
     */
    @Test
    void fig5InLanesWritesTheSameBytesAsOneByOne(@TempDir Path root) throws IOException, URISyntaxException {
        String model = Path.of(ReproduceLanesTest.class.getResource("/models/small_spiny.json").toURI()).toString();
        // the bAP delays and threshold of the model, found by the fig5 runs as their siblings
        reproduce(model, "fig2b", root.resolve("fig2b"), "2", "1", "2");
        reproduce(model, "fig3be", root.resolve("fig3be"), "6", "1", "2");
        Path alone = root.resolve("fig5_alone");
        reproduce(model, "fig5", alone, "5", "1", "1");
        List<String> files = List.of("trials.csv", "trials.npz", "by_pulse_count.csv");
        for (String[] lanesThreads : new String[][] {{"3", "1"}, {"3", "2"}, {"8", "2"}}) {
            Path out = root.resolve("fig5_lanes" + lanesThreads[0] + "_threads" + lanesThreads[1]);
            reproduce(model, "fig5", out, "5", lanesThreads[0], lanesThreads[1]);
            for (String file : files) {
                assertThat(Files.readAllBytes(out.resolve(file))).as("%s, --lanes %s --threads %s", file,
                        lanesThreads[0], lanesThreads[1]).isEqualTo(Files.readAllBytes(alone.resolve(file)));
            }
        }
        Path resumed = root.resolve("fig5_resumed");
        reproduce(model, "fig5", resumed, "5", "3", "2");
        List<String> lines = Files.readAllLines(resumed.resolve("trials.jsonl"));
        Files.writeString(resumed.resolve("trials.jsonl"), lines.get(0) + "\n");
        for (String written : List.of("summary.json", "trials.csv", "trials.npz", "by_pulse_count.csv")) {
            Files.delete(resumed.resolve(written));
        }
        reproduce(model, "fig5", resumed, "5", "3", "2");
        assertThat(Files.readAllLines(resumed.resolve("trials.jsonl"))).hasSize(5);
        for (String file : files) {
            assertThat(Files.readAllBytes(resumed.resolve(file))).as("%s, resumed", file)
                    .isEqualTo(Files.readAllBytes(alone.resolve(file)));
        }
        assertThat(Files.readString(alone.resolve("trials.csv")).lines().skip(1).map(l -> l.split(",")[3]).distinct())
                .as("the trials differ in their pulse counts").hasSizeGreaterThan(1);
    }

    @Test
    void aNegativeLaneCountIsRefusedBeforeAnyWork(@TempDir Path root) {
        Path out = root.resolve("fig5");
        CliRun r = run("reproduce", "fig5", "--trials", "1", "--lanes", "-1", "--quiet", "--out", out.toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err().strip()).isEqualTo("spineformer: --lanes = -1 must be >= 0");
        assertThat(out).doesNotExist();
    }

    private static void reproduce(String model, String panel, Path out, String trials, String lanes, String threads) {
        CliRun r = run("reproduce", panel, "--model", model, "--trials", trials, "--lanes", lanes, "--threads",
                threads, "--quiet", "--out", out.toString());
        assertThat(r.exit()).as(r.err()).isZero();
    }

    private static byte[] golden(String file) throws IOException {
        try (InputStream in = ReproduceLanesTest.class.getResourceAsStream("/golden/ellwood2024/" + file)) {
            assertThat(in).as(file).isNotNull();
            return in.readAllBytes();
        }
    }
}
