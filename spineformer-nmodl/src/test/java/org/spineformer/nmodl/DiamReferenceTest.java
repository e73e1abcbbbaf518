package org.spineformer.nmodl;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A mod file's {@code diam}, the segment's diameter, against NEURON 8.2.2 running the project's
 * {@code mod/geometry/dleak.mod} in a 40 um compartment of diameter 6 and 3 um (references recorded by
 * {@code reference/kinetic/record.py}, see PROVENANCE.md): read in INITIAL (a volume-to-surface ratio chosen by an
 * IF on 2 depth >= diam, so the two diameters take both branches), in BREAKPOINT (the leak's conductance
 * g0 (1 + 4/diam)) and in a cnexp equation. With the compartment's length (40) read instead, or its area, every
 * run fails at once (the current from the first step). Every column at 1e-6 of the trace's scale.
 */
class DiamReferenceTest {
    static Stream<Arguments> runs() {
        return SingleMechanismRun.runs("dleak_d6", "dleak_d3");
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("runs")
    void matchesNeuron(String geometry, String runName) {
        SingleMechanismRun.assertMatchesNeuron("geometry/dleak.mod", "geometry/" + geometry, runName);
    }
}
