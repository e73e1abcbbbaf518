package org.spineformer.engine.table;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** Cubic Hermite tables: their error on functions like the channels' rates, their range and their grid. */
class CubicTableTest {
    /**
     * Hermite interpolation errs by at most h^4 / 384 max|f''''| (h the grid step, 1/16 mV): for exp(x / k) with k
     * = 5 mV, the steepest scale in the Hay channels (Im's steady state far below rest goes as exp(0.2 (v + 35))),
     * that is 6.4e-11 of the function's value. Bound with room for the derivative estimate and the rounding of the
     * polynomial: 1e-10 relative.
     */
    private static final double EXP_5MV_RELATIVE = 1e-10;
    /** A cubic is interpolated exactly, to rounding of values of order 1e3. */
    private static final double CUBIC_ROUNDING = 1e-9;

    @Test
    void interpolatesAnExponentialOfThe5MvScaleWithinTheHermiteBound() {
        CubicTable table = new CubicTable(-120, 60, 2, (x, out) -> {
            out[0] = Math.exp(x / 5 - 5);
            out[1] = Math.exp(-x / 5 - 5);
        });
        double[] out = new double[2];
        double worst = 0;
        for (double x = -120; x < 60; x += 0.0013) {
            assertThat(table.interpolate(x, out)).as("%s mV is in the table", x).isTrue();
            worst = Math.max(worst, Math.abs(out[0] / Math.exp(x / 5 - 5) - 1));
            worst = Math.max(worst, Math.abs(out[1] / Math.exp(-x / 5 - 5) - 1));
        }
        assertThat(worst).isLessThan(EXP_5MV_RELATIVE).isGreaterThan(0);
    }

    @Test
    void interpolatesACubicExactly() {
        CubicTable table = new CubicTable(-10, 10, 1, (x, out) -> out[0] = x * x * x - 2 * x + 1);
        double[] out = new double[1];
        for (double x = -10; x < 10; x += 0.0137) {
            table.interpolate(x, out);
            assertThat(out[0]).isCloseTo(x * x * x - 2 * x + 1, within(CUBIC_ROUNDING));
        }
    }

    @Test
    void nothingOutsideTheRangeOrForNaN() {
        CubicTable table = new CubicTable(-120, 60, 1, (x, out) -> out[0] = x);
        double[] out = {42};
        assertThat(table.interpolate(-120.1, out)).isFalse();
        assertThat(table.interpolate(61, out)).isFalse();
        assertThat(table.interpolate(Double.NaN, out)).isFalse();
        assertThat(out[0]).as("left untouched").isEqualTo(42);
        assertThat(table.position(Double.NaN)).isEqualTo(-1);
        assertThat(table.interpolate(-120, out)).as("the range's ends are in").isTrue();
        assertThat(table.interpolate(60, out)).isTrue();
    }

    /** No grid point on a whole or half millivolt, where rates like x / (1 - exp(-x / k)) are 0/0. */
    @Test
    void gridPointsAvoidWholeAndHalfMillivolts() {
        CubicTable table = new CubicTable(-120, 60, 1, (x, out) -> {
            assertThat(x * 2).as("grid point %s mV", x).isNotEqualTo(Math.rint(x * 2));
            out[0] = x;
        });
        double[] out = new double[1];
        assertThat(table.interpolate(-38, out)).isTrue();
    }

    /** A table of some of another's functions: the same values, bit for bit, at every interval. */
    @Test
    void someFunctionsApartGiveTheSameBits() {
        CubicTable all = new CubicTable(-120, 60, 5, (x, out) -> {
            for (int f = 0; f < 5; f++) {
                out[f] = Math.exp((f + 1) * x / 37) / (1 + x * x);
            }
        });
        CubicTable first = all.functions(0, 2);
        CubicTable rest = all.functions(2, 5);
        assertThat(rest.intervals()).isEqualTo(all.intervals());
        for (double x = -120; x < 60; x += 0.0371) {
            double u = all.position(x);
            assertThat(first.position(x)).isEqualTo(u);
            double t = u - (int) u;
            for (int f = 0; f < 5; f++) {
                double apart = f < 2 ? first.value(first.start(u), f, t) : rest.value(rest.start(u), f - 2, t);
                assertThat(apart).as("function %d at %s mV", f, x).isEqualTo(all.value(all.start(u), f, t));
            }
        }
        assertThatThrownBy(() -> all.functions(3, 6)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("functions 3 to 6 of a table of 5");
        assertThatThrownBy(() -> all.functions(2, 2)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void rejectsAnEmptyRange() {
        assertThatThrownBy(() -> new CubicTable(5, 5, 1, (x, out) -> out[0] = x))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("min < max");
    }
}
