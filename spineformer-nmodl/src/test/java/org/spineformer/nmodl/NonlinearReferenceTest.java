package org.spineformer.nmodl;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.spineformer.engine.record.Recorder;
import org.spineformer.engine.reference.ReferenceRun;
import org.spineformer.nmodl.gen.NmodlMechanism;

/**
 * A NONLINEAR block solved by {@code SOLVE eq METHOD newton} in BREAKPOINT, against NEURON 8.2.2 running the
 * project's {@code mod/nonlinear/nlin.mod} (two coupled nonlinear equations whose root moves with v, an assigned
 * variable computed in the block; reference recorded by {@code reference/kinetic/record.py}, see PROVENANCE.md),
 * three voltage-clamp steps and a current clamp with pas, every column.
 */
class NonlinearReferenceTest {
    @ParameterizedTest
    @ValueSource(strings = {"vclamp_m60", "vclamp_m20", "vclamp_p20", "iclamp"})
    void matchesNeuron(String runName) {
        ReferenceRun ref = ReferenceRun.load("/reference/nonlinear/nlin/" + runName);
        NmodlMechanism compiled = NmodlMechanism.compile("nlin.mod", Resources.text("/mod/nonlinear/nlin.mod"));
        Recorder rec = KineticReferenceTest.run(ref, compiled);
        KineticReferenceTest.assertEveryColumn("nlin " + runName, ref, rec);
    }

    /**
     * The project's {@code mod/nonlinear/nlsolve.mod}: a NONLINEAR block solved by newton() where nocmodl also
     * solves it, in INITIAL ({@code SOLVE eq}, no METHOD) and in a PROCEDURE the BREAKPOINT solves, against NEURON
     * ({@code reference/nonlinear/nlsolve}), every column.
     */
    @ParameterizedTest
    @ValueSource(strings = {"vclamp_m60", "vclamp_m20", "vclamp_p20", "iclamp"})
    void solvedInInitialAndAProcedureMatchesNeuron(String runName) {
        ReferenceRun ref = ReferenceRun.load("/reference/nonlinear/nlsolve/" + runName);
        NmodlMechanism compiled = NmodlMechanism.compile("nlsolve.mod", Resources.text("/mod/nonlinear/nlsolve.mod"));
        Recorder rec = KineticReferenceTest.run(ref, compiled);
        KineticReferenceTest.assertEveryColumn("nlsolve " + runName, ref, rec);
    }

    /**
     * The project's {@code mod/nonlinear/nlarr.mod}: a NONLINEAR block over a STATE array u[3] solved by newton() in
     * BREAKPOINT, its equations in a FROM loop with an IF (rows counted as they run, as nocmodl's _counte), against
     * NEURON ({@code reference/nonlinear/nlarr}), every column.
     */
    @ParameterizedTest
    @ValueSource(strings = {"vclamp_m60", "vclamp_m20", "vclamp_p20", "iclamp"})
    void stateArrayMatchesNeuron(String runName) {
        ReferenceRun ref = ReferenceRun.load("/reference/nonlinear/nlarr/" + runName);
        NmodlMechanism compiled = NmodlMechanism.compile("nlarr.mod", Resources.text("/mod/nonlinear/nlarr.mod"));
        Recorder rec = KineticReferenceTest.run(ref, compiled);
        KineticReferenceTest.assertEveryColumn("nlarr " + runName, ref, rec);
    }
}
