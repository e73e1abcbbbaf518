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
        NmodlMechanism intFire = published("intfire1.mod");
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
        NmodlMechanism invl = published("invlfire.mod");
        NmodlMechanism expsyn = NmodlMechanism.compile("exp_synapse.mod",
                Resources.text("/mod/features/exp_synapse.mod"));
        ReferenceRun ref = ReferenceRun.load("/reference/published-events/IntervalFire/inputs");
        EventsCompartment c = new EventsCompartment(invl, expsyn);
        PointProcess syn = c.builder.addPointProcess("expsynapse", c.section, 0.5, Map.of());
        PointProcess cell = c.builder.addPointProcess("IntervalFire", c.section, 0.5, Map.of());
        c.builder.addSpikeSource(new double[] {13, 15.5, 40.3, 41.1}, List.of(new Synapse(cell, 0.45, 0)));
        c.builder.addEventSource(cell, List.of(new Synapse(syn, 0.003, 1.5)));
        c.assertMatches(ref, "IntervalFire", TOLERANCE, (sim, rec) -> {
            rec.add("g", sim.block("expsynapse").column("g"), syn.instance());
            rec.add("m", sim.block("IntervalFire").column("m"), cell.instance());
        });
    }

    /**
     * NEURON's own IntFire4 (src/nrnoc/intfire4.mod: net_move of its pending firing, printf, a Newton search of its
     * firing time) compiled unchanged, excitatory (0.7) and inhibitory (-0.4) inputs through two connections,
     * driving the project's expsynapse, against NEURON 8.2.2's built-in IntFire4 in the same setting (committed
     * fixture {@code reference/published-events/IntFire4}, recorded by {@code reference/events/record_intfire4.py}).
     */
    @Test
    void intFire4MatchesNeuron() throws IOException {
        NmodlMechanism intFire = published("intfire4.mod");
        NmodlMechanism expsyn = NmodlMechanism.compile("exp_synapse.mod",
                Resources.text("/mod/features/exp_synapse.mod"));
        ReferenceRun ref = ReferenceRun.load("/reference/published-events/IntFire4/inputs");
        EventsCompartment c = new EventsCompartment(intFire, expsyn);
        PointProcess syn = c.builder.addPointProcess("expsynapse", c.section, 0.5, Map.of());
        PointProcess cell = c.builder.addPointProcess("IntFire4", c.section, 0.5, Map.of());
        c.builder.addSpikeSource(new double[] {5, 6, 7, 8, 30, 31, 32, 60}, List.of(new Synapse(cell, 0.7, 0)));
        c.builder.addSpikeSource(new double[] {7.5, 31.5, 61}, List.of(new Synapse(cell, -0.4, 0)));
        c.builder.addEventSource(cell, List.of(new Synapse(syn, 0.004, 1)));
        c.assertMatches(ref, "IntFire4", TOLERANCE, (sim, rec) -> {
            rec.add("g", sim.block("expsynapse").column("g"), syn.instance());
            for (String column : new String[] {"m", "e", "i1", "i2"}) {
                rec.add(column, sim.block("IntFire4").column(column), cell.instance());
            }
        });
    }

    /** The published mod file of this name from the folders of -Dspineformer.modDirs, compiled. */
    private static NmodlMechanism published(String fileName) throws IOException {
        Path file = ModDirs.modFiles().stream().filter(f -> f.getFileName().toString().equals(fileName))
                .findFirst().orElseThrow(() -> new IllegalArgumentException(fileName + " is in none of the folders"
                        + " of -D" + ModDirs.PROPERTY));
        return NmodlMechanism.compile(file.toString(), Files.readString(file));
    }
}
