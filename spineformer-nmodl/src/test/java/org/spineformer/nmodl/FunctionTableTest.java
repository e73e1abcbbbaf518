package org.spineformer.nmodl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.spineformer.engine.mech.CellState;
import org.spineformer.engine.mech.MechanismBlock;
import org.spineformer.engine.record.Recorder;
import org.spineformer.engine.reference.ReferenceRun;
import org.spineformer.nmodl.gen.FunctionTable;
import org.spineformer.nmodl.gen.NmodlMechanism;

/**
 * FUNCTION_TABLE: functions of one argument whose values the model gives (NEURON's hoc table_NAME_SUFFIX), looked
 * up as NEURON 8.2.2's hoc_func_table (src/oc/functabl.cpp).
 */
class FunctionTableTest {
    private static NmodlMechanism ftgate() {
        return NmodlMechanism.compile("ftgate.mod", Resources.text("/mod/tables/ftgate.mod"));
    }

    /**
     * The project's mod/tables/NAME.mod, given the run's FUNCTION_TABLE values, against NEURON's recording of it
     * (reference/tables/NAME/RUN), every column.
     */
    private static void assertMatchesNeuron(String name, String runName) {
        ReferenceRun ref = ReferenceRun.load("/reference/tables/" + name + "/" + runName);
        NmodlMechanism compiled = NmodlMechanism.compile(name + ".mod", Resources.text("/mod/tables/" + name + ".mod"));
        ref.settings().get("function_tables").fields().forEachRemaining(e -> compiled.setFunctionTable(e.getKey(),
                table(e.getValue().asText())));
        Recorder rec = SingleMechanismRun.run(ref, compiled);
        SingleMechanismRun.assertEveryColumn(name + " " + runName, ref, rec);
    }

    /**
     * The project's mod/tables/ftgate.mod (taum in a cnexp equation and a PROCEDURE, scale in BREAKPOINT) against
     * NEURON running it with the same tables (reference/tables/ftgate, recorded by kinetic/record.py with its
     * TABLES argument: taum as two Vectors, -80 mV below the first argument and -20 mV on one; scale on an even
     * grid), three voltage-clamp steps and a current clamp, every column.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("org.spineformer.nmodl.SingleMechanismRun#runs")
    void matchesNeuron(String runName) {
        assertMatchesNeuron("ftgate", runName);
    }

    /**
     * The project's mod/tables/ft2.mod (FUNCTION_TABLEs of two arguments: inf2 at listed arguments, tau2 on even
     * grids, its second argument moving with v) against NEURON running it with the same tables (reference/tables/ft2,
     * record.py's TABLES argument in its 2d form), every column.
     */
    @ParameterizedTest(name = "ft2 {0}")
    @MethodSource("org.spineformer.nmodl.SingleMechanismRun#runs")
    void twoArgumentsMatchNeuron(String runName) {
        assertMatchesNeuron("ft2", runName);
    }

    /** functabl.cpp's look-up of two arguments, values worked out by hand: values[jx * ny + jy]. */
    @Test
    void lookUpOfTwoArgumentsAsNeuron() {
        FunctionTable t = FunctionTable.of(new double[] {1, 2, 3, 11, 12, 13}, FunctionTable.Axis.points(0, 10),
                FunctionTable.Axis.grid(3, 0, 2));
        // in both; x held at its first point (y on a point); both held at their last; x on its last, y between
        assertThat(List.of(t.value(5, 0.5), t.value(-1, 1), t.value(20, 5), t.value(10, 1.5)))
                .containsExactly(6.5, 2.0, 13.0, 12.5);
        assertThat(FunctionTable.constant(7).value(1, 2)).isEqualTo(7.0);
    }

