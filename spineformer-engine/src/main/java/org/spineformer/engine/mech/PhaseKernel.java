package org.spineformer.engine.mech;

/**
 * What the step calls in its current and state phases: a block ({@link MechanismBlock}), or one kernel doing the
 * phases of several one-instance blocks in a row ({@link MechanismBlock#oneInstanceKernel}), which saves the step a
 * virtual call and a loop of one per block (docs/dev/performance.md "s41 (a18)").
 */
public abstract class PhaseKernel {
    /** The current phase at {@code s.v} ({@link MechanismBlock#currents}). */
    public abstract void currents(CellState s);

    /** The state phase with the new {@code s.v} ({@link MechanismBlock#advance}). */
    public abstract void advance(CellState s);
}
