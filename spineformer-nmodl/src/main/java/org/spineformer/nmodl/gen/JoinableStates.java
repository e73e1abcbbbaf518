package org.spineformer.nmodl.gen;

import org.spineformer.engine.mech.CellState;

/**
 * A generated block whose state phase is one cnexp SOLVE read from its table of v with lazy outputs (the state
 * phase's loop of {@code StatePhaseEmitter}): what {@link JoinedTableStates} needs to do that phase in one pass with
 * other such blocks on the same nodes. Every method is the block's own code, split where the pass takes over the
 * slot loop; the generator writes them, nothing else implements this.
 */
public interface JoinableStates {
    /** The block's state phase alone ({@code advance} when it is not joined). */
    void advanceAlone(CellState s);

    /**
     * What the state phase does before its loop (the table checked, the lazy outputs marked stale); true when the
     * table is on and the outputs are read lazily, so that the joined pass may step every slot (false: this step,
     * {@link #advanceAlone} must).
     */
    boolean joinedPrepare(CellState s);

    /** The table of v of lane 0 (after {@link #joinedPrepare} returned true). */
    VoltageTable joinedTable();

    /** The states' columns in the table's order: state j's cnexp factor F is function 2j, its target X 2j + 1. */
    double[][] joinedStates();

    /** Where each slot read the table (LazyTableOutputs; -1: computed exactly), or null: no outputs to read. */
    double[] joinedPositions();

    /** Each slot's index in the per-node arrays. */
    int[] joinedNodes();

    /**
     * The slot copies the state phase makes from its node but v's, as pairs: a column, then the per-node array it
     * copies (ion variables from their ion's arrays). Only the exact step reads the copy of v ({@link #joinedExact}
     * makes it): every other phase that reads it sets it first (docs/dev/nmodl.md, "v copied only where read").
     */
    double[][] joinedCopies(CellState s);

    /** The state step of slots {@code slots[0 .. count)} computed exactly (their other copies made), v copied first. */
    void joinedExact(int[] slots, int count, CellState s);
}
