package org.spineformer.nmodl;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.spineformer.engine.ModelBuilder;
import org.spineformer.engine.event.PointProcess;
import org.spineformer.engine.event.Synapse;
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
}
