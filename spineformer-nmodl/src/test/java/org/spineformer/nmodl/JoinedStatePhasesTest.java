package org.spineformer.nmodl;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.spineformer.engine.mech.CellState;
import org.spineformer.engine.mech.FieldSpec;
import org.spineformer.engine.mech.MechanismBlock;
import org.spineformer.nmodl.gen.NmodlMechanism;

/**
 * Generated blocks read from tables of v on the same nodes do their state phases in one pass
 * ({@code gen.JoinedTableStates}, docs/dev/nmodl.md "Speed"): every field of every block the bits of each block's
 * own state phase, wherever each instance's v is (in the tables, in an interval one block computes exactly, outside
 * the tables), after a parameter change that turns one table off for a while, and after a table output is handed
 * out (so written at every step).
 */
class JoinedStatePhasesTest {
    private static final double DT = 0.025;
    /**
     * Instances: each follows the sweep from its own phase, so that at any step they are in different places; two
     * of the pass's chunks of 64 slots and part of a third ({@code JoinedTableStates.CHUNK}), so that a slot's
     * functions are read back where the pass's first loop wrote them.
     */
    private static final int INSTANCES = 150;

    /**
     * The paper's three Hay channels (NaTa_t with its nudged intervals) and a gate whose table reads a parameter
     * (OneInstanceKernelTest's too).
     */
    static List<NmodlMechanism> mechanisms() {
        List<NmodlMechanism> m = new ArrayList<>();
        for (String name : List.of("NaTa_t", "SKv3_1", "Im")) {
            String file = "hay2011/" + name + ".mod";
            m.add(NmodlMechanism.compile(file, PaperModFiles.text(file)));
        }
        m.add(NmodlMechanism.compile("gate_of_v.mod", Resources.text("/mod/features/gate_of_v.mod")));
        return m;
    }

    /** From -110 to 70 mV and back: beyond the tables' 60 mV, through NaTa_t's -38 and -66 mV and gatev's -30. */
    private static double potential(int step, int instance) {
        return -20 - 90 * Math.cos(2 * Math.PI * (step + 419.0 * instance) / 2000.0);
    }

    /** The blocks of {@code mechanisms} on the same nodes, attached to one state and initialized at -65 mV. */
    private record Cell(List<MechanismBlock> blocks, CellState s) {
        static Cell of(List<NmodlMechanism> mechanisms) {
            double[] area = new double[INSTANCES];
            Arrays.fill(area, 100);
            CellState s = new CellState(area, area.clone(), DT, 34);
            int[] nodes = new int[INSTANCES];
            Arrays.setAll(nodes, k -> k);
            List<MechanismBlock> blocks = new ArrayList<>();
            for (NmodlMechanism m : mechanisms) {
                MechanismBlock b = m.newBlock(nodes);
                b.attach(s);
                blocks.add(b);
            }
            Arrays.fill(s.v, -65);
            blocks.forEach(b -> b.initialize(s));
            return new Cell(blocks, s);
        }

        /** Steps [from, to): v set, each current phase, then the state phases of {@code advancing}. */
        void steps(int from, int to, List<MechanismBlock> advancing) {
            for (int step = from; step < to; step++) {
                for (int k = 0; k < INSTANCES; k++) {
                    s.v[k] = potential(step, k);
                }
                Arrays.fill(s.rhs, 0);
                Arrays.fill(s.d, 0);
                blocks.forEach(b -> b.currents(s));
                advancing.forEach(b -> b.advance(s));
            }
        }
    }

    /** The states of every block (reading them hands out no table output). */
    private static void assertSameStates(Cell joined, Cell alone, String when) {
        for (int i = 0; i < joined.blocks().size(); i++) {
            MechanismBlock a = joined.blocks().get(i), b = alone.blocks().get(i);
            for (String state : List.of("m", "h")) {
                if (a.mechanism().fields().stream().anyMatch(f -> f.name().equals(state))) {
                    for (int k = 0; k < INSTANCES; k++) {
                        assertThat(a.get(state, k)).as("%s's %s of instance %d %s", a.mechanism().name(), state, k,
                                when).isEqualTo(b.get(state, k));
                    }
                }
            }
        }
    }

    /** Every field of every block. */
    private static void assertSameFields(Cell joined, Cell alone, String when) {
        for (int i = 0; i < joined.blocks().size(); i++) {
            MechanismBlock a = joined.blocks().get(i), b = alone.blocks().get(i);
            for (FieldSpec f : a.mechanism().fields()) {
                for (int k = 0; k < INSTANCES; k++) {
                    assertThat(a.get(f.name(), k)).as("%s's %s of instance %d %s", a.mechanism().name(), f.name(),
                            k, when).isEqualTo(b.get(f.name(), k));
                }
            }
        }
    }

    @Test
    void theJoinedPassGivesEachBlocksOwnBits() {
        List<NmodlMechanism> mechanisms = mechanisms();
        Cell joined = Cell.of(mechanisms);
        Cell alone = Cell.of(mechanisms);
        MechanismBlock first = joined.blocks().get(0);
        List<MechanismBlock> rest = joined.blocks().subList(1, joined.blocks().size());
        assertThat(first.joinStatePhases(rest)).as("NaTa_t takes the other three state phases")
                .containsExactlyElementsOf(rest);
        // as the engine then does: only the first block's state phase is called
        List<MechanismBlock> joinedAdvance = List.of(first);
        int[] ends = {0, 1, 300, 777, 1500, 2000};
        for (int i = 1; i < ends.length; i++) {
            joined.steps(ends[i - 1], ends[i], joinedAdvance);
            alone.steps(ends[i - 1], ends[i], alone.blocks());
            assertSameStates(joined, alone, "after " + ends[i] + " steps");
        }
        // gatev's table reads vshift: one instance's own value turns it off (the exact path) until all agree again
        for (Cell c : List.of(joined, alone)) {
            c.blocks().get(3).setParameter("vshift", 2, 4.5);
        }
        joined.steps(2000, 2300, joinedAdvance);
        alone.steps(2000, 2300, alone.blocks());
        assertSameStates(joined, alone, "with vshift different in one instance");
        for (Cell c : List.of(joined, alone)) {
            for (int k = 0; k < INSTANCES; k++) {
                c.blocks().get(3).setParameter("vshift", k, 4.5);
            }
        }
        joined.steps(2300, 2900, joinedAdvance);
        alone.steps(2300, 2900, alone.blocks());
        assertSameFields(joined, alone, "after vshift changed in every instance");
        // every output now handed out (written at every step by each block's own phase), and more steps
        joined.steps(2900, 3400, joinedAdvance);
        alone.steps(2900, 3400, alone.blocks());
        assertSameFields(joined, alone, "with the outputs handed out");
    }

    @Test
    void blocksOnOtherNodesOrOfSeveralTrialsAreNotJoined() {
        List<NmodlMechanism> mechanisms = mechanisms();
        MechanismBlock first = mechanisms.get(0).newBlock(new int[] {0, 1, 2});
        MechanismBlock elsewhere = mechanisms.get(1).newBlock(new int[] {0, 1, 3});
        MechanismBlock inLanes = mechanisms.get(2).newBlock(new int[] {0, 1, 2}, 2);
        MechanismBlock same = mechanisms.get(3).newBlock(new int[] {0, 1, 2});
        assertThat(first.joinStatePhases(List.of(elsewhere, inLanes, same))).containsExactly(same);
        assertThat(mechanisms.get(0).newBlock(new int[] {0, 1, 2}).joinStatePhases(List.of(elsewhere, inLanes)))
                .isEmpty();
    }
}
