package org.spineformer.mechanisms.synapse;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.UnaryOperator;
import org.spineformer.engine.Simulation;
import org.spineformer.engine.event.PointProcess;
import org.spineformer.engine.event.Synapse;
import org.spineformer.engine.mech.Catalogue;
import org.spineformer.engine.record.Recorder;
import org.spineformer.engine.reference.ClampProtocol;
import org.spineformer.engine.reference.ReferenceRun;

/**
 * Rebuilds a run of the synapse reference set: the spine-head compartment with pas and cadspine, an NMDA and an
 * AMPA_WITH_CA synapse at 0.5 driven by one spike train through two connections, and the SEClamp if the run has one.
 * Every reference column can be recorded by name.
 */
final class SpineSynapseRun {
    private static final String FOLDER = "/reference/channels/synapse_NMDA_AMPA_WITH_CA_cadspine/";

    private final ReferenceRun ref;
    private final ClampProtocol protocol;

    /** The run as NEURON made it, with AMPA_WITH_CA's parameters passed through {@code ampaParameters}. */
    SpineSynapseRun(String runName, UnaryOperator<Map<String, Double>> ampaParameters) {
        this(runName, ampaParameters, Catalogue.discover(), 0);
    }

    /**
     * As NEURON made the run, with the mechanisms of {@code catalogue} and {@code silentAmpa} more AMPA_WITH_CA
     * synapses (instances 1, 2, ...) beside the first, with its parameters but no events: they carry no current,
     * and their potentiation follows the same calcium as the first's.
     */
    SpineSynapseRun(String runName, UnaryOperator<Map<String, Double>> ampaParameters, Catalogue catalogue,
                    int silentAmpa) {
        ref = ReferenceRun.load(FOLDER + runName);
        JsonNode settings = ref.settings();
        protocol = new ClampProtocol(ref, catalogue);
        int section = protocol.section();
        JsonNode mechanisms = settings.get("mechanism_parameters");
        // both synapses sit at 0.5 (README)
        PointProcess nmda = protocol.builder().addPointProcess("NMDA", section, 0.5, range(mechanisms.get("NMDA")));
        Map<String, Double> ampaRange = ampaParameters.apply(range(mechanisms.get("AMPA_WITH_CA")));
        PointProcess ampa = protocol.builder().addPointProcess("AMPA_WITH_CA", section, 0.5, ampaRange);
        for (int k = 0; k < silentAmpa; k++) {
            protocol.builder().addPointProcess("AMPA_WITH_CA", section, 0.5, ampaRange);
        }
        // Inserted after the AMPA synapse on purpose: it must still advance first, as a concentration writer, so
        // that AMPA_WITH_CA integrates the step's new cai as in NEURON.
        JsonNode pool = mechanisms.get("cadspine").get("global");
        protocol.builder().insert("cadspine", section, Map.of("depth", pool.get("depth").asDouble(),
                "taur", pool.get("taur").asDouble(), "cainf", pool.get("cainf").asDouble()));
        JsonNode events = settings.get("events");
        double[] times = new double[events.get("vecstim_times_ms").size()];
        for (int k = 0; k < times.length; k++) {
            times[k] = events.get("vecstim_times_ms").get(k).asDouble();
        }
        protocol.builder().addSpikeSource(times, List.of(
                synapse(nmda, events.get("netcon_NMDA")), synapse(ampa, events.get("netcon_AMPA_WITH_CA"))));
    }

    ReferenceRun reference() {
        return ref;
    }

    private static Map<String, Double> range(JsonNode mechanism) {
        Map<String, Double> p = new HashMap<>();
        mechanism.get("range").fields().forEachRemaining(e -> p.put(e.getKey(), e.getValue().asDouble()));
        return p;
    }

    private static Synapse synapse(PointProcess target, JsonNode netcon) {
        return new Synapse(target, netcon.get("weight").asDouble(), netcon.get("delay_ms").asDouble());
    }

    /** Builds, runs with the tables on or off and records the given reference columns (and v). */
    Recorder run(boolean useTables, List<String> columns) {
        return run(useTables, (sm, rec) -> columns.forEach(column -> record(sm, rec, column)));
    }

    /** Builds, runs with the tables on or off and records v and what {@code record} adds. */
    Recorder run(boolean useTables, BiConsumer<Simulation, Recorder> record) {
        JsonNode s = ref.settings();
        Simulation sim = protocol.builder().build(s.get("dt_ms").asDouble(), s.get("celsius_degC").asDouble());
        sim.setUseTables(useTables);
        return protocol.run(sim, record);
    }

    /** Every reference column but t and v. */
    List<String> recordedColumns() {
        return ref.columnNames().stream().filter(c -> !c.equals("t_ms") && !c.equals("v_mV")).toList();
    }

    /** Records a reference column from its live source: the ca ion at the compartment's node, or instance 0. */
    private void record(Simulation sim, Recorder rec, String column) {
        int node = sim.discretization().segmentNode(protocol.section(), 0);
        switch (column) {
            case "cai_mM" -> rec.add(column, sim.state().ion("ca").concentration, node);
            case "ica_mA_cm2" -> rec.add(column, sim.state().ion("ca").current(), node);
            case "ca_cadspine_mM" -> rec.add(column, sim.block("cadspine").column("ca"), 0);
            case "i_pas_mA_cm2" -> rec.add(column, sim.block("pas").column("i"), 0);
            case "i_seclamp_nA" -> rec.add(column, sim.block(protocol.electrode().mechanism()).column("i"), 0);
            case "nmda_ica_nA_derived" -> rec.add(column, sim.block("NMDA").column("ica"), 0);
            default -> rec.add(column, column.startsWith("nmda_")
                    ? sim.block("NMDA").column(fieldName(column, "nmda_"))
                    : sim.block("AMPA_WITH_CA").column(fieldName(column, "ampa_")), 0);
        }
    }

    /** nmda_g_uS -> g, ampa_g_dynamic -> g_dynamic: the prefix and a unit suffix removed. */
    private static String fieldName(String column, String prefix) {
        return column.substring(prefix.length()).replaceFirst("_(nA|uS)$", "");
    }
}
