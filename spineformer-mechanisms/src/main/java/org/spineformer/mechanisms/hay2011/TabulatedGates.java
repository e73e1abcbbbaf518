package org.spineformer.mechanisms.hay2011;

import org.spineformer.engine.mech.CellState;
import org.spineformer.engine.table.CubicTable;

/** A Hay channel's block as {@link HayStates} advances it: its gates, read from its table or computed exactly. */
interface TabulatedGates {
    /**
     * The table of its gates' functions at time step dt (ms): per gate its steady state, then its cnexp factor, the
     * gates in the order of {@link #gate}.
     */
    CubicTable table(double dt);

    /** Whether its state phase reads the table ({@code setUseTables}). */
    boolean usesTables();

    /** Gate g's state column, [instance][lane]. */
    double[] gate(int g);

    /** Its gates at element j ([instance][lane]) advanced at potential v (mV) exactly, as its own state phase. */
    void advanceExactly(int j, double v, double dt);

    /** Its own state phase, all instances and lanes. */
    void advanceAlone(CellState s);
}
