package org.spineformer.nmodl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.spineformer.engine.reference.TraceAssert.assertTrace;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
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
import org.spineformer.engine.mech.Ion;
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
     * The density mechanisms of each model the compiler handles so far. Not yet: CaDynamics_E2 and CaDynamics
     * (they write cai: concentration writers and Nernst reversal potentials are not compiled yet).
     */
    static final Map<String, List<String>> MECHANISMS = Map.of(
            "hay2011_l5pc", List.of("NaTa_t", "NaTs2_t", "Nap_Et2", "K_Pst", "K_Tst", "SKv3_1", "Im", "Ih", "Ca_HVA",
                    "Ca_LVAst", "SK_E2"),
            "allen_scnn1a", List.of("Ca_HVA", "Ca_LVA", "Ih", "Im", "K_P", "K_T", "Kv3_1", "NaTs", "Nap", "SK"));

    static Stream<Arguments> runs() {
        return MECHANISMS.entrySet().stream().sorted(Map.Entry.comparingByKey()).flatMap(model -> model.getValue()
                .stream().flatMap(m -> Stream.of("vclamp_m60", "vclamp_m40", "vclamp_m20", "vclamp_0", "vclamp_p20",
                        "iclamp").map(r -> Arguments.of(model.getKey(), m, r))));
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
        NmodlMechanism compiled = NmodlMechanism.compile(modFile(model, mechanism));
        String run = mechanism + "/" + runName;
        ReferenceRun ref = ReferenceRun.load(folder.resolve(run));
        JsonNode s = ref.settings();
        ClampProtocol protocol = new ClampProtocol(ref, Catalogue.discover().register(compiled));
        Map<String, Double> values = new HashMap<>();
        JsonNode p = s.get("mechanism_parameters").get(mechanism);
        p.get("range").fields().forEachRemaining(e -> values.put(e.getKey(), e.getValue().asDouble()));
        // NEURON's GLOBALs (name_suffix) are per-instance fields of the compiled mechanism
        p.get("global").fields().forEachRemaining(e -> values.put(e.getKey().substring(0,
                e.getKey().length() - mechanism.length() - 1), e.getValue().asDouble()));
        protocol.builder().insert(mechanism, protocol.section(), values);
        Simulation sim = protocol.builder().build(s.get("dt_ms").asDouble(), s.get("celsius_degC").asDouble());
        s.get("ion_reversal_potentials").fields().forEachRemaining(e -> {
            String ion = e.getKey().substring(1, e.getKey().indexOf("_mV"));
            Arrays.fill(sim.state().ion(ion).reversal, e.getValue().asDouble());
        });
        Map<String, String> sources = new HashMap<>();
        s.get("column_sources").fields().forEachRemaining(e -> sources.put(e.getKey(), e.getValue().asText()));
        List<String> compared = sources.keySet().stream().filter(c -> source(sim, protocol, mechanism,
                sources.get(c)) != null).sorted().toList();
        Recorder rec = protocol.run(sim, (simulation, r) -> compared.forEach(c -> r.add(c, source(simulation,
                protocol, mechanism, sources.get(c)), 0)));
        assertThat(compared).as("columns compared").contains(s.get("columns").get(2).asText());
        assertTrace(run + " t_ms", ref.column("t_ms"), rec.time(), TOLERANCE);
        for (String column : compared) {
            assertTrace(run + " " + column, ref.column(column), rec.column(column), TOLERANCE);
        }
    }

    /**
     * The live array behind a NEURON variable, or null for one not compared: the calcium reversal potential where
     * the mechanism does not read it (NEURON recomputes it by Nernst once anything reads cai; not modelled yet).
     */
    private static double[] source(Simulation sim, ClampProtocol protocol, String mechanism, String neuronName) {
        switch (neuronName) {
            case "SEClamp i", "IClamp i":
                return sim.block(protocol.electrode().mechanism()).column("i");
            case "section ica (sum over mechanisms)":
                return sim.state().ion("ca").current;
            case "section cai":
                return sim.state().ion("ca").concentration;
            case "section eca": {
                boolean reads = sim.block(mechanism).mechanism().fields().stream()
                        .anyMatch(f -> f.name().equals("eca"));
                Ion ca = sim.state().ion("ca");
                return reads ? ca.reversal : null;
            }
            default:
                break;
        }
        if (neuronName.endsWith("_pas") || neuronName.equals("pas i")) {
            return sim.block("pas").column("i");
        }
        String field = neuronName.substring(0, neuronName.length() - mechanism.length() - 1);
        return sim.block(mechanism).column(field);
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
