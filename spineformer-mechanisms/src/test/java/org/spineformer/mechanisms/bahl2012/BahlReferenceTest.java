package org.spineformer.mechanisms.bahl2012;

import static org.assertj.core.api.Assertions.assertThat;
import static org.spineformer.engine.reference.TraceAssert.assertTrace;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.List;
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
 * Every NEURON 8.2.2 reference run of the six Bahl et al. (2012) channels, in one compartment: the five voltage
 * clamps and the current clamp, with NEURON's rate tables and (for the mechanisms that have tables) the
 * {@code _usetable0} twins with exact rate functions. Every column of each reference file is compared.
 */
class BahlReferenceTest {
    /**
     * The acceptance bound: 1e-6 of each trace's scale (its largest magnitude). The files print 10 significant
     * digits (5e-11 relative), and what remains beyond that is floating-point rounding order. Anything that differs
     * from NEURON (a quantity taken at the wrong step's voltage, another table grid, a missed unit factor) shows
     * as 1e-4 or more, far above this bound.
     */
    private static final double TOLERANCE = 1e-6;
    private static final List<String> RUNS =
            List.of("vclamp_m60", "vclamp_m40", "vclamp_m20", "vclamp_0", "vclamp_p20", "iclamp");
    /** Unit suffixes of the reference columns; what precedes them is the mechanism's field name. */
    private static final String UNIT_SUFFIX = "_(mA_cm2|pS_um2|ms)$";

    static Stream<Arguments> runs() {
        Stream.Builder<Arguments> all = Stream.builder();
        for (String mechanism : List.of("BahlEtAl_2012_nat", "BahlEtAl_2012_nap", "BahlEtAl_2012_kfast",
                "BahlEtAl_2012_kslow", "BahlEtAl_2012_km", "BahlEtAl_2012_ih")) {
            for (String run : RUNS) {
                all.add(Arguments.of(mechanism, run));
                // ih has no TABLE, so no exact-rate twin
                if (!mechanism.equals("BahlEtAl_2012_ih")) {
                    all.add(Arguments.of(mechanism, run + "_usetable0"));
                }
            }
        }
        return all.build();
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("runs")
    void matchesNeuron(String mechanism, String runName) {
        ReferenceRun ref = ReferenceRun.load("/reference/channels/" + mechanism + "/" + runName);
        JsonNode settings = ref.settings();
        JsonNode mechanismSettings = settings.get("mechanism_parameters").get(mechanism);
        ClampProtocol protocol = new ClampProtocol(ref, Catalogue.discover());
        protocol.builder().insert(mechanism, protocol.section(), parameters(settings, mechanismSettings));
        Simulation sim = protocol.builder().build(settings.get("dt_ms").asDouble(),
                settings.get("celsius_degC").asDouble());
        // the JSON's usetable is 0 in the _usetable0 twins; ih has none (no tables)
        boolean useTables = mechanismSettings.path("usetable").asDouble(1) != 0;
        assertThat(useTables).isEqualTo(!runName.endsWith("_usetable0"));
        sim.setUseTables(useTables);

        Recorder rec = protocol.run(sim, (s, r) -> {
            for (String column : ref.columnNames()) {
                switch (column) {
                    case "t_ms", "v_mV" -> {
                        // time is the recorder's own, v is recorded by the protocol
                    }
                    case "i_seclamp_nA", "i_iclamp_nA" ->
                            r.add(column, s.block(protocol.electrode().mechanism()).column("i"), 0);
                    case "i_pas_mA_cm2" -> r.add(column, s.block("pas").column("i"), 0);
                    default -> r.add(column, s.block(mechanism).column(column.replaceFirst(UNIT_SUFFIX, "")), 0);
                }
            }
        });

        assertTrace(runName + " t_ms", ref.column("t_ms"), rec.time(), TOLERANCE);
        for (String column : ref.columnNames()) {
            if (!column.equals("t_ms")) {
                assertTrace(mechanism + " " + runName + " " + column, ref.column(column), rec.column(column),
                        TOLERANCE);
            }
        }
    }

    /** The run's RANGE parameters of the mechanism and the reversal potential it reads (ena_mV gives ena). */
    private static Map<String, Double> parameters(JsonNode settings, JsonNode mechanismSettings) {
        Map<String, Double> p = new LinkedHashMap<>();
        mechanismSettings.get("range").fields().forEachRemaining(e -> p.put(e.getKey(), e.getValue().asDouble()));
        settings.get("ion_reversal_potentials").fields()
                .forEachRemaining(e -> p.put(e.getKey().replaceFirst("_mV$", ""), e.getValue().asDouble()));
        return p;
    }
}
