package org.spineformer.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.spineformer.cli.CliRun.run;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code reproduce --lanes L} on a description whose mechanisms are compiled from NMODL (test resource
 * {@code models/small_spiny_compiled.json}: the bundled Hay mechanisms, tables of v included, in the soma, trunk and
 * tuft): the trial runner's lane groups write, byte for byte, what the same trials write one by one.
 */
class ReproduceCompiledLanesTest {

    /**
     * With the 0.5 s window (the shortest trials): fig3be (3 runs) one by one and in lanes of 3, then fig5 (4 full
     * trials, potentiation on) one by one and in lanes of 3 on 1 thread (groups of 3 and 1) and of 8 on 2 threads
     * (one partial group).
     */
    @Test
    void lanesWriteTheBytesOfOneByOne(@TempDir Path root) throws IOException, URISyntaxException {
        String model = Path.of(ReproduceCompiledLanesTest.class.getResource("/models/small_spiny_compiled.json")
                .toURI()).toString();
        reproduce(model, "fig2b", root.resolve("fig2b"), "2", "1", "2");
        Path fig3beAlone = root.resolve("fig3be");
        reproduce(model, "fig3be", fig3beAlone, "3", "1", "1");
        Path fig3beLanes = root.resolve("lanes3").resolve("fig3be");
        Files.createDirectories(fig3beLanes);
        Files.copy(fig3beAlone.resolve("bap_delays.npz"), fig3beLanes.resolve("bap_delays.npz"));
        reproduce(model, "fig3be", fig3beLanes, "3", "3", "1");
        for (String file : List.of("trials.csv", "trials.npz", "roc.csv")) {
            assertThat(Files.readAllBytes(fig3beLanes.resolve(file))).as("fig3be %s, --lanes 3", file)
                    .isEqualTo(Files.readAllBytes(fig3beAlone.resolve(file)));
        }
        // fig5 finds the bAP delays and the threshold in its siblings fig2b and fig3be
        Path alone = root.resolve("fig5_alone");
        reproduce(model, "fig5", alone, "4", "1", "1");
        List<String> files = List.of("trials.csv", "trials.npz", "by_pulse_count.csv");
        for (String[] lanesThreads : new String[][] {{"3", "1"}, {"8", "2"}}) {
            Path out = root.resolve("fig5_lanes" + lanesThreads[0] + "_threads" + lanesThreads[1]);
            reproduce(model, "fig5", out, "4", lanesThreads[0], lanesThreads[1]);
            for (String file : files) {
                assertThat(Files.readAllBytes(out.resolve(file))).as("fig5 %s, --lanes %s --threads %s", file,
                        lanesThreads[0], lanesThreads[1]).isEqualTo(Files.readAllBytes(alone.resolve(file)));
            }
        }
        // the trials differ, so equal files are not an accident of equal trials
        assertThat(Files.readString(alone.resolve("trials.csv")).lines().skip(1).map(l -> l.split(",", 2)[1])
                .distinct()).as("fig5's trials").hasSize(4);
    }

    private static void reproduce(String model, String panel, Path out, String trials, String lanes, String threads) {
        List<String> args = new ArrayList<>(List.of("reproduce", panel, "--model", model, "--trials", trials,
                "--lanes", lanes, "--threads", threads, "--quiet", "--out", out.toString()));
        if (!panel.equals("fig2b")) {
            args.addAll(List.of("--match-window", "0.5"));
        }
        CliRun r = run(args.toArray(String[]::new));
        assertThat(r.exit()).as(r.err()).isZero();
    }
}
