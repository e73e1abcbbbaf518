package org.spineformer.nmodl;

import static org.spineformer.engine.reference.TraceAssert.assertTrace;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.spineformer.engine.Simulation;
import org.spineformer.engine.mech.Catalogue;
import org.spineformer.engine.record.Recorder;
import org.spineformer.engine.reference.ClampProtocol;
import org.spineformer.engine.reference.ReferenceRun;
import org.spineformer.nmodl.gen.NmodlMechanism;

/**
 * The project's own NMODL files for NaTa_t, SKv3_1 and Im, compiled, against NEURON 8.2.2: the runs and columns of
 * spineformer-mechanisms' HayChannelReferenceTest (five voltage-clamp steps and a current clamp with pas each),
 * compared the same way, at the same bound.
 */
class CompiledHayChannelReferenceTest {
    /**
     * HayChannelReferenceTest's bound: 1e-6 of each trace's scale. The reference prints 10 significant digits
     * (5e-11 relative); the compiled code differs from NEURON's C only by roundings (operation order in the rates
     * and the cnexp update, Java's exp and pow against the C library's), of the order of 1e-16.
     */
    static final double TOLERANCE = 1e-6;

    static Stream<Arguments> runs() {
        return Stream.of("NaTa_t", "SKv3_1", "Im").flatMap(mechanism -> Stream.of(
                        "vclamp_m60", "vclamp_m40", "vclamp_m20", "vclamp_0", "vclamp_p20", "iclamp")
                .map(run -> Arguments.of(mechanism, run)));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("runs")
    void matchesNeuron(String mechanism, String runName) {
        ReferenceRun ref = ReferenceRun.load("/reference/channels/" + mechanism + "/" + runName);
        NmodlMechanism compiled = NmodlMechanism.compile(mechanism + ".mod",
                Resources.text("/mod/hay2011/" + mechanism + ".mod"));
        Catalogue catalogue = Catalogue.discover().register(compiled);
        ClampProtocol protocol = new ClampProtocol(ref, catalogue);
        Map<String, Double> range = new HashMap<>();
        ref.settings().get("mechanism_parameters").get(mechanism).get("range").fields()
                .forEachRemaining(e -> range.put(e.getKey(), e.getValue().asDouble()));
        protocol.builder().insert(mechanism, protocol.section(), range);
        JsonNode s = ref.settings();
        Simulation sim = protocol.builder().build(s.get("dt_ms").asDouble(), s.get("celsius_degC").asDouble());
        // ena_mV -> the na ion's reversal potential, ek_mV -> k's
        s.get("ion_reversal_potentials").fields().forEachRemaining(e -> Arrays.fill(
                sim.state().ion(e.getKey().replace("_mV", "").substring(1)).reversal, e.getValue().asDouble()));
        Recorder rec = protocol.run(sim, (simulation, r) -> {
            for (JsonNode column : s.get("columns")) {
                String name = column.asText();
                if (!name.equals("t_ms") && !name.equals("v_mV")) {
                    r.add(name, source(simulation, protocol, mechanism, name), 0);
                }
            }
        });
        assertTrace(runName + " t_ms", ref.column("t_ms"), rec.time(), TOLERANCE);
        for (String column : rec.names()) {
            assertTrace(mechanism + " " + runName + " " + column, ref.column(column), rec.column(column), TOLERANCE);
        }
    }

    private static double[] source(Simulation sim, ClampProtocol protocol, String mechanism, String column) {
        return switch (column) {
            case "i_seclamp_nA", "i_iclamp_nA" -> sim.block(protocol.electrode().mechanism()).column("i");
            case "i_pas_mA_cm2" -> sim.block("pas").column("i");
            default -> sim.block(mechanism).column(column.replace("_mA_cm2", ""));
        };
    }
}
