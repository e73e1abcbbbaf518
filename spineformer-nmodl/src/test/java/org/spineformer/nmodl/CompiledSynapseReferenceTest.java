package org.spineformer.nmodl;

import static org.spineformer.engine.reference.TraceAssert.assertRecording;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.spineformer.engine.Simulation;
import org.spineformer.engine.event.PointProcess;
import org.spineformer.engine.event.Synapse;
import org.spineformer.engine.mech.Catalogue;
import org.spineformer.engine.record.Recorder;
import org.spineformer.engine.reference.ClampProtocol;
import org.spineformer.engine.reference.ReferenceRun;
import org.spineformer.nmodl.gen.NmodlMechanism;

/**
 * The project's own NMDA, AMPA_WITH_CA and cadspine (`mod/ellwood2024/`), compiled, in the spine-synapse runs of
 * spineformer-mechanisms' SynapseReferenceTest: both synapses at 0.5 of one compartment with the calcium pool, the
 * same spike train through two connections, every recorded column against NEURON 8.2.2's.
 */
class CompiledSynapseReferenceTest {
    /** SynapseReferenceTest's bound: 1e-6 of each trace's scale. */
    static final double TOLERANCE = 1e-6;
    private static final String FOLDER = "/reference/channels/synapse_NMDA_AMPA_WITH_CA_cadspine/";

    private static NmodlMechanism compile(String name) {
        return NmodlMechanism.compile(name + ".mod", Resources.text("/mod/ellwood2024/" + name + ".mod"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"vclamp_m30", "free", "vclamp_m30_probe300"})
    void matchesNeuron(String runName) {
        ReferenceRun ref = ReferenceRun.load(FOLDER + runName);
        JsonNode s = ref.settings();
        Catalogue catalogue = Catalogue.discover().register(compile("NMDA")).register(compile("AMPA_WITH_CA"))
                .register(compile("cadspine"));
        ClampProtocol protocol = new ClampProtocol(ref, catalogue);
        int section = protocol.section();
        JsonNode mechanisms = s.get("mechanism_parameters");
        PointProcess nmda = protocol.builder().addPointProcess("NMDA", section, 0.5, range(mechanisms.get("NMDA")));
        PointProcess ampa = protocol.builder().addPointProcess("AMPA_WITH_CA", section, 0.5,
                range(mechanisms.get("AMPA_WITH_CA")));
        JsonNode pool = mechanisms.get("cadspine").get("global");
        protocol.builder().insert("cadspine", section, Map.of("depth", pool.get("depth").asDouble(),
                "taur", pool.get("taur").asDouble(), "cainf", pool.get("cainf").asDouble()));
        JsonNode events = s.get("events");
        double[] times = new double[events.get("vecstim_times_ms").size()];
        for (int k = 0; k < times.length; k++) {
            times[k] = events.get("vecstim_times_ms").get(k).asDouble();
        }
        protocol.builder().addSpikeSource(times, List.of(synapse(nmda, events.get("netcon_NMDA")),
                synapse(ampa, events.get("netcon_AMPA_WITH_CA"))));
        Simulation sim = protocol.builder().build(s.get("dt_ms").asDouble(), s.get("celsius_degC").asDouble());
        List<String> columns = ref.columnNames().stream().filter(c -> !c.equals("t_ms") && !c.equals("v_mV"))
                .toList();
        Recorder rec = protocol.run(sim, (simulation, r) -> columns.forEach(c -> record(simulation, protocol, r, c)));
        assertRecording(runName, ref, rec, TOLERANCE);
    }

    private static Map<String, Double> range(JsonNode mechanism) {
        Map<String, Double> p = new HashMap<>();
        mechanism.get("range").fields().forEachRemaining(e -> p.put(e.getKey(), e.getValue().asDouble()));
        return p;
    }

    private static Synapse synapse(PointProcess target, JsonNode netcon) {
        return new Synapse(target, netcon.get("weight").asDouble(), netcon.get("delay_ms").asDouble());
    }

    /** A reference column from its live source: the ca ion at the compartment's node, or instance 0. */
    private static void record(Simulation sim, ClampProtocol protocol, Recorder rec, String column) {
        int node = sim.discretization().segmentNode(protocol.section(), 0);
        switch (column) {
            case "cai_mM" -> rec.add(column, sim.state().ion("ca").concentration, node);
            case "ica_mA_cm2" -> rec.add(column, sim.state().ion("ca").current(), node);
            case "ca_cadspine_mM" -> rec.add(column, sim.block("cadspine").column("ca"), 0);
            case "i_pas_mA_cm2" -> rec.add(column, sim.block("pas").column("i"), 0);
            case "i_seclamp_nA" -> rec.add(column, sim.block(protocol.electrode().mechanism()).column("i"), 0);
            case "nmda_ica_nA_derived" -> rec.add(column, sim.block("NMDA").column("ica"), 0);
            // nmda_g_uS -> NMDA's g, ampa_g_dynamic -> AMPA_WITH_CA's g_dynamic
            default -> rec.add(column, sim.block(column.startsWith("nmda_") ? "NMDA" : "AMPA_WITH_CA")
                    .column(column.substring(5).replaceFirst("_(nA|uS)$", "")), 0);
        }
    }
}
