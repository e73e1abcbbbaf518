package org.spineformer.nmodl;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.spineformer.engine.mech.CellState;
import org.spineformer.engine.mech.MechanismBlock;
import org.spineformer.nmodl.gen.NmodlMechanism;

/**
 * The outputs of a table of v (mInf, mTau ... written by a tabulated DERIVATIVE block) read from the table only when
 * something reads them (docs/dev/nmodl.md, "Table outputs when read"): the same bits as when written at every step,
 * wherever each instance's v was (in the table, in an interval evaluated exactly, outside the table), after a
 * parameter change, and into INITIAL; kept at every step where other code of the file reads them.
 */
class LazyTableOutputsTest {
    private static final double DT = 0.025;
    private static final List<String> OUTPUTS = List.of("mInf", "mTau", "mAlpha", "mBeta");
    /** Instances: each follows the sweep from its own phase, so that at any step they are in different places. */
    private static final int INSTANCES = 5;

    private static NmodlMechanism gate() {
        return NmodlMechanism.compile("gate_of_v.mod", Resources.text("/mod/features/gate_of_v.mod"));
    }

    /** A sweep from -110 to 70 mV and back (beyond the table's 60 mV, through the file's nudge at -30 mV). */
    private static double potential(int step, int instance) {
        return -20 - 90 * Math.cos(2 * Math.PI * (step + 713.0 * instance) / 3000.0);
    }

    /** {@code n} instances on one node each, tables on. */
    private static MechanismBlock block(NmodlMechanism m, CellState s) {
        int[] nodes = new int[INSTANCES];
        Arrays.setAll(nodes, k -> k);
        MechanismBlock block = m.newBlock(nodes);
        block.attach(s);
        return block;
    }

    private static CellState state() {
        double[] area = new double[INSTANCES];
        Arrays.fill(area, 100);
        return new CellState(area, area.clone(), DT, 22);
    }

    private static void steps(MechanismBlock block, CellState s, int from, int to) {
        for (int step = from; step < to; step++) {
            for (int k = 0; k < INSTANCES; k++) {
                s.v[k] = potential(step, k);
            }
            block.currents(s);
            block.advance(s);
        }
    }

    @Test
    void outputsReadAfterTheRunAreTheBitsWrittenAtEveryStep() {
        NmodlMechanism m = gate();
        assertThat(m.javaSource()).as("gate_of_v's outputs are read only when read")
                .contains("rateTableOutputs_states()");
        // every number of steps ends with the instances elsewhere: in the table, exact intervals, beyond 60 mV
        for (int end : new int[] {1, 500, 1499, 2251, 2999}) {
            CellState es = state();
            MechanismBlock eager = block(m, es);
            OUTPUTS.forEach(eager::column); // handed out before the run: written at every step
            CellState ls = state();
            MechanismBlock lazy = block(m, ls);
            for (CellState s : List.of(es, ls)) {
                Arrays.fill(s.v, -65);
            }
            eager.initialize(es);
            lazy.initialize(ls);
            steps(eager, es, 0, end);
            steps(lazy, ls, 0, end);
            for (int k = 0; k < INSTANCES; k++) {
                assertThat(lazy.get("m", k)).isEqualTo(eager.get("m", k));
                for (String f : OUTPUTS) {
                    assertThat(lazy.get(f, k)).as("%s of instance %d after %d steps (v %s mV)", f, k, end,
                            potential(end - 1, k)).isEqualTo(eager.get(f, k));
                }
            }
        }
    }

    @Test
    void aParameterSetBetweenStepsAndInitialGiveTheSameBits() {
        NmodlMechanism m = gate();
        CellState es = state();
        MechanismBlock eager = block(m, es);
        OUTPUTS.forEach(eager::column);
        CellState ls = state();
        MechanismBlock lazy = block(m, ls);
        for (CellState s : List.of(es, ls)) {
            Arrays.fill(s.v, -65);
        }
        eager.initialize(es);
        lazy.initialize(ls);
        steps(eager, es, 0, 400);
        steps(lazy, ls, 0, 400);
        // a parameter of the table changed: the outputs already computed are still the old table's
        for (MechanismBlock b : List.of(eager, lazy)) {
            b.setParameter("vshift", 0, 5.5);
            b.setParameter("vshift", 1, 5.5); // a different value from instance 2's: the exact path for a while
        }
        steps(eager, es, 400, 450);
        steps(lazy, ls, 400, 450);
        for (MechanismBlock b : List.of(eager, lazy)) {
            for (int k = 2; k < INSTANCES; k++) {
                b.setParameter("vshift", k, 5.5);
            }
        }
        steps(eager, es, 450, 900);
        steps(lazy, ls, 450, 900);
        // INITIAL again, at the last step's v
        eager.initialize(es);
        lazy.initialize(ls);
        for (int k = 0; k < INSTANCES; k++) {
            assertThat(lazy.get("m", k)).isEqualTo(eager.get("m", k));
            for (String f : OUTPUTS) {
                assertThat(lazy.get(f, k)).as("%s of instance %d", f, k).isEqualTo(eager.get(f, k));
            }
        }
    }

    @Test
    void outputsOtherCodeReadsAreWrittenAtEveryStep() {
        String readByBreakpoint = Resources.text("/mod/features/gate_of_v.mod").replace("i = gbar*m*(v - e)",
                "i = gbar*m*mInf*(v - e)");
        assertThat(NmodlMechanism.compile("gate_read.mod", readByBreakpoint).javaSource())
                .contains("tableStep_states(k, s)").doesNotContain("rateTableOutputs_states");
        // read by a FUNCTION the BREAKPOINT calls
        String readByFunction = Resources.text("/mod/features/gate_of_v.mod")
                .replace("i = gbar*m*(v - e)", "i = gbar*m*slow()*(v - e)")
                .replace("PROCEDURE rates()", "FUNCTION slow() { slow = mTau }\nPROCEDURE rates()");
        assertThat(NmodlMechanism.compile("gate_function.mod", readByFunction).javaSource())
                .contains("tableStep_states(k, s)").doesNotContain("rateTableOutputs_states");
    }
}