    /**
     * The project's mod/tables/ft3.mod (a FUNCTION_TABLE of three arguments, the second moving with v) against
     * NEURON running it with the same table (reference/tables/ft3, record.py's TABLES argument in its nd form): of
     * three arguments NEURON takes the value at the point at or below each, so minf is a staircase of v.
     */
    @ParameterizedTest(name = "ft3 {0}")
    @MethodSource("org.spineformer.nmodl.SingleMechanismRun#runs")
    void threeArgumentsMatchNeuron(String runName) {
        assertMatchesNeuron("ft3", runName);
    }

    /**
     * functabl.cpp's look-up of three arguments, values worked out by hand: the point at or below each argument
     * (held at the ends), values[(jx * ny + jy) * nz + jz], no interpolation; a constant table of three.
     */
    @Test
    void lookUpOfThreeArgumentsAsNeuron() {
        double[] values = new double[2 * 3 * 2];
        for (int i = 0; i < values.length; i++) {
            values[i] = 100 + i;
        }
        NmodlMechanism m = NmodlMechanism.compile("f3.mod", "NEURON { SUFFIX f3 RANGE a, b, c, y }\n"
                + "PARAMETER { a b c }\nASSIGNED { y }\nFUNCTION_TABLE g(x, u, w)\nBREAKPOINT { y = g(a, b, c) }\n");
        m.setFunctionTable("g", FunctionTable.of(values, FunctionTable.Axis.points(0, 10),
                FunctionTable.Axis.grid(3, 0, 2), FunctionTable.Axis.points(-1, 1)));
        // (0, 1, 0) inside every axis; (1, 2, 1) x between, y on its last, z above; all held at their first
        assertThat(List.of(g(m, 5, 1.5, 0), g(m, 10, 2, 5), g(m, -3, -3, -3))).containsExactly(102.0, 111.0,
                100.0);
        m.setFunctionTable("g", FunctionTable.constant(7));
        assertThat(g(m, 5, 1.5, 0)).isEqualTo(7.0);
    }

    /** The compiled f3.mod's y = g(a, b, c) at one instance, after one current phase. */
    private static double g(NmodlMechanism m, double a, double b, double c) {
        org.spineformer.engine.mech.CellState s = new org.spineformer.engine.mech.CellState(new double[] {100},
                new double[] {100}, 0.025, 6.3);
        org.spineformer.engine.mech.MechanismBlock block = m.newBlock(new int[] {0});
        block.attach(s);
        block.initialize(s);
        block.setParameter("a", 0, a);
        block.setParameter("b", 0, b);
        block.setParameter("c", 0, c);
        block.advance(s);
        return block.get("y", 0);
    }

    /** A table of the wrong number of arguments, or of values for the points, refused with its numbers. */
    @Test
    void badTablesOfTwoArgumentsAreRefused() {
        NmodlMechanism compiled = NmodlMechanism.compile("ft2.mod", Resources.text("/mod/tables/ft2.mod"));
        assertThatThrownBy(() -> compiled.setFunctionTable("tau2", FunctionTable.grid(new double[] {1, 2}, 0, 1)))
                .hasMessage("ft2.mod: FUNCTION_TABLE tau2 of ft2 takes 2 arguments, the table given 1");
        assertThatThrownBy(() -> FunctionTable.of(new double[] {1, 2, 3}, FunctionTable.Axis.points(0, 1),
                FunctionTable.Axis.grid(2, 0, 1)))
                .hasMessage("FUNCTION_TABLE of two arguments: 3 values for 2 x 2 points");
    }

    /**
     * record.py's TABLES form: Y1:Y2:...@X1:X2:..., Y1:Y2:...@grid:MIN:MAX, Y1:...@2d:AXIS_X/AXIS_Y, or
     * Y1:...@nd:AXIS/AXIS/AXIS...
     */
    private static FunctionTable table(String spec) {
        String[] parts = spec.split("@");
        double[] ys = numbers(parts[0]);
        if (parts[1].startsWith("2d:") || parts[1].startsWith("nd:")) {
            String[] axes = parts[1].substring("2d:".length()).split("/");
            return FunctionTable.of(ys, java.util.Arrays.stream(axes).map(FunctionTableTest::axis)
                    .toArray(FunctionTable.Axis[]::new));
        }
        if (parts[1].startsWith("grid:")) {
            double[] range = numbers(parts[1].substring("grid:".length()));
            return FunctionTable.grid(ys, range[0], range[1]);
        }
        return FunctionTable.of(ys, numbers(parts[1]));
    }

