package org.spineformer.nmodl.gen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.spineformer.engine.mech.CellState;
import org.spineformer.engine.mech.FieldSpec;
import org.spineformer.engine.mech.Mechanism;
import org.spineformer.engine.mech.MechanismBlock;
import org.spineformer.engine.simd.Simd;

/**
 * Which state phases the joined pass does at a step: those of the blocks that can be joined then, among themselves,
 * while a block whose table is off does its own phase (JoinedStatePhasesTest: the bits, with generated blocks).
 */
class JoinedTableStatesTest {
    private static final int[] NODES = {0, 1, 2};

    /** x' = (v - x) / tau as cnexp from a table of v: F = 1 - exp(-dt / tau), X = v (tau of v, a few ms). */
    private static final VoltageTable TABLE = new VoltageTable(2, (v, out) -> {
        out[0] = 1 - Math.exp(-0.025 / (2 + 1 / (1 + Math.exp(-v / 10))));
        out[1] = v;
    }, new double[0]);

    /** A hand-made joinable block of one state, counting its own state phases. */
    private static final class Gate extends MechanismBlock implements JoinableStates {
        final int[] nodes;
        final double[] x;
        final double[] v;
        boolean tableOn = true;
        int alone;

        Gate() {
            this(NODES);
        }

        Gate(int... nodes) {
            super(MECHANISM, nodes);
            this.nodes = nodes;
            x = new double[nodes.length];
            v = new double[nodes.length];
        }

        @Override
        public void initialize(CellState s) {
            Arrays.fill(x, -65);
        }

        @Override
        public void advanceAlone(CellState s) {
            alone++;
            for (int k = 0; k < nodes.length; k++) {
                v[k] = s.v[nodes[k]];
                double u = TABLE.position(v[k]);
                int c = TABLE.start(u);
                double t = u - (int) u;
                x[k] = x[k] + TABLE.value(c, 0, t) * (TABLE.value(c, 1, t) - x[k]);
            }
        }

        @Override
        public boolean joinedPrepare(CellState s) {
            return tableOn;
        }

        @Override
        public VoltageTable joinedTable() {
            return TABLE;
        }

        @Override
        public double[][] joinedStates() {
            return new double[][] {x};
        }

        @Override
        public double[] joinedPositions() {
            return null;
        }

        @Override
        public int[] joinedNodes() {
            return nodes;
        }

        @Override
        public double[][] joinedCopies(CellState s) {
            return new double[][] {v, s.v};
        }

        @Override
        public void joinedExact(int[] slots, int count, CellState s) {
            throw new AssertionError("every slot is in the table");
        }
    }

    private static final Mechanism MECHANISM = new Mechanism() {
        @Override
        public String name() {
            return "gate";
        }

        @Override
        public Kind kind() {
            return Kind.DENSITY;
        }

        @Override
        public List<FieldSpec> fields() {
            return List.of();
        }

        @Override
        public String description() {
            return "a joinable gate for JoinedTableStatesTest";
        }

        @Override
        public MechanismBlock newBlock(int[] nodes) {
            throw new UnsupportedOperationException();
        }
    };

    private static CellState state() {
        double[] area = {100, 100, 100};
        CellState s = new CellState(area, area.clone(), 0.025, 34);
        s.v[0] = -70;
        s.v[1] = -20;
        s.v[2] = 15;
        return s;
    }

    @Test
    void blocksThatCanJoinAreJoinedWhileOneWhoseTableIsOffDoesItsOwnPhase() {
        Gate a = new Gate(), b = new Gate(), c = new Gate();
        Gate twinA = new Gate(), twinC = new Gate();
        CellState s = state();
        List.of(a, b, c, twinA, twinC).forEach(g -> g.initialize(s));
        JoinedTableStates joined = JoinedTableStates.join(a, List.of(b, c));
        assertThat(JoinedTableStates.taken(joined)).containsExactly(b, c);

        b.tableOn = false;
        joined.advance(s);
        twinA.advanceAlone(s);
        twinC.advanceAlone(s);
        assertThat(b.alone).as("b's table is off: its own phase").isEqualTo(1);
        assertThat(a.alone + c.alone).as("a and c joined in one pass").isZero();
        assertThat(a.x).as("a's state as its own phase gives it").isEqualTo(twinA.x);
        assertThat(c.x).isEqualTo(twinC.x);
        assertThat(a.v).as("a's copy of v").containsExactly(-70, -20, 15);

        b.tableOn = true;
        joined.advance(s);
        assertThat(a.alone + b.alone + c.alone).as("all three joined").isEqualTo(1);

        a.tableOn = false;
        c.tableOn = false;
        joined.advance(s);
        assertThat(List.of(a.alone, b.alone, c.alone)).as("one left: nothing to join, each its own phase")
                .containsExactly(1, 2, 1);
    }

    @Test
    void aBlockOnSomeOfTheNodesJoinsWhenItsFunctionsFitInTheFreeLanes() {
        assumeTrue(Simd.preferredLanes() >= 4, "needs vector lanes with room beside a gate");
        Gate a = new Gate(), some = new Gate(2, 0);
        Gate twinA = new Gate(), twinSome = new Gate(2, 0);
        CellState s = state();
        List.of(a, some, twinA, twinSome).forEach(g -> g.initialize(s));
        JoinedTableStates joined = JoinedTableStates.join(a, List.of(some));
        assertThat(JoinedTableStates.taken(joined)).containsExactly(some);

        joined.advance(s);
        twinA.advanceAlone(s);
        twinSome.advanceAlone(s);
        assertThat(a.alone + some.alone).as("one pass over a's nodes").isZero();
        assertThat(some.x).as("its state as its own phase gives it, in its own slots").isEqualTo(twinSome.x);
        assertThat(some.v).as("its copy of v, in its own slots").containsExactly(15, -70);
        assertThat(a.x).isEqualTo(twinA.x);

        some.tableOn = false;
        joined.advance(s);
        assertThat(some.alone).as("its table off: its own phase").isEqualTo(1);
    }

    @Test
    void aBlockOnSomeOfTheNodesStaysOutWhenItWouldCostLanesLeadsItsOwnOrIsElsewhere() {
        assumeTrue(Simd.preferredLanes() >= 2, "needs vector lanes");
        List<MechanismBlock> full = new ArrayList<>();
        for (int g = 1; g < Simd.preferredLanes() / 2; g++) {
            full.add(new Gate());
        }
        Gate some = new Gate(1);
        full.add(some);
        assertThat(JoinedTableStates.taken(JoinedTableStates.join(new Gate(), full)))
                .as("the lead's and the others' functions fill the lanes").doesNotContain(some);

        Gate other = new Gate(1);
        assertThat(JoinedTableStates.join(new Gate(), List.of(some, other)))
                .as("some and other, on the same nodes, join among themselves").isNull();
        assertThat(JoinedTableStates.join(new Gate(), List.of(new Gate(1, 3))))
                .as("node 3 is not the lead's").isNull();
    }

    @Test
    void aLeadOnOneNodeJoinsNothing() {
        assertThat(JoinedTableStates.join(new Gate(1), List.of(new Gate(1), new Gate(1))))
                .as("three blocks on one node: each its own phase").isNull();
        assertThat(JoinedTableStates.taken(JoinedTableStates.join(new Gate(1, 2), List.of(new Gate(1, 2)))))
                .as("on two nodes they join").hasSize(1);
    }
}
