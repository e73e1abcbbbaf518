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
        CellState lanes = run(new Pas(true), nodes);
        CellState scalar = run(new Pas(false), nodes);
        assertThat(lanes.rhs).isEqualTo(scalar.rhs);
        assertThat(lanes.d).isEqualTo(scalar.d);
    }

    private static CellState run(Pas pas, int[] nodes) {
        Random r = new Random(3);
        CellState s = RandomLeaks.state(40, 60, r);
        RandomLeaks.initialized(pas, nodes, s, r).currents(s);
        return s;
    }
}
