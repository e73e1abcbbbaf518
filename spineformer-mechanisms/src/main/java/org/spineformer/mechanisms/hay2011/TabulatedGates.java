package org.spineformer.mechanisms.hay2011;

import org.spineformer.engine.mech.CellState;
import org.spineformer.engine.mech.Mechanism;
import org.spineformer.engine.mech.MechanismBlock;
import org.spineformer.engine.table.CubicTable;
import org.spineformer.engine.table.StepTable;

/**
 * A Hay channel's block whose state phase reads its gates' functions from a table unless tables are switched off
 * (then computed exactly), as its own state phase or {@link HayStates} advances it.
 */
abstract class TabulatedGates extends MechanismBlock {
    /** The gates are columns; the tables depend on dt and celsius, the scratch arrays are the step's. */
    @Override
    public boolean stateInColumns() {
        return true;
    }

    private final StepTable table;
    private boolean useTables = true;

    /** A block with {@code gates} gates, each tabulated as two functions ({@link #tabulate}). */
    TabulatedGates(Mechanism mechanism, int[] nodes, int lanes, int gates) {
        super(mechanism, nodes, lanes);
        // built at the first table(dt), after the subclass's constructor: tabulate may read its fields
        table = new StepTable(2 * gates, this::tabulate);
    }

    /**
     * The tabulated functions at potential v (mV) and time step dt (ms) into {@code out}: per gate its steady state,
     * then its cnexp factor 1 - exp(-dt / tau), the gates in the order of {@link #gate}.
     */
    abstract void tabulate(double v, double dt, double[] out);

    /** Gate g's state column, [instance][lane]. */
    abstract double[] gate(int g);

    /** Its gates at element j ([instance][lane]) advanced at potential v (mV) exactly, as its own state phase. */
    abstract void advanceExactly(int j, double v, double dt);

    /** Its own state phase, all instances and lanes. */
    abstract void advanceAlone(CellState s);

    @Override
    public final void setUseTables(boolean useTables) {
        this.useTables = useTables;
    }

    /** Whether its state phase reads the table ({@code setUseTables}). */
    final boolean usesTables() {
        return useTables;
    }

    /** The table of {@link #tabulate}'s functions at time step dt (ms). */
    final CubicTable table(double dt) {
        return table.at(dt);
    }
}
