package org.spineformer.nmodl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.spineformer.engine.ModelBuilder;
import org.spineformer.engine.Simulation;
import org.spineformer.engine.mech.Catalogue;
import org.spineformer.engine.mech.CellState;
import org.spineformer.engine.mech.MechanismBlock;
import org.spineformer.engine.morph.Morphology;
import org.spineformer.nmodl.gen.NmodlMechanism;

/**
 * A FUNCTION of v alone called in a state phase computed exactly (its rates also read cai) is read from a table of v
 * (gen.CallTables, docs/dev/nmodl.md): within the table's bound of the exact functions, exact (bit for bit) where a
 * call's other arguments differ from the table's, following a parameter changed at slot 0, and shared with a later
 * simulation only for the same arguments and temperature.
 */
class CallTablesTest {
    /** A calcium-gated potassium channel whose rate calls ex(k1, d1, v), a function of v alone. */
    private static final String MOD = """
            NEURON { SUFFIX kcav USEION ca READ cai USEION k READ ek WRITE ik RANGE gbar }
            UNITS { FARADAY = (faraday) (kilocoulombs) R = (k-mole) (joule/degC) }
            PARAMETER { gbar = 0.01 (S/cm2) d1 = 0.84 k1 = 0.48e-3 (mM) abar = 0.28 (/ms) }
            ASSIGNED { v (mV) celsius (degC) cai (mM) ek (mV) ik (mA/cm2) oinf tau (ms) }
            STATE { o }
            BREAKPOINT { SOLVE state METHOD cnexp
                ik = gbar * o * (v - ek) }
            INITIAL { rate(v, cai) o = oinf }
            DERIVATIVE state { rate(v, cai) o' = (oinf - o) / tau }
            FUNCTION ex(kk (mM), d, v (mV)) (mM) { ex = kk * exp(-2 * d * FARADAY * v / R / (273.15 + celsius)) }
            PROCEDURE rate(v (mV), c (mM)) { LOCAL a
                a = c * abar / (c + ex(k1, d1, v))
                tau = 1 / (a + 0.1)
                oinf = a * tau }
            """;
    /**
     * How far the state may be from the exact one: the table is within 1e-10 of ex relative (VoltageTable.RELATIVE),
     * which a = c abar / (c + ex), tau and oinf carry at most at that relative size, and cnexp's update over 40
     * steps adds each step's error with a factor below 1; 1e-9 of the state's range (1) leaves a factor 10 for that.
     */
    private static final double STATE_TOLERANCE = 1e-9;
    private static final int INSTANCES = 4;
    private static final int STEPS = 40;

    @Test
    void theFunctionOfVIsReadFromATable() {
        assertThat(NmodlMechanism.compile("kcav.mod", MOD).javaSource()).contains("callTable0(k, s, c_k1[k], c_d1[k], l_v)");
    }

    @Test
    void theStatesAreWithinTheTablesBoundOfTheExactOnesAndExactWhereTheArgumentsDiffer() {
        NmodlMechanism m = NmodlMechanism.compile("kcav.mod", MOD);
        Run tabulated = new Run(m, true);
        Run exact = new Run(m, false);
        boolean anyDifference = false;
        boolean anyDifferenceAfterChange = false;
        for (int step = 0; step < STEPS; step++) {
            if (step == STEPS / 2) {
                // a parameter changed at slot 0: the table follows it
                tabulated.block.setParameter("d1", 0, 0.7);
                exact.block.setParameter("d1", 0, 0.7);
                tabulated.block.setParameter("d1", 1, 0.7);
                exact.block.setParameter("d1", 1, 0.7);
                tabulated.block.setParameter("d1", 3, 0.7);
                exact.block.setParameter("d1", 3, 0.7);
                // the same states from here, so that a difference after this comes from the table read now
                System.arraycopy(exact.block.column("o"), 0, tabulated.block.column("o"), 0, INSTANCES);
            }
            tabulated.advance(step);
            exact.advance(step);
            for (int k = 0; k < INSTANCES; k++) {
                double o = tabulated.block.get("o", k);
                double oExact = exact.block.get("o", k);
                if (k == 2) {
                    assertThat(o).as("o at instance 2, step %d", step).isEqualTo(oExact);
                } else {
                    assertThat(o).as("o at instance %d, step %d", k, step).isCloseTo(oExact, within(STATE_TOLERANCE));
                    anyDifference |= o != oExact;
                    anyDifferenceAfterChange |= step >= STEPS / 2 && o != oExact;
                }
            }
        }
        // the table was read: interpolation is not bit-exact everywhere
        assertThat(anyDifference).as("some tabulated state differs from the exact one in its last bits").isTrue();
        // and rebuilt for slot 0's new d1, not left to the exact path
        assertThat(anyDifferenceAfterChange).as("a tabulated state after the change differs in its last bits").isTrue();
    }

    /**
     * The same channel with a PI of its own, an ASSIGNED (INITIAL sets it, and hoc or a statement may change it) that
     * ex reads: a variable, so ex is not a function of v alone and no table of it is built. (With only CallTables'
     * rule undone the table is not built either: RateTables' rule for PI gives this file's state phase a vector
     * kernel, which turns CallTables off; no file was found where CallTables' rule alone decides, nmodl.md.)
     */
    private static final String MOD_ASSIGNED_PI = MOD.replace("oinf tau (ms) }", "oinf tau (ms) PI }")
            .replace("INITIAL { rate", "INITIAL { PI = 3 rate").replace("ex = kk *", "ex = PI / 3 * kk *");

