package org.spineformer.mechanisms.hay2011;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.spineformer.engine.mech.CellState;
import org.spineformer.engine.mech.FieldRole;
import org.spineformer.engine.mech.FieldSpec;
import org.spineformer.engine.mech.MechanismBlock;
import org.spineformer.engine.mech.Pas;
import org.spineformer.engine.simd.Simd;

/**
 * NaTa_t's block taking over SKv3_1's and Im's state phases ({@link HayStates}, one pass over their shared nodes):
 * every state of every instance and trial gets the bits of the three blocks' own state phases, at potentials
 * inside the tables, at NaTa_t's nudged -38 and -66 mV and outside the tables, with tables on and off; and the
 * pass joins only blocks on the same nodes with the same trials.
 */
class HayStatesTest {
    /** Every 0.05 mV from -130 to 70 mV: both ends beyond the tables' -120 to 60 mV, -38 and -66 included. */
    private static final double[] POTENTIALS = IntStream.rangeClosed(-2600, 1400).mapToDouble(i -> i * 0.05)
            .toArray();

    @ParameterizedTest(name = "{0} lanes, tables {1}")
    @CsvSource({"1, true", "3, true", "8, true", "1, false", "8, false"})
    void onePassGivesEachBlocksOwnBits(int lanes, boolean tables) {
        assertThat(Simd.enabled()).as("the tests run with the Vector API").isTrue();
        assertThat(POTENTIALS).contains(-38, -66, -130, 70);
        int size = (POTENTIALS.length + lanes - 1) / lanes;
        int[] nodes = IntStream.range(0, size).map(k -> size - 1 - k).toArray();
        CellState s = new CellState(new double[size], new double[size], 0.025, 37, lanes);
        List<MechanismBlock> own = blocks(nodes, lanes, tables);
        List<MechanismBlock> joint = blocks(nodes, lanes, tables);
        Arrays.fill(s.v, -70);
        own.forEach(b -> b.initialize(s));
        joint.forEach(b -> b.initialize(s));
        assertThat(joint.get(0).joinStatePhases(List.of(new Pas().newBlock(nodes, lanes), joint.get(1),
                joint.get(2)))).as("SKv3_1 and Im taken").containsExactly(joint.get(1), joint.get(2));
        for (int step = 0; step < 40; step++) {
            // every potential in every lane position over the steps
            for (int j = 0; j < s.v.length; j++) {
                s.v[j] = POTENTIALS[(j + 97 * step) % POTENTIALS.length];
            }
            own.forEach(b -> b.advance(s));
            joint.get(0).advance(s);
        }
        for (int b = 0; b < own.size(); b++) {
            for (FieldSpec field : own.get(b).mechanism().fields()) {
                if (field.role() == FieldRole.STATE) {
                    double[] expected = own.get(b).column(field.name());
                    double[] actual = joint.get(b).column(field.name());
                    for (int j = 0; j < expected.length; j++) {
                        assertThat(actual[j]).as("%s %s at element %d", own.get(b).mechanism().name(), field.name(),
                                j).isEqualTo(expected[j]);
                    }
                }
            }
        }
    }

    @Test
    void joinsOnlyTheSameInstancesWithTheVectorKernels() {
        int[] nodes = {0, 1, 2, 3};
        MechanismBlock sk = new SKv31(true).newBlock(nodes, 8);
        MechanismBlock im = new Im(true).newBlock(nodes, 8);
        assertThat(new NaTaT(true).newBlock(new int[] {0, 1, 2, 4}, 8).joinStatePhases(List.of(sk, im)))
                .as("other nodes").isEmpty();
        assertThat(new NaTaT(true).newBlock(nodes, 3).joinStatePhases(List.of(sk, im))).as("other lanes")
                .isEmpty();
        assertThat(new NaTaT(true).newBlock(nodes, 8).joinStatePhases(List.of(sk))).as("no Im").isEmpty();
        assertThat(new NaTaT(false).newBlock(nodes, 8).joinStatePhases(List.of(sk, im))).as("scalar kernels")
                .isEmpty();
        assertThat(new NaTaT(true).newBlock(nodes, 8).joinStatePhases(List.of(im, sk))).containsExactly(sk, im);
        MechanismBlock na = new NaTaT(true).newBlock(nodes, 8);
        assertThat(new Im(true).newBlock(nodes, 8).joinStatePhases(List.of(na, sk)))
                .as("Im first, as NEURON's type order has the paper's files").containsExactly(na, sk);
    }

    /** NaTa_t, SKv3_1 and Im on the same nodes, each instance's conductance irrelevant to the states. */
    private static List<MechanismBlock> blocks(int[] nodes, int lanes, boolean tables) {
        List<MechanismBlock> blocks = List.of(new NaTaT(true).newBlock(nodes, lanes),
                new SKv31(true).newBlock(nodes, lanes), new Im(true).newBlock(nodes, lanes));
        blocks.forEach(b -> b.setUseTables(tables));
        return blocks;
    }
}
