package org.spineformer.cell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.spineformer.model.neuron.NeuronProcess.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spineformer.engine.Simulation;
import org.spineformer.engine.morph.Morphology;
import org.spineformer.model.AssembledCell;
import org.spineformer.model.BundledDescriptions;
import org.spineformer.model.CellAssembler;
import org.spineformer.model.CellDescription;
import org.spineformer.model.LoweredCell;
import org.spineformer.model.ModelLowering;
import org.spineformer.model.NeuronScript;
import org.spineformer.model.neuron.NeuronProcess;
import org.spineformer.model.neuron.NeuronProcess.Result;
import org.spineformer.model.StructureDump;
import org.spineformer.nmodl.BundledMod;

/**
 * {@code hay2011_l5pc_spiny} exported with {@code model export --neuron} and built by a live NEURON 8.2 with the
 * project's own mod files compiled by nrnivmodl (the bundled hay2011 set and the paper's spine mechanisms): the same
 * sections, areas, spine positions and initialized parameters as ours, and the same somatic spikes for a step with
 * tuft input. Validation tier; skipped when no Python imports {@code neuron} or no {@code nrnivmodl} is on the PATH.
 * {@code -Dspineformer.nrnivmodl.loadflags=...} passes {@code -loadflags} to nrnivmodl (on Debian's NEURON 8.2.2:
 * {@code "-L/usr/lib/nrn -Wl,-rpath,/usr/lib/nrn"}).
 */
@Tag("validation")
class SpinyHayNeuronValidationTest {
    private static final Path MORPHOLOGY = Path.of("..", "spineformer-morphology", "src", "test", "resources",
            "reference", "hay2011_l5pc");
    /**
     * The project's own mod files of the paper's spine mechanisms (AMPA_WITH_CA, NMDA, cadspine): the first of these
     * folders that exists (they are being moved from the test resources to the main resources).
     */
    private static final List<Path> SPINE_MOD_DIRS = List.of(
            Path.of("..", "spineformer-nmodl", "src", "main", "resources", "mod", "ellwood2024"),
            Path.of("..", "spineformer-nmodl", "src", "test", "resources", "mod", "ellwood2024"));
    /**
     * Geometry and parameters: the same formulas in double from the same single-precision points and decimal values
     * (NeuronScriptValidationTest measures 1.6e-16 at most, in ri); the mechanisms' parameters are copied.
     */
    private static final double RELATIVE = 1e-9;
    /** docs/dev/numerics.md: each somatic spike within 0.05 ms (two steps) of NEURON's, as the paper's cell. */
    private static final double SPIKE_TIME_TOLERANCE_MS = 0.05;
    private static final double DT_MS = 0.025;
    private static final double TSTOP_MS = 150;
    /** The step (nA, ms) and the tuft input: the 10 spines of each of the first 15 axons at 60 and 62 ms. */
    private static final double STEP_NA = 1.0, STEP_DELAY_MS = 20, STEP_DUR_MS = 100;
    private static final int INPUT_SPINES = 150;
    private static final double[] INPUT_MS = {60, 62};

    @TempDir
    static Path dir;
    private static String python;
    private static Path library;
    private static CellDescription description;
    private static AssembledCell cell;

