package org.spineformer.engine.table;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.stream.DoubleStream;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** NEURON's TABLE semantics: values at the accumulated grid, linear in between, end values held outside. */
class RateTableTest {
    private static final double MIN = -2;
    private static final double MAX = 3;
    private static final int INTERVALS = 7;
    private static final double DX = (MAX - MIN) / INTERVALS;
    /** Interpolation error allowed at a grid point: the index arithmetic may leave a theta of a few ulps. */
    private static final double ROUNDING = 1e-13;

    private static void functions(double x, double[] out) {
        out[0] = x * x * x;
        out[1] = Math.sin(x);
    }

    private final RateTable table = new RateTable(MIN, MAX, INTERVALS, 2, RateTableTest::functions);

    /** The i-th grid point as NEURON builds it, by adding dx i times to min. */
    private static double gridPoint(int i) {
        double x = MIN;
        for (int k = 0; k < i; k++) {
            x += DX;
        }
        return x;
    }

    private static double[] exact(double x) {
        double[] out = new double[2];
        functions(x, out);
        return out;
    }

    @Test
    void givesTheFunctionsAtTheGridPoints() {
        double[] out = new double[2];
        for (int i = 0; i <= INTERVALS; i++) {
            double x = gridPoint(i);
            table.interpolate(x, out);
            assertThat(out[0]).as("x^3 at point %d", i).isCloseTo(exact(x)[0], within(ROUNDING));
            assertThat(out[1]).as("sin at point %d", i).isCloseTo(exact(x)[1], within(ROUNDING));
        }
    }

    @Test
    void interpolatesLinearlyBetweenPoints() {
        double[] out = new double[2];
        for (int i = 0; i < INTERVALS; i++) {
            double lo = gridPoint(i), hi = gridPoint(i + 1);
            double x = lo + 0.3 * DX;
            table.interpolate(x, out);
            for (int f = 0; f < 2; f++) {
                double expected = exact(lo)[f] + 0.3 * (exact(hi)[f] - exact(lo)[f]);
                assertThat(out[f]).as("function %d in interval %d", f, i).isCloseTo(expected, within(ROUNDING));
            }
        }
    }

    @Test
    void holdsTheEndValuesOutsideTheRange() {
        double[] out = new double[2];
        table.interpolate(MIN - 50, out);
        assertThat(out).containsExactly(exact(MIN));
        double last = gridPoint(INTERVALS);
        for (double x : new double[] {MAX, MAX + 1e-9, MAX + 50, Double.POSITIVE_INFINITY}) {
            table.interpolate(x, out);
            assertThat(out).as("at %s", x).containsExactly(exact(last));
        }
    }

    @Test
    void singleFunctionLookupAgreesWithTheVectorLookup() {
        RateTable one = new RateTable(MIN, MAX, INTERVALS, 1, (x, out) -> out[0] = Math.exp(x));
        double[] out = new double[1];
        for (double x = MIN - 1; x <= MAX + 1; x += 0.0371) {
            one.interpolate(x, out);
            assertThat(one.interpolate(x)).as("at %s", x).isEqualTo(out[0]);
        }
    }

    @Test
    void twoLookupsAtAnOffsetGiveEachLookupsBits() {
        RateTable one = new RateTable(MIN, MAX, INTERVALS, 1, (x, out) -> out[0] = Math.exp(x));
        double offset = DX / 50;
        // every interval's inside and its ends (where x and x + offset fall in different intervals), both ends of
        // the range and beyond, and NaN
        double[] v = DoubleStream.concat(DoubleStream.concat(
                DoubleStream.iterate(MIN - 1, x -> x <= MAX + 1, x -> x + DX / 13),
                IntStream.rangeClosed(0, INTERVALS).mapToDouble(i -> gridPoint(i) - offset / 2)),
                DoubleStream.of(Double.NaN)).toArray();
        int[] node = IntStream.range(0, v.length).map(k -> v.length - 1 - k).toArray();
        double[] at = new double[v.length];
        double[] above = new double[v.length];
        one.interpolateTwice(v, node, offset, at, above);
        for (int k = 0; k < v.length; k++) {
            double x = v[node[k]];
            assertThat(Double.doubleToLongBits(at[k])).as("at %s", x)
                    .isEqualTo(Double.doubleToLongBits(one.interpolate(x)));
            assertThat(Double.doubleToLongBits(above[k])).as("above %s", x)
                    .isEqualTo(Double.doubleToLongBits(one.interpolate(x + offset)));
        }
        assertThatThrownBy(() -> table.interpolateTwice(v, node, offset, at, above))
                .isInstanceOf(IllegalStateException.class);
    }

    /** The km exptable grid: its last point is built at 24.99999999999862, not 25 (README, TABLE section). */
    @Test
    void buildsTheGridByAccumulationAsNeuronDoes() {
        RateTable identity = new RateTable(-25, 25, 10000, 1, (x, out) -> out[0] = x);
        assertThat(identity.interpolate(100)).isEqualTo(24.99999999999862);
        assertThat(identity.interpolate(-100)).isEqualTo(-25);
    }

    @Test
    void rejectsAnEmptyRange() {
        assertThatThrownBy(() -> new RateTable(1, 1, 10, 1, (x, out) -> out[0] = x))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RateTable(0, 1, 0, 1, (x, out) -> out[0] = x))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
