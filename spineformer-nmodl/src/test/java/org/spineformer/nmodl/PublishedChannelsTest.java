package org.spineformer.nmodl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.spineformer.engine.reference.TraceAssert.assertTrace;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
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
 * Published mod files compiled unchanged against their single-mechanism NEURON references
 * ({@code shared/reference/models/MODEL/channels}): every run, every column the compiled mechanism has (current,
 * states, conductance, rate variables; the calcium ion's current and concentration). Hay et al. (2011), ModelDB
 * 139653, and the Allen cell of bmtk. Validation tier; needs {@code -Dspineformer.sharedReference=.../shared/reference}
 * and, per model, the folder of its mod files: {@code -Dspineformer.modDir.hay2011_l5pc=...},
 * {@code -Dspineformer.modDir.allen_scnn1a=...} (a model without its folder is skipped).
 */
@Tag("validation")
class PublishedChannelsTest {
    /** The bound for published models: 1e-6 of each trace's scale (10-digit prints are 5e-11). */
    static final double TOLERANCE = 1e-6;
    /**
     * The density mechanisms of each model, each with its runs: alone, or (CaDynamics_E2, CaDynamics and the
     * "_with_..." runs of SK_E2) together with the mechanisms the run names, all compiled from the model's files.
     */
    static final Map<String, List<String>> MECHANISMS = Map.of(
            "hay2011_l5pc", List.of("NaTa_t", "NaTs2_t", "Nap_Et2", "K_Pst", "K_Tst", "SKv3_1", "Im", "Ih", "Ca_HVA",
                    "Ca_LVAst", "SK_E2", "CaDynamics_E2"),
            "allen_scnn1a", List.of("Ca_HVA", "Ca_LVA", "Ih", "Im", "K_P", "K_T", "Kv3_1", "NaTs", "Nap", "SK",
                    "CaDynamics"));
    private static final List<String> RUNS = List.of("vclamp_m60", "vclamp_m40", "vclamp_m20", "vclamp_0",
            "vclamp_p20", "iclamp");

    static Stream<Arguments> runs() {
        return MECHANISMS.entrySet().stream().sorted(Map.Entry.comparingByKey()).flatMap(model -> model.getValue()
                .stream().flatMap(m -> RUNS.stream().flatMap(r -> m.equals("SK_E2")
                        ? Stream.of(r, r + "_with_Ca_HVA_CaDynamics_E2") : Stream.of(r))
                        .map(r -> Arguments.of(model.getKey(), m, r))));
    }

    private static Path referenceFolder(String model) {
        String shared = System.getProperty("spineformer.sharedReference", "");
        assumeTrue(!shared.isBlank(), "skipped: no -Dspineformer.sharedReference=.../shared/reference given");
        return Path.of(shared, "models", model, "channels");
    }

    private static Path modFile(String model, String mechanism) {
        String dir = System.getProperty("spineformer.modDir." + model, "");
        assumeTrue(!dir.isBlank(), "skipped: no -Dspineformer.modDir." + model + "=FOLDER given");
        return Path.of(dir, mechanism + ".mod");
    }

    @ParameterizedTest(name = "{0} {1} {2}")
    @MethodSource("runs")
    void matchesNeuron(String model, String mechanism, String runName) throws IOException {
        Path folder = referenceFolder(model);
        String run = mechanism + "/" + runName;
        ReferenceRun ref = ReferenceRun.load(folder.resolve(run));
        JsonNode s = ref.settings();
        List<String> inserted = new ArrayList<>();
        s.get("mechanism_parameters").fieldNames().forEachRemaining(m -> {
            if (!m.equals("pas")) {
                inserted.add(m);
            }
        });
        Catalogue catalogue = Catalogue.discover();
        for (String m : inserted) {
            catalogue.register(NmodlMechanism.compile(modFile(model, m)));
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
                Arrays.fill(sim.state().ion(ion).reversal, e.getValue().asDouble());
            }
        });
        Map<String, String> sources = new HashMap<>();
        s.get("column_sources").fields().forEachRemaining(e -> sources.put(e.getKey(), e.getValue().asText()));
        List<String> compared = sources.keySet().stream().sorted().toList();
        Recorder rec = protocol.run(sim, (simulation, r) -> compared.forEach(c -> r.add(c, source(simulation,
                protocol, inserted, sources.get(c)), 0)));
        assertTrace(run + " t_ms", ref.column("t_ms"), rec.time(), TOLERANCE);
        for (String column : compared) {
            assertTrace(run + " " + column, ref.column(column), rec.column(column), TOLERANCE);
        }
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
                return sim.state().ion(var.substring(1)).current;
            }
            if (var.startsWith("e")) {
                return sim.state().ion(var.substring(1)).reversal;
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

    /** Hay's epsp, a POINT_PROCESS with top-level LOCALs (one an array), free and clamped. */
    @ParameterizedTest(name = "hay2011_l5pc epsp {0}")
    @org.junit.jupiter.params.provider.ValueSource(strings = {"free", "vclamp_m80"})
    void epspMatchesNeuron(String runName) throws IOException {
        Path folder = referenceFolder("hay2011_l5pc");
        ReferenceRun ref = ReferenceRun.load(folder.resolve("epsp").resolve(runName));
        Recorder rec = PointProcessRun.run(ref, NmodlMechanism.compile(modFile("hay2011_l5pc", "epsp")));
        assertTrace(runName + " t_ms", ref.column("t_ms"), rec.time(), TOLERANCE);
        for (String column : rec.names()) {
            assertTrace("epsp " + runName + " " + column, ref.column(column), rec.column(column), TOLERANCE);
        }
    }
}
