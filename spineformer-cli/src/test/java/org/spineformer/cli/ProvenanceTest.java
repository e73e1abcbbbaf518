package org.spineformer.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.spineformer.cli.CliRun.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collections;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spineformer.io.npy.Npy;
import org.spineformer.io.npy.NpyArray;

/**
 * Every result.json and summary.json says what made it: the version and commit, the JVM, the command line and the
 * SHA-256 of each input; a folder holding another command's outputs, or outputs of another input, is refused before
 * any work; a replay leaves no file of an earlier replay beside its own.
 */
class ProvenanceTest {
    /** A 40-hex-digit commit, marked when the build had uncommitted changes, or "unknown" without git history. */
    private static final String COMMIT = "[0-9a-f]{40}(\\+dirty)?|unknown";

    @TempDir
    Path tmp;

    private Path stimulus(String name, double tstop) throws IOException {
        return Files.writeString(tmp.resolve(name), "{\"v_init\": -70, \"tstop\": " + tstop + ", \"pre\": ["
                + String.join(",", Collections.nCopies(1500, "[]")) + "], \"post\": [1.0], \"record_v\": []}");
    }

    private static JsonNode json(Path file) throws IOException {
        return new ObjectMapper().readTree(file.toFile());
    }

    private static String sha256(Path file) throws IOException, NoSuchAlgorithmException {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    }

    private static void assertCommon(JsonNode p, String commandLine) {
        assertThat(p.path("spineformer_version").asText()).isEqualTo(VersionCommand.version());
        assertThat(p.path("git_commit").asText()).matches(COMMIT);
        assertThat(p.path("java").asText()).startsWith(System.getProperty("java.version") + " (");
        assertThat(p.path("command_line").asText()).isEqualTo(commandLine);
    }

    @Test
    void replaysResultNamesItsMakerAndTheStimulusHash() throws Exception {
        Path stim = stimulus("stim.json", 2);
        Path out = tmp.resolve("out");
        CliRun r = run("replay", stim.toString(), "--out", out.toString(), "--quiet");
        assertThat(r.exit()).as(r.err()).isZero();
        JsonNode p = json(out.resolve("result.json")).path("provenance");
        assertCommon(p, "spineformer replay " + stim + " --out " + out + " --quiet");
        assertThat(p.path("output").asText()).isEqualTo("replay");
        assertThat(p.path("inputs").path("stimulus").path("path").asText()).isEqualTo(stim.toString());
        assertThat(p.path("inputs").path("stimulus").path("sha256").asText()).isEqualTo(sha256(stim));
    }

    @Test
    void panelAndAttentionSummariesCarryIt() throws Exception {
        Path panel = tmp.resolve("fig4a");
        assertThat(run("reproduce", "fig4a", "--out", panel.toString()).exit()).isZero();
        JsonNode p = json(panel.resolve("summary.json")).path("provenance");
        assertCommon(p, "spineformer reproduce fig4a --out " + panel);
        assertThat(p.path("output").asText()).isEqualTo("reproduce fig4a");

        Path q = tmp.resolve("q.npy");
        Path k = tmp.resolve("k.npy");
        Path v = tmp.resolve("v.npy");
        Npy.write(q, NpyArray.of(new double[][] {{1, 0}, {0, 1}}));
        Npy.write(k, NpyArray.of(new double[][] {{1, 0}, {0, 1}}));
        Npy.write(v, NpyArray.of(new double[][] {{1}, {0}}));
        Path out = tmp.resolve("attention");
        CliRun r = run("attention", "--queries-npy", q.toString(), "--keys-npy", k.toString(), "--values-npy",
                v.toString(), "--threads", "1", "--out", out.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        JsonNode a = json(out.resolve("summary.json")).path("provenance");
        assertThat(a.path("output").asText()).isEqualTo("attention");
        assertThat(a.path("inputs").path("keys_npy").path("sha256").asText()).isEqualTo(sha256(k));
        assertThat(a.path("inputs").path("values_npy").path("sha256").asText()).isEqualTo(sha256(v));
    }

    @Test
    void aFolderOfAnotherCommandIsRefusedBeforeAnyWork() throws Exception {
        Path panel = tmp.resolve("fig4a");
        assertThat(run("reproduce", "fig4a", "--out", panel.toString()).exit()).isZero();
        byte[] summary = Files.readAllBytes(panel.resolve("summary.json"));
        CliRun replay = run("replay", stimulus("stim.json", 2).toString(), "--out", panel.toString(), "--quiet");
        assertThat(replay.exit()).isEqualTo(2);
        assertThat(replay.err().strip()).isEqualTo("spineformer: --out " + panel + " holds the outputs of 'reproduce"
                + " fig4a' (summary.json), not of 'replay'; choose another --out");
        assertThat(panel.resolve("result.json")).doesNotExist();
        assertThat(Files.readAllBytes(panel.resolve("summary.json"))).isEqualTo(summary);

        CliRun demo = run("demo", "--quiet", "--out", panel.toString());
        assertThat(demo.exit()).isEqualTo(2);
        assertThat(demo.err()).contains("holds the outputs of 'reproduce fig4a'").contains("not of 'demo'");
    }

    @Test
    void aReplayFolderRefusesAnotherStimulus() throws Exception {
        Path first = stimulus("first.json", 2);
        Path out = tmp.resolve("out");
        assertThat(run("replay", first.toString(), "--out", out.toString(), "--quiet").exit()).isZero();
        byte[] result = Files.readAllBytes(out.resolve("result.json"));
        Path second = stimulus("second.json", 3);
        CliRun r = run("replay", second.toString(), "--out", out.toString(), "--quiet");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err().strip()).isEqualTo("spineformer: --out " + out + " holds the outputs of 'replay' on another"
                + " stimulus (" + first + " with SHA-256 " + sha256(first) + ", not " + second + "); choose another"
                + " --out");
        assertThat(Files.readAllBytes(out.resolve("result.json"))).isEqualTo(result);
    }

    @Test
    void aReplayLeavesNoTracesOfAnEarlierOne() throws Exception {
        Path stim = stimulus("stim.json", 2);
        Path out = tmp.resolve("out");
        assertThat(run("replay", stim.toString(), "--out", out.toString(), "--quiet", "--record",
                "v:soma(0.5)").exit()).isZero();
        assertThat(out.resolve("traces.csv.gz")).exists();
        assertThat(run("replay", stim.toString(), "--out", out.toString(), "--quiet").exit()).isZero();
        try (var files = Files.list(out)) {
            assertThat(files.map(f -> f.getFileName().toString())).containsExactly("result.json");
        }
    }
}
