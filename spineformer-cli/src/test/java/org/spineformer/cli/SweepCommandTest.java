package org.spineformer.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.spineformer.cli.CliRun.run;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SweepCommandTest {
    @Test
    void sparkWithoutTheSparkJarSaysWhereItIs(@TempDir Path dir) {
        CliRun r = run("sweep", "fig3be", "--engine", "spark", "--out", dir.resolve("s").toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("--engine spark is not available").contains("spineformer-spark.jar");
        assertThat(dir.resolve("s")).doesNotExist();
    }

    @Test
    void badParametersAndOptionsAreClearErrorsBeforeAnythingRuns(@TempDir Path dir) {
        String out = dir.resolve("s").toString();
        assertThat(run("sweep", "fig3be", "--param", "window=1", "--out", out).err())
                .contains("no parameter 'window'").contains("matchWindowS, runs, seed");
        assertThat(run("sweep", "fig5", "--param", "trials=0", "--out", out).err())
                .contains("--param trials=0: trials = 0 must be >= 1");
        assertThat(run("sweep", "fig4a", "--out", out).err()).contains("fig4a has no trials");
        assertThat(run("sweep", "fig3be", "--master", "local[2]", "--out", out).err())
                .contains("--master local[2] is for --engine spark");
        assertThat(dir.resolve("s")).doesNotExist();
    }

    @Test
    void aMatchWindowInMillisecondsIsRefusedBeforeAnythingRuns(@TempDir Path dir) {
        Path out = dir.resolve("s");
        CliRun r = run("sweep", "fig5", "--param", "matchWindowS=1,1000", "--out", out.toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("--param matchWindowS=1000: matchWindowS = 1000.0 s is longer than 60.0 s");
        assertThat(out).doesNotExist();
    }
}
