package org.spineformer.nmodl;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.spineformer.engine.ModelBuilder;
import org.spineformer.engine.Simulation;
import org.spineformer.engine.mech.Catalogue;
import org.spineformer.engine.mech.Ion;
import org.spineformer.engine.morph.Morphology;
import org.spineformer.nmodl.gen.NmodlMechanism;

/**
 * The calcium reversal potential computed by Nernst only where it can be observed ({@code Ion.reversalObservedAt},
 * {@code Ion.reversal()}), against the same cell with the array handed out before initialization (every followed
 * entry computed at every step, as before): Hay's CaDynamics_E2 writes cai in the soma and two dendrites, Hay's
 * Ca_HVA reads eca in the soma and the first dendrite only. Bit for bit at every step: every node's v, cai and ica,
 * and eca where Ca_HVA reads it; the second dendrite's eca lags (not computed) until the array is handed out mid-run,
 * and from then on every entry equals the other run's.
 */
class ObservedReversalTest {
    private static final double DT_MS = 0.025;
    private static final double CELSIUS = 34;
    private static final int STEPS = 1600;
    /** The step after which the lazy run hands its array out: during the current pulse, calcium moving. */
    private static final int HAND_OUT = 800;

    @Test
    void whatIsObservedHasTheBitsOfEveryEntryComputedAndTheRestWaits() {
        Simulation lazy = cell();
        Simulation eager = cell();
        double[] everyEntry = eager.state().ion("ca").reversal(); // the lever off: handed out before initialization
        Ion ca = lazy.state().ion("ca");
        double[] peek = ca.reversalObservedAt(); // this test's view of the array, observing no entry
        int soma = lazy.discretization().segmentNode(0, 0);
        int[] readers = {soma, lazy.discretization().segmentNode(1, 0), lazy.discretization().segmentNode(1, 1)};
        int unread = lazy.discretization().segmentNode(2, 1);

        lazy.initialize(-70);
        eager.initialize(-70);
        int lagging = 0;
        for (int step = 1; step <= STEPS; step++) {
            lazy.step();
            eager.step();
            assertThat(lazy.state().v).as("v, step %d", step).isEqualTo(eager.state().v);
            assertThat(ca.concentration).as("cai, step %d", step).isEqualTo(eager.state().ion("ca").concentration);
            assertThat(ca.current()).as("ica, step %d", step).isEqualTo(eager.state().ion("ca").current());
            for (int node : readers) {
                assertThat(peek[node]).as("eca read by Ca_HVA at node %d, step %d", node, step)
                        .isEqualTo(everyEntry[node]);
            }
            if (step < HAND_OUT) {
                lagging += peek[unread] != everyEntry[unread] ? 1 : 0;
            } else if (step == HAND_OUT) {
                assertThat(ca.reversal()).as("handed out mid-run").isEqualTo(everyEntry);
            } else {
                assertThat(peek).as("every entry, step %d", step).isEqualTo(everyEntry);
            }
        }
        assertThat(lagging).as("steps before the hand-out where the unread eca was not computed").isPositive();
        System.out.printf("unread eca lagged at %d of %d steps before it was handed out%n", lagging, HAND_OUT - 1);
    }

    /** Soma (Ca_HVA, CaDynamics_E2), dend_a (both), dend_b (CaDynamics_E2 only), pas everywhere, a current pulse. */
    private static Simulation cell() {
        Catalogue catalogue = Catalogue.discover();
        for (String f : new String[] {"Ca_HVA", "CaDynamics_E2"}) {
            catalogue.register(NmodlMechanism.compile(f + ".mod", Resources.text("/mod/hay2011/" + f + ".mod")));
        }
        Morphology morphology = new Morphology();
        int soma = morphology.addRoot("soma", 20, 1, 35.4, 1, Morphology.filled(1, 20));
        int dendA = morphology.addChild("dend_a", 100, 2, 35.4, 1, Morphology.filled(2, 2), soma, 1);
        int dendB = morphology.addChild("dend_b", 100, 3, 35.4, 1, Morphology.filled(3, 1), soma, 1);
        ModelBuilder builder = new ModelBuilder(morphology, catalogue);
        for (int section : new int[] {soma, dendA, dendB}) {
            builder.insert("pas", section, Map.of("g", 1e-4, "e", -70.0));
            builder.insert("CaDynamics_E2", section, Map.of());
        }
        builder.insert("Ca_HVA", soma, Map.of("gCa_HVAbar", 1e-3));
        builder.insert("Ca_HVA", dendA, Map.of("gCa_HVAbar", 1e-3));
        builder.addPointProcess("IClamp", soma, 0.5, Map.of("del", 5.0, "dur", 25.0, "amp", 0.05));
        return builder.build(DT_MS, CELSIUS);
    }
}
