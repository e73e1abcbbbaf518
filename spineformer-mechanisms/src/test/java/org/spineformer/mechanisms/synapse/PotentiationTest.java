package org.spineformer.mechanisms.synapse;

import static org.spineformer.engine.reference.TraceAssert.assertTrace;

import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.spineformer.engine.mech.Catalogue;
import org.spineformer.engine.mech.MechanismBlock;
import org.spineformer.engine.record.Recorder;
import org.spineformer.engine.reference.ReferenceRun;

/**
 * AMPA_WITH_CA's potentiation with each kernel, scalar and vector ({@link Potentiation}), against NEURON: the
 * reference runs with {@value #SILENT} silent AMPA synapses beside the first, so that the block holds more synapses
 * than two AVX-512 vectors and a tail. Every synapse sees the same calcium, so every one's g_dynamic,
 * g_dynamic_delayed and alpha must follow NEURON's traces, and the silent ones must not move v.
 */
class PotentiationTest {
    private static final int SILENT = 2 * 8 + 2;
    private static final List<String> FIELDS = List.of("g_dynamic", "g_dynamic_delayed", "alpha");

    static Stream<Arguments> runs() {
        return Stream.of("vclamp_m30", "free", "vclamp_m30_probe300").flatMap(run -> Stream.of(
                Arguments.of(run, false), Arguments.of(run, true)));
    }

    @ParameterizedTest(name = "{0}, vector kernel {1}")
    @MethodSource("runs")
    void everySynapseFollowsNeuron(String runName, boolean lanes) {
        Catalogue catalogue = new Catalogue().register(new AmpaWithCa(lanes));
        Catalogue.discover().all().forEach(catalogue::register);
        SpineSynapseRun run = new SpineSynapseRun(runName, UnaryOperator.identity(), catalogue, SILENT);
        Recorder rec = run.run(true, (sim, r) -> {
            MechanismBlock ampa = sim.block("AMPA_WITH_CA");
            for (String field : FIELDS) {
                for (int k = 0; k <= SILENT; k++) {
                    r.add(field + " " + k, ampa.column(field), k);
                }
            }
        });
        ReferenceRun ref = run.reference();
        assertTrace(runName + " v_mV", ref.column("v_mV"), rec.column("v_mV"), SynapseReferenceTest.TOLERANCE);
        for (String field : FIELDS) {
            for (int k = 0; k <= SILENT; k++) {
                assertTrace(runName + " synapse " + k + " " + field, ref.column("ampa_" + field),
                        rec.column(field + " " + k), SynapseReferenceTest.TOLERANCE);
            }
        }
    }
}
