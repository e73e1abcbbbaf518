package org.spineformer.nmodl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.spineformer.engine.reference.TraceAssert.assertRecording;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
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
 * {@code USEION x WRITE ex}, a mechanism that writes the reversal potential, against NEURON 8.2.2 running the
 * project's {@code mod/ions/} files (reference recorded by {@code reference/ions/record_writerev.py}, PROVENANCE.md):
 * a soma with ekset (writes ek by its own rule and ik), kacc (writes ki), kread (reads ek), capool (writes cai and
 * eca) and caread (reads eca); a dendrite with kacc, kread and caread. NEURON's ion style (eion.cpp nrn_promote) at
 * each node:
 * <ul>
 * <li>soma, k: ek written, so neither einit nor eadvance although kacc writes ki: ek is ekset's, from its INITIAL,
 *     its BREAKPOINT (nrn_cur, with the sine of t + dt/2: what kread's current sees, after ekset's) and its state
 *     update (nrn_state: what is recorded);
 * <li>dendrite, k: kacc writes ki, no one ek: ek follows ki by Nernst (einit, eadvance);
 * <li>soma, ca: capool writes cai and eca: eca is capool's (no Nernst after its INITIAL either);
 * <li>dendrite, ca: caread reads eca and no mechanism there reads or writes a concentration: eca stays NEURON's
 *     default, although capool writes cai elsewhere (before, the engine recomputed it by Nernst at every node of a
 *     reader once any block wrote cai).
 * </ul>
 * Every column (both voltages, the ions' e, concentration and current at both nodes, the states and what the
 * readers saw) within {@link #TOLERANCE} of NEURON's.
 */
class WriteReversalTest {
    /** The single-mechanism bound of issue 17, 1e-6 of each trace's scale, as {@link KineticReferenceTest}'s. */
    static final double TOLERANCE = 1e-6;
    private static final List<String> FILES = List.of("capool", "caread", "ekset", "kacc", "kread");

    @Test
    void writersAndReadersMatchNeuron() {
        ReferenceRun ref = ReferenceRun.load("/reference/ions/writerev/writerev");
        JsonNode s = ref.settings();
        assertThat(s.get("dt_ms").asDouble()).isEqualTo(DT_MS);
        assertThat(s.get("celsius_degC").asDouble()).isEqualTo(CELSIUS);
        assertThat(s.get("stimulus").get("amp_nA").asDouble()).isEqualTo(0.3);
        Simulation sim = cell(s, 0.3);
        int soma = 0; // the sections as cell() adds them
        int dend = 1;

        Recorder rec = new Recorder(1);
        for (JsonNode c : s.get("columns")) {
            String name = c.asText();
            if (name.equals("t_ms")) {
                continue;
            }
            String[] parts = name.replace("_mV", "").split("_");
            int section = parts[parts.length - 1].equals("soma") ? soma : dend;
            int node = sim.discretization().segmentNode(section, 0);
            if (parts.length == 3) { // VAR_MECHANISM_SECTION
                rec.add(name, sim.block(parts[1]).column(parts[0]), sim.densityInstance(parts[1], section, 0));
            } else if (parts[0].equals("v")) {
                rec.add(name, sim.state().v, node);
            } else {
                rec.add(name, ionArray(sim, parts[0]), node);
            }
        }
        assertThat(rec.names()).hasSize(s.get("columns").size() - 1);
        sim.addObserver(rec);
        sim.initialize(s.get("v_init_mV").asDouble());
        sim.run(s.get("tstop_ms").asDouble());
        assertRecording("writerev", ref, rec, TOLERANCE);
        double worst = rec.names().stream().mapToDouble(c -> TraceAssert.relativeError(ref.column(c), rec.column(c)))
                .max().orElseThrow();
        System.out.printf("writerev: largest error %.2e of the trace's scale%n", worst);
    }

    /**
     * Two trials in lanes (pulses of 0.3 and 0.5 nA): each lane's voltages and every ion array at both nodes after
     * 100 ms equal to its trial run alone, bit for bit (the written-reversal flag and the followed nodes are per
     * lane entry).
     */
    @Test
    void trialsInLanesAreEachTrialAlone() {
        JsonNode s = ReferenceRun.load("/reference/ions/writerev/writerev").settings();
        double[] amps = {0.3, 0.5};
        Simulation lanes = cell(s, amps);
        lanes.initialize(-70);
        lanes.run(100);
        for (int lane = 0; lane < amps.length; lane++) {
            Simulation alone = cell(s, amps[lane]);
            alone.initialize(-70);
            alone.run(100);
            for (int node = 0; node < alone.state().nodes; node++) {
                assertThat(lanes.state().v[node * 2 + lane]).as("v").isEqualTo(alone.state().v[node]);
                for (String ion : new String[] {"k", "ca"}) {
                    var inLanes = lanes.state().ion(ion);
                    var one = alone.state().ion(ion);
                    assertThat(inLanes.reversal()[node * 2 + lane]).as("e" + ion).isEqualTo(one.reversal()[node]);
                    assertThat(inLanes.concentration[node * 2 + lane]).isEqualTo(one.concentration[node]);
                    assertThat(inLanes.current()[node * 2 + lane]).isEqualTo(one.current()[node]);
                }
            }
        }
    }

    private static final double DT_MS = 0.025;
    private static final double CELSIUS = 37;

    /** The recording's cell (its mechanisms from the reference's settings), one trial in a lane per pulse (nA). */
    private static Simulation cell(JsonNode s, double... ampsNa) {
        Catalogue catalogue = Catalogue.discover();
        for (String f : FILES) {
            catalogue.register(NmodlMechanism.compile(f + ".mod", Resources.text("/mod/ions/" + f + ".mod")));
        }
        Morphology morphology = new Morphology();
        int soma = morphology.addRoot("soma", 20, 1, 35.4, 1, Morphology.filled(1, 20));
        int dend = morphology.addChild("dend", 100, 1, 35.4, 1, Morphology.filled(1, 2), soma, 1);
        ModelBuilder builder = new ModelBuilder(morphology, catalogue);
        // NEURON's order of the mechanisms' current phases: pas, then the files' (ekset before kread)
        for (JsonNode m : s.get("mechanisms_inserted").get("soma")) {
            builder.insert(m.asText(), soma, m.asText().equals("pas") ? Map.of("g", 1e-4, "e", -70.0) : Map.of());
        }
        for (JsonNode m : s.get("mechanisms_inserted").get("dend")) {
            builder.insert(m.asText(), dend, m.asText().equals("pas") ? Map.of("g", 1e-4, "e", -70.0) : Map.of());
        }
        PointProcess clamp = builder.addPointProcess("IClamp", soma, 0.5, Map.of("del", 20.0, "dur", 50.0,
                "amp", ampsNa[0]));
        for (int lane = 0; lane < ampsNa.length; lane++) {
            builder.setLaneParameter(clamp, lane, "amp", ampsNa[lane]);
        }
        return builder.build(DT_MS, CELSIUS, ampsNa.length);
    }

    /** An ion's node array named as NEURON's range variable: ek, ki, ik, eca, cai, ica. */
    private static double[] ionArray(Simulation sim, String variable) {
        if (variable.startsWith("e")) {
            return sim.state().ion(variable.substring(1)).reversal();
        }
        if (variable.startsWith("i")) {
            return sim.state().ion(variable.substring(1)).current();
        }
        return sim.state().ion(variable.substring(0, variable.length() - 1)).concentration;
    }
}
