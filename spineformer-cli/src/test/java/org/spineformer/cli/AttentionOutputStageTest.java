package org.spineformer.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.spineformer.cli.CliRun.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spineformer.attention.reduced.Transmission;

class AttentionOutputStageTest {
    @Test
    void transmitStageUsesTheBundledFit(@TempDir Path dir) throws IOException {
        String[] common = {"attention", "--keys", "20", "--queries", "40", "--seed", "3", "--threads", "1", "--quiet",
            "--out"};
        CliRun copy = run(concat(common, dir.resolve("copy").toString()));
        assertThat(copy.exit()).as(copy.err()).isZero();
        CliRun sent = run(concat(concat(common, dir.resolve("transmission").toString()), "--output-stage",
                "transmit"));
        assertThat(sent.exit()).as(sent.err()).isZero();
        ObjectMapper mapper = new ObjectMapper();
        JsonNode s = mapper.readTree(dir.resolve("transmission/summary.json").toFile());
        assertThat(s.path("output_stage").asText()).isEqualTo("transmit");
        assertThat(s.path("output_delay_ms").asDouble()).isEqualTo(Transmission.bundled().delayMs());
        JsonNode c = mapper.readTree(dir.resolve("copy/summary.json").toFile());
        // The same scores and selections: the same accuracy; the output differs.
        assertThat(s.path("top1_accuracy").asDouble()).isEqualTo(c.path("top1_accuracy").asDouble());
    }

    @Test
    void badStageIsRefused(@TempDir Path dir) {
        CliRun r = run("attention", "--keys", "5", "--queries", "1", "--output-stage", "echo", "--out",
                dir.toString());
        assertThat(r.exit()).isNotZero();
        assertThat(r.err()).contains("--output-stage = echo: need one of [copy, transmit]");
        CliRun d = run("attention", "--keys", "5", "--queries", "1", "--output-stage", "transmit",
                "--output-delay", "3", "--out", dir.toString());
        assertThat(d.err()).contains("--output-delay is for --output-stage copy");
    }

    private static String[] concat(String[] a, String... b) {
        String[] all = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }
}
