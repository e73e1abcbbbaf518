package org.spineformer.nmodl;

import static org.spineformer.engine.reference.TraceAssert.assertTrace;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.spineformer.engine.ModelBuilder;
import org.spineformer.engine.Simulation;
import org.spineformer.engine.event.PointProcess;
import org.spineformer.engine.event.Synapse;
import org.spineformer.engine.mech.Catalogue;
import org.spineformer.engine.morph.Morphology;
import org.spineformer.engine.record.Recorder;
import org.spineformer.engine.reference.ReferenceRun;
import org.spineformer.nmodl.gen.NmodlMechanism;

/**
 * NEURON's own IntFire1 (src/nrnoc/intfire1.mod: ARTIFICIAL_CELL, net_send with a flag, net_event) compiled
 * unchanged from the folders of {@code -Dspineformer.modDirs}, integrating eleven input events and driving the
 * project's expsynapse on one compartment, against NEURON 8.2.2's built-in IntFire1 in the same setting (committed
 * fixture {@code reference/published-events/IntFire1}, recorded by {@code reference/events/record_intfire1.py}).
 * Validation tier; without the property the test reports itself skipped.
 */
@Tag("validation")
class PublishedEventsTest {
    /** The bound for published models: 1e-6 of each trace's scale (13-digit prints are 5e-14). */
    static final double TOLERANCE = 1e-6;

    @Test
    void intFire1MatchesNeuron() throws IOException {
        Path file = ModDirs.modFiles().stream().filter(f -> f.getFileName().toString().equals("intfire1.mod"))
                .findFirst().orElseThrow(() -> new IllegalArgumentException("intfire1.mod is in none of the folders"
                        + " of -D" + ModDirs.PROPERTY));
        NmodlMechanism intFire = NmodlMechanism.compile(file.toString(), Files.readString(file));
        NmodlMechanism expsyn = NmodlMechanism.compile("exp_synapse.mod",
                Resources.text("/mod/features/exp_synapse.mod"));
        ReferenceRun ref = ReferenceRun.load("/reference/published-events/IntFire1/inputs");
        EventsCompartment compartment = new EventsCompartment(intFire, expsyn);
        ModelBuilder b = compartment.builder;
        PointProcess syn = b.addPointProcess("expsynapse", compartment.section, 0.5, Map.of());
        PointProcess cell = b.addPointProcess("IntFire1", compartment.section, 0.5, Map.of("tau", 10.0,
                "refrac", 5.0));
        b.addSpikeSource(new double[] {10, 12, 14, 16, 30, 31, 32, 33, 34, 35, 60},
                List.of(new Synapse(cell, 0.4, 0)));
        b.addEventSource(cell, List.of(new Synapse(syn, 0.004, 1)));
        compartment.assertMatches(ref, "IntFire1", TOLERANCE, (sim, rec) -> {
            rec.add("g", sim.block("expsynapse").column("g"), syn.instance());
            rec.add("m", sim.block("IntFire1").column("m"), cell.instance());
        });
    }

