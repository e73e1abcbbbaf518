package org.spineformer.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.spineformer.cli.CliRun.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A rerun into a folder holding the outputs of the same command with other settings is refused before any work,
 * naming what differs in the options' words, so that a folder's subfolders never mix two runs.
 */
class OutputOwnershipTest {
    @TempDir
    Path tmp;

    private static CliRun attention(Path out, String keys) {
        return run("attention", "--keys", keys, "--queries", "2", "--threads", "1", "--quiet", "--out",
                out.toString());
    }

    @Test
    void anAttentionRerunWithOtherKeysIsRefusedAndTheSameSettingsRunAgain() throws IOException {
        Path out = tmp.resolve("att");
        assertThat(attention(out, "10").exit()).isZero();
        String summary = Files.readString(out.resolve("summary.json"));

        CliRun other = attention(out, "20");
        assertThat(other.exit()).isEqualTo(2);
        assertThat(other.err()).isEqualTo("spineformer: --out " + out + " holds the outputs of 'attention' with other"
                + " settings (--keys 10 before, 20 now); rerun with those settings to resume, or choose another"
                + " --out\n");
        assertThat(Files.readString(out.resolve("summary.json"))).isEqualTo(summary);

        assertThat(attention(out, "10").exit()).isZero();
    }

    @Test
    void anAttentionGridRerunWithOtherKeysIsRefused() {
        Path out = tmp.resolve("grid");
        assertThat(attention(out, "5,10").exit()).isZero();
        CliRun other = run("attention", "--keys", "5", "--queries", "2", "--match-window", "0.5", "--threads", "1",
                "--quiet", "--out", out.toString());
        assertThat(other.exit()).isEqualTo(2);
        assertThat(other.err()).contains("(--keys 5,10 before, 5 now; --match-window 1.0 before, 0.5 now)");
        assertThat(out.resolve("keys=5,window=0.5,jitter=0.0")).doesNotExist();
    }

    @Test
    void aSweepRerunWithOtherParametersIsRefusedBeforeAnyTrial() throws IOException {
        Path out = tmp.resolve("sweep");
        Files.createDirectories(out);
        // What a sweep over --param runs=2 records before its trials (docs/user/bad-input.md).
        Files.writeString(out.resolve("command.json"), """
                {
                  "settings": {"--param": "runs=2"},
                  "provenance": {"output": "sweep fig3be"}
                }
                """);
        CliRun other = run("sweep", "fig3be", "--param", "runs=3", "--out", out.toString());
        assertThat(other.exit()).isEqualTo(2);
        assertThat(other.err()).isEqualTo("spineformer: --out " + out + " holds the outputs of 'sweep fig3be' with"
                + " other settings (--param runs=2 before, runs=3 now); rerun with those settings to resume, or choose"
                + " another --out\n");
        assertThat(run("sweep", "fig3be", "--out", out.toString()).err())
                .contains("(--param runs=2 before, not given now)");
        try (var files = Files.list(out)) {
            assertThat(files).containsExactly(out.resolve("command.json"));
        }
    }
}
