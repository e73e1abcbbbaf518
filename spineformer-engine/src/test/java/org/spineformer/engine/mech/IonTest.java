package org.spineformer.engine.mech;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/**
 * NEURON's Nernst potential and the reversal potentials that follow the concentrations at each current phase, once
 * per entry, only where asked and only while a mechanism writes a concentration.
 */
class IonTest {
    /**
     * NEURON 8.2.2's hoc {@code nernst(ci, co, z)} printed with repr (17 digits), modern units, against the same
     * formula here: the constants' products and the order of operations are NEURON's, so only the last bits of
     * log may differ.
     */
    private static final double RELATIVE = 1e-14;

    @Test
    void nernstIsNeuronsWithModernUnits() {
        // /usr/bin/python3: h.celsius = 6.3; h.nernst(5e-5, 2, 2), h.nernst(54.4, 2.5, 1); h.celsius = 34 ...
        assertThat(Ion.nernst(5e-5, 2, 2, 6.3)).isCloseTo(127.58951061761749, within(127.6 * RELATIVE));
        assertThat(Ion.nernst(54.4, 2.5, 1, 6.3)).isCloseTo(-74.1716725122837, within(74.2 * RELATIVE));
        assertThat(Ion.nernst(1e-4, 2, 2, 34)).isCloseTo(131.0634431305086, within(131.1 * RELATIVE));
        assertThat(Ion.nernst(0, 2, 2, 6.3)).isEqualTo(1e6);
        assertThat(Ion.nernst(1e-4, 0, 2, 6.3)).isEqualTo(-1e6);
        assertThat(Ion.nernst(1e-4, 2, 0, 6.3)).isZero();
    }

    @Test
    void onlyTheEntriesAskedFollowAndOnlyWhileAConcentrationIsWritten() {
        Ion ca = new Ion("ca", 4, 5e-5);
        double unpainted = ca.reversal()[0];
        ca.reversal()[2] = 140; // painted
        ca.followConcentrationsAt(1);
        ca.followConcentrationsAt(2);
        ca.followConcentrationsAt(2);
        ca.concentration[1] = 1e-4;
        ca.followConcentrations(34);
        assertThat(ca.reversal()[1]).as("no mechanism writes cai: eca stays").isEqualTo(unpainted);
        assertThat(ca.reversal()[2]).isEqualTo(140);

        ca.nernstCharge = 2;
        ca.followConcentrations(34);
        assertThat(ca.reversal()[1]).isEqualTo(Ion.nernst(1e-4, 2, 2, 34));
        assertThat(ca.reversal()[2]).isEqualTo(Ion.nernst(5e-5, 2, 2, 34));
        assertThat(ca.reversal()[0]).as("not asked").isEqualTo(unpainted);
        assertThat(ca.reversal()[3]).as("not asked").isEqualTo(unpainted);

        ca.followConcentrationsAt(3); // asked later: followed from the next phase on
        ca.concentration[3] = 2e-4;
        ca.followConcentrations(34);
        assertThat(ca.reversal()[3]).isEqualTo(Ion.nernst(2e-4, 2, 2, 34));
    }

    /**
     * The followed entries' logarithms go in vector lanes (with the Vector API, as the tests run) and their tail
     * one by one: every entry has the bits of {@link Ion#nernst}, whose logarithm is StrictLog's, whatever its place
     * in a vector; an entry without internal or external calcium has nrn_nernst's +-1e6 mV.
     */
    @Test
    void everyFollowedEntryHasTheBitsOfNernst() {
        int entries = 8 * 5 + 3; // whole vectors of 8 (or 4) and a tail
        Ion ca = following(entries);
        ca.reversal();
        java.util.SplittableRandom random = new java.util.SplittableRandom(37);
        for (int e = 0; e < entries; e++) {
            ca.concentration[e] = Math.pow(10, random.nextDouble(-8, 1)); // 1e-8 to 10 mM
            ca.outside[e] = random.nextDouble(0.5, 3);
        }
        ca.concentration[9] = 0;
        ca.outside[17] = 0;
        ca.followConcentrations(34);
        for (int e = 0; e < entries; e++) {
            assertThat(ca.reversal()[e]).as("entry %d", e)
                    .isEqualTo(Ion.nernst(ca.concentration[e], ca.outside[e], 2, 34));
        }
        assertThat(ca.reversal()[9]).isEqualTo(1e6);
        assertThat(ca.reversal()[17]).isEqualTo(-1e6);
    }

    @Test
    void anEntryNotObservedLagsUntilTheArrayIsHandedOutAndThenHasTheBitsOfEveryPhase() {
        Ion lazy = following(4);
        Ion eager = following(4);
        double[] everyEntry = eager.reversal(); // handed out before any phase: every entry computed at every phase
        double[] reader = lazy.reversalObservedAt(1); // a block that reads eca at entry 1 only
        double before = reader[2];
        for (int phase = 0; phase < 5; phase++) {
            concentrations(lazy, eager, phase);
            lazy.followConcentrations(34 + phase);
            eager.followConcentrations(34 + phase);
            assertThat(reader[1]).as("observed entry, phase %d", phase).isEqualTo(everyEntry[1]);
            assertThat(reader[2]).as("entry 2 is not observed: not computed").isEqualTo(before);
            concentrations(lazy, eager, phase + 10); // the state phase moves cai after the current phase
        }
        assertThat(lazy.reversal()).as("handed out after the state phase: each entry as its last current phase left it")
                .isEqualTo(everyEntry);
        for (int phase = 5; phase < 8; phase++) {
            concentrations(lazy, eager, phase);
            lazy.followConcentrations(34);
            eager.followConcentrations(34);
            assertThat(reader).as("every entry observed from the hand-out on, phase %d", phase).isEqualTo(everyEntry);
        }
    }

    @Test
    void aResetDropsTheKeptConcentrations() {
        Ion ca = following(3);
        double[] writer = ca.reversalObservedAt(); // a block that writes eca at initialization only (einit)
        ca.concentration[1] = 3e-4;
        ca.followConcentrations(34);
        ca.reset();
        writer[1] = 120; // einit
        assertThat(ca.reversal()[1]).as("what initialization wrote, not the phase before the reset").isEqualTo(120);
    }

    /** A calcium ion whose every entry follows the concentrations, as where cadspine writes cai. */
    private static Ion following(int entries) {
        Ion ca = new Ion("ca", entries, 5e-5);
        ca.nernstCharge = 2;
        for (int e = 0; e < entries; e++) {
            ca.followConcentrationsAt(e);
        }
        return ca;
    }

    /** The same concentrations in both ions, different at each entry and {@code step}. */
    private static void concentrations(Ion a, Ion b, int step) {
        for (int e = 0; e < a.concentration.length; e++) {
            double ci = 5e-5 * (1 + 0.37 * e + 0.11 * step);
            a.concentration[e] = ci;
            b.concentration[e] = ci;
            a.outside[e] = 2 + 0.01 * step;
            b.outside[e] = 2 + 0.01 * step;
        }
    }
}
