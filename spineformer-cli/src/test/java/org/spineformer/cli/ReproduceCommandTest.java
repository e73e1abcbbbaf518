package org.spineformer.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.spineformer.cli.CliRun.run;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReproduceCommandTest {
    @Test
    void fig4aWritesItsOutputsAndTable(@TempDir Path dir) {
        CliRun r = run("reproduce", "fig4a", "--out", dir.toString());
        assertThat(r.exit()).isZero();
        assertThat(r.out()).contains("Figure 4A").contains("relative conductance at the threshold").contains("4.500");
        assertThat(dir.resolve("summary.json")).isRegularFile();
        assertThat(dir.resolve("fig4a.svg")).isRegularFile();
    }

    @Test
    void withoutTrialsThePanelSaysWhatItRunsBeforeStarting(@TempDir Path dir) {
        CliRun r = run("reproduce", "fig4a", "--out", dir.toString());
        assertThat(r.out()).startsWith("fig4a: no simulation" + System.lineSeparator());
    }

    @Test
    void unknownPanelIsAClearError() {
        CliRun unknown = run("reproduce", "fig9");
        assertThat(unknown.exit()).isEqualTo(2);
        assertThat(unknown.err()).contains("unknown panel 'fig9'").contains("fig2a, fig2b");
    }

    @Test
    void badOptionsNameTheOption(@TempDir Path dir) {
        assertThat(run("reproduce", "fig5", "--trials", "0", "--out", dir.toString()).err())
                .contains("--trials = 0");
        assertThat(run("reproduce", "fig5", "--threads", "0", "--out", dir.toString()).err())
                .contains("--threads = 0");
        assertThat(run("reproduce", "all", "--trials", "3", "--out", dir.toString()).err())
                .contains("--trials = 3");
    }

    @Test
    void aMatchWindowInMillisecondsIsRefusedBeforeRunning(@TempDir Path dir) {
        Path out = dir.resolve("out");
        CliRun r = run("reproduce", "fig5", "--match-window", "1000", "--out", out.toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).startsWith("spineformer: --match-window = 1000.0 s is longer than 60.0 s")
                .contains("in seconds, not milliseconds");
        assertThat(out).doesNotExist();
    }
}
