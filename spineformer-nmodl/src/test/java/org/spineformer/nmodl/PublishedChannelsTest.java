package org.spineformer.nmodl;

import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.spineformer.engine.reference.TraceAssert.assertRecording;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.spineformer.engine.record.Recorder;
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
        Recorder rec = ChannelRun.run(ref, m -> {
            try {
                return NmodlMechanism.compile(modFile(model, m));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        assertRecording(run, ref, rec, TOLERANCE);
    }

    /** Hay's epsp, a POINT_PROCESS with top-level LOCALs (one an array), free and clamped. */
    @ParameterizedTest(name = "hay2011_l5pc epsp {0}")
    @org.junit.jupiter.params.provider.ValueSource(strings = {"free", "vclamp_m80"})
    void epspMatchesNeuron(String runName) throws IOException {
        Path folder = referenceFolder("hay2011_l5pc");
        ReferenceRun ref = ReferenceRun.load(folder.resolve("epsp").resolve(runName));
        Recorder rec = PointProcessRun.run(ref, NmodlMechanism.compile(modFile("hay2011_l5pc", "epsp")));
        assertRecording("epsp " + runName, ref, rec, TOLERANCE);
    }
}
