package org.spineformer.cell;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spineformer.engine.Simulation;
import org.spineformer.engine.mech.Catalogue;
import org.spineformer.model.AssembledCell;
import org.spineformer.model.BundledDescriptions;
import org.spineformer.model.CellAssembler;
import org.spineformer.model.CellDescription;
import org.spineformer.model.ExperimentSettings;
import org.spineformer.model.LoweredCell;
import org.spineformer.model.ModelLowering;
import org.spineformer.model.neuron.InitializedValues;

/**
 * {@code hay2011_l5pc_spiny} built with its bundled mod set (the project's own Hay mechanisms) and no other mod file:
 * it lowers, initializes to NEURON's values of Hay's model built with Hay's published mod files, and runs.
 */
class SpinyHayCellTest {
    /** cell1.asc: spineformer-morphology's test copy (its PROVENANCE.md). */
    private static final Path MORPHOLOGY = Path.of("..", "spineformer-morphology", "src", "test", "resources",
            "reference", "hay2011_l5pc");
    /** NEURON's dump of hay2011_l5pc after finitialize(-80), Hay's published mod files: spineformer-model's copy. */
    private static final Path NEURON_DUMP = Path.of("..", "spineformer-model", "src", "test", "resources",
            "reference", "models", "hay2011_l5pc", "structure.json.gz");
    /**
     * Relative, per value: the project's files and Hay's compute the same formulas in double (NEURON's dump prints 17
     * digits); what differs is operation order (ulps, amplified at most by a few rate ratios). A wrong constant,
     * a rate shifted by the junction-potential offset, or a missed INITIAL is orders of magnitude larger.
     */
    private static final double RELATIVE = 1e-9;
    private static final double DT_MS = 0.025;

    private static CellDescription description;
    private static LoweredCell lowered;
    private static final List<String> console = new ArrayList<>();

    @BeforeAll
    static void build() {
        description = BundledDescriptions.get("hay2011_l5pc_spiny").withMorphologyDirectory(MORPHOLOGY);
        lowered = ModelLowering.lower(CellAssembler.assemble(description),
                ModSets.catalogue(description, Catalogue.discover(), console::add));
    }

    @Test
    void itsOwnModSetReplacesTheBuiltInHayChannels() {
        assertThat(description.mod()).containsExactly("bundled:hay2011");
        assertThat(console).containsExactly(
                "Im: compiled from bundled:hay2011/Im.mod replaces the built-in",
                "NaTa_t: compiled from bundled:hay2011/NaTa_t.mod replaces the built-in",
                "SKv3_1: compiled from bundled:hay2011/SKv3_1.mod replaces the built-in");
        AssembledCell cell = lowered.assembled();
        assertThat(cell.spines()).hasSize(1500);
        assertThat(cell.synapses()).hasSize(3000);
        for (int k = 0; k < 1500; k += 499) {
            assertThat(lowered.spineSynapse(k, "ampa").mechanism()).isEqualTo("AMPA_WITH_CA");
            assertThat(lowered.spineSynapse(k, "nmda").mechanism()).isEqualTo("NMDA");
        }
    }

