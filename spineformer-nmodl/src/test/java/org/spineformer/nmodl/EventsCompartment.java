package org.spineformer.nmodl;

import static org.spineformer.engine.reference.TraceAssert.assertRecording;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.function.BiConsumer;
import org.spineformer.engine.ModelBuilder;
import org.spineformer.engine.Simulation;
import org.spineformer.engine.mech.Catalogue;
import org.spineformer.engine.morph.Morphology;
import org.spineformer.engine.record.Recorder;
import org.spineformer.engine.reference.ReferenceRun;
import org.spineformer.nmodl.gen.NmodlMechanism;

/**
 * The setting of the event recordings (reference/events/recording.py) on our side: one 20 um compartment (cm 1,
 * Ra 35.4, nseg 1) with pas (g 1e-4 S/cm2, e -70 mV), the compiled mechanisms in the catalogue; a test adds its point
 * processes and connections to {@link #builder}, then {@link #assertMatches} runs it as the reference run did and
 * compares every recorded column with NEURON's.
 */
final class EventsCompartment {
    final ModelBuilder builder;
    final int section;

    EventsCompartment(NmodlMechanism... compiled) {
        Morphology morphology = new Morphology();
        section = morphology.addRoot("soma", 20, 1, 35.4, 1, Morphology.filled(1, 20));
        Catalogue catalogue = Catalogue.discover();
        for (NmodlMechanism m : compiled) {
            catalogue.register(m);
        }
        builder = new ModelBuilder(morphology, catalogue);
        builder.insert("pas", section, Map.of("g", 1e-4, "e", -70.0));
    }

    /**
     * Builds the simulation with the reference's dt and celsius, records v_mV and what {@code record} adds, runs it
     * from the reference's v_init to its tstop, and asserts the time and every column within {@code tolerance} of
     * the reference's (TraceAssert's measure); {@code label} names the run's columns in a failure.
     */
    void assertMatches(ReferenceRun ref, String label, double tolerance, BiConsumer<Simulation, Recorder> record) {
        JsonNode s = ref.settings();
        Simulation sim = builder.build(s.get("dt_ms").asDouble(), s.get("celsius_degC").asDouble());
        Recorder rec = new Recorder(1);
        rec.add("v_mV", sim.state().v, sim.discretization().segmentNode(section, 0));
        record.accept(sim, rec);
        sim.addObserver(rec);
        sim.initialize(s.get("v_init_mV").asDouble());
        sim.run(s.get("tstop_ms").asDouble());
        assertRecording(label, ref, rec, tolerance);
    }
}
