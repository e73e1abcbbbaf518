package org.spineformer.mechanisms.hay2011;

import static org.spineformer.engine.reference.TraceAssert.assertTrace;

import com.fasterxml.jackson.databind.JsonNode;
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

/**
 * NaTa_t, SKv3_1 and Im in one compartment against NEURON 8.2.2: five voltage-clamp steps and a current clamp with
 * pas each, every recorded column compared.
 */
class HayChannelReferenceTest {
    /**
     * The acceptance bound: 1e-6 of each trace's scale. The reference files print 10 significant digits (5e-11
     * relative), and the only arithmetic differences from NEURON are roundings of the order of 1e-16 (operation
     * order in the cnexp update, the exact instead of the numerical di/dv of these linear currents).
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
        ClampProtocol protocol = new ClampProtocol(ref, Catalogue.discover());
        protocol.builder().insert(mechanism, protocol.section(), parameters(ref, mechanism));
        Recorder rec = protocol.run((sim, r) -> {
            for (JsonNode column : ref.settings().get("columns")) {
                String name = column.asText();
                if (!name.equals("t_ms") && !name.equals("v_mV")) {
                    r.add(name, source(sim, protocol, mechanism, name), 0);
                }
            }
        });
        assertTrace(runName + " t_ms", ref.column("t_ms"), rec.time(), TOLERANCE);
        for (String column : rec.names()) {
            assertTrace(mechanism + " " + runName + " " + column, ref.column(column), rec.column(column), TOLERANCE);
        }
    }

    /** The run's RANGE parameters (named as the fields) and the reversal potential the channel reads. */
    static Map<String, Double> parameters(ReferenceRun ref, String mechanism) {
        Map<String, Double> p = new HashMap<>();
        ref.settings().get("mechanism_parameters").get(mechanism).get("range").fields()
                .forEachRemaining(e -> p.put(e.getKey(), e.getValue().asDouble()));
        // ena_mV -> ena, ek_mV -> ek
        ref.settings().get("ion_reversal_potentials").fields()
                .forEachRemaining(e -> p.put(e.getKey().replace("_mV", ""), e.getValue().asDouble()));
        return p;
    }

    /** The live array behind a reference column (instance 0 of its mechanism). */
    private static double[] source(Simulation sim, ClampProtocol protocol, String mechanism, String column) {
        return switch (column) {
            case "i_seclamp_nA", "i_iclamp_nA" -> sim.block(protocol.electrode().mechanism()).column("i");
            case "i_pas_mA_cm2" -> sim.block("pas").column("i");
            // ina_mA_cm2, ik_mA_cm2 and the gating states
            default -> sim.block(mechanism).column(column.replace("_mA_cm2", ""));
        };
    }
}
