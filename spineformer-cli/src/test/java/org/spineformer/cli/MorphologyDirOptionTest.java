package org.spineformer.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.spineformer.cli.CliRun.run;
import static org.spineformer.cli.TinySwcModel.sha256;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --morphology-dir} on sweep, attention and replay, as reproduce takes it: a folder without the bundled
 * description's morphology file is an exit-2 error naming the file, before anything is written; the folder with it
 * runs; the morphology file's SHA-256 is part of what a rerun into the same folder must match.
 */
class MorphologyDirOptionTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The folder with Hay et al.'s cell1.asc, which hay2011_l5pc_spiny reads (the morphology module's fixture). */
    private static final Path HAY = Path.of("..", "spineformer-morphology", "src", "test", "resources", "reference",
            "hay2011_l5pc");

    private static final String SPINY = "hay2011_l5pc_spiny";

    @TempDir
    Path dir;

    /** What every command prints for a folder without cell1.asc. */
    private String missing(Path folder) {
        return "spineformer: cell description " + SPINY + ": morphology file "
                + folder.resolve("cell1.asc").toAbsolutePath() + " does not exist (where to put a published model's"
                + " morphology file: docs/user/cell-description.md)\n";
    }

    private Path emptyFolder() throws IOException {
        return Files.createDirectories(dir.resolve("empty"));
    }

    @Test
    void sweepReadsTheMorphologyFromTheFolderAndRecordsItsHash() throws Exception {
        Path out = dir.resolve("sweep");
        // fig2b's one run cut to 30 ms: the cell is built and simulated, briefly
        String[] grid = {"--param", "runs=1", "--param", "pulseMs=10", "--param", "tstopMs=30", "--param",
                "trainEndMs=29"};
        CliRun wrong = run(concat(new String[] {"sweep", "fig2b", "--model", SPINY, "--morphology-dir",
                emptyFolder().toString(), "--quiet", "--out", out.toString()}, grid));
        assertThat(wrong.exit()).isEqualTo(2);
        assertThat(wrong.err()).isEqualTo(missing(emptyFolder()));
        assertThat(out).doesNotExist();

        CliRun right = run(concat(new String[] {"sweep", "fig2b", "--model", SPINY, "--morphology-dir",
                HAY.toString(), "--threads", "1", "--quiet", "--out", out.toString()}, grid));
        assertThat(right.exit()).as(right.err()).isZero();
        String hash = sha256(HAY.resolve("cell1.asc"));
        JsonNode command = JSON.readTree(out.resolve("command.json").toFile());
        assertThat(command.path("settings").path("--model's morphology file").asText()).isEqualTo("sha256 " + hash);
        JsonNode summary = JSON.readTree(out.resolve("runs=1/pulseMs=10/tstopMs=30/trainEndMs=29/summary.json")
                .toFile());
        assertThat(summary.path("model").asText()).isEqualTo(SPINY);
        assertThat(summary.path("morphology_sha256").asText()).isEqualTo(hash);
    }

    @Test
    void attentionReadsTheMorphologyFromTheFolder() throws IOException {
        Path out = dir.resolve("attention");
        CliRun wrong = run("attention", "--backend", "biophysical", "--model", SPINY, "--morphology-dir",
                emptyFolder().toString(), "--keys", "10", "--queries", "1", "--threshold", "1", "--out",
                out.toString());
        assertThat(wrong.exit()).isEqualTo(2);
        assertThat(wrong.err()).isEqualTo(missing(emptyFolder()));
        assertThat(out).doesNotExist();

        // With cell1.asc the cell is built: its 150 axons are counted (a trial of it is minutes, too slow here; the
        // small cell below runs).
        CliRun right = run("attention", "--backend", "biophysical", "--model", SPINY, "--morphology-dir",
                HAY.toString(), "--keys", "151", "--queries", "1", "--threshold", "1", "--out", out.toString());
        assertThat(right.exit()).isEqualTo(2);
        assertThat(right.err()).isEqualTo("spineformer: --keys = 151: the biophysical cell has 150 axons, one per"
                + " key; use --backend reduced for more\n");
        assertThat(out).doesNotExist();
    }

    @Test
    void attentionRecordsTheMorphologysHashAndRefusesARerunOnAnotherMorphology() throws Exception {
        Path model = TinySwcModel.write(dir);
        Path out = dir.resolve("attention");
        String[] args = {"attention", "--backend", "biophysical", "--model", model.toString(), "--keys", "1",
                "--queries", "1", "--match-window", "0.5", "--threshold", "0.5", "--threads", "1", "--quiet",
                "--out", out.toString()};
        CliRun r = run(args);
        assertThat(r.exit()).as(r.err()).isZero();
        String hash = sha256(dir.resolve("tiny.swc"));
        JsonNode journal = JSON.readTree(out.resolve("trials/run.json").toFile());
        assertThat(journal.path("experiment").path("morphology_sha256").asText()).isEqualTo(hash);
        JsonNode command = JSON.readTree(out.resolve("command.json").toFile());
        assertThat(command.path("settings").path("--model's morphology file").asText()).isEqualTo("sha256 " + hash);

        Files.writeString(dir.resolve("tiny.swc"), TinySwcModel.SWC.replace("0 110 0", "0 90 0"));
        CliRun again = run(args);
        assertThat(again.exit()).isEqualTo(2);
        assertThat(again.err()).contains("with other settings (--model's morphology file sha256 " + hash
                + " before, sha256 " + sha256(dir.resolve("tiny.swc")) + " now)");
    }

    @Test
    void replayReadsTheMorphologyFromTheFolderAndNamesItsHash() throws Exception {
        // 2 ms of Hay's spiny cell at rest: it is built and run
        Path stimulus = Files.writeString(dir.resolve("stim.json"), "{\"v_init\": -75, \"tstop\": 2, \"pre\": ["
                + String.join(",", Collections.nCopies(1500, "[]")) + "], \"post\": []}");
        Path out = dir.resolve("replay");
        CliRun wrong = run("replay", stimulus.toString(), "--model", SPINY, "--morphology-dir",
                emptyFolder().toString(), "--quiet", "--out", out.toString());
        assertThat(wrong.exit()).isEqualTo(2);
        assertThat(wrong.err()).isEqualTo(missing(emptyFolder()));
        assertThat(out).doesNotExist();

        CliRun right = run("replay", stimulus.toString(), "--model", SPINY, "--morphology-dir", HAY.toString(),
                "--quiet", "--out", out.toString());
        assertThat(right.exit()).as(right.err()).isZero();
        JsonNode result = JSON.readTree(out.resolve("result.json").toFile());
        assertThat(result.path("model").asText()).isEqualTo(SPINY);
        assertThat(result.path("morphology_sha256").asText()).isEqualTo(sha256(HAY.resolve("cell1.asc")));
        assertThat(result.path("final_g_dynamic")).hasSize(1500);
    }

    @Test
    void theOptionWithoutModelIsRefused() throws IOException {
        Path out = dir.resolve("out");
        Path stimulus = Files.writeString(dir.resolve("stim.json"), "{}"); // refused before it is read
        for (String[] args : new String[][] {{"reproduce", "fig2b"}, {"sweep", "fig2b"}, {"attention", "--keys", "10",
                "--queries", "1"}, {"replay", stimulus.toString()}}) {
            CliRun r = run(concat(args, new String[] {"--morphology-dir", HAY.toString(), "--out", out.toString()}));
            assertThat(r.exit()).as(args[0]).isEqualTo(2);
            assertThat(r.err()).as(args[0]).isEqualTo("spineformer: --morphology-dir " + HAY + " is where a --model"
                    + " description reads its morphology file; the paper's cell reads none (give --model, or leave the"
                    + " option out)\n");
        }
        assertThat(out).doesNotExist();
    }

    private static String[] concat(String[] a, String[] b) {
        String[] all = new String[a.length + b.length];
        System.arraycopy(a, 0, all, 0, a.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }
}