    @Test
    void anUnknownModSetIsNamedBeforeAnythingIsCompiled() {
        CellDescription wrong = CellDescription.builder("x").morphology(description.morphology()).mod("bundled:hay2012")
                .build();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> ModSets.catalogue(wrong))
                .hasMessage("cell description x: mod set 'bundled:hay2012': no such bundled set; bundled: [hay2011]");
    }

    @Test
    void initializedAsNeuronInitializesHaysModelWithHaysFiles() {
        Simulation sim = lowered.simulation(DT_MS);
        sim.initialize(description.vInitMv());
        InitializedValues r = InitializedValues.compare(InitializedValues.readDump(NEURON_DUMP), sim, RELATIVE);
        System.out.println("hay2011_l5pc_spiny: " + r.compared() + " values against NEURON's hay2011_l5pc; largest"
                + " relative difference per variable: " + r.worst());
        assertThat(r.compared()).isGreaterThan(20000);
        r.assertMatches("hay2011_l5pc_spiny");
    }

    @Test
    void aSomaticStepMakesItFireAndEverythingStaysFinite() {
        LoweredCell cell = ModelLowering.lower(CellAssembler.assemble(description), ModSets.catalogue(description));
        int soma = cell.assembled().morphology().indexOf("soma[0]");
        cell.builder().addPointProcess("IClamp", soma, 0.5, Map.of("del", 5.0, "dur", 45.0, "amp", 1.0));
        // and one axon's worth of input on the tuft, so that the spines' synapses and calcium take part
        for (int k = 0; k < 10; k++) {
            cell.connectSpine(k, new double[] {10, 12}, 1.0);
        }
        Simulation sim = cell.simulation(DT_MS);
        int node = sim.discretization().node(soma, 0.5);
        sim.initialize(description.vInitMv());
        int spikes = 0;
        double before = sim.state().v[node];
        for (int step = 0; step < 2000; step++) {
            sim.step();
            double v = sim.state().v[node];
            spikes += before < 0 && v >= 0 ? 1 : 0;
            before = v;
        }
        sim.run(50); // run's end checks every voltage and mechanism state for finiteness
        assertThat(spikes).as("soma spikes in 50 ms of 1 nA").isBetween(2, 10);
    }

    /**
     * The query pulse of the description's experiment settings (15 nA for 1 ms; 4 nA, the paper's, makes a spike
     * for 4 of these 10 pulses): a spike for each of 10 pulses at least 50 ms apart (the query trains' dead time),
     * after the first a second one ~12 ms later (Hay's cell answers its first spike from rest with a doublet).
     * 0.9 s of simulated time: validation tier.
     */
    @Tag("validation")
    @Test
    void eachQueryPulseMakesASomaticSpike() {
        ExperimentSettings query = description.experiment();
        assertThat(query.queryAmpNa()).isEqualTo(15);
        assertThat(query.queryDurMs()).isEqualTo(1);
        double[] pulses = {300, 350, 400, 460, 510, 600, 650, 720, 770, 820};
        LoweredCell cell = ModelLowering.lower(CellAssembler.assemble(description), ModSets.catalogue(description));
        int soma = cell.assembled().morphology().indexOf(query.queryAt().section());
        for (double t : pulses) {
            cell.builder().addPointProcess("IClamp", soma, query.queryAt().x(), Map.of("del", t, "dur",
                    query.queryDurMs(), "amp", query.queryAmpNa()));
        }
        Simulation sim = cell.simulation(DT_MS);
        int node = sim.discretization().node(soma, 0.5);
        sim.initialize(description.vInitMv());
        List<Double> spikes = new ArrayList<>();
        double before = sim.state().v[node];
        while (sim.t() < pulses[pulses.length - 1] + 50) {
            sim.step();
            double v = sim.state().v[node];
            if (before < 0 && v >= 0) {
                spikes.add(sim.t());
            }
            before = v;
        }
        System.out.println("hay2011_l5pc_spiny query pulses " + java.util.Arrays.toString(pulses) + " ms: spikes at "
                + spikes);
        assertThat(spikes).hasSize(pulses.length + 1);
        for (int p = 0; p < pulses.length; p++) {
            double t = pulses[p];
            assertThat(spikes).as("a spike within 2 ms of the pulse at %s ms", t)
                    .anyMatch(s -> s > t && s < t + 2);
        }
    }

    @Test
    void theExperimentsLoadItAsAModel(@TempDir Path dir) throws IOException {
        // the bundled description with its morphology file named absolutely, as a user's description file
        String json;
        try (InputStream in = BundledDescriptions.class.getResourceAsStream(
                "/org/spineformer/model/bundled/hay2011_l5pc_spiny.json")) {
            json = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
        Path file = dir.resolve("spiny.json");
        Files.writeString(file, json.replace("\"cell1.asc\"", "\"" + MORPHOLOGY.resolve("cell1.asc").toAbsolutePath()
                .toString().replace("\\", "\\\\") + "\""));
        CellModel model = CellModel.load(file.toString());
        assertThat(model.name()).isEqualTo("hay2011_l5pc_spiny");
        assertThat(model.spineCount()).isEqualTo(1500);
        assertThat(model.axonCount()).isEqualTo(150);
    }
}
