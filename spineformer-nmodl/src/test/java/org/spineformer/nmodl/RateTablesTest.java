package org.spineformer.nmodl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.spineformer.engine.mech.CellState;
import org.spineformer.engine.mech.MechanismBlock;
import org.spineformer.nmodl.gen.NmodlMechanism;

/**
 * Tables of v for cnexp blocks that are functions of v (docs/dev/nmodl.md, "Tables of rate functions of v"): the
 * table path against the exact one (tables off) on the same potentials, step by step; the exact path where the
 * table must not be used (a nudged 0/0, outside the table, a parameter that differs among instances, however and
 * whenever it came to differ); the table rebuilt for a new temperature.
 */
class RateTablesTest {
    /**
     * How far the table path may drift from the exact one over the sweep: each step's F and X are within 1e-10 of
     * their local size (VoltageTable.RELATIVE), and the error of a gate that relaxes by F per step sums to at most
     * the step's error over F (here F >= dt / max tau, about 0.05): 2e-9 of the gate's range (1).
     */
    private static final double STATE_BOUND = 2e-9;
    /** The same for the tabulated mInf, mTau, mAlpha, mBeta: 1e-10 of each, relative, with margin. */
    private static final double RELATIVE_BOUND = 2e-10;
    private static final double DT = 0.025;

    private static NmodlMechanism gate() {
        return NmodlMechanism.compile("gate_of_v.mod", Resources.text("/mod/features/gate_of_v.mod"));
    }

    /** Blocks of {@code n} instances on one node each, attached to a fresh state at the given temperature. */
    private record Run(CellState s, MechanismBlock block) {
        static Run of(NmodlMechanism m, int n, double celsius, boolean tables) {
            double[] area = new double[n];
            Arrays.fill(area, 100);
            CellState s = new CellState(area, area.clone(), DT, celsius);
            int[] nodes = new int[n];
            for (int k = 0; k < n; k++) {
                nodes[k] = k;
            }
            MechanismBlock block = m.newBlock(nodes);
            block.attach(s);
            block.setUseTables(tables);
            return new Run(s, block);
        }

        /**
         * One instance started at -65 mV and stepped once at {@code v}, after {@code setUp} (a parameter, a
         * concentration) where there is one: the state one step after rest that most of these tests compare.
         */
        static Run afterOneStep(NmodlMechanism m, double celsius, boolean tables, double v, Consumer<Run> setUp) {
            Run r = of(m, 1, celsius, tables);
            setUp.accept(r);
            r.start(-65);
            r.step(v);
            return r;
        }

        static Run afterOneStep(NmodlMechanism m, double celsius, boolean tables, double v) {
            return afterOneStep(m, celsius, tables, v, r -> { });
        }

        void start(double v) {
            Arrays.fill(s.v, v);
            block.initialize(s);
        }

        void step(double v) {
            Arrays.fill(s.v, v);
            block.currents(s);
            block.advance(s);
        }
    }

    /** A sweep through the table's range and beyond it: -110 to 70 mV and back, with a few exact values on it. */
    private static double potential(int step) {
        double phase = step / 4000.0;
        return -20 - 90 * Math.cos(2 * Math.PI * phase);
    }

    @Test
    void aGateBlockOfVIsReadFromATableAndAConcentrationsBlockIsNot() {
        String gate = gate().javaSource();
        assertThat(gate).contains("tableStep_states(k, s)");
        // SK_E2's zInf is a function of cai, not of v
        String sk = NmodlMechanism.compile("SK_E2.mod", PaperModFiles.text("hay2011/SK_E2.mod")).javaSource();
        assertThat(sk).doesNotContain("tabulated_", "tableStep_").contains("d_gate(k, s);");
    }

    @Test
    void theTablePathStaysWithinItsBoundOfTheExactFunctions() {
        NmodlMechanism m = gate();
        Run table = Run.of(m, 1, 22, true);
        Run exact = Run.of(m, 1, 22, false);
        table.start(-70);
        exact.start(-70);
        double worstState = 0;
        double worstRelative = 0;
        for (int step = 0; step < 8000; step++) {
            double v = potential(step);
            table.step(v);
            exact.step(v);
            worstState = Math.max(worstState, Math.abs(table.block.get("m", 0) - exact.block.get("m", 0)));
            for (String f : List.of("mInf", "mTau", "mAlpha", "mBeta")) {
                double e = exact.block.get(f, 0);
                worstRelative = Math.max(worstRelative, Math.abs(table.block.get(f, 0) - e) / Math.abs(e));
            }
        }
        System.out.printf("gate_of_v, tables against exact over 8000 steps: m within %.2e, mInf, mTau, mAlpha,"
                + " mBeta within %.2e relative%n", worstState, worstRelative);
        assertThat(worstState).isLessThanOrEqualTo(STATE_BOUND).isGreaterThan(0);
        assertThat(worstRelative).isLessThanOrEqualTo(RELATIVE_BOUND).isGreaterThan(0);
    }

