package org.spineformer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.spineformer.cell.replay.Replay;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code spineformer replay}: outputs on a good stimulus, a clear error and no output on a bad one. */
class ReplayCommandTest {
    @TempDir
    Path tmp;

    private static String stimulus(int spines, String pulses) {
        return "{\"v_init\": -70, \"tstop\": 5, \"pre\": [" + String.join(",", Collections.nCopies(spines, "[]"))
                + "], \"post\": [" + pulses + "], \"record_v\": [[\"soma\", 0.5]], \"record_spines\": [7]}";
    }

    private int run(StringWriter err, String... args) {
        CommandLine cl = Main.commandLine();
        cl.setOut(new PrintWriter(new StringWriter()));
        cl.setErr(new PrintWriter(err));
        return cl.execute(args);
    }

    @Test
    void writesResultAndTraces() throws IOException {
        Path stim = tmp.resolve("stim.json");
        Files.writeString(stim, stimulus(1500, "1.0"));
        Path out = tmp.resolve("out");
        assertThat(run(new StringWriter(), "replay", stim.toString(), "--out", out.toString(), "--quiet",
                "--record", "v:tuft_0(0.5)")).isZero();
        JsonNode result = new ObjectMapper().readTree(out.resolve("result.json").toFile());
        assertThat(result.get("final_g_dynamic")).hasSize(1500);
        assertThat(result.has("final_g_dynamic_delayed")).as("no potentiation in this stimulus").isFalse();
        assertThat(result.get("soma_spike_times_ms")).hasSize(1); // the 4 nA pulse at 1 ms fires the soma
        try (var in = new GZIPInputStream(Files.newInputStream(out.resolve("traces.csv.gz")))) {
            String[] lines = new String(in.readAllBytes()).split("\n");
            assertThat(lines[0]).isEqualTo("t_ms,v:soma(0.5),v:spine_7_head,cai:spine_7,g_dynamic:spine_7,v:tuft_0(0.5)");
            assertThat(lines).hasSize(1 + 201); // t = 0 and every step to 5 ms
        }
    }

    @Test
    void replaysAnotherCellGivenByModel() throws Exception {
        // the test cell of ReproduceModelTest: the paper's soma and axon, 40 spines (see its javadoc)
        String model = Path.of(ReplayCommandTest.class.getResource("/models/small_spiny.json").toURI()).toString();
        Path stim = tmp.resolve("stim.json");
        Files.writeString(stim, stimulus(40, "1.0").replace("\"record_spines\": [7]", "\"record_spines\": [39]"));
        Path out = tmp.resolve("out");
        assertThat(run(new StringWriter(), "replay", stim.toString(), "--model", model, "--out", out.toString(),
                "--quiet")).isZero();
        JsonNode result = new ObjectMapper().readTree(out.resolve("result.json").toFile());
        assertThat(result.get("final_g_dynamic")).hasSize(40);
        assertThat(result.get("soma_spike_times_ms")).hasSize(1); // its query site is the paper's soma: 4 nA fires it
        assertThat(result.path("model").asText()).isEqualTo(model);
        assertThat(result.path("model_sha256").asText()).matches("[0-9a-f]{64}");
        try (var in = new GZIPInputStream(Files.newInputStream(out.resolve("traces.csv.gz")))) {
            assertThat(new String(in.readAllBytes()).split("\n")[0])
                    .isEqualTo("t_ms,v:soma(0.5),v:spine_39_head,cai:spine_39,g_dynamic:spine_39");
        }

        Path paperStim = tmp.resolve("paper.json");
        Files.writeString(paperStim, stimulus(1500, ""));
        Path out2 = tmp.resolve("out2");
        StringWriter err = new StringWriter();
        assertThat(run(err, "replay", paperStim.toString(), "--model", model, "--out", out2.toString(), "--quiet"))
                .isEqualTo(2);
        assertThat(err.toString()).contains("paper.json").contains("has 1500 spine lists, the cell has 40 spines");
        assertThat(out2).doesNotExist();
    }

    @Test
    void aDescriptionAtAnotherTemperatureReplaysAtItUnlessTheStimulusSaysOtherwise() throws Exception {
        // the test cell of ReproduceModelTest (the paper's Bahl channels, whose rates scale with celsius) at 20 degC
        replayOnSmallSpinyWith("\"celsius\": 37,", "\"celsius\": 20,",
                Map.of("stim.json", "", "stim20.json", "\"celsius\": 20,", "stim37.json", "\"celsius\": 37,"));
        // the description's 20 degC without a celsius in the stimulus: the same run as the stimulus saying 20
        assertThat(celsiusOf("out_stim.json")).isEqualTo(20);
        assertThat(celsiusOf("out_stim20.json")).isEqualTo(20);
        assertThat(traces("out_stim.json")).isEqualTo(traces("out_stim20.json"));
        // the stimulus's own celsius takes precedence, and changes the run (the channels' q10 factors)
        assertThat(celsiusOf("out_stim37.json")).isEqualTo(37);
        assertThat(traces("out_stim37.json")).isNotEqualTo(traces("out_stim.json"));
    }

