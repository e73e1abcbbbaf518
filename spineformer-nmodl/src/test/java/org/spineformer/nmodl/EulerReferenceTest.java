package org.spineformer.nmodl;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.spineformer.engine.record.Recorder;
import org.spineformer.engine.reference.ReferenceRun;
import org.spineformer.nmodl.gen.NmodlMechanism;

/**
 * METHOD euler of coupled equations against NEURON 8.2.2 running the project's {@code mod/euler/eulc.mod} (x' and
 * w' each reading the other state, an assignment between them reading both; reference recorded by
 * {@code reference/kinetic/record.py}, PROVENANCE.md): every derivative at the old states, then each state moved,
 * as NEURON's euler_thread; three voltage-clamp steps and a current clamp with pas, every column.
 */
class EulerReferenceTest {
    @ParameterizedTest
    @ValueSource(strings = {"vclamp_m60", "vclamp_m20", "vclamp_p20", "iclamp"})
    void coupledEulerMatchesNeuron(String runName) {
        ReferenceRun ref = ReferenceRun.load("/reference/euler/eulc/" + runName);
        NmodlMechanism compiled = NmodlMechanism.compile("eulc.mod", Resources.text("/mod/euler/eulc.mod"));
        Recorder rec = KineticReferenceTest.run(ref, compiled);
        KineticReferenceTest.assertEveryColumn("eulc " + runName, ref, rec);
    }
}