    @Test
    void whereTheFileNudgesVOrOutsideTheTableTheStepIsExact() {
        NmodlMechanism m = gate();
        for (double v : new double[] {-30, 75, -130}) {
            Run table = Run.afterOneStep(m, 22, true, v);
            Run exact = Run.afterOneStep(m, 22, false, v);
            assertThat(table.block.get("m", 0)).as("m after a step at %s mV", v).isEqualTo(exact.block.get("m", 0));
            assertThat(table.block.get("mTau", 0)).isEqualTo(exact.block.get("mTau", 0));
        }
    }

    @Test
    void aParameterThatDiffersAmongInstancesTurnsTheTableOff() {
        NmodlMechanism m = gate();
        Run table = Run.of(m, 2, 22, true);
        Run exact = Run.of(m, 2, 22, false);
        for (Run r : List.of(table, exact)) {
            r.block.setParameter("vshift", 1, 5.5);
            r.start(-65);
        }
        for (int step = 0; step < 200; step++) {
            table.step(potential(step * 20));
            exact.step(potential(step * 20));
        }
        assertThat(table.block.get("m", 0)).isEqualTo(exact.block.get("m", 0));
        assertThat(table.block.get("m", 1)).isEqualTo(exact.block.get("m", 1));
        // the same shift in both: the table again (a different value, within the bound)
        for (Run r : List.of(table, exact)) {
            r.block.setParameter("vshift", 0, 5.5);
        }
        table.step(-47.3);
        exact.step(-47.3);
        assertThat(table.block.get("m", 0)).isNotEqualTo(exact.block.get("m", 0))
                .isCloseTo(exact.block.get("m", 0), within(STATE_BOUND));
    }

    /** One step of both runs at -47.3 mV from the same gates (0.25 in every instance): the table's m, the exact m. */
    private static void stepFromTheSameGates(Run table, Run exact) {
        for (Run r : List.of(table, exact)) {
            Arrays.fill(r.block.column("m"), 0.25);
            r.step(-47.3);
        }
    }

    /**
     * The instances' parameters are compared only after one was set (MechanismBlock's fieldSet), or at every step
     * while a caller keeps the column of one (fieldAccess): each way of changing one instance's shift between steps
     * turns the table off at the next step (the exact bits in both instances), as a comparison at every step would.
     */
    @Test
    void aParameterChangedBetweenStepsInAnyWayTurnsTheTableOffAtTheNextStep() {
        changeTheShiftEachWay(2, 1, (way, table, exact, before) -> {
            for (int k = 0; k < 2; k++) {
                assertThat(table.block.get("m", k)).as("instance %d after the change (%s)", k, way)
                        .isEqualTo(exact.block.get("m", k));
            }
        });
    }

    /**
     * A parameter changed in the only instance, in any way (set, or written in a column kept since before the run),
     * rebuilds the table at the next step for the new value: the table's parameters are compared with the
     * instances' only after one was set or while one is kept, and these are the ways a parameter changes.
     */
    @Test
    void aParameterChangedInEveryInstanceInAnyWayRebuildsTheTableAtTheNextStep() {
        changeTheShiftEachWay(1, 0, (way, table, exact, before) -> assertThat(table.block.get("m", 0))
                .as("after the change (%s), the table", way)
                .isCloseTo(exact.block.get("m", 0), within(STATE_BOUND))
                .isNotCloseTo(before, within(STATE_BOUND)));
    }

    /** A check of the runs with tables and without after a change of their shift, given the table's m before it. */
    private interface AfterChange {
        void check(String way, Run table, Run exact, double before);
    }

    /**
     * For each way of changing a parameter between steps (setParameter, columnToSet, a column handed out before the
     * run): runs of {@code n} instances with tables and without, 50 steps from rest, a step from the same gates,
     * instance {@code changed}'s shift moved to 5.5 mV in both, another step from the same gates, then {@code check}.
     * Before the change the table's m differs from the exact one, within the table's bound.
     */
    private static void changeTheShiftEachWay(int n, int changed, AfterChange check) {
        Map<String, BiConsumer<MechanismBlock, double[]>> ways = new LinkedHashMap<>();
        ways.put("setParameter", (block, kept) -> block.setParameter("vshift", changed, 5.5));
        ways.put("columnToSet", (block, kept) -> block.columnToSet("vshift")[changed] = 5.5);
        ways.put("a column handed out before the run", (block, kept) -> kept[changed] = 5.5);
        NmodlMechanism m = gate();
        ways.forEach((way, change) -> {
            Run table = Run.of(m, n, 22, true);
            Run exact = Run.of(m, n, 22, false);
            boolean keep = way.startsWith("a column");
            double[] tableColumn = keep ? table.block.column("vshift") : null;
            double[] exactColumn = keep ? exact.block.column("vshift") : null;
            table.start(-65);
            exact.start(-65);
            for (int step = 0; step < 50; step++) {
                table.step(potential(step * 20));
                exact.step(potential(step * 20));
            }
            stepFromTheSameGates(table, exact);
            double before = table.block.get("m", changed);
            assertThat(before).as("before the change (%s), the table", way)
                    .isNotEqualTo(exact.block.get("m", changed))
                    .isCloseTo(exact.block.get("m", changed), within(STATE_BOUND));
            change.accept(table.block, tableColumn);
            change.accept(exact.block, exactColumn);
            stepFromTheSameGates(table, exact);
            check.check(way, table, exact, before);
        });
    }

