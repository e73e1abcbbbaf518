package org.spineformer.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.spineformer.cli.CliRun.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Errors a user sees speak the user's words: option names as typed, JSON positions, no Jackson feature names, no
 * Java class or field names; each before any work, with nothing written.
 */
class UserVocabularyTest {
    @TempDir
    Path tmp;

    private static void assertUsersWords(CliRun r) {
        assertThat(r.exit()).as(r.err()).isEqualTo(2);
        assertThat(r.err().strip()).doesNotContain("\n").doesNotContain("Feature").doesNotContain("ALLOW_")
                .doesNotContain("org.spineformer").doesNotContain("Exception");
    }

    @Test
    void stimulusJsonErrorsGiveThePositionAndNoParserFeature() throws IOException {
        String pre = String.join(",", Collections.nCopies(1500, "[]"));
        Path nan = Files.writeString(tmp.resolve("nan.json"), "{\"v_init\": NaN, \"tstop\": 5, \"pre\": [" + pre
                + "], \"post\": []}");
        CliRun r = run("replay", nan.toString(), "--out", tmp.resolve("out").toString(), "--quiet");
        assertUsersWords(r);
        assertThat(r.err().strip()).isEqualTo("spineformer: " + nan + ": not valid JSON: line 1, column 15:"
                + " Non-standard token 'NaN'; NaN and Infinity are not JSON numbers (write a number, or null where one"
                + " is allowed)");
        Path comment = Files.writeString(tmp.resolve("comment.json"), "{\"v_init\": -70,\n  // rest\n}");
        CliRun c = run("replay", comment.toString(), "--out", tmp.resolve("out").toString(), "--quiet");
        assertUsersWords(c);
        assertThat(c.err()).contains("comment.json: not valid JSON: line 2, column 3: Unexpected character ('/'");
        assertThat(tmp.resolve("out")).doesNotExist();
    }

    @Test
    void anUnknownSweepParameterNamesNoJavaClass() {
        CliRun r = run("sweep", "fig3be", "--param", "window=1", "--out", tmp.resolve("s").toString());
        assertUsersWords(r);
        assertThat(r.err().strip()).isEqualTo("spineformer: --param window=1: fig3be has no parameter 'window'; its"
                + " parameters are the components of its config record: matchWindowS, runs, seed, trainStartMs,"
                + " tailMs, rateKhz, jitterMs");
        assertThat(tmp.resolve("s")).doesNotExist();
    }

    @Test
    void aSweepValueOfTheWrongKindSaysWhatKindInWords() {
        CliRun r = run("sweep", "fig3be", "--param", "runs=abc", "--out", tmp.resolve("s").toString());
        assertUsersWords(r);
        assertThat(r.err().strip()).isEqualTo("spineformer: --param runs: 'abc' is not an integer");
        CliRun big = run("sweep", "fig3be", "--param", "runs=99999999999", "--out", tmp.resolve("s").toString());
        assertThat(big.err().strip()).isEqualTo("spineformer: --param runs: '99999999999' is not an integer this"
                + " program can count to (at most 2147483647)");
        assertThat(tmp.resolve("s")).doesNotExist();
    }

    @Test
    void attentionsRangeErrorsNameTheOption() {
        String out = tmp.resolve("out").toString();
        List<String[]> cases = List.of(
                new String[] {"--jitter = -1.0 must be a finite number >= 0", "--jitter", "-1"},
                new String[] {"--keys = 0 must be >= 1", "--keys", "0"},
                new String[] {"--queries = 0 must be >= 1", "--queries", "0"},
                new String[] {"--temperature = -1.0 must be a finite number > 0", "--temperature", "-1"},
                new String[] {"--max-rate-hz = 0.0 must be a finite number > 0", "--max-rate-hz", "0"},
                new String[] {"--threads = 0 must be >= 1", "--threads", "0"},
                new String[] {"--threshold = -1.0 must be a finite number > 0", "--threshold", "-1"},
                new String[] {"--output-delay = -3.0 must be a finite number >= 0", "--output-delay", "-3"},
                new String[] {"--kernel /nonexistent: no kernel.csv there (run 'spineformer reproduce fig2cd' first)",
                        "--kernel", "/nonexistent"});
        for (String[] c : cases) {
            List<String> args = new ArrayList<>(List.of("attention", "--out", out, c[1], c[2]));
            if (!c[1].equals("--keys")) {
                args.addAll(List.of("--keys", "5"));
            }
            if (!c[1].equals("--queries")) {
                args.addAll(List.of("--queries", "2"));
            }
            CliRun r = run(args.toArray(String[]::new));
            assertUsersWords(r);
            assertThat(r.err().strip()).isEqualTo("spineformer: " + c[0]);
        }
        assertThat(tmp.resolve("out")).doesNotExist();
    }

    @Test
    void aKernelPathWithoutAKernelIsNamedTheSameByEveryAttentionCommand() throws IOException {
        Path noKernel = Files.createDirectories(tmp.resolve("not_fig2cd"));
        Path delays = Files.writeString(tmp.resolve("bap_delays.npz"), "never read: the kernel is checked first");
        String out = tmp.resolve("out").toString();
        List<List<String>> commands = List.of(
                List.of("attention", "--keys", "2", "--queries", "1"),
                // the biophysical backend does not use the kernel; a --kernel given is checked all the same
                List.of("attention", "--backend", "biophysical", "--keys", "2", "--queries", "1"),
                List.of("attention", "capacity", "--n", "10"),
                List.of("attention", "transmission", "--bap-delays", delays.toString()),
                List.of("attention", "agreement", "--bap-delays", delays.toString()));
        for (List<String> command : commands) {
            List<String> args = new ArrayList<>(command);
            args.addAll(List.of("--kernel", noKernel.toString(), "--out", out));
            CliRun r = run(args.toArray(String[]::new));
            assertUsersWords(r);
            assertThat(r.err().strip()).as(String.join(" ", command)).isEqualTo("spineformer: --kernel " + noKernel
                    + ": no kernel.csv there (run 'spineformer reproduce fig2cd' first)");
        }
        assertThat(tmp.resolve("out")).doesNotExist();
    }
}
