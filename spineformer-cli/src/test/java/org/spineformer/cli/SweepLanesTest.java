package org.spineformer.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.spineformer.cli.CliRun.run;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code sweep --lanes L}: a grid point's trials in lanes write the bytes of the same sweep run one by one. */
class SweepLanesTest {
    @Test
    void aSweepInLanesWritesTheSameBytesAsOneByOne(@TempDir Path dir) throws IOException, URISyntaxException {
        String model = Path.of(SweepLanesTest.class.getResource("/models/small_spiny.json").toURI()).toString();
        for (String lanes : new String[] {"1", "3"}) {
            CliRun r = run("sweep", "fig3be", "--model", model, "--param", "runs=5", "--param", "matchWindowS=0.5",
                    "--lanes", lanes, "--threads", "2", "--quiet", "--out", dir.resolve("lanes" + lanes).toString());
            assertThat(r.exit()).as(r.err()).isZero();
        }
        Path point = Path.of("runs=5", "matchWindowS=0.5");
        for (String file : new String[] {"trials.csv", "trials.npz", "roc.csv"}) {
            assertThat(Files.readAllBytes(dir.resolve("lanes3").resolve(point).resolve(file))).as(file)
                    .isEqualTo(Files.readAllBytes(dir.resolve("lanes1").resolve(point).resolve(file)));
        }
    }
}
