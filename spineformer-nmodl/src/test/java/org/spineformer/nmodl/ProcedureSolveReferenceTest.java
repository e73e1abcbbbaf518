package org.spineformer.nmodl;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * SOLVE of a PROCEDURE outside BREAKPOINT, which nocmodl makes a call in place: the project's
 * {@code mod/solve/solvefn.mod} (in INITIAL, and in a FUNCTION that the current calls at both evaluations of
 * nrn_cur, the procedure counting its calls) against NEURON 8.2.2 ({@code reference/solve/solvefn}, recorded by
 * {@code reference/kinetic/record.py}, see PROVENANCE.md), three voltage-clamp steps and a current clamp with pas,
 * every column: n is 3 after initialization (INITIAL's call and finitialize's two evaluations) and grows by 2 per
 * step.
 */
class ProcedureSolveReferenceTest {
    @ParameterizedTest
    @MethodSource("org.spineformer.nmodl.SingleMechanismRun#runs")
    void matchesNeuron(String runName) {
        SingleMechanismRun.assertMatchesNeuron("solve/solvefn.mod", "solve/solvefn", runName);
    }
}
