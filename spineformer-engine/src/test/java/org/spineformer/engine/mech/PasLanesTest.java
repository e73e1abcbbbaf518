package org.spineformer.engine.mech;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.spineformer.engine.simd.Simd;

/** The leak's current phase in vector lanes gives the scalar loop's bits, over runs of consecutive nodes and breaks. */
class PasLanesTest {
    @Test
    void lanesGiveTheScalarBits() {
        assertThat(Simd.enabled()).as("the tests run with the Vector API, so the lanes are what is compared").isTrue();
        // runs of 23 and 9 nodes, a gap, and a node twice
        int[] nodes = IntStream.concat(IntStream.concat(IntStream.range(0, 23), IntStream.range(30, 39)),
                IntStream.of(39, 39)).toArray();
        Leak lanes = run(new Pas(true), nodes);
        Leak scalar = run(new Pas(false), nodes);
        assertThat(lanes.state.rhs).isEqualTo(scalar.state.rhs);
        assertThat(lanes.state.d).isEqualTo(scalar.state.d);
        // rhs starts near 1, where a current's last bits would be rounded away: the currents themselves as well
        assertThat(lanes.i).isEqualTo(scalar.i);
    }

    /** The state after one current phase, and the leak's column of i. */
    private record Leak(CellState state, double[] i) {
    }

    private static Leak run(Pas pas, int[] nodes) {
        Random r = new Random(3);
        CellState s = RandomLeaks.state(40, 60, r);
        MechanismBlock leak = RandomLeaks.initialized(pas, nodes, s, r);
        double[] i = leak.column("i");
        leak.currents(s);
        return new Leak(s, i);
    }
}
