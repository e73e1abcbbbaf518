package org.spineformer.engine.stim;

import java.util.List;
import org.spineformer.engine.mech.AbstractMechanism;
import org.spineformer.engine.mech.CellState;
import org.spineformer.engine.mech.FieldSpec;
import org.spineformer.engine.mech.Mechanism;
import org.spineformer.engine.mech.MechanismBlock;

/**
 * NEURON's current pulse: {@code amp} nA injected while {@code del <= t < del + dur}, with t the mid-step time of
 * the current phase.
 */
public final class IClamp extends AbstractMechanism {
    private static final List<FieldSpec> FIELDS = List.of(
            FieldSpec.nonNegative("del", "ms", 0, "onset"),
            FieldSpec.nonNegative("dur", "ms", 0, "duration"),
            FieldSpec.parameter("amp", "nA", 0, "amplitude, positive depolarises"),
            FieldSpec.assigned("i", "nA", "injected current"));

    public IClamp() {
        super("IClamp", Kind.ELECTRODE, "current pulse electrode, NEURON built-in", FIELDS);
    }

    @Override
    public MechanismBlock newBlock(int[] nodes) {
        return new Block(this, nodes);
    }

    private static final class Block extends MechanismBlock {
        private final double[] del = column("del");
        private final double[] dur = column("dur");
        private final double[] amp = column("amp");
        private final double[] i = column("i");

        Block(Mechanism m, int[] nodes) {
            super(m, nodes);
        }

        @Override
        public void initialize(CellState s) {
            java.util.Arrays.fill(i, 0);
        }

        @Override
        public void currents(CellState s) {
            double t = s.t;
            for (int k = 0; k < size; k++) {
                double cur = (t >= del[k] && t < del[k] + dur[k]) ? amp[k] : 0;
                i[k] = cur;
                s.rhs[node[k]] += cur * s.pointScale[node[k]];
            }
        }
    }
}
