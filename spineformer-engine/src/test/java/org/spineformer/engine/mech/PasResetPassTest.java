package org.spineformer.engine.mech;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The leak as the simulation's first block: its pass over every node, reset included, gives the bits of the reset
 * to 0 followed by its per-instance current phase, at its nodes and elsewhere, also after a parameter changes
 * (through setParameter, columnToSet, or a live column, whenever that column was taken).
 */
class PasResetPassTest {
    private static final int NODES = 40;
    /** Leak nodes with gaps between them, as zero-area nodes leave in a real cell; node 0 and the last without it. */
    private static final int[] LEAK_NODES = {1, 2, 3, 5, 6, 9, 10, 11, 12, 13, 20, 21, 30, 31, 32, 33, 38};
    /** The first of the leaves the solve does not read: after the last leak node, as a simulation numbers them. */
    private static final int LEAVES_FROM = 39;

    @Test
    void passGivesTheResetAndCurrentPhaseBits() {
        Random r = new Random(7);
        CellState pass = state(r);
        CellState reference = copy(pass);
        MechanismBlock block = RandomLeaks.initialized(new Pas(), LEAK_NODES, pass, new Random(11));
        MechanismBlock expected = RandomLeaks.initialized(new Pas(), LEAK_NODES, reference, new Random(11));

        assertPassGivesTheBitsOf(block, pass, expected, reference);
        assertThat(block.column("i")).as("the column of i, asked for after the pass").isEqualTo(expected.column("i"));

        // a parameter set after initialization is used by the next pass; v moved, i followed
        block.setParameter("g", 4, 3e-4);
        expected.setParameter("g", 4, 3e-4);
        block.column("e")[7] = -55;
        expected.column("e")[7] = -55;
        for (int j = 0; j < NODES; j++) {
            pass.v[j] += 1.5;
            reference.v[j] += 1.5;
        }
        assertPassGivesTheBitsOf(block, pass, expected, reference);
        assertThat(block.column("i")).isEqualTo(expected.column("i"));
    }

    /** A caller may keep a live column from before INITIAL and write it during the run: the next pass uses it. */
    @Test
    void aColumnTakenBeforeInitializeAndWrittenLaterIsSeen() {
        CellState pass = state(new Random(5));
        CellState reference = copy(pass);
        MechanismBlock block = new Pas().newBlock(LEAK_NODES);
        double[] g = block.column("g");
        double[] e = block.column("e");
        block.attach(pass);
        block.initialize(pass);
        MechanismBlock expected = new Pas().newBlock(LEAK_NODES);
        expected.attach(reference);
        expected.initialize(reference);

        g[3] = 5e-4;
        e[8] = -42;
        expected.setParameter("g", 3, 5e-4);
        expected.setParameter("e", 8, -42);
        assertPassGivesTheBitsOf(block, pass, expected, reference);
        assertThat(block.column("i")).isEqualTo(expected.column("i"));
    }

    /** Values written once (the builder's way, {@code columnToSet}) after INITIAL are used by the next pass. */
    @Test
    void aValueSetOnceAfterInitializeIsSeen() {
        CellState pass = state(new Random(6));
        CellState reference = copy(pass);
        MechanismBlock block = RandomLeaks.initialized(new Pas(), LEAK_NODES, pass, new Random(12));
        MechanismBlock expected = RandomLeaks.initialized(new Pas(), LEAK_NODES, reference, new Random(12));
        block.columnToSet("g")[2] = 7e-4;
        expected.setParameter("g", 2, 7e-4);
        assertPassGivesTheBitsOf(block, pass, expected, reference);
    }

