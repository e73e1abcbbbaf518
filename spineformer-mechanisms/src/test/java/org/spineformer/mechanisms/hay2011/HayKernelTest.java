package org.spineformer.mechanisms.hay2011;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import java.util.Map;
import java.util.TreeMap;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.spineformer.engine.mech.CellState;
import org.spineformer.engine.mech.FieldRole;
import org.spineformer.engine.mech.FieldSpec;
import org.spineformer.engine.mech.Mechanism;
import org.spineformer.engine.mech.MechanismBlock;

/**
 * The three state kernels of each Hay channel: the rate tables (the default), the exact scalar one (what runs
 * without jdk.incubator.vector, or with -Dspineformer.simd=false) and the exact vector one, each against NEURON with
 * many instances per block, and against each other at every potential, the two where NaTa_t's rate functions are
 * 0/0 included.
 */
class HayKernelTest {
    /**
     * The tables' error in a state after 40 steps, relative to the state: {@code CubicTableTest} bounds the
     * interpolation at 1e-10 of the function (for the steepest scale, 5 mV), and a state that has relaxed to its
     * steady state carries that error.
     */
    private static final double TABLE_RELATIVE = 1e-10;

    static Stream<Arguments> kernels() {
        return Stream.of("NaTa_t", "SKv3_1", "Im").flatMap(name -> Stream.of(
                Arguments.of(name, false, true), Arguments.of(name, false, false), Arguments.of(name, true, false)));
    }

    @ParameterizedTest(name = "{0}, vector kernel {1}, tables {2}")
    @MethodSource("kernels")
    void matchesNeuron(String name, boolean lanes, boolean tables) {
        VoltageReplay.assertMatchesNeuron(channel(name, lanes), tables, HayChannelReferenceTest.TOLERANCE);
    }

    /**
     * Every 0.01 mV from -130 to 70 mV (beyond the tables' range at both ends) for 40 steps: the tables give the
     * exact kernel's states within their interpolation error.
     */
    @ParameterizedTest
    @ValueSource(strings = {"NaTa_t", "SKv3_1", "Im"})
    void tablesGiveTheExactStates(String name) {
        double[] potentials = IntStream.rangeClosed(-13000, 7000).mapToDouble(i -> i * 0.01).toArray();
        Map<String, double[]> exact = statesAfter40Steps(channel(name, false), false, potentials);
        Map<String, double[]> tabulated = statesAfter40Steps(channel(name, false), true, potentials);
        double worst = 0;
        for (Map.Entry<String, double[]> state : exact.entrySet()) {
            double[] expected = state.getValue();
            double[] actual = tabulated.get(state.getKey());
            for (int k = 0; k < potentials.length; k++) {
                assertThat(actual[k]).as("%s %s at %s mV", name, state.getKey(), potentials[k]).isFinite()
                        .isCloseTo(expected[k], offset(TABLE_RELATIVE * Math.abs(expected[k])));
                worst = Math.max(worst, Math.abs(actual[k] / expected[k] - 1));
            }
        }
        System.out.printf("%s: tables' worst relative error in a state after 40 steps %.3g%n", name, worst);
        assertThat(worst).as("the tables are in use").isGreaterThan(0);
    }

    /**
     * Every 0.25 mV from -120 to 60 mV for 40 steps: the vector kernel gives the scalar kernel's states bit for bit
     * (the same operations, and one exponential: VectorMath's lanes are StrictExp's bits).
     */
    @ParameterizedTest
    @ValueSource(strings = {"NaTa_t", "SKv3_1", "Im"})
    void vectorKernelGivesTheScalarKernelsBits(String name) {
        double[] potentials = IntStream.rangeClosed(-480, 240).mapToDouble(i -> i * 0.25).toArray();
        assertThat(potentials).contains(-38, -66);
        CellState s = new CellState(new double[potentials.length], new double[potentials.length], 0.025, 37);
        System.arraycopy(potentials, 0, s.v, 0, potentials.length);
        int[] nodes = IntStream.range(0, potentials.length).toArray();
        MechanismBlock scalar = channel(name, false).newBlock(nodes);
        MechanismBlock vector = channel(name, true).newBlock(nodes);
        scalar.setUseTables(false);
        vector.setUseTables(false);
        scalar.initialize(s);
        vector.initialize(s);
        for (int step = 0; step < 40; step++) {
            scalar.advance(s);
            vector.advance(s);
        }
        for (FieldSpec field : scalar.mechanism().fields()) {
            if (field.role() == FieldRole.STATE) {
                double[] expected = scalar.column(field.name());
                double[] actual = vector.column(field.name());
                for (int k = 0; k < potentials.length; k++) {
                    assertThat(actual[k]).as("%s %s at %s mV", name, field.name(), potentials[k])
                            .isFinite().isEqualTo(expected[k]);
                }
            }
        }
    }

    /** Each state's values after 40 steps at fixed potentials, one instance per potential. */
    private static Map<String, double[]> statesAfter40Steps(Mechanism channel, boolean tables, double[] potentials) {
        CellState s = new CellState(new double[potentials.length], new double[potentials.length], 0.025, 37);
        System.arraycopy(potentials, 0, s.v, 0, potentials.length);
        MechanismBlock block = channel.newBlock(IntStream.range(0, potentials.length).toArray());
        block.setUseTables(tables);
        block.initialize(s);
        for (int step = 0; step < 40; step++) {
            block.advance(s);
        }
        Map<String, double[]> states = new TreeMap<>();
        for (FieldSpec field : channel.fields()) {
            if (field.role() == FieldRole.STATE) {
                states.put(field.name(), block.column(field.name()).clone());
            }
        }
        return states;
    }

    /** The channel with the vector kernel ({@code lanes}) or the scalar one only. */
    private static Mechanism channel(String name, boolean lanes) {
        if (lanes) {
            assertThat(ModuleLayer.boot().findModule("jdk.incubator.vector"))
                    .as("the vector kernels need --add-modules jdk.incubator.vector (the build passes it)").isPresent();
        }
        return switch (name) {
            case "NaTa_t" -> new NaTaT(lanes);
            case "SKv3_1" -> new SKv31(lanes);
            case "Im" -> new Im(lanes);
            default -> throw new IllegalArgumentException(name);
        };
    }
}
