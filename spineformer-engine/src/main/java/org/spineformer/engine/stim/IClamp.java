package org.spineformer.engine.stim;

import java.util.List;
import org.spineformer.engine.mech.AbstractMechanism;
import org.spineformer.engine.mech.CellState;
import org.spineformer.engine.mech.FieldSpec;
import org.spineformer.engine.mech.Mechanism;
import org.spineformer.engine.mech.MechanismBlock;

/**
 * NEURON's current pulse: {@code amp} nA injected while {@code del <= t < del + dur}, with t the mid-step time of
 * the current phase. Runs trials in lanes, each lane with its own pulse ({@code setParameter(field, instance, lane,
 * value)}).
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

    /** NEURON's own IClamp (stim.mod), built-in type 7. */
    @Override
    public int neuronType() {
        return 7;
    }

    @Override
    public MechanismBlock newBlock(int[] nodes) {
        return newBlock(nodes, 1);
    }

    @Override
    public MechanismBlock newBlock(int[] nodes, int lanes) {
        return new Block(this, nodes, lanes);
    }

    private static final class Block extends MechanismBlock {
        /** i is computed from t and the parameters at every current phase. */
        @Override
        public boolean stateInColumns() {
            return true;
        }

        private final double[] del = column("del");
        private final double[] dur = column("dur");
        private final double[] amp = column("amp");
        private final double[] i = column("i");

        Block(Mechanism m, int[] nodes, int lanes) {
            super(m, nodes, lanes);
        }

        @Override
        public void initialize(CellState s) {
            java.util.Arrays.fill(i, 0);
        }

        @Override
        public void currents(CellState s) {
            double t = s.t;
            for (int k = 0; k < size; k++) {
                double scale = s.pointScale[node[k]];
                for (int j = k * lanes, nd = node[k] * lanes; j < (k + 1) * lanes; j++, nd++) {
                    double cur = (t >= del[j] && t < del[j] + dur[j]) ? amp[j] : 0;
                    i[j] = cur;
                    s.rhs[nd] += cur * scale;
                }
            }
        }
    }
}
