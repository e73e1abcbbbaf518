package org.spineformer.nmodl;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.spineformer.engine.record.Recorder;
import org.spineformer.engine.reference.ReferenceRun;
import org.spineformer.nmodl.gen.NmodlMechanism;

/**
 * A mod file's {@code diam}, the segment's diameter, against NEURON 8.2.2 running the project's
 * {@code mod/geometry/dleak.mod} in a 40 um compartment of diameter 6 and 3 um (references recorded by
 * {@code reference/kinetic/record.py}, see PROVENANCE.md): read in INITIAL (a volume-to-surface ratio chosen by an
 * IF on 2 depth >= diam, so the two diameters take both branches), in BREAKPOINT (the leak's conductance
 * g0 (1 + 4/diam)) and in a cnexp equation. With the compartment's length (40) read instead, or its area, every
 * run fails at once (the current from the first step). Every column at 1e-6 of the trace's scale.
 */
class DiamReferenceTest {
    private static final List<String> RUNS = List.of("vclamp_m60", "vclamp_m20", "vclamp_p20", "iclamp");

    static Stream<Arguments> runs() {
        return Stream.of("dleak_d6", "dleak_d3").flatMap(d -> RUNS.stream().map(run -> Arguments.of(d, run)));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("runs")
    void matchesNeuron(String geometry, String runName) {
        ReferenceRun ref = ReferenceRun.load("/reference/geometry/" + geometry + "/" + runName);
        NmodlMechanism compiled = NmodlMechanism.compile("dleak.mod", Resources.text("/mod/geometry/dleak.mod"));
        Recorder rec = KineticReferenceTest.run(ref, compiled);
        KineticReferenceTest.assertEveryColumn(geometry + " " + runName, ref, rec);
    }
}