    @BeforeAll
    static void buildTheMechanismsForNeuron() throws IOException {
        python = NeuronProcess.python();
        Path mod = Files.createDirectories(dir.resolve("mod"));
        for (String f : BundledMod.files("hay2011")) {
            Files.writeString(mod.resolve(f), BundledMod.text("hay2011", f), StandardCharsets.ISO_8859_1);
        }
        Path spineMods = SPINE_MOD_DIRS.stream().filter(Files::isDirectory).findFirst().orElseThrow();
        for (String m : List.of("AMPA_WITH_CA.mod", "NMDA.mod", "cadspine.mod")) {
            Files.copy(spineMods.resolve(m), mod.resolve(m));
        }
        Result built = NeuronProcess.nrnivmodl(mod);
        // nocmodl must translate every file (NEURON accepts the project's files); linking is the machine's business
        List<String> translated;
        try (Stream<Path> files = Files.list(mod.resolve("x86_64"))) {
            translated = files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".c")).sorted().toList();
        }
        assertThat(translated).as(built.output()).hasSize(16);
        library = NeuronProcess.library(mod, built);
        description = BundledDescriptions.get("hay2011_l5pc_spiny").withMorphologyDirectory(MORPHOLOGY);
        cell = CellAssembler.assemble(description);
        Files.writeString(dir.resolve("build_cell.py"), NeuronScript.of(cell));
    }

    @Test
    void neuronBuildsTheSameCellWithTheSameInitializedParameters() throws IOException {
        Path dump = dir.resolve("neuron.json");
        Result r = run(List.of(python, "build_cell.py", "--mod-lib", library.toString(), "--structure-out",
                dump.toString()), dir);
        assertThat(r.exit()).as(r.output()).isZero();
        JsonNode neuron = new ObjectMapper().readTree(dump.toFile());
        LoweredCell lowered = ModelLowering.lower(cell, ModSets.catalogue(description));
        Simulation sim = lowered.simulation(DT_MS);
        sim.initialize(description.vInitMv());
        ObjectNode ours = StructureDump.everyField(lowered, sim);

        SoftAssertions soft = new SoftAssertions();
        Map<String, Double> worst = new TreeMap<>();
        soft.assertThat(neuron.get("n_sections").asInt()).isEqualTo(ours.get("n_sections").asInt()).isEqualTo(3196);
        soft.assertThat(neuron.get("n_segments").asInt()).isEqualTo(ours.get("n_segments").asInt());
        int values = 0, spineHeads = 0;
        for (int i = 0; i < ours.get("sections").size(); i++) {
            JsonNode n = neuron.get("sections").get(i), o = ours.get("sections").get(i);
            String name = o.get("name").asText();
            soft.assertThat(n.get("name").asText()).as("section %d", i).isEqualTo(name);
            soft.assertThat(n.get("parent").asText()).as(name + " parent").isEqualTo(o.get("parent").asText());
            close(soft, worst, name, "parent_x", n, o);
            spineHeads += name.endsWith("_head") ? 1 : 0;
            for (int j = 0; j < o.get("segments").size(); j++) {
                JsonNode ns = n.get("segments").get(j), os = o.get("segments").get(j);
                String where = name + "(" + os.get("x").asDouble() + ")";
                // area and distance: a spine head's distance from soma[0](0.5) is its position on the tuft
                for (String key : List.of("area_um2", "distance_um", "diam", "cm")) {
                    close(soft, worst, where, key, ns, os);
                }
                for (Iterator<Map.Entry<String, JsonNode>> m = ns.get("mechanisms").fields(); m.hasNext(); ) {
                    Map.Entry<String, JsonNode> mech = m.next();
                    if (mech.getKey().endsWith("_ion")) {
                        continue; // ours lists only painted ion values, NEURON every ion variable
                    }
                    soft.assertThat(os.get("mechanisms").has(mech.getKey())).as(where + " " + mech.getKey()).isTrue();
                    for (Iterator<String> v = mech.getValue().fieldNames(); v.hasNext(); ) {
                        close(soft, worst, where, v.next(), mech.getValue(), os.get("mechanisms").get(mech.getKey()));
                        values++;
                    }
                }
            }
        }
        soft.assertThat(spineHeads).isEqualTo(1500);
        System.out.println("hay2011_l5pc_spiny in NEURON: " + values + " parameter values; largest relative"
                + " difference per key: " + worst);
        soft.assertAll();
    }

    @Test
    void aSomaticStepWithTuftInputGivesNeuronsSpikes() throws IOException {
        ObjectMapper json = new ObjectMapper();
        ObjectNode stimulus = json.createObjectNode();
        stimulus.put("dt", DT_MS).put("tstop", TSTOP_MS);
        stimulus.putObject("step").put("section", "soma[0]").put("x", 0.5).put("delay", STEP_DELAY_MS)
                .put("dur", STEP_DUR_MS).put("amp", STEP_NA);
        ObjectNode spikes = stimulus.putObject("spikes");
        for (int k = 0; k < INPUT_SPINES; k++) {
            for (String syn : List.of("ampa", "nmda")) {
                spikes.putArray("spine " + k + " " + syn).add(INPUT_MS[0]).add(INPUT_MS[1]);
            }
        }
        ObjectNode record = stimulus.putObject("record");
        record.putArray("soma_v").add("soma[0]").add(0.5).add("v");
        record.putArray("spine_0_v").add("spine_0_head").add(0.5).add("v");
        Path stimulusFile = dir.resolve("stimulus.json"), out = dir.resolve("neuron_traces.csv");
        json.writeValue(stimulusFile.toFile(), stimulus);
        Path driver = dir.resolve("step_run.py");
        try (InputStream in = SpinyHayNeuronValidationTest.class.getResourceAsStream("/neuron/step_run.py")) {
            Files.write(driver, in.readAllBytes());
        }
        Result r = run(List.of(python, driver.toString(), library.toString(), "build_cell.py",
                stimulusFile.toString(), out.toString()), dir);
        assertThat(r.exit()).as(r.output()).isZero();
        List<String> lines = Files.readAllLines(out);
        double[] neuronSoma = new double[lines.size() - 1], neuronSpine = new double[lines.size() - 1];
        for (int k = 1; k < lines.size(); k++) {
            String[] f = lines.get(k).split(",");
            neuronSoma[k - 1] = Double.parseDouble(f[0]);
            neuronSpine[k - 1] = Double.parseDouble(f[1]);
        }

        LoweredCell lowered = ModelLowering.lower(cell, ModSets.catalogue(description));
        Morphology m = cell.morphology();
        int soma = m.indexOf("soma[0]"), head = m.indexOf("spine_0_head");
        lowered.builder().addPointProcess("IClamp", soma, 0.5, Map.of("del", STEP_DELAY_MS, "dur", STEP_DUR_MS,
                "amp", STEP_NA));
        for (int k = 0; k < INPUT_SPINES; k++) {
            lowered.connectSpine(k, INPUT_MS, Double.NaN);
        }
        Simulation sim = lowered.simulation(DT_MS);
        int somaNode = sim.discretization().node(soma, 0.5), headNode = sim.discretization().node(head, 0.5);
        sim.initialize(description.vInitMv());
        double[] oursSoma = new double[neuronSoma.length], oursSpine = new double[neuronSoma.length];
        oursSoma[0] = sim.state().v[somaNode];
        oursSpine[0] = sim.state().v[headNode];
        for (int k = 1; k < oursSoma.length; k++) {
            sim.step();
            oursSoma[k] = sim.state().v[somaNode];
            oursSpine[k] = sim.state().v[headNode];
        }
        List<Double> neuronSpikes = spikeTimes(neuronSoma), ourSpikes = spikeTimes(oursSoma);
        double somaDiff = 0, spineDiff = 0, spineRange = 0;
        for (int k = 0; k < oursSoma.length; k++) {
            somaDiff = Math.max(somaDiff, Math.abs(oursSoma[k] - neuronSoma[k]));
            spineDiff = Math.max(spineDiff, Math.abs(oursSpine[k] - neuronSpine[k]));
        }
        System.out.printf("hay2011_l5pc_spiny, %.1f nA step %.0f..%.0f ms, %d spines at %s ms: NEURON spikes %s, ours"
                        + " %s; max |dv| soma %.3e mV, spine 0 head %.3e mV%n", STEP_NA, STEP_DELAY_MS,
                STEP_DELAY_MS + STEP_DUR_MS, INPUT_SPINES, java.util.Arrays.toString(INPUT_MS), neuronSpikes,
                ourSpikes, somaDiff, spineDiff);
        assertThat(neuronSpikes).as("NEURON fires").hasSizeGreaterThan(2);
        assertThat(ourSpikes).hasSameSizeAs(neuronSpikes);
        for (int s = 0; s < ourSpikes.size(); s++) {
            assertThat(ourSpikes.get(s)).as("spike %d", s)
                    .isCloseTo(neuronSpikes.get(s), org.assertj.core.api.Assertions.within(SPIKE_TIME_TOLERANCE_MS));
        }
    }

    /** Upward crossings of 0 mV: the time of the first sample at or above it. */
    private static List<Double> spikeTimes(double[] v) {
        List<Double> out = new ArrayList<>();
        for (int k = 1; k < v.length; k++) {
            if (v[k - 1] < 0 && v[k] >= 0) {
                out.add(k * DT_MS);
            }
        }
        return out;
    }

    private static void close(SoftAssertions soft, Map<String, Double> worst, String where, String key, JsonNode neuron,
                              JsonNode ours) {
        soft.assertThat(ours.has(key)).as(where + " " + key + " in ours").isTrue();
        if (!ours.has(key) || neuron.get(key).isNull()) {
            return;
        }
        double n = neuron.get(key).asDouble(), o = ours.get(key).asDouble();
        double relative = n == o ? 0 : Math.abs(n - o) / Math.max(Math.abs(o), Double.MIN_NORMAL);
        worst.merge(key, relative, Math::max);
        soft.assertThat(relative).as(where + " " + key + ": NEURON " + n + ", ours " + o).isLessThanOrEqualTo(RELATIVE);
    }
}
