package org.spineformer.nmodl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.spineformer.engine.reference.TraceAssert.assertRecording;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.spineformer.engine.ModelBuilder;
import org.spineformer.engine.Simulation;
import org.spineformer.engine.event.PointProcess;
import org.spineformer.engine.mech.Catalogue;
import org.spineformer.engine.morph.Morphology;
import org.spineformer.engine.record.Recorder;
import org.spineformer.engine.reference.ReferenceRun;
import org.spineformer.engine.reference.TraceAssert;
import org.spineformer.nmodl.gen.NmodlMechanism;

/**
 * BEFORE and AFTER blocks (NEURON's nrn_ba) against NEURON 8.2.2 running the project's {@code mod/beforeafter/}
 * files (reference recorded by {@code reference/beforeafter/record_bab.py}, PROVENANCE.md) in one compartment with
 * pas and a current pulse, every column: bab's five blocks, each counting its calls and keeping the t and v it saw
 * (BEFORE INITIAL once before INITIAL, AFTER INITIAL once after it, BEFORE BREAKPOINT at every current phase at
 * t + dt/2 and before the currents it changes, AFTER SOLVE after the state update, BEFORE STEP last, also at
 * initialization), the ion's ik three times the mechanism's when recorded (each block adds the current it writes
 * again, as nocmodl's set_ion_variables); bacw's AFTER SOLVE, whose one written concentration nocmodl does not copy
 * out (cai grows by rate*dt per step, not doubling).
 */
class BeforeAfterTest {
    /** The single-mechanism bound of issue 17, 1e-6 of each trace's scale, as {@link KineticReferenceTest}'s. */
    static final double TOLERANCE = 1e-6;

    @Test
    void everyBlockMatchesNeuron() {
        ReferenceRun ref = ReferenceRun.load("/reference/beforeafter/bab/bab");
        JsonNode s = ref.settings();
        assertThat(s.get("dt_ms").asDouble()).isEqualTo(0.025);
        assertThat(s.get("celsius_degC").asDouble()).isEqualTo(37);
        Simulation sim = compartment(s.get("stimulus").get("amp_nA").asDouble());
        int soma = 0; // the root section

        int node = sim.discretization().segmentNode(soma, 0);
        Recorder rec = new Recorder(1);
        rec.add("v_mV", sim.state().v, node);
        rec.add("ik", sim.state().ion("k").current(), node);
        rec.add("ek", sim.state().ion("k").reversal(), node);
        rec.add("cai", sim.state().ion("ca").concentration, node);
        rec.add("eca", sim.state().ion("ca").reversal(), node);
        for (JsonNode c : s.get("columns")) {
            String name = c.asText();
            int cut = name.lastIndexOf('_');
            if (name.endsWith("_bab") || name.endsWith("_bacw")) {
                String mechanism = name.substring(cut + 1);
                rec.add(name, sim.block(mechanism).column(name.substring(0, cut)),
                        sim.densityInstance(mechanism, soma, 0));
            }
        }
        assertThat(rec.names()).hasSize(s.get("columns").size() - 1);
        sim.addObserver(rec);
        sim.initialize(s.get("v_init_mV").asDouble());
        sim.run(s.get("tstop_ms").asDouble());
        assertRecording("bab", ref, rec, TOLERANCE);
        double worst = rec.names().stream().mapToDouble(c -> TraceAssert.relativeError(ref.column(c), rec.column(c)))
                .max().orElseThrow();
        System.out.printf("bab: largest error %.2e of the trace's scale%n", worst);
    }

    /**
     * Three trials in lanes (pulses of 0.1, 0.3 and 0.5 nA), each lane's v, ion values and every field of bab and
     * bacw after 100 ms equal to its trial run alone, bit for bit.
     */
    @Test
    void trialsInLanesAreEachTrialAlone() {
        double[] amps = {0.1, 0.3, 0.5};
        Simulation lanes = compartment(amps);
        lanes.initialize(-70);
        lanes.run(100);
        for (int lane = 0; lane < amps.length; lane++) {
            Simulation alone = compartment(amps[lane]);
            alone.initialize(-70);
            alone.run(100);
            assertThat(lanes.state().v[lane]).as("v, lane " + lane).isEqualTo(alone.state().v[0]);
            assertThat(lanes.state().ion("k").current()[lane]).isEqualTo(alone.state().ion("k").current()[0]);
            assertThat(lanes.state().ion("ca").concentration[lane])
                    .isEqualTo(alone.state().ion("ca").concentration[0]);
            for (String m : new String[] {"bab", "bacw"}) {
                for (var f : alone.block(m).mechanism().fields()) {
                    assertThat(lanes.block(m).get(f.name(), 0, lane)).as(m + " " + f.name() + ", lane " + lane)
                            .isEqualTo(alone.block(m).get(f.name(), 0));
                }
            }
        }
    }

    /** The recording's compartment with bab and bacw, one trial in a lane per pulse amplitude (nA). */
    private static Simulation compartment(double... ampsNa) {
        Catalogue catalogue = Catalogue.discover();
        for (String f : new String[] {"bab", "bacw"}) {
            catalogue.register(NmodlMechanism.compile(f + ".mod", Resources.text("/mod/beforeafter/" + f + ".mod")));
        }
        Morphology morphology = new Morphology();
        int soma = morphology.addRoot("soma", 20, 1, 35.4, 1, Morphology.filled(1, 20));
        ModelBuilder builder = new ModelBuilder(morphology, catalogue);
        builder.insert("pas", soma, Map.of("g", 1e-4, "e", -70.0));
        builder.insert("bab", soma, Map.of());
        builder.insert("bacw", soma, Map.of());
        PointProcess clamp = builder.addPointProcess("IClamp", soma, 0.5, Map.of("del", 20.0, "dur", 50.0,
                "amp", ampsNa[0]));
        for (int lane = 0; lane < ampsNa.length; lane++) {
            builder.setLaneParameter(clamp, lane, "amp", ampsNa[lane]);
        }
        return builder.build(0.025, 37, ampsNa.length);
    }
}
