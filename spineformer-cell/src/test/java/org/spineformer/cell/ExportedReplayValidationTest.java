package org.spineformer.cell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.spineformer.model.neuron.NeuronProcess.run;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spineformer.cell.replay.Replay;
import org.spineformer.cell.replay.Stimulus;
import org.spineformer.cell.replay.StimulusReader;
import org.spineformer.model.AssembledCell;
import org.spineformer.model.BundledDescriptions;
import org.spineformer.model.CellAssembler;
import org.spineformer.model.CellDescription;
import org.spineformer.model.NeuronScript;
import org.spineformer.model.neuron.NeuronProcess;
import org.spineformer.model.neuron.NeuronProcess.Result;

/**
 * The script {@code model export --neuron MODEL --project-mod} writes, run by a live NEURON 8.2 with the mod files it
 * writes compiled by nrnivmodl, replays a stimulus ({@code --stimulus FILE --out DIR}) into a result.json with the
 * same somatic spikes and spine Ca^4 integrals as {@link Replay#run(Stimulus, CellModel, List, boolean,
 * java.util.function.DoubleConsumer)}: for the paper's cell and for {@code hay2011_l5pc_spiny}. Validation tier;
 * skipped when no Python imports {@code neuron} or no {@code nrnivmodl} is on the PATH.
 * {@code -Dspineformer.nrnivmodl.loadflags=...} passes {@code -loadflags} to nrnivmodl (on Debian's NEURON 8.2.2:
 * {@code "-L/usr/lib/nrn -Wl,-rpath,/usr/lib/nrn"}).
 */
@Tag("validation")
class ExportedReplayValidationTest {
    private static final Path HAY_MORPHOLOGY = Path.of("..", "spineformer-morphology", "src", "test", "resources",
            "reference", "hay2011_l5pc", "cell1.asc");
    /** ProtocolReplayValidationTest (docs/dev/numerics.md): each somatic spike within 0.05 ms of NEURON's. */
    private static final double SPIKE_TIME_TOLERANCE_MS = 0.05;
    /** ProtocolReplayValidationTest (docs/dev/numerics.md): each spine's final Ca^4 integral within 1% of NEURON's. */
    private static final double CA_INTEGRAL_RELATIVE = 0.01;
    /**
     * The stimulus: 300 ms, every 5th axon (30 of 150) firing three times at seeded random times, and query pulses
     * at least 50 ms apart (the query trains' dead time) at the model's query site with its amplitude and duration.
     */
    private static final double TSTOP_MS = 300, DT_MS = 0.025;
    private static final double[] POST_MS = {40, 120, 200, 260};
    private static final int AXON_STRIDE = 5, SPIKES_PER_AXON = 3;
    private static final long SEED = 19;

    @TempDir
    static Path dir;
    private static String python;

    @BeforeAll
    static void findNeuron() {
        python = NeuronProcess.python();
    }

    @Test
    void thePapersCellReplaysWithTheSameSpikesInNeuron() throws IOException {
        CellDescription d = BundledDescriptions.get(PyramidalCell.DESCRIPTION);
        Path home = dir.resolve("ellwood2024");
        Path library = compare(d, CellModel.paper(), home);

        // a bad stimulus is refused before anything runs, naming the file and key, and nothing is written
        ObjectNode bad = (ObjectNode) new ObjectMapper().readTree(home.resolve("stimulus.json").toFile());
        ((ArrayNode) bad.get("pre")).remove(0);
        Path badFile = home.resolve("bad.json"), badOut = home.resolve("bad");
        new ObjectMapper().writeValue(badFile.toFile(), bad);
        Result r = run(List.of(python, home.resolve("export").resolve("build_cell.py").toString(), "--mod-lib",
                library.toString(), "--stimulus", badFile.toString(), "--out", badOut.toString()), home);
        assertThat(r.exit()).as(r.output()).isNotZero();
        assertThat(r.output()).contains(badFile + ": key 'pre' has 1499 spine lists, the cell has 1500 spines");
        assertThat(badOut).doesNotExist();
    }

    @Test
    void theSpinyHayCellReplaysWithTheSameSpikesInNeuron() throws IOException {
        Path home = Files.createDirectories(dir.resolve("hay2011_l5pc_spiny"));
        Files.copy(HAY_MORPHOLOGY, home.resolve("cell1.asc"));
        Path file = home.resolve("hay2011_l5pc_spiny.json");
        try (InputStream in = BundledDescriptions.class.getResourceAsStream(
                "/org/spineformer/model/bundled/hay2011_l5pc_spiny.json")) {
            Files.write(file, in.readAllBytes());
        }
        CellDescription d = BundledDescriptions.get("hay2011_l5pc_spiny").withMorphologyDirectory(home);
        compare(d, CellModel.load(file.toString()), home);
    }

