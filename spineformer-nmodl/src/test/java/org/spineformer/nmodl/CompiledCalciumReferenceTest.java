package org.spineformer.nmodl;

import static org.spineformer.engine.reference.TraceAssert.assertRecording;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.spineformer.engine.record.Recorder;
import org.spineformer.engine.reference.ReferenceRun;
import org.spineformer.nmodl.gen.NmodlMechanism;

/**
 * The project's own Ca_HVA and CaDynamics_E2 (a concentration writer), compiled and run together, against NEURON's
 * runs of Hay's pair: the channel's columns, the calcium current, concentration and Nernst reversal potential.
 */
class CompiledCalciumReferenceTest {
    /** The channels' bound, 1e-6 of each trace's scale (see CompiledChannelReferenceTest). */
    static final double TOLERANCE = 1e-6;

    @ParameterizedTest
    @ValueSource(strings = {"vclamp_0", "iclamp"})
    void matchesNeuron(String run) {
        ReferenceRun ref = ReferenceRun.load("/reference/models/hay2011_l5pc/CaDynamics_E2/" + run);
        Recorder rec = ChannelRun.run(ref, m -> NmodlMechanism.compile(m + ".mod",
                Resources.text("/mod/hay2011/" + m + ".mod")));
        assertRecording("Ca_HVA + CaDynamics_E2 " + run, ref, rec, TOLERANCE);
    }
}