    private static FunctionTable.Axis axis(String spec) {
        if (spec.startsWith("grid:")) {
            double[] g = numbers(spec.substring("grid:".length()));
            return FunctionTable.Axis.grid((int) g[0], g[1], g[2]);
        }
        return FunctionTable.Axis.points(numbers(spec));
    }

    private static double[] numbers(String colonSeparated) {
        return Arrays.stream(colonSeparated.split(":")).mapToDouble(Double::parseDouble).toArray();
    }

    /** functabl.cpp's look-up, values worked out by hand. */
    @Test
    void lookUpAsNeuron() {
        FunctionTable at = FunctionTable.of(new double[] {10, 20, 40}, new double[] {-10, 0, 20});
        assertThat(List.of(at.value(-30), at.value(-10), at.value(-5), at.value(0), at.value(15), at.value(20),
                at.value(99))).containsExactly(10.0, 10.0, 15.0, 20.0, 35.0, 40.0, 40.0);
        // NaN: below no argument and above none, the bisection ends at the first, frac NaN is not > 0
        assertThat(at.value(Double.NaN)).isEqualTo(10.0);
        FunctionTable grid = FunctionTable.grid(new double[] {1, 3, 2}, 0, 10);
        assertThat(List.of(grid.value(-1), grid.value(2.5), grid.value(5), grid.value(7.5), grid.value(11)))
                .containsExactly(1.0, 2.0, 3.0, 2.5, 2.0);
        FunctionTable c = FunctionTable.constant(4.5);
        assertThat(List.of(c.value(-1e30), c.value(0), c.value(1e30))).containsExactly(4.5, 4.5, 4.5);
    }

    /** Given arrays are copied: changing them afterwards changes nothing. */
    @Test
    void arraysAreCopied() {
        double[] ys = {1, 2};
        double[] xs = {0, 1};
        FunctionTable t = FunctionTable.of(ys, xs);
        ys[1] = 100;
        xs[1] = 100;
        assertThat(t.value(0.5)).isEqualTo(1.5);
    }

    @Test
    void badTablesAreRefusedWithTheirNumbers() {
        assertThatThrownBy(() -> FunctionTable.of(new double[] {1, 2}, new double[] {0}))
                .hasMessage("FUNCTION_TABLE values and arguments must be as many, and at least one: 2 values,"
                        + " 1 arguments");
        assertThatThrownBy(() -> FunctionTable.grid(new double[] {1, 2}, 5, 0))
                .hasMessage("FUNCTION_TABLE grid: at least one value and min <= max, got 2 values from 5.0 to 0.0");
    }

    /** NEURON stops at the first call of a table never given ("table not specified in hoc_func_table"). */
    @Test
    void aTableWithoutValuesStopsTheRunNamingIt() {
        NmodlMechanism m = ftgate();
        m.setFunctionTable("taum", FunctionTable.constant(1));
        MechanismBlock block = m.newBlock(new int[] {0});
        CellState s = new CellState(new double[] {100}, new double[] {100}, 0.025, 37);
        block.attach(s);
        block.initialize(s);
        assertThatThrownBy(() -> block.currents(s)).isInstanceOf(IllegalStateException.class)
                .hasMessage("ftgate.mod: FUNCTION_TABLE scale of ftgate has no values: give them with"
                        + " NmodlMechanism.setFunctionTable(\"scale\", ...) (NEURON's table_scale_ftgate) before the"
                        + " model runs");
        assertThatThrownBy(() -> m.setFunctionTable("tau", FunctionTable.constant(1)))
                .hasMessage("ftgate.mod: ftgate has no FUNCTION_TABLE tau (its FUNCTION_TABLEs: taum, scale)");
    }
}
