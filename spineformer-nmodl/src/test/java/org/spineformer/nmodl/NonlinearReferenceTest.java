package org.spineformer.nmodl;

import static org.spineformer.engine.reference.TraceAssert.assertTrace;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.spineformer.engine.record.Recorder;
import org.spineformer.engine.reference.ReferenceRun;
import org.spineformer.engine.reference.TraceAssert;
import org.spineformer.nmodl.gen.NmodlMechanism;

/**
 * A NONLINEAR block solved by {@code SOLVE eq METHOD newton} in BREAKPOINT, against NEURON 8.2.2 running the
 * project's {@code mod/nonlinear/nlin.mod} (two coupled nonlinear equations whose root moves with v, an assigned
 * variable computed in the block; reference recorded by {@code reference/kinetic/record.py}, see PROVENANCE.md),
 * three voltage-clamp steps and a current clamp with pas, every column.
 */
class NonlinearReferenceTest {
    /** The single-mechanism bound of issue 17, 1e-6 of each trace's scale, as {@link KineticReferenceTest}'s. */
    static final double TOLERANCE = 1e-6;

    @ParameterizedTest
    @ValueSource(strings = {"vclamp_m60", "vclamp_m20", "vclamp_p20", "iclamp"})
    void matchesNeuron(String runName) {
        ReferenceRun ref = ReferenceRun.load("/reference/nonlinear/nlin/" + runName);
        NmodlMechanism compiled = NmodlMechanism.compile("nlin.mod", Resources.text("/mod/nonlinear/nlin.mod"));
        Recorder rec = KineticReferenceTest.run(ref, compiled);
        double worst = 0;
        for (String column : rec.names()) {
            assertTrace("nlin " + runName + " " + column, ref.column(column), rec.column(column), TOLERANCE);
            if (!List.of("i_seclamp_nA", "i_iclamp_nA").contains(column)) {
                worst = Math.max(worst, TraceAssert.relativeError(ref.column(column), rec.column(column)));
            }
        }
        System.out.printf("nlin %s: largest error of the mechanism's columns %.2e of the trace's scale%n", runName,
                worst);
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
        for (String column : rec.names()) {
            assertTrace("nlsolve " + runName + " " + column, ref.column(column), rec.column(column), TOLERANCE);
        }
    }
}
