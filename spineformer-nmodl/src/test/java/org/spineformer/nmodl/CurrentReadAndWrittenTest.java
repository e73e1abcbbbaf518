package org.spineformer.nmodl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.spineformer.engine.reference.TraceAssert.assertRecording;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.spineformer.engine.mech.Catalogue;
import org.spineformer.engine.record.Recorder;
import org.spineformer.engine.reference.ClampProtocol;
import org.spineformer.engine.reference.ReferenceRun;
import org.spineformer.engine.reference.TraceAssert;
import org.spineformer.nmodl.gen.NmodlMechanism;

/**
 * A mechanism that reads an ion current it writes ({@code USEION k READ ek, ik WRITE ik}, as ion pumps and
 * accumulation files): nocmodl 8.2.2's nrn_cur copies {@code ik = _ion_ik} in before its two evaluations, the sum of
 * the currents the mechanisms before it at the node have added since the ion's ion_cur zeroed it; so what it sees
 * depends on which mechanism runs first, beyond the last bits. NEURON runs them in its mechanism type order (the
 * built-ins, then the mod files in the order nrnivmodl registered them), whatever the order of insertion, and so does
 * Spineformer ({@link org.spineformer.engine.mech.TypeOrder}; docs/dev/nmodl.md, "NEURON's mechanism type order
 * within a node"). The project's {@code mod/order/} files against NEURON 8.2.2 ({@code reference/order/}, recorded by
 * {@code reference/order/record_order.py}, PROVENANCE.md), registered in nrnivmodl's order of their files (aseen,
 * kwrite, zseen) and inserted in either order: aseen before kwrite sees 0, zseen after it sees kwrite's current. In
 * the state phase nrn_state copies the ion's whole current in (the reader's q follows it), as NEURON's own demo
 * cabpump.mod reads ica (before, a written current was never copied in: the block saw its own).
 */
class CurrentReadAndWrittenTest {
    /** The single-mechanism bound of issue 17, 1e-6 of each trace's scale ({@link SingleMechanismRun#TOLERANCE}). */
    static final double TOLERANCE = SingleMechanismRun.TOLERANCE;

    @ParameterizedTest(name = "{0}, inserted in NEURON''s type order: {1}")
    @CsvSource({"reader_first, true", "reader_first, false", "writer_first, true", "writer_first, false"})
    void matchesNeuronWhateverTheInsertionOrder(String runName, boolean inTypeOrder) {
        ReferenceRun ref = ReferenceRun.load("/reference/order/" + runName);
        JsonNode s = ref.settings();
        Catalogue catalogue = Catalogue.discover();
        Stream.of("aseen", "kwrite", "zseen").forEach(m -> catalogue.register(
                NmodlMechanism.compile(m + ".mod", Resources.text("/mod/order/" + m + ".mod"))));
        ClampProtocol protocol = new ClampProtocol(ref, catalogue);
        List<String> inserted = new ArrayList<>();
        s.get("mechanisms_in_type_order").forEach(m -> inserted.add(m.asText()));
        inserted.remove("pas"); // the protocol inserted it
        if (!inTypeOrder) {
            Collections.reverse(inserted);
        }
        inserted.forEach(m -> protocol.builder().insert(m, protocol.section(), Map.of()));
        Recorder rec = protocol.run((sim, r) -> {
            r.add("seen", sim.block(s.get("reader").asText()).column("seen"), 0);
            r.add("q", sim.block(s.get("reader").asText()).column("q"), 0);
            r.add("ik", sim.state().ion("k").current(), sim.discretization().segmentNode(protocol.section(), 0));
            r.add("i_iclamp_nA", sim.block("IClamp").column("i"), protocol.electrode().instance());
        });
        assertRecording(runName, ref, rec, TOLERANCE);
    }

    /** NEURON's two runs differ far beyond the bound (so the test above tells the two orders apart). */
    @Test
    void theOrderMattersInNeuron() {
        double[] first = ReferenceRun.load("/reference/order/reader_first").column("seen");
        double[] after = ReferenceRun.load("/reference/order/writer_first").column("seen");
        assertThat(TraceAssert.relativeError(first, after)).isGreaterThan(100 * TOLERANCE);
    }
}
