package org.spineformer.nmodl;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.spineformer.engine.Simulation;
import org.spineformer.engine.mech.Catalogue;
import org.spineformer.engine.record.Recorder;
import org.spineformer.engine.reference.ClampProtocol;
import org.spineformer.engine.reference.ReferenceRun;
import org.spineformer.nmodl.gen.NmodlMechanism;

/**
 * One single-compartment reference run of shared/reference/models/MODEL/channels rebuilt with compiled mechanisms:
 * every mechanism of the run (but pas) compiled, inserted with its RANGE and GLOBAL values, ena and ek set as the
 * model sets them, every column of the run's column_sources recorded.
 */
final class ChannelRun {
    private ChannelRun() {
    }

    /** The recorder, with one column per reference column named as in the reference. */
    static Recorder run(ReferenceRun ref, Function<String, NmodlMechanism> compile) {
        JsonNode s = ref.settings();
        List<String> inserted = new ArrayList<>();
        s.get("mechanism_parameters").fieldNames().forEachRemaining(m -> {
            if (!m.equals("pas")) {
                inserted.add(m);
            }
        });
        Catalogue catalogue = Catalogue.discover();
        for (String m : inserted) {
            catalogue.register(compile.apply(m));
        }
        ClampProtocol protocol = new ClampProtocol(ref, catalogue);
        for (String m : inserted) {
            Map<String, Double> values = new HashMap<>();
            JsonNode p = s.get("mechanism_parameters").get(m);
            p.get("range").fields().forEachRemaining(e -> values.put(e.getKey(), e.getValue().asDouble()));
            // NEURON's GLOBALs (name_suffix) are per-instance fields of the compiled mechanism
            p.get("global").fields().forEachRemaining(e -> values.put(e.getKey().substring(0,
                    e.getKey().length() - m.length() - 1), e.getValue().asDouble()));
            protocol.builder().insert(m, protocol.section(), values);
        }
        Simulation sim = protocol.builder().build(s.get("dt_ms").asDouble(), s.get("celsius_degC").asDouble());
        // the model sets ena and ek; eca is NEURON's default or its Nernst value, never set (the "_at_t0" value
        // recorded is what NEURON computed)
        s.get("ion_reversal_potentials").fields().forEachRemaining(e -> {
            String ion = e.getKey().substring(1, e.getKey().indexOf("_mV"));
            if (!ion.equals("ca")) {
                Arrays.fill(sim.state().ion(ion).reversal(), e.getValue().asDouble());
            }
        });
        Map<String, String> sources = new HashMap<>();
        s.get("column_sources").fields().forEachRemaining(e -> sources.put(e.getKey(), e.getValue().asText()));
        List<String> columns = sources.keySet().stream().sorted().toList();
        return protocol.run(sim, (simulation, r) -> columns.forEach(c -> r.add(c, source(simulation, protocol,
                inserted, sources.get(c)), 0)));
    }

    /** The live array behind a NEURON variable named as in the reference's column_sources. */
    private static double[] source(Simulation sim, ClampProtocol protocol, List<String> inserted, String neuron) {
        if (neuron.equals("SEClamp i") || neuron.equals("IClamp i")) {
            return sim.block(protocol.electrode().mechanism()).column("i");
        }
        if (neuron.equals("pas i")) {
            return sim.block("pas").column("i");
        }
        if (neuron.startsWith("section ")) {
            // section ica (sum over mechanisms), section cai, section eca
            String var = neuron.split(" ")[1];
            if (var.startsWith("i")) {
                return sim.state().ion(var.substring(1)).current();
            }
            if (var.startsWith("e")) {
                return sim.state().ion(var.substring(1)).reversal();
            }
            return sim.state().ion(var.substring(0, var.length() - 1)).concentration;
        }
        for (String m : inserted) {
            if (neuron.endsWith("_" + m)) {
                return sim.block(m).column(neuron.substring(0, neuron.length() - m.length() - 1));
            }
        }
        throw new IllegalArgumentException("no source for the column of " + neuron);
    }
}
