package org.spineformer.nmodl;

import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.spineformer.engine.reference.TraceAssert.assertRecording;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.spineformer.engine.record.Recorder;
import org.spineformer.engine.reference.ReferenceRun;
import org.spineformer.nmodl.gen.NmodlMechanism;

/**
 * The project's own mod files for the Hay et al. (2011) density mechanisms (bundled set {@code hay2011}), compiled
 * and run in NEURON's single-compartment references of Hay's published files
 * ({@code shared/reference/models/hay2011_l5pc/channels}): every column the compiled mechanisms have (current, states,
 * conductance, rate variables, the calcium ion's current, concentration and Nernst potential). The default tier runs
 * the copies in the test resources (two runs of each of the seven mechanisms written for the spiny Hay cell); the
 * validation tier every run of nine, read from {@code -Dspineformer.sharedReference=.../shared/reference}. NaTa_t,
 * SKv3_1 and Im are not among them: Hay's runs record their rate variables (hAlpha, ...), which the project's files
 * keep LOCAL; their states and currents pass NEURON's runs of the same equations in CompiledChannelReferenceTest.
 */
class BundledHayChannelsReferenceTest {
    /** The bound for Hay's mechanisms: 1e-6 of each trace's scale (10-digit prints are 5e-11). */
    static final double TOLERANCE = 1e-6;
    /** The mechanisms written for the spiny cell, each with its two copied runs. */
    private static final List<String> NEW = List.of("Ca_LVAst", "Ih", "K_Pst", "K_Tst", "NaTs2_t", "Nap_Et2");
    /** The mechanisms whose every column Hay's runs record are fields of the project's files. */
    private static final List<String> SHARED = List.of("NaTs2_t", "Nap_Et2", "K_Pst", "K_Tst", "Ih", "Ca_HVA",
            "Ca_LVAst", "SK_E2", "CaDynamics_E2");
    private static final List<String> RUNS = List.of("vclamp_m60", "vclamp_m40", "vclamp_m20", "vclamp_0",
            "vclamp_p20", "iclamp");

    static Stream<String> copiedRuns() {
        return Stream.concat(NEW.stream().flatMap(m -> Stream.of(m + "/vclamp_m40", m + "/iclamp")),
                Stream.of("SK_E2/vclamp_0_with_Ca_HVA_CaDynamics_E2", "SK_E2/iclamp_with_Ca_HVA_CaDynamics_E2"));
    }

    static Stream<Arguments> sharedRuns() {
        return SHARED.stream().flatMap(m -> RUNS.stream().flatMap(r -> m.equals("SK_E2")
                ? Stream.of(r, r + "_with_Ca_HVA_CaDynamics_E2") : Stream.of(r)).map(r -> Arguments.of(m + "/" + r)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("copiedRuns")
    void matchesNeuronOnTheCopiedRuns(String run) {
        check(run, ReferenceRun.load("/reference/models/hay2011_l5pc/" + run));
    }

    @Tag("validation")
    @ParameterizedTest(name = "{0}")
    @MethodSource("sharedRuns")
    void matchesNeuronOnEverySharedRun(String run) {
        String shared = System.getProperty("spineformer.sharedReference", "");
        assumeTrue(!shared.isBlank(), "skipped: no -Dspineformer.sharedReference=.../shared/reference given");
        check(run, ReferenceRun.load(Path.of(shared, "models", "hay2011_l5pc", "channels").resolve(run)));
    }

    private static void check(String run, ReferenceRun ref) {
        Recorder rec = ChannelRun.run(ref, m -> NmodlMechanism.compile(m + ".mod",
                Resources.text("/mod/hay2011/" + m + ".mod")));
        assertRecording(run, ref, rec, TOLERANCE);
    }
}
