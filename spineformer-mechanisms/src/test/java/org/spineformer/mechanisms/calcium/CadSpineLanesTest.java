package org.spineformer.mechanisms.calcium;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.spineformer.engine.mech.CellState;
import org.spineformer.engine.mech.MechanismBlock;
import org.spineformer.engine.simd.Simd;

/** The calcium pool's state phase in vector lanes gives the scalar loop's bits, inward and outward currents alike. */
class CadSpineLanesTest {
    private static final int NODES = 40;
    /** A run of 27 nodes, a gap, and a run of 6. */
    private static final int[] POOL_NODES = IntStream.concat(IntStream.range(0, 27), IntStream.range(33, 39)).toArray();

    @Test
    void lanesGiveTheScalarBits() {
        assertThat(Simd.enabled()).as("the tests run with the Vector API, so the lanes are what is compared").isTrue();
        CellState lanes = state();
        CellState scalar = state();
        MechanismBlock lanesBlock = block(new CadSpine(true), lanes);
        MechanismBlock scalarBlock = block(new CadSpine(false), scalar);
        Random random = new Random(11);
        for (int step = 0; step < 30; step++) {
            for (int i = 0; i < NODES; i++) {
                double ica = 1e-3 * random.nextGaussian(); // inward (negative) half the time
                lanes.ion("ca").current()[i] = ica;
                scalar.ion("ca").current()[i] = ica;
            }
            lanesBlock.advance(lanes);
            scalarBlock.advance(scalar);
            assertThat(lanesBlock.column("ca")).isEqualTo(scalarBlock.column("ca"));
            assertThat(lanes.ion("ca").concentration).isEqualTo(scalar.ion("ca").concentration);
        }
        assertThat(Arrays.stream(scalarBlock.column("ca")).max().getAsDouble()).as("calcium came in")
                .isGreaterThan(1e-6);
    }

    private static CellState state() {
        double[] area = new double[NODES];
        Arrays.fill(area, 1.0);
        return new CellState(area, area.clone(), 0.025, 37);
    }

    private static MechanismBlock block(CadSpine pool, CellState s) {
        MechanismBlock block = pool.newBlock(POOL_NODES);
        block.attach(s);
        block.initialize(s);
        return block;
    }
}
