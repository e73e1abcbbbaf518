package org.spineformer.nmodl;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A NONLINEAR block solved by {@code SOLVE eq METHOD newton} in BREAKPOINT, against NEURON 8.2.2 running the
 * project's {@code mod/nonlinear/nlin.mod} (two coupled nonlinear equations whose root moves with v, an assigned
 * variable computed in the block; reference recorded by {@code reference/kinetic/record.py}, see PROVENANCE.md),
 * three voltage-clamp steps and a current clamp with pas, every column.
 */
class NonlinearReferenceTest {
    @ParameterizedTest
    @MethodSource("org.spineformer.nmodl.SingleMechanismRun#runs")
    void matchesNeuron(String runName) {
        SingleMechanismRun.assertMatchesNeuron("nonlinear/nlin.mod", "nonlinear/nlin", runName);
    }

    /**
     * The project's {@code mod/nonlinear/nlsolve.mod}: a NONLINEAR block solved by newton() where nocmodl also
     * solves it, in INITIAL ({@code SOLVE eq}, no METHOD) and in a PROCEDURE the BREAKPOINT solves, against NEURON
     * ({@code reference/nonlinear/nlsolve}), every column.
     */
    @ParameterizedTest
    @MethodSource("org.spineformer.nmodl.SingleMechanismRun#runs")
    void solvedInInitialAndAProcedureMatchesNeuron(String runName) {
        SingleMechanismRun.assertMatchesNeuron("nonlinear/nlsolve.mod", "nonlinear/nlsolve", runName);
    }

    /**
     * The project's {@code mod/nonlinear/nlarr.mod}: a NONLINEAR block over a STATE array u[3] solved by newton() in
     * BREAKPOINT, its equations in a FROM loop with an IF (rows counted as they run, as nocmodl's _counte), against
     * NEURON ({@code reference/nonlinear/nlarr}), every column.
     */
    @ParameterizedTest
    @MethodSource("org.spineformer.nmodl.SingleMechanismRun#runs")
    void stateArrayMatchesNeuron(String runName) {
        SingleMechanismRun.assertMatchesNeuron("nonlinear/nlarr.mod", "nonlinear/nlarr", runName);
    }
}