    /**
     * Nodes from {@link CellState#solvedNodes} on (leaves the solve does not read, after the leak's last node) keep
     * their rhs and d; the nodes before them get the bits of the reset and the current phase.
     */
    @Test
    void theLeavesTheSolveDoesNotReadAreLeftAlone() {
        CellState pass = state(new Random(8));
        CellState reference = copy(pass);
        pass.setSolvedNodes(LEAVES_FROM);
        MechanismBlock block = RandomLeaks.initialized(new Pas(), LEAK_NODES, pass, new Random(13));
        MechanismBlock expected = RandomLeaks.initialized(new Pas(), LEAK_NODES, reference, new Random(13));
        double[] rhsBefore = pass.rhs.clone();
        double[] dBefore = pass.d.clone();

        assertThat(block.currentsFromReset(pass)).isTrue();
        Arrays.fill(reference.rhs, 0);
        Arrays.fill(reference.d, 0);
        expected.currents(reference);
        for (int j = 0; j < NODES; j++) {
            boolean solved = j < LEAVES_FROM;
            assertThat(Double.doubleToRawLongBits(pass.rhs[j])).as("rhs at node %d", j)
                    .isEqualTo(Double.doubleToRawLongBits(solved ? reference.rhs[j] : rhsBefore[j]));
            assertThat(Double.doubleToRawLongBits(pass.d[j])).as("d at node %d", j)
                    .isEqualTo(Double.doubleToRawLongBits(solved ? reference.d[j] : dBefore[j]));
        }
    }

    @Test
    void solvedNodesOutsideTheNodesAreRefused() {
        CellState s = state(new Random(9));
        assertThat(s.solvedNodes()).isEqualTo(NODES);
        assertThatThrownBy(() -> s.setSolvedNodes(NODES + 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("solvedNodes");
        assertThatThrownBy(() -> s.setSolvedNodes(0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("solvedNodes");
    }

    @Test
    void noPassWithANodeTwiceOrWithTrialsInLanes() {
        CellState s = state(new Random(3));
        MechanismBlock twice = new Pas().newBlock(new int[] {1, 2, 2});
        twice.attach(s);
        twice.initialize(s);
        assertThat(twice.currentsFromReset(s)).isFalse();

        CellState lanes = new CellState(new double[NODES], new double[NODES], 0.025, 37, 2);
        MechanismBlock inLanes = new Pas().newBlock(LEAK_NODES, 2);
        inLanes.attach(lanes);
        inLanes.initialize(lanes);
        assertThat(inLanes.currentsFromReset(lanes)).isFalse();
    }

    /**
     * The block's pass over {@code pass} (taken) gives the bits of the reset to 0 followed by {@code expected}'s
     * current phase over {@code reference}.
     */
    private static void assertPassGivesTheBitsOf(MechanismBlock block, CellState pass, MechanismBlock expected,
            CellState reference) {
        assertThat(block.currentsFromReset(pass)).isTrue();
        Arrays.fill(reference.rhs, 0);
        Arrays.fill(reference.d, 0);
        expected.currents(reference);
        assertSame(pass, reference);
    }

    /** Random potentials (some positive, so that 0 * v is -0 and +0), and rhs and d not reset. */
    private static CellState state(Random r) {
        return RandomLeaks.state(NODES, 120, r);
    }

    private static CellState copy(CellState s) {
        CellState c = new CellState(s.areaUm2.clone(), s.areaUm2.clone(), s.dt, s.celsius);
        System.arraycopy(s.v, 0, c.v, 0, NODES);
        System.arraycopy(s.rhs, 0, c.rhs, 0, NODES);
        System.arraycopy(s.d, 0, c.d, 0, NODES);
        return c;
    }

    /** rhs and d compared by their raw bits, so that +0 and -0 differ. */
    private static void assertSame(CellState actual, CellState expected) {
        for (int j = 0; j < NODES; j++) {
            assertThat(Double.doubleToRawLongBits(actual.rhs[j])).as("rhs at node %d", j)
                    .isEqualTo(Double.doubleToRawLongBits(expected.rhs[j]));
            assertThat(Double.doubleToRawLongBits(actual.d[j])).as("d at node %d", j)
                    .isEqualTo(Double.doubleToRawLongBits(expected.d[j]));
        }
    }
}
