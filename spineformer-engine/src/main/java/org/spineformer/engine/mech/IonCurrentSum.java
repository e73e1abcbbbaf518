package org.spineformer.engine.mech;

/**
 * A hand-written block's current of one ion added to the ion's total at its nodes, as NEURON's nrn_cur adds a
 * mechanism's {@code ik} to the ion's {@code ik}, for the blocks that read that total (a compiled {@code USEION k READ
 * ik}: a pump, a current monitor). Only when some block of the simulation reads it ({@link CellState#ionCurrentRead}):
 * the paper's cell, whose mechanisms read no ion current, neither takes the ion nor pays for the sums. The engine
 * holds no di/dv per ion (NEURON's {@code dik_dv_}, which no mechanism here reads), so none is added.
 *
 * <p>A block makes one per ion current it computes, calls {@link #attach} from its own {@code attach} and {@link #add}
 * at the end of its current phase.
 */
public final class IonCurrentSum {
    private final String ion;
    private final String field;
    private MechanismBlock block;
    /** The ion's total and the block's column, or null when no block reads the total. */
    private double[] current;
    private double[] column;

    /** The block's field {@code field} (mA/cm2, [instance][lane]) is its current of ion {@code ion}. */
    public IonCurrentSum(String ion, String field) {
        this.ion = ion;
        this.field = field;
    }

    /**
     * From {@code block}'s {@link MechanismBlock#attach}: takes the ion when some block reads its current (the
     * simulation then resets that current at the block's nodes), else nothing.
     */
    public void attach(CellState s, MechanismBlock block) {
        this.block = block;
        if (s.ionCurrentRead(ion)) {
            current = s.ion(ion).currentToAdd();
            column = block.column(field);
        } else {
            current = null;
            column = null;
        }
    }

    /** After the block's current phase: every instance's current, lane by lane, added to the ion's at its node. */
    public void add() {
        if (current == null) {
            return;
        }
        int lanes = block.lanes();
        for (int k = 0; k < block.size(); k++) {
            for (int l = 0, nd = block.node(k) * lanes, j = k * lanes; l < lanes; l++, nd++, j++) {
                current[nd] += column[j];
            }
        }
    }
}