    @Test
    void aStimulusWithoutIclampTakesTheDescriptionsQueryPulses() throws Exception {
        // the same test cell with a query pulse of 2 nA, not the stimulus format's 4 nA
        replayOnSmallSpinyWith("\"amplitude_nA\": 4,", "\"amplitude_nA\": 2,",
                Map.of("none.json", "", "at2.json", "\"iclamp\": {\"amp_nA\": 2},", "at4.json",
                        "\"iclamp\": {\"amp_nA\": 4},"));
        assertThat(traces("out_none.json")).isEqualTo(traces("out_at2.json"));
        // the stimulus's own amplitude takes precedence, and changes the run
        assertThat(traces("out_at4.json")).isNotEqualTo(traces("out_none.json"));
    }

    /**
     * Replays on ReproduceModelTest's test cell, its description with {@code from} replaced by {@code to}, one
     * stimulus per name (a pulse at 1 ms, and the JSON members given for the name), each into out_NAME.
     */
    private void replayOnSmallSpinyWith(String from, String to, Map<String, String> membersByName) throws Exception {
        Path model = tmp.resolve("changed_spiny.json");
        String text = Files.readString(Path.of(ReplayCommandTest.class.getResource("/models/small_spiny.json").toURI()))
                .replace(from, to);
        assertThat(text).contains(to);
        Files.writeString(model, text);
        String stim = stimulus(40, "1.0").replace("\"record_spines\": [7]", "\"record_spines\": [39]");
        for (Map.Entry<String, String> e : membersByName.entrySet()) {
            Path s = tmp.resolve(e.getKey());
            Files.writeString(s, stim.replace("\"tstop\": 5,", "\"tstop\": 5, " + e.getValue()));
            assertThat(run(new StringWriter(), "replay", s.toString(), "--model", model.toString(), "--out",
                    tmp.resolve("out_" + e.getKey()).toString(), "--quiet")).isZero();
        }
    }

    private double celsiusOf(String out) throws IOException {
        return new ObjectMapper().readTree(tmp.resolve(out).resolve("result.json").toFile()).path("celsius")
                .asDouble(Double.NaN);
    }

    private String traces(String out) throws IOException {
        try (var in = new GZIPInputStream(Files.newInputStream(tmp.resolve(out).resolve("traces.csv.gz")))) {
            return new String(in.readAllBytes());
        }
    }

    @Test
    void paperResultNamesNoModel() throws IOException {
        Path stim = tmp.resolve("stim.json");
        Files.writeString(stim, stimulus(1500, ""));
        Path out = tmp.resolve("out");
        assertThat(run(new StringWriter(), "replay", stim.toString(), "--out", out.toString(), "--quiet")).isZero();
        JsonNode result = new ObjectMapper().readTree(out.resolve("result.json").toFile());
        assertThat(result.has("model")).isFalse();
        assertThat(result.has("celsius")).as("the paper's result.json keeps its keys").isFalse();
    }

    @Test
    void badStimulusIsAClearErrorAndWritesNothing() throws IOException {
        Path stim = tmp.resolve("bad.json");
        Files.writeString(stim, stimulus(1499, ""));
        Path out = tmp.resolve("out");
        StringWriter err = new StringWriter();
        assertThat(run(err, "replay", stim.toString(), "--out", out.toString(), "--quiet")).isEqualTo(2);
        assertThat(err.toString()).contains("bad.json").contains("'pre'").contains("1499");
        assertThat(out).doesNotExist();
    }

    @Test
    void aBlowUpIsAnErrorNamingTimeAndPlaceAndWritesNothing() throws IOException {
        Path stim = tmp.resolve("hot.json");
        Files.writeString(stim, stimulus(1500, "").replace("\"v_init\": -70", "\"v_init\": 1e6"));
        Path out = tmp.resolve("out");
        CliRun r = CliRun.run("replay", stim.toString(), "--out", out.toString(), "--quiet");
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err().lines()).hasSize(1).first().asString()
                .startsWith("spineformer: the simulation blew up: ").contains(" at ").contains("by t = ");
        assertThat(r.out()).doesNotContain("somatic spikes");
        assertThat(out).doesNotExist();
    }

    @Test
    void nonFiniteNumbersInResultJsonAreNullNotStrings() throws IOException {
        // a spine head whose voltage never peaks has no peak time: NaN in the result
        Replay.Result r = new Replay.Result(new double[0], new double[] {0.5}, null, new double[] {Double.NaN, 2.5},
                java.util.List.of(), java.util.List.of(), 1.0);
        Path file = tmp.resolve("result.json");
        ReplayCommand.writeResult(file, r, "replay", java.util.Map.of());
        String text = Files.readString(file);
        assertThat(text).doesNotContain("NaN");
        JsonNode peaks = new ObjectMapper().readTree(text).get("spine_v_peak_time_ms");
        assertThat(peaks.get(0).isNull()).isTrue();
        assertThat(peaks.get(1).asDouble()).isEqualTo(2.5);
    }

    @Test
    void tracesThatCannotFitInMemoryAreRefusedBeforeRunning() throws IOException {
        Path stim = tmp.resolve("long.json");
        // 1e9 ms recording soma v and spine 7 every step: 4e10 samples, terabytes
        Files.writeString(stim, stimulus(1500, "").replace("\"tstop\": 5", "\"tstop\": 1e9"));
        Path out = tmp.resolve("out");
        CliRun r = CliRun.run("replay", stim.toString(), "--out", out.toString(), "--quiet");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).startsWith("spineformer: " + stim + ": tstop = 1.0E9 ms would record 4.00e+10 samples")
                .contains("GB of traces").contains("raise save_every");
        assertThat(out).doesNotExist();
    }
}