    /** Replays the stimulus both ways and compares; returns the compiled mechanism library. */
    private static Path compare(CellDescription description, CellModel model, Path home) throws IOException {
        Path exported = Files.createDirectories(home.resolve("export"));
        AssembledCell cell = CellAssembler.assemble(description);
        Files.writeString(exported.resolve("build_cell.py"), NeuronScript.of(cell, description.experiment()));
        Path mod = Files.createDirectories(exported.resolve("mod"));
        for (Map.Entry<String, String> f : ModSets.exportFiles(description, cell, true).entrySet()) {
            Files.writeString(mod.resolve(f.getKey()), f.getValue(), StandardCharsets.ISO_8859_1);
        }
        Path library = NeuronProcess.library(mod, NeuronProcess.nrnivmodl(mod));

        String json = stimulus(model);
        Path stimulusFile = home.resolve("stimulus.json"), out = home.resolve("neuron");
        Files.writeString(stimulusFile, json);
        Result r = run(List.of(python, exported.resolve("build_cell.py").toString(), "--mod-lib", library.toString(),
                "--stimulus", stimulusFile.toString(), "--out", out.toString()), home);
        assertThat(r.exit()).as(r.output()).isZero();
        JsonNode neuron = new ObjectMapper().readTree(out.resolve("result.json").toFile());
        double[] neuronSpikes = doubles(neuron.get("soma_spike_times_ms"));
        double[] neuronCa = doubles(neuron.get("final_g_dynamic"));

        Stimulus stim = StimulusReader.parse(json, stimulusFile.toString(), model.spineCount());
        Replay.Result ours = Replay.run(stim, model, List.of(), false, null);
        double worstSpike = 0, worstCa = 0;
        for (int s = 0; s < Math.min(neuronSpikes.length, ours.somaSpikeTimesMs().length); s++) {
            worstSpike = Math.max(worstSpike, Math.abs(neuronSpikes[s] - ours.somaSpikeTimesMs()[s]));
        }
        for (int k = 0; k < neuronCa.length; k++) {
            if (neuronCa[k] != 0) {
                worstCa = Math.max(worstCa, Math.abs(ours.finalGDynamic()[k] - neuronCa[k]) / Math.abs(neuronCa[k]));
            }
        }
        System.out.printf("%s replayed in NEURON: spikes %s, ours %s (largest difference %.3g ms); spine Ca^4"
                        + " integrals: largest relative difference %.3g%n", model.name(), Arrays.toString(neuronSpikes),
                Arrays.toString(ours.somaSpikeTimesMs()), worstSpike, worstCa);
        assertThat(neuronSpikes).as("NEURON answers the query pulses").hasSizeGreaterThanOrEqualTo(POST_MS.length);
        assertThat(ours.somaSpikeTimesMs()).hasSameSizeAs(neuronSpikes);
        for (int s = 0; s < neuronSpikes.length; s++) {
            assertThat(ours.somaSpikeTimesMs()[s]).as("spike %d", s)
                    .isCloseTo(neuronSpikes[s], within(SPIKE_TIME_TOLERANCE_MS));
        }
        assertThat(neuronCa).hasSize(model.spineCount());
        for (int k = 0; k < neuronCa.length; k++) {
            assertThat(ours.finalGDynamic()[k]).as("spine %d's Ca^4 integral", k)
                    .isCloseTo(neuronCa[k], within(CA_INTEGRAL_RELATIVE * Math.abs(neuronCa[k])));
        }
        return library;
    }

    /** The stimulus in the paper's format, with the model's v_init, temperature and query pulse. */
    private static String stimulus(CellModel model) throws IOException {
        ObjectMapper mapper = new ObjectMapper();
        ObjectNode stim = mapper.createObjectNode();
        stim.put("v_init", model.vInitMv()).put("tstop", TSTOP_MS).put("dt", DT_MS).put("celsius", model.celsius())
                .put("netcon_delay_ms", model.netconDelayMs());
        stim.putObject("iclamp").put("amp_nA", model.queryAmpNa()).put("dur_ms", model.queryDurMs());
        java.util.Random random = new java.util.Random(SEED);
        double[][] pre = new double[model.spineCount()][0];
        int[][] axons = model.axons();
        for (int a = 0; a < axons.length; a += AXON_STRIDE) {
            double[] times = new double[SPIKES_PER_AXON];
            for (int s = 0; s < times.length; s++) {
                times[s] = Math.rint((5 + random.nextDouble() * (TSTOP_MS - 10)) / DT_MS) * DT_MS;
            }
            Arrays.sort(times);
            for (int k : axons[a]) {
                pre[k] = times;
            }
        }
        ArrayNode p = stim.putArray("pre");
        for (double[] times : pre) {
            ArrayNode list = p.addArray();
            for (double t : times) {
                list.add(t);
            }
        }
        ArrayNode post = stim.putArray("post");
        for (double t : POST_MS) {
            post.add(t);
        }
        return mapper.writeValueAsString(stim);
    }

    private static double[] doubles(JsonNode array) {
        double[] v = new double[array.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = array.get(i).asDouble();
        }
        return v;
    }
}
