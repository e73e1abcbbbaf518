package org.spineformer.nmodl.gen;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** VoltageTable's checks: intervals whose interpolation fails, or that hold a compared constant, are not used. */
class VoltageTableTest {
    @Test
    void aSmoothSteepFunctionIsUsedEverywhereWithinItsBound() {
        // exp(v / 5 mV), the steepest of the Hay channels' rates (CubicTable: 6.4e-11 of the value at the middle of
        // an interval): the check leaves every interval in use
        VoltageTable t = new VoltageTable(1, (v, out) -> out[0] = Math.exp(v / 5), new double[0]);
        assertThat(t.exactIntervals()).isZero();
        for (double v = -119.9; v < 59.9; v += 0.0137) {
            double u = t.position(v);
            double exact = Math.exp(v / 5);
            double y = t.value(t.start(u), 0, u - (int) u);
            assertThat(Math.abs(y - exact)).isLessThanOrEqualTo(VoltageTable.RELATIVE * exact
                    + VoltageTable.OF_SCALE * Math.exp(60.03125 / 5));
        }
    }

    @Test
    void aJumpAndAComparedConstantAreLeftToTheExactFunctions() {
        // a step at -50.3 mV (an IF on v) and a constant the file compares with (v == -38)
        VoltageTable t = new VoltageTable(1, (v, out) -> out[0] = v < -50.3 ? 1 : 2, new double[] {-38});
        assertThat(t.position(-50.3)).isEqualTo(-1);
        assertThat(t.position(-38)).isEqualTo(-1);
        assertThat(t.position(-50.3 + 0.2)).isGreaterThan(0);
        assertThat(t.position(-38 + 0.2)).isGreaterThan(0);
        assertThat(t.position(-38 - 0.2)).isGreaterThan(0);
        assertThat(t.exactIntervals()).isEqualTo(2);
    }

    @Test
    void outsideTheRangeOrNotANumberThereIsNoPosition() {
        VoltageTable t = new VoltageTable(1, (v, out) -> out[0] = v, new double[0]);
        assertThat(t.position(-121)).isEqualTo(-1);
        assertThat(t.position(61)).isEqualTo(-1);
        assertThat(t.position(Double.NaN)).isEqualTo(-1);
        assertThat(t.exactIntervals()).isZero();
    }

    @Test
    void aValueNotFiniteOnTheGridDoesNotLoosenTheCheck() {
        // 1 / (v + 20.03125) is infinite at a grid point: that must not make the allowed error infinite (half a mV
        // from the pole the cubic is far off), and the table is still used away from the pole
        VoltageTable t = new VoltageTable(1, (v, out) -> out[0] = 1 / (v + 20.03125), new double[0]);
        assertThat(t.position(-20.03125)).isEqualTo(-1);
        assertThat(t.position(-20.5)).isEqualTo(-1);
        assertThat(t.position(-30)).isGreaterThan(0);
        assertThat(t.exactIntervals()).isLessThan(t.intervals() / 10);
    }

    @Test
    void aFunctionNotFiniteSomewhereIsNotUsedThere() {
        // 1 / (v + 20) has its pole at -20 mV, not on a grid point: the intervals beside it fail their check
        VoltageTable t = new VoltageTable(1, (v, out) -> out[0] = 1 / (v + 20), new double[0]);
        assertThat(t.position(-20)).isEqualTo(-1);
        assertThat(t.position(-30)).isGreaterThan(0);
    }

    /**
     * The leading functions (a gate's F and X, read at every step) apart from the rest (its outputs, read when read):
     * every value the bits of the table that keeps them together, and the same intervals used.
     */
    @Test
    void theLeadingFunctionsApartGiveTheSameBits() {
        org.spineformer.engine.table.RateTable.Functions f = (v, out) -> {
            out[0] = 1 - Math.exp(-0.025 / (1 + Math.exp(v / 9)));
            out[1] = 1 / (1 + Math.exp(-(v + 40) / 6));
            out[2] = 1 + Math.exp(v / 9);
            out[3] = v < -50.3 ? 1 : 2;
        };
        VoltageTable together = new VoltageTable(4, f, new double[] {-38});
        VoltageTable apart = new VoltageTable(4, 2, f, new double[] {-38});
        assertThat(apart.exactIntervals()).isEqualTo(together.exactIntervals()).isEqualTo(2);
        for (double v = -121; v < 61; v += 0.0137) {
            double u = together.position(v);
            assertThat(apart.position(v)).isEqualTo(u);
            if (u >= 0) {
                double t = u - (int) u;
                int c = together.start(u);
                assertThat(apart.value(apart.start(u), 0, t)).isEqualTo(together.value(c, 0, t));
                assertThat(apart.value(apart.start(u), 1, t)).isEqualTo(together.value(c, 1, t));
                assertThat(apart.restValue(apart.restStart(u), 0, t)).isEqualTo(together.value(c, 2, t));
                assertThat(apart.restValue(apart.restStart(u), 1, t)).isEqualTo(together.value(c, 3, t));
            }
        }
    }

    @Test
    void aSharedTableIsBuiltOncePerOwnerBlockAndInputBits() {
        int[] evaluations = {0};
        org.spineformer.engine.table.RateTable.Functions f = (v, out) -> {
            evaluations[0]++;
            out[0] = Math.exp(v / 7);
        };
        VoltageTable first = VoltageTable.shared(VoltageTableTest.class, "states", new double[] {0.025, 22.5},
                1, f, new double[0]);
        int oneBuild = evaluations[0];
        assertThat(oneBuild).isPositive();
        assertThat(VoltageTable.shared(VoltageTableTest.class, "states", new double[] {0.025, 22.5}, 1, f,
                new double[0])).isSameAs(first);
        assertThat(evaluations[0]).isEqualTo(oneBuild);
        // another input's bits (even -0 for 0), another block, another owner: another table
        assertThat(VoltageTable.shared(VoltageTableTest.class, "states", new double[] {0.025, 22.5000001}, 1, f,
                new double[0])).isNotSameAs(first);
        VoltageTable zero = VoltageTable.shared(VoltageTableTest.class, "states", new double[] {0.025, 0.0}, 1, f,
                new double[0]);
        assertThat(VoltageTable.shared(VoltageTableTest.class, "states", new double[] {0.025, -0.0}, 1, f,
                new double[0])).isNotSameAs(zero);
        assertThat(VoltageTable.shared(VoltageTableTest.class, "rates", new double[] {0.025, 22.5}, 1, f,
                new double[0])).isNotSameAs(first);
        assertThat(VoltageTable.shared(String.class, "states", new double[] {0.025, 22.5}, 1, f, new double[0]))
                .isNotSameAs(first);
        assertThat(evaluations[0]).isEqualTo(6 * oneBuild);
    }

    @Test
    void theSharedTablesAreBoundedByTheirSize() {
        org.spineformer.engine.table.RateTable.Functions f = (v, out) -> out[0] = v;
        VoltageTable first = VoltageTable.shared(VoltageTableTest.class, "bounded", new double[] {0}, 1, f,
                new double[0]);
        long perTable = 4L * first.intervals();
        // enough other tables to fill the bound: the least recently used, the first, is dropped and built anew
        for (int i = 1; i <= VoltageTable.SHARED_COEFFICIENTS / perTable; i++) {
            VoltageTable.shared(VoltageTableTest.class, "bounded", new double[] {i}, 1, f, new double[0]);
        }
        assertThat(VoltageTable.shared(VoltageTableTest.class, "bounded", new double[] {0}, 1, f, new double[0]))
                .isNotSameAs(first);
    }
}
