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
 * An ion's current sum left out of the current phases where nothing reads it ({@code Ion.leaveSumOut}: its reset
 * and every block's add), against the same cell with the arrays handed out before initialization (summed at every
 * step, as before): Hay's NaTa_t writes ina, SKv3_1 ik, in the soma and a dendrite. Bit for bit: every node's v at
 * every step, the sum in a state copy taken while it is left out, and the sum handed out mid-run to a late reader
 * (brought up to date from the blocks' columns, then summed at every step). Kept from the start where a mechanism
 * reads the current ({@code zseen.mod}, {@code USEION k READ ik}), and where a block that writes it cannot add it
 * again after its phase ({@code kproc.mod}: the current assigned in a PROCEDURE; {@code bab.mod}: its BEFORE/AFTER
 * blocks add ik to the total again, as nocmodl's C does, so that NEURON's ik is three times the mechanism's).
 */
class UnreadIonCurrentTest {
    private static final double DT_MS = 0.025;
    private static final double CELSIUS = 34;
    private static final int STEPS = 1200;
    /** The step whose state is copied while the sums are left out: during the current pulse, the gates moving. */
    private static final int STATE_COPY = 300;
    /** The step after which the lazy cell's arrays are handed out: still during the pulse. */
    private static final int HAND_OUT = 600;

    @Test
    void leftOutWhereNothingReadsItTheSameBitsForAStateCopyAndALateReader() {
        Simulation lazy = cell();
        Simulation eager = cell();
        for (String ion : new String[] {"na", "k"}) {
            eager.state().ion(ion).current(); // the lever off: handed out before initialization
            assertThat(lazy.state().ion(ion).currentSummed()).as("%s summed before any reader", ion).isFalse();
        }
        lazy.initialize(-70);
        eager.initialize(-70);
        for (int step = 1; step <= STEPS; step++) {
            lazy.step();
            eager.step();
            assertThat(lazy.state().v).as("v, step %d", step).isEqualTo(eager.state().v);
            for (String name : new String[] {"na", "k"}) {
                Ion ion = lazy.state().ion(name);
                double[] summed = eager.state().ion(name).current();
                if (step == STATE_COPY) {
                    assertThat(ion.stateCopy()[0]).as("i%s in a state copy", name).isEqualTo(summed)
                            .isNotEqualTo(new double[summed.length]);
                    assertThat(ion.currentSummed()).as("%s summed after the copy", name).isFalse();
                } else if (step >= HAND_OUT) {
                    assertThat(ion.current()).as("i%s handed out, step %d", name, step).isEqualTo(summed);
                    assertThat(ion.currentSummed()).isTrue();
                }
            }
        }
    }

    @Test
    void keptWhereAMechanismReadsItOrAWriterCannotAddItAgain() {
        Simulation reader = cell("zseen");
        assertThat(reader.state().ion("k").currentSummed()).as("ik read by zseen").isTrue();
        assertThat(reader.state().ion("na").currentSummed()).as("ina read by none").isFalse();
        Simulation procedure = cell("kproc");
        assertThat(procedure.state().ion("k").currentSummed()).as("ik assigned in kproc's PROCEDURE").isTrue();
        assertThat(procedure.state().ion("na").currentSummed()).isFalse();
        Simulation beforeAfter = cell("bab");
        assertThat(beforeAfter.state().ion("k").currentSummed()).as("ik added again after bab's BEFORE/AFTER blocks")
                .isTrue();
        assertThat(beforeAfter.state().ion("na").currentSummed()).isFalse();
    }

    /** Soma and dendrite with pas, NaTa_t and SKv3_1 (and the named test mechanisms), a current pulse. */
    private static Simulation cell(String... others) {
        Catalogue catalogue = Catalogue.discover();
        for (String f : new String[] {"NaTa_t", "SKv3_1"}) {
            catalogue.register(NmodlMechanism.compile(f + ".mod", Resources.text("/mod/hay2011/" + f + ".mod")));
        }
        for (String f : others) {
            String dir = f.equals("zseen") ? "order" : f.equals("bab") ? "beforeafter" : "ions";
            catalogue.register(NmodlMechanism.compile(f + ".mod", Resources.text("/mod/" + dir + "/" + f + ".mod")));
        }
        Morphology morphology = new Morphology();
        int soma = morphology.addRoot("soma", 20, 1, 35.4, 1, Morphology.filled(1, 20));
        int dend = morphology.addChild("dend", 200, 9, 35.4, 1, Morphology.filled(9, 2), soma, 1);
        ModelBuilder builder = new ModelBuilder(morphology, catalogue);
        for (int section : new int[] {soma, dend}) {
            builder.insert("pas", section, Map.of("g", 1e-4, "e", -70.0));
            builder.insert("NaTa_t", section, Map.of("gNaTa_tbar", 2.0));
            builder.insert("SKv3_1", section, Map.of("gSKv3_1bar", 0.5));
            for (String f : others) {
                builder.insert(f, section, Map.of());
            }
        }
        builder.addPointProcess("IClamp", soma, 0.5, Map.of("del", 2.0, "dur", 20.0, "amp", 0.5));
        return builder.build(DT_MS, CELSIUS);
    }
}
