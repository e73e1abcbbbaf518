package org.spineformer.nmodl;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * METHOD euler of coupled equations against NEURON 8.2.2 running the project's {@code mod/euler/eulc.mod} (x' and
 * w' each reading the other state, an assignment between them reading both; reference recorded by
 * {@code reference/kinetic/record.py}, PROVENANCE.md): every derivative at the old states, then each state moved,
 * as NEURON's euler_thread; three voltage-clamp steps and a current clamp with pas, every column.
 */
class EulerReferenceTest {
    @ParameterizedTest
    @MethodSource("org.spineformer.nmodl.SingleMechanismRun#runs")
    void coupledEulerMatchesNeuron(String runName) {
        SingleMechanismRun.assertMatchesNeuron("euler/eulc.mod", "euler/eulc", runName);
    }
}
