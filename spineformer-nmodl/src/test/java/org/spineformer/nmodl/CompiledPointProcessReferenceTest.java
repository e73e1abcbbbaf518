package org.spineformer.nmodl;

import static org.spineformer.engine.reference.TraceAssert.assertRecording;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.spineformer.engine.record.Recorder;
import org.spineformer.engine.reference.ReferenceRun;
import org.spineformer.nmodl.gen.NmodlMechanism;

/** The project's own epsp (a POINT_PROCESS), compiled, against NEURON 8.2.2's runs of Hay's epsp. */
class CompiledPointProcessReferenceTest {
    /** The channels' bound, 1e-6 of each trace's scale: the current is a closed form of t, printed to 10 digits. */
    static final double TOLERANCE = 1e-6;

    @ParameterizedTest
    @ValueSource(strings = {"free", "vclamp_m80"})
    void matchesNeuron(String run) {
        ReferenceRun ref = ReferenceRun.load("/reference/models/hay2011_l5pc/epsp/" + run);
        Recorder rec = PointProcessRun.run(ref, NmodlMechanism.compile("epsp.mod",
                Resources.text("/mod/hay2011/epsp.mod")));
        assertRecording("epsp " + run, ref, rec, TOLERANCE);
    }
}
