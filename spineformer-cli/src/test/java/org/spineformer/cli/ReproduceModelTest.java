package org.spineformer.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.spineformer.cli.CliRun.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code reproduce --model}: the paper's experiments on a small spiny cell of our own (test resource
 * {@code models/small_spiny.json}: the paper's soma and axon, a short trunk, two tuft branches, 40 spines in 4 axons
 * of 10): a Figure 3-like panel (fig3be) and a Figure 5-like panel (fig5) run, resume after an interruption, give the
 * same numbers on 1 and 2 threads, and record the model; bad models are refused before anything is written.
 */
class ReproduceModelTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The same two panels on 1 thread (a) and on 2 threads with fig5 interrupted and resumed (b). */
    @TempDir
    static Path root;
    private static String model;

    @BeforeAll
    static void runBothWays() throws URISyntaxException, IOException {
        model = Path.of(ReproduceModelTest.class.getResource("/models/small_spiny.json").toURI()).toString();
        reproduce("fig3be", "a", "1", "6");
        reproduce("fig5", "a", "1", "3");
        reproduce("fig3be", "b", "2", "6");
        reproduce("fig5", "b", "2", "3");
        // An interruption after the first finished trial: the journal keeps one line, nothing was analysed yet.
        Path b = root.resolve("b/fig5");
        List<String> lines = Files.readAllLines(b.resolve("trials.jsonl"));
        Files.writeString(b.resolve("trials.jsonl"), lines.get(0) + "\n");
        for (String written : List.of("summary.json", "trials.csv", "trials.npz")) {
            Files.delete(b.resolve(written));
        }
        reproduce("fig5", "b", "2", "3");
    }

    private static void reproduce(String panel, String folder, String threads, String trials) {
        CliRun r = run("reproduce", panel, "--model", model, "--trials", trials, "--threads", threads, "--quiet",
                "--out", root.resolve(folder).resolve(panel).toString());
        assertThat(r.exit()).as(r.err()).isZero();
    }

    private static JsonNode summary(String folder, String panel) throws IOException {
        return JSON.readTree(root.resolve(folder).resolve(panel).resolve("summary.json").toFile());
    }

    @Test
    void thePanelsRunOnTheModelsAxonsAndRecordIt() throws IOException {
        JsonNode roc = summary("a", "fig3be");
        assertThat(roc.path("model").asText()).isEqualTo("small_spiny");
        assertThat(roc.path("model_sha256").asText()).hasSize(64);
        assertThat(roc.path("runs").asInt()).isEqualTo(6);
        // The model's own bAP delays: 40 spines, measured on it (fig2b run first, in the panel's folder).
        assertThat(Files.readString(root.resolve("a/fig3be/fig2b/bap_delays.csv")).lines()).hasSize(41);
        JsonNode control = summary("a", "fig5");
        assertThat(control.path("model_sha256").asText()).isEqualTo(roc.path("model_sha256").asText());
        // fig5 takes the threshold of the sibling fig3be run on the same model, not the paper's.
        assertThat(control.path("threshold_source").asText()).isEqualTo("fig3be");
        assertThat(control.path("threshold").asDouble()).isEqualTo(roc.path("threshold").asDouble());
        // The paper's thresholds are its cell's: a comparison with them means nothing here.
        for (String paperOnly : List.of("paper_threshold", "threshold_over_paper")) {
            assertThat(roc.has(paperOnly)).as(paperOnly).isFalse();
            assertThat(control.has(paperOnly)).as(paperOnly).isFalse();
        }
        // An inline morphology: no morphology file to hash.
        assertThat(roc.has("morphology_sha256")).isFalse();
        for (String line : Files.readAllLines(root.resolve("a/fig5/trials.csv")).subList(1, 4)) {
            int matchedAxon = Integer.parseInt(line.split(",")[1]);
            assertThat(matchedAxon).isBetween(0, 3);
        }
    }

    @Test
    void resultsAreTheSameOnOneAndTwoThreadsAndAfterAResume() throws IOException {
        for (String file : List.of("fig3be/trials.csv", "fig3be/trials.npz", "fig5/trials.csv", "fig5/trials.npz",
                "fig5/by_pulse_count.csv")) {
            assertThat(Files.readAllBytes(root.resolve("b").resolve(file))).as(file)
                    .isEqualTo(Files.readAllBytes(root.resolve("a").resolve(file)));
        }
        assertThat(Files.readAllLines(root.resolve("b/fig5/trials.jsonl"))).hasSize(3);
    }

    @Test
    void aResumeWithAnotherModelIsRefused(@TempDir Path dir) throws IOException {
        Path other = dir.resolve("other.json");
        Files.writeString(other, Files.readString(Path.of(model)).replace("\"v_init_mV\": -75", "\"v_init_mV\": -74"));
        Path out = root.resolve("a/fig3be");
        CliRun r = run("reproduce", "fig3be", "--model", other.toString(), "--trials", "6", "--quiet", "--out",
                out.toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("holds a run with other arguments (--model (its SHA-256): ");
    }

    @Test
    void aModelWithoutAxonsOrWithBadGroupsIsRefusedBeforeAnythingIsWritten(@TempDir Path dir) throws IOException {
        String text = Files.readString(Path.of(model));
        Path noExperiment = dir.resolve("no_experiment.json");
        Files.writeString(noExperiment, text.substring(0, text.indexOf(",\n \"experiment\"")) + "\n}\n");
        Path out = dir.resolve("out");
        CliRun r = run("reproduce", "fig5", "--model", noExperiment.toString(), "--out", out.toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).isEqualTo("spineformer: " + noExperiment + ": no \"experiment\" part: the experiments"
                + " need its \"axons\" (which spines share a presynaptic train; docs/user/cell-description.md)\n");
        Path uneven = dir.resolve("uneven.json");
        Files.writeString(uneven, text.replace("\"consecutive\": 10", "\"consecutive\": 12"));
        r = run("reproduce", "fig5", "--model", uneven.toString(), "--out", out.toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).isEqualTo("spineformer: " + uneven + ": /experiment/axons/consecutive: 12 spines per"
                + " axon do not divide the cell's 40 spines\n");
        Path twice = dir.resolve("twice.json");
        Files.writeString(twice, text.replace("\"consecutive\": 10", "\"groups\": [[0, 1], [1, 2]]"));
        r = run("reproduce", "fig5", "--model", twice.toString(), "--out", out.toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).isEqualTo("spineformer: " + twice + ": /experiment/axons/groups/1/0: spine 1 is"
                + " already in another axon (/experiment/axons/groups/0/1): a spine receives one presynaptic train\n");
        r = run("reproduce", "fig5", "--model", dir.resolve("missing.json").toString(), "--out", out.toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).startsWith("spineformer: --model " + dir.resolve("missing.json")
                + ": neither a bundled description");
        assertThat(out).doesNotExist();
    }

    @Test
    void fig4aWhichRunsNoCellRefusesAModel(@TempDir Path dir) {
        Path out = dir.resolve("fig4a");
        CliRun r = run("reproduce", "fig4a", "--model", model, "--out", out.toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).isEqualTo("spineformer: --model " + model + ": fig4a runs no cell (it plots the paper's"
                + " potentiation rule); leave the option out\n");
        assertThat(out).doesNotExist();
    }

    @Test
    void thePapersThresholdsAreNotUsedForAnotherCell(@TempDir Path dir) {
        Path out = dir.resolve("fig5");
        CliRun r = run("reproduce", "fig5", "--model", model, "--trials", "1", "--out", out.toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("no threshold for --model small_spiny at --match-window 1.0 s: the paper's"
                + " thresholds are for the paper's cell");
        assertThat(out.resolve("trials.jsonl")).doesNotExist();
    }
}
