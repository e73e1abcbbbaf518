package org.spineformer.mechanisms.bahl2012;

import org.spineformer.engine.mech.CellState;
import org.spineformer.engine.mech.Mechanism;
import org.spineformer.engine.mech.MechanismBlock;
import org.spineformer.engine.table.RateTable;

/**
 * A block whose rate functions of one (shifted) voltage come from a PROCEDURE with an NMODL {@code TABLE}: by
 * default interpolated in a {@link RateTable}, or evaluated exactly when NEURON's {@code usetable_<suffix>} is 0.
 * The tables depend only on the temperature and the mod file's GLOBAL constants, so one table serves every
 * instance; it is built when the block is attached, when the temperature is known.
 */
abstract class TabulatedBlock extends MechanismBlock {
    /** The gates are columns; the table and tadj depend on celsius, the rates are the last call's. */
    @Override
    public boolean stateInColumns() {
        return true;
    }

    private final double tableMin;
    private final double tableMax;
    private final int tableIntervals;
    /** The rate functions at the argument of the last {@link #rates} call, in the order of {@link #exactRates}. */
    protected final double[] rate;
    private RateTable table;
    private boolean useTables = true;

    TabulatedBlock(Mechanism mechanism, int[] nodes, int lanes, double tableMin, double tableMax,
                   int tableIntervals, int functions) {
        super(mechanism, nodes, lanes);
        this.tableMin = tableMin;
        this.tableMax = tableMax;
        this.tableIntervals = tableIntervals;
        this.rate = new double[functions];
    }

    @Override
    public void attach(CellState s) {
        temperature(s.celsius);
        table = new RateTable(tableMin, tableMax, tableIntervals, rate.length, this::exactRates);
    }

    /** Sets the block's temperature-dependent constants; called before the table is built. None by default. */
    protected void temperature(double celsius) {
    }

    /** The rate functions at x, exactly, into {@code out}. */
    protected abstract void exactRates(double x, double[] out);

    /** The rate functions at x into {@link #rate}: NEURON's table lookup, or the exact functions. */
    protected final void rates(double x) {
        if (useTables) {
            table.interpolate(x, rate);
        } else {
            exactRates(x, rate);
        }
    }

    @Override
    public final void setUseTables(boolean useTables) {
        this.useTables = useTables;
    }
}