    /**
     * NEURON's demo IntervalFire (share/demo/release/invlfire.mod: net_move of its pending firing at each input,
     * net_event from both branches) compiled unchanged, four input events of weight 0.45 (two of them close enough
     * to make it fire at once), driving the project's expsynapse, against NEURON 8.2.2 running the same file
     * (committed fixture {@code reference/published-events/IntervalFire}, recorded by
     * {@code reference/events/record_invlfire.py}).
     */
    @Test
    void intervalFireMatchesNeuron() throws IOException {
        Path file = ModDirs.modFiles().stream().filter(f -> f.getFileName().toString().equals("invlfire.mod"))
                .findFirst().orElseThrow(() -> new IllegalArgumentException("invlfire.mod is in none of the folders"
                        + " of -D" + ModDirs.PROPERTY));
        NmodlMechanism invl = NmodlMechanism.compile(file.toString(), Files.readString(file));
        NmodlMechanism expsyn = NmodlMechanism.compile("exp_synapse.mod",
                Resources.text("/mod/features/exp_synapse.mod"));
        ReferenceRun ref = ReferenceRun.load("/reference/published-events/IntervalFire/inputs");
        JsonNode s = ref.settings();
        Morphology morphology = new Morphology();
        int section = morphology.addRoot("soma", 20, 1, 35.4, 1, Morphology.filled(1, 20));
        ModelBuilder b = new ModelBuilder(morphology, Catalogue.discover().register(invl).register(expsyn));
        b.insert("pas", section, Map.of("g", 1e-4, "e", -70.0));
        PointProcess syn = b.addPointProcess("expsynapse", section, 0.5, Map.of());
        PointProcess cell = b.addPointProcess("IntervalFire", section, 0.5, Map.of());
        b.addSpikeSource(new double[] {13, 15.5, 40.3, 41.1}, List.of(new Synapse(cell, 0.45, 0)));
        b.addEventSource(cell, List.of(new Synapse(syn, 0.003, 1.5)));
        Simulation sim = b.build(s.get("dt_ms").asDouble(), s.get("celsius_degC").asDouble());
        Recorder rec = new Recorder(1);
        rec.add("v_mV", sim.state().v, sim.discretization().segmentNode(section, 0));
        rec.add("g", sim.block("expsynapse").column("g"), syn.instance());
        rec.add("m", sim.block("IntervalFire").column("m"), cell.instance());
        sim.addObserver(rec);
        sim.initialize(s.get("v_init_mV").asDouble());
        sim.run(s.get("tstop_ms").asDouble());
        for (String column : rec.names()) {
            assertTrace("IntervalFire " + column, ref.column(column), rec.column(column), TOLERANCE);
        }
    }

    /**
     * NEURON's own IntFire4 (src/nrnoc/intfire4.mod: net_move of its pending firing, printf, a Newton search of its
     * firing time) compiled unchanged, excitatory (0.7) and inhibitory (-0.4) inputs through two connections,
     * driving the project's expsynapse, against NEURON 8.2.2's built-in IntFire4 in the same setting (committed
     * fixture {@code reference/published-events/IntFire4}, recorded by {@code reference/events/record_intfire4.py}).
     */
    @Test
    void intFire4MatchesNeuron() throws IOException {
        Path file = ModDirs.modFiles().stream().filter(f -> f.getFileName().toString().equals("intfire4.mod"))
                .findFirst().orElseThrow(() -> new IllegalArgumentException("intfire4.mod is in none of the folders"
                        + " of -D" + ModDirs.PROPERTY));
        NmodlMechanism intFire = NmodlMechanism.compile(file.toString(), Files.readString(file));
        NmodlMechanism expsyn = NmodlMechanism.compile("exp_synapse.mod",
                Resources.text("/mod/features/exp_synapse.mod"));
        ReferenceRun ref = ReferenceRun.load("/reference/published-events/IntFire4/inputs");
        JsonNode s = ref.settings();
        Morphology morphology = new Morphology();
        int section = morphology.addRoot("soma", 20, 1, 35.4, 1, Morphology.filled(1, 20));
        ModelBuilder b = new ModelBuilder(morphology, Catalogue.discover().register(intFire).register(expsyn));
        b.insert("pas", section, Map.of("g", 1e-4, "e", -70.0));
        PointProcess syn = b.addPointProcess("expsynapse", section, 0.5, Map.of());
        PointProcess cell = b.addPointProcess("IntFire4", section, 0.5, Map.of());
        b.addSpikeSource(new double[] {5, 6, 7, 8, 30, 31, 32, 60}, List.of(new Synapse(cell, 0.7, 0)));
        b.addSpikeSource(new double[] {7.5, 31.5, 61}, List.of(new Synapse(cell, -0.4, 0)));
        b.addEventSource(cell, List.of(new Synapse(syn, 0.004, 1)));
        Simulation sim = b.build(s.get("dt_ms").asDouble(), s.get("celsius_degC").asDouble());
        Recorder rec = new Recorder(1);
        rec.add("v_mV", sim.state().v, sim.discretization().segmentNode(section, 0));
        rec.add("g", sim.block("expsynapse").column("g"), syn.instance());
        for (String column : new String[] {"m", "e", "i1", "i2"}) {
            rec.add(column, sim.block("IntFire4").column(column), cell.instance());
        }
        sim.addObserver(rec);
        sim.initialize(s.get("v_init_mV").asDouble());
        sim.run(s.get("tstop_ms").asDouble());
        for (String column : rec.names()) {
            assertTrace("IntFire4 " + column, ref.column(column), rec.column(column), TOLERANCE);
        }
    }
}
