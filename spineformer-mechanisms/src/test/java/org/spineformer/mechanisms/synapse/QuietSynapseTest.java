package org.spineformer.mechanisms.synapse;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.spineformer.engine.record.Recorder;

/**
 * After the last event of the free reference run (51 ms) the conductance states decay for 350 ms: they must reach
 * exactly 0 instead of running through the slow subnormal range (where NEURON's keep going), and the currents of a
 * synapse at 0 must be exactly 0. {@link SynapseReferenceTest} checks the same traces against NEURON.
 */
class QuietSynapseTest {
    private static final List<String> STATES = List.of("ampa_Aampa", "ampa_Gampa", "nmda_A", "nmda_B");

    @Test
    void decayedStatesBecomeExactlyZeroAndNeverSubnormal() {
        SpineSynapseRun run = new SpineSynapseRun("free", UnaryOperator.identity());
        Recorder rec = run.run(true, List.of("ampa_Aampa", "ampa_Gampa", "nmda_A", "nmda_B", "ampa_i_nA", "ampa_g"));
        for (String column : STATES) {
            for (double x : rec.column(column)) {
                assertThat(x == 0 || Math.abs(x) >= Double.MIN_NORMAL).as("%s = %s", column, x).isTrue();
            }
        }
        int last = rec.time().length - 1;
        assertThat(rec.column("ampa_Aampa")[last]).isZero();
        assertThat(rec.column("ampa_Gampa")[last]).isZero();
        assertThat(rec.column("ampa_g")[last]).isZero();
        assertThat(rec.column("ampa_i_nA")[last]).isZero();
        assertThat(run.reference().column("ampa_Gampa")[last]).as("NEURON's state, not yet 0").isPositive();
    }
}
