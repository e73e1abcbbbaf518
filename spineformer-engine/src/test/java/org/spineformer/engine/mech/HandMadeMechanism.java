package org.spineformer.engine.mech;

import java.util.List;

/**
 * A mechanism written by hand for a test: its name, kind, description and fields, and blocks of any number of
 * trials in lanes made by the test's {@link Blocks}, so that a test spells out only the block methods it is about.
 */
public final class HandMadeMechanism extends AbstractMechanism {
    /** Makes the test's block for a mechanism, its instances' nodes and its lanes. */
    @FunctionalInterface
    public interface Blocks {
        MechanismBlock make(Mechanism mechanism, int[] nodes, int lanes);
    }

    private final Blocks blocks;

    public HandMadeMechanism(String name, Kind kind, String description, List<FieldSpec> fields, Blocks blocks) {
        super(name, kind, description, fields);
        this.blocks = blocks;
    }

    @Override
    public MechanismBlock newBlock(int[] nodes) {
        return newBlock(nodes, 1);
    }

    @Override
    public MechanismBlock newBlock(int[] nodes, int lanes) {
        return blocks.make(this, nodes, lanes);
    }

    /**
     * A block that keeps the cell's state from attach (for the time and the event queue) and whose INITIAL leaves
     * its columns as they are; a test overrides the phases it needs.
     */
    public abstract static class Block extends MechanismBlock {
        /** What a phase does for one lane of one instance. */
        @FunctionalInterface
        protected interface LaneStep {
            /** {@code j} is the entry in the block's columns, {@code nd} the entry in the cell's (v, rhs, d). */
            void at(int instance, int j, int nd);
        }

        /** The cell's state, from attach on. */
        protected CellState state;

        protected Block(Mechanism mechanism, int[] nodes, int lanes) {
            super(mechanism, nodes, lanes);
        }

        @Override
        public void attach(CellState s) {
            state = s;
        }

        @Override
        public void initialize(CellState s) {
        }

        /** Runs the step for every lane of every instance, in the layout [instance * lanes + lane] of both. */
        protected final void forEachLane(LaneStep step) {
            for (int k = 0; k < size; k++) {
                for (int j = k * lanes, nd = node[k] * lanes; j < (k + 1) * lanes; j++, nd++) {
                    step.at(k, j, nd);
                }
            }
        }
    }
}