    @Test
    void aParameterTheFileWritesItselfIsComparedAtEveryStep() {
        // instance 1's BREAKPOINT moves its vshift to 5.5 mV once t > 1 ms: the block is not told
        NmodlMechanism m = NmodlMechanism.compile("gate_shifted_by_itself.mod",
                Resources.text("/mod/features/gate_shifted_by_itself.mod"));
        Run table = Run.of(m, 2, 22, true);
        Run exact = Run.of(m, 2, 22, false);
        for (Run r : List.of(table, exact)) {
            r.block.setParameter("laterShift", 1, 5.5);
            r.start(-65);
        }
        stepFromTheSameGates(table, exact);
        assertThat(table.block.get("m", 1)).as("before t = 1 ms, the table").isNotEqualTo(exact.block.get("m", 1))
                .isCloseTo(exact.block.get("m", 1), within(STATE_BOUND));
        table.s.t = 2;
        exact.s.t = 2;
        stepFromTheSameGates(table, exact);
        assertThat(table.block.get("vshift", 1)).isEqualTo(5.5);
        for (int k = 0; k < 2; k++) {
            assertThat(table.block.get("m", k)).as("instance %d after t = 1 ms", k).isEqualTo(exact.block.get("m", k));
        }
    }

    @Test
    void anIonConcentrationThatStaysIsTabulatedAndOneThatKeepsChangingIsNot() {
        NmodlMechanism m = NmodlMechanism.compile("gate_of_ion.mod", Resources.text("/mod/features/gate_of_ion.mod"));
        Run table = Run.afterOneStep(m, 22, true, -47.3, r -> r.s.ion("ttx").concentration[0] = 0.5);
        Run exact = Run.afterOneStep(m, 22, false, -47.3, r -> r.s.ion("ttx").concentration[0] = 0.5);
        // one value that stays: the table (a different value, within the bound)
        assertThat(table.block.get("m", 0)).isNotEqualTo(exact.block.get("m", 0))
                .isCloseTo(exact.block.get("m", 0), within(STATE_BOUND));
        // changed at every step: rebuilt a few times, then the exact functions
        for (int step = 1; step <= 10; step++) {
            for (Run r : List.of(table, exact)) {
                r.s.ion("ttx").concentration[0] = 0.5 + 0.01 * step;
                r.block.column("m")[0] = 0.25; // the same state before each step
                r.step(-47.3);
            }
        }
        assertThat(table.block.get("m", 0)).isEqualTo(exact.block.get("m", 0));
        assertThat(table.block.get("mInf", 0)).isEqualTo(exact.block.get("mInf", 0));
    }

    @Test
    void theTableFollowsTheTemperature() {
        // qt = 3^((celsius - 22)/10): a table kept from 22 degC would be 3x off in mTau at 32
        NmodlMechanism m = gate();
        Run table = Run.afterOneStep(m, 22, true, -47.3);
        CellState warm = new CellState(new double[] {100}, new double[] {100}, DT, 32);
        table.block.attach(warm);
        warm.v[0] = -47.3;
        table.block.currents(warm);
        table.block.advance(warm);
        Run exact = Run.afterOneStep(m, 32, false, -47.3);
        double e = exact.block.get("mTau", 0);
        assertThat(Math.abs(table.block.get("mTau", 0) - e) / e).isLessThanOrEqualTo(RELATIVE_BOUND);
    }

    @Test
    void aBlockWithOtherParametersDoesNotTakeTheTableOfAnotherSimulation() {
        // the table of vshift 0 is built first (and shared); a shift of 5.5 mV moves m far beyond the bound
        NmodlMechanism m = gate();
        Run unshifted = Run.afterOneStep(m, 22, true, -47.3);
        Run shifted = Run.afterOneStep(m, 22, true, -47.3, r -> r.block.setParameter("vshift", 0, 5.5));
        Run exact = Run.afterOneStep(m, 22, false, -47.3, r -> r.block.setParameter("vshift", 0, 5.5));
        assertThat(shifted.block.get("m", 0)).isNotEqualTo(exact.block.get("m", 0))
                .isCloseTo(exact.block.get("m", 0), within(STATE_BOUND));
        assertThat(Math.abs(unshifted.block.get("m", 0) - exact.block.get("m", 0))).isGreaterThan(1e3 * STATE_BOUND);
    }

    @Test
    void aTableSharedWithAnEarlierSimulationGivesItsNumbersBitForBit() {
        NmodlMechanism m = gate();
        Run first = Run.of(m, 1, 21.5, true);
        Run second = Run.of(m, 1, 21.5, true);
        first.start(-70);
        second.start(-70);
        for (int step = 0; step < 8000; step++) {
            first.step(potential(step));
            second.step(potential(step));
            assertThat(second.block.get("m", 0)).isEqualTo(first.block.get("m", 0));
        }
    }
}
