package org.spineformer.nmodl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.spineformer.engine.mech.CellState;
import org.spineformer.engine.mech.MechanismBlock;
import org.spineformer.nmodl.gen.NmodlMechanism;

/**
 * TABLE as NEURON's: values at the grid points, linear interpolation between them, held at the ends, the exact
 * functions with tables off, and the table rebuilt when a DEPEND variable changes. The expected values are the
 * mod file's formulas evaluated here.
 */
class TableTest {
    /** The interpolation's own roundings on values of order 1 (the grid points are exact: dx is 1 and 4). */
    private static final double ROUNDING = 1e-12;

    private CellState s;
    private MechanismBlock block;

    @BeforeEach
    void compile() {
        NmodlMechanism m = NmodlMechanism.compile("table_depend.mod", Resources.text("/mod/features/table_depend.mod"));
        s = new CellState(new double[] {100}, new double[] {100}, 0.025, 6.3);
        block = m.newBlock(new int[] {0});
        block.attach(s);
    }

    private static double rate(double v, double vhalf) {
        return 1 / (1 + Math.exp(-(v - vhalf) / 5));
    }

    private static double gate(double v, double vhalf) {
        return Math.exp(-(v - vhalf) / 20);
    }

    /**
     * One step's phases at v: the tables checked in the current phase, the BREAKPOINT run in the state phase (the
     * file writes no current, so nocmodl runs its BREAKPOINT in nrn_state).
     */
    private double at(String field, double v) {
        s.v[0] = v;
        block.currents(s);
        block.advance(s);
        return block.get(field, 0);
    }

    @Test
    void functionTableInterpolatesBetweenGridPointsAndHoldsItsEnds() {
        block.initialize(s);
        // grid -100, -99, ... 100: -37.3 lies 0.7 of the way from -38 to -37
        assertThat(at("x", -37.3)).isCloseTo(rate(-38, -40) + 0.7 * (rate(-37, -40) - rate(-38, -40)),
                within(ROUNDING));
        assertThat(at("x", -37.3)).isNotCloseTo(rate(-37.3, -40), within(1e-6));
        assertThat(at("x", 12)).isCloseTo(rate(12, -40), within(ROUNDING));
        assertThat(at("x", 150)).isCloseTo(rate(100, -40), within(ROUNDING));
        assertThat(at("x", -150)).isCloseTo(rate(-100, -40), within(ROUNDING));
    }

    @Test
    void procedureTableSetsItsVariables() {
        block.initialize(s);
        // 50 intervals: grid -100, -96, ...; -37.3 lies 0.675 of the way from -40 to -36
        assertThat(at("y", -37.3)).isCloseTo(gate(-40, -40) + 0.675 * (gate(-36, -40) - gate(-40, -40)),
                within(ROUNDING));
    }

    @Test
    void withoutTablesTheFunctionsAreExact() {
        block.setUseTables(false);
        block.initialize(s);
        assertThat(at("x", -37.3)).isEqualTo(rate(-37.3, -40));
        assertThat(at("y", -37.3)).isEqualTo(gate(-37.3, -40));
    }

    @Test
    void aChangedDependencyRebuildsTheTable() {
        block.initialize(s);
        at("x", 0);
        block.setParameter("vhalf", 0, -20);
        assertThat(at("x", -37.3)).isCloseTo(rate(-38, -20) + 0.7 * (rate(-37, -20) - rate(-38, -20)),
                within(ROUNDING));
        assertThat(at("y", -37.3)).isCloseTo(gate(-40, -20) + 0.675 * (gate(-36, -20) - gate(-40, -20)),
                within(ROUNDING));
    }
}
