package org.spineformer.mechanisms.hay2011;

import java.util.List;
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
    private final boolean simd;
    /** With the other two Hay channels on the same nodes, led by this block: the three state phases in one pass. */
    private HayStates joined;

    /**
     * A block with {@code gates} gates, each tabulated as two functions ({@link #tabulate}); {@code simd}: with the
     * vector kernels.
     */
    TabulatedGates(Mechanism mechanism, int[] nodes, int lanes, int gates, boolean simd) {
        super(mechanism, nodes, lanes);
        this.simd = simd;
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

    /** The first of the three Hay channels in the type order (Im in the paper's) leads their joint pass. */
    @Override
    public final List<MechanismBlock> joinStatePhases(List<MechanismBlock> following) {
        joined = HayStates.join(this, following, simd);
        return joined == null ? List.of() : joined.taken();
    }

    @Override
    public final void advance(CellState s) {
        if (joined != null) {
            joined.advance(s);
        } else {
            advanceAlone(s);
        }
    }

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