    @Test
    void aFunctionReadingAnAssignedPiFollowsItsValue() {
        NmodlMechanism m = NmodlMechanism.compile("kcav.mod", MOD_ASSIGNED_PI);
        assertThat(m.javaSource()).doesNotContain("callTable");
        Run tables = new Run(m, true);
        Run exact = new Run(m, false);
        for (int step = 0; step < STEPS; step++) {
            if (step == STEPS / 2) {
                for (Run r : List.of(tables, exact)) {
                    java.util.Arrays.fill(r.block.column("PI"), 2.0);
                }
            }
            tables.advance(step);
            exact.advance(step);
            for (int k = 0; k < INSTANCES; k++) {
                assertThat(tables.block.get("o", k)).as("o at instance %d, step %d", k, step)
                        .isEqualTo(exact.block.get("o", k));
            }
        }
    }

    @Test
    void aTableOfAnEarlierSimulationIsTakenForTheSameBitsOnlyAndGivesItsNumbers() {
        NmodlMechanism m = NmodlMechanism.compile("kcav.mod", MOD);
        Run first = new Run(m, true);
        Run again = new Run(m, true);
        // ex's exponent scales with 1 / (273.15 + celsius): a table kept from 34 degC would be ~10% off in it at 6.3
        Run cold = new Run(m, true, 6.3);
        Run coldExact = new Run(m, false, 6.3);
        for (int step = 0; step < STEPS; step++) {
            for (Run r : List.of(first, again, cold, coldExact)) {
                r.advance(step);
            }
            for (int k = 0; k < INSTANCES; k++) {
                assertThat(again.block.get("o", k)).as("o at instance %d, step %d", k, step)
                        .isEqualTo(first.block.get("o", k));
                assertThat(cold.block.get("o", k)).as("o at 6.3 degC, instance %d, step %d", k, step)
                        .isCloseTo(coldExact.block.get("o", k), within(STATE_TOLERANCE));
            }
        }
    }

    @Test
    void eachTrialInLanesHasTheTableOfItsTrialAlone() {
        NmodlMechanism m = NmodlMechanism.compile("kcav.mod", MOD);
        // lane 1's instance 0 has another d1: its lane builds its table for it, as its trial alone does
        double[] d1 = {0.84, 0.9};
        Run[] alone = new Run[d1.length];
        for (int l = 0; l < d1.length; l++) {
            alone[l] = new Run(m, true);
            alone[l].block.setParameter("d1", 0, d1[l]);
            alone[l].sim.initialize(-65);
        }
        Morphology morphology = new Morphology();
        int section = morphology.addRoot("soma", 40, INSTANCES, 35.4, 1, Morphology.filled(INSTANCES, 2));
        ModelBuilder b = new ModelBuilder(morphology, Catalogue.discover().register(m));
        b.insert("kcav", section, Map.of());
        Simulation lanes = b.build(0.025, 34, d1.length);
        MechanismBlock block = lanes.block("kcav");
        block.setParameter("d1", 2, 0, 0.9);
        block.setParameter("d1", 2, 1, 0.9);
        block.setParameter("d1", 0, 1, d1[1]);
        lanes.initialize(-65);
        CellState s = lanes.state();
        for (int step = 0; step < STEPS; step++) {
            for (int l = 0; l < d1.length; l++) {
                alone[l].advance(step);
                for (int k = 0; k < INSTANCES; k++) {
                    int node = block.node(k) * d1.length + l;
                    s.v[node] = alone[l].sim.state().v[alone[l].block.node(k)];
                    s.ion("ca").concentration[node] = alone[l].sim.state().ion("ca").concentration[alone[l].block.node(k)];
                }
            }
            block.advance(s);
            for (int l = 0; l < d1.length; l++) {
                for (int k = 0; k < INSTANCES; k++) {
                    assertThat(block.column("o")[k * d1.length + l]).as("o at instance %d, lane %d, step %d", k, l, step)
                            .isEqualTo(alone[l].block.get("o", k));
                }
            }
        }
    }

    /** The mechanism on a 4-segment section (instance 2's d1 0.9), advanced with v and cai set per node and step. */
    private static final class Run {
        final Simulation sim;
        final MechanismBlock block;

        Run(NmodlMechanism m, boolean tables) {
            this(m, tables, 34);
        }

        Run(NmodlMechanism m, boolean tables, double celsius) {
            Morphology morphology = new Morphology();
            int section = morphology.addRoot("soma", 40, INSTANCES, 35.4, 1, Morphology.filled(INSTANCES, 2));
            ModelBuilder b = new ModelBuilder(morphology, Catalogue.discover().register(m));
            b.insert("kcav", section, Map.of());
            sim = b.build(0.025, celsius);
            sim.setUseTables(tables);
            block = sim.block("kcav");
            // instance 2's d1 differs from slot 0's from the start: its calls are not the table's, so exact
            block.setParameter("d1", 2, 0.9);
            sim.initialize(-65);
        }

        void advance(int step) {
            CellState s = sim.state();
            for (int k = 0; k < INSTANCES; k++) {
                int node = block.node(k);
                s.v[node] = -80.0 + 37.3 * k + 1.7 * step;
                s.ion("ca").concentration[node] = 1e-4 * (1 + k) * (1 + 0.05 * step);
            }
            block.advance(s);
        }
    }
}
