package org.spineformer.engine.mech;

import static org.spineformer.engine.reference.TraceAssert.assertTrace;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.spineformer.engine.record.Recorder;
import org.spineformer.engine.reference.ClampProtocol;
import org.spineformer.engine.reference.ReferenceRun;

/** One compartment with pas against NEURON 8.2.2 under voltage and current clamp. */
class PasReferenceTest {
    /**
     * The acceptance bound of the engine issue: 1e-6 of each trace's scale. The reference files print 10
     * significant digits, so their own rounding (5e-11 relative) is far below it.
     */
    private static final double TOLERANCE = 1e-6;

    @ParameterizedTest
    @ValueSource(strings = {"vclamp_m60", "vclamp_m40", "vclamp_m20", "vclamp_0", "vclamp_p20", "iclamp"})
    void matchesNeuron(String runName) {
        ReferenceRun ref = ReferenceRun.load("/reference/channels/pas/" + runName);
        ClampProtocol protocol = new ClampProtocol(ref, Catalogue.discover());
        String electrodeColumn = runName.startsWith("vclamp") ? "i_seclamp_nA" : "i_iclamp_nA";
        Recorder rec = protocol.run((sim, r) -> {
            r.add("i_pas_mA_cm2", sim.block("pas").column("i"), 0);
            r.add(electrodeColumn, sim.block(protocol.electrode().mechanism()).column("i"), 0);
        });
        assertTrace(runName + " t", ref.column("t_ms"), rec.time(), TOLERANCE);
        for (String column : new String[] {"v_mV", "i_pas_mA_cm2", electrodeColumn}) {
            assertTrace(runName + " " + column, ref.column(column), rec.column(column), TOLERANCE);
        }
    }
}
