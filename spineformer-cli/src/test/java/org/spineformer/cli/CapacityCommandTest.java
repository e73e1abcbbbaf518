package org.spineformer.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.spineformer.cli.CliRun.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CapacityCommandTest {
    /**
     * The rules of every point: softmax, sparsemax, entmax-1.5, top-1, top-2, top-8, argmax, linear and
     * match-and-control at the paper's threshold and at the tuned one.
     */
    static final int RULES = 10;

    @Test
    void writesTheTableJsonAndPlotsTheSameOnAnyThreadCount(@TempDir Path dir) throws IOException {
        String[] args = {"attention", "capacity", "--encoding", "rate", "--n", "10,40", "--dim", "4,8", "--queries",
                "30", "--tuning-queries", "10", "--seed", "5", "--quiet"};
        CliRun one = run(concat(args, "--threads", "1", "--out", dir.resolve("one").toString()));
        assertThat(one.exit()).as(one.err()).isZero();
        CliRun two = run(concat(args, "--threads", "2", "--out", dir.resolve("two").toString()));
        assertThat(two.exit()).as(two.err()).isZero();
        List<String> csv = Files.readAllLines(dir.resolve("one/capacity.csv"));
        // 2 n x 2 d x 2 score sources (exact and spine, the spike encodings' default) x the rules, and a header.
        assertThat(csv).hasSize(1 + 8 * RULES);
        assertThat(csv.get(0)).startsWith("encoding,score,rule,dim,n,parameter,accuracy");
        assertThat(Files.readAllLines(dir.resolve("two/capacity.csv"))).isEqualTo(csv);
        JsonNode json = new ObjectMapper().readTree(dir.resolve("one/capacity.json").toFile());
        assertThat(json.path("seed").asLong()).isEqualTo(5);
        assertThat(json.path("command_line").asText()).startsWith("spineformer attention capacity --encoding rate");
        assertThat(json.path("rows")).hasSize(8 * RULES);
        for (String plot : new String[] {"accuracy_vs_n_exact_d4", "accuracy_vs_n_spine_d8",
                "accuracy_vs_dim_spine_n40"}) {
            assertThat(dir.resolve("one").resolve(plot + ".png")).exists();
            assertThat(dir.resolve("one").resolve(plot + ".svg")).exists();
        }
    }

    @Test
    void badOptionsAreClearErrorsBeforeAnyWork(@TempDir Path dir) {
        Path out = dir.resolve("out");
        assertThat(run("attention", "capacity", "--encoding", "morse", "--out", out.toString()).err())
                .contains("--encoding = morse");
        assertThat(run("attention", "capacity", "--score", "spine", "--out", out.toString()).err())
                .contains("--score = spine needs spike trains");
        assertThat(run("attention", "capacity", "--jitter", "2", "--out", out.toString()).err())
                .contains("--jitter = 2.0").contains("poisson encoding only");
        assertThat(run("attention", "capacity", "--n", "1", "--out", out.toString()).err()).contains("--n = 1");
        assertThat(run("attention", "capacity", "--encoding", "poisson", "--correlation", "0.5", "--out",
                out.toString()).err()).contains("--correlation = 0.5");
        assertThat(out).doesNotExist();
    }

    private static String[] concat(String[] a, String... b) {
        String[] all = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }
}
