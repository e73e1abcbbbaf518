package org.spineformer.engine.stim;

import java.util.List;
import org.spineformer.engine.mech.AbstractMechanism;
import org.spineformer.engine.mech.CellState;
import org.spineformer.engine.mech.FieldSpec;
import org.spineformer.engine.mech.Mechanism;
import org.spineformer.engine.mech.MechanismBlock;

/**
 * NEURON's single-electrode voltage clamp: a command of up to three levels ({@code amp1..3} for {@code dur1..3})
 * through a series resistance {@code rs}; i = (vc - v) / rs, positive depolarising. The command is chosen at the
 * mid-step time of the current phase; after the voltage update, i is recomputed with the new v (NEURON's
 * {@code after_cvode} block), which is what a recording of i shows. Runs trials in lanes, each lane with its own
 * command ({@code setParameter(field, instance, lane, value)}).
 */
public final class SEClamp extends AbstractMechanism {
    private static final List<FieldSpec> FIELDS = List.of(
            FieldSpec.positive("rs", "MOhm", 1, "series resistance"),
            FieldSpec.nonNegative("dur1", "ms", 0, "duration of level 1"),
            FieldSpec.parameter("amp1", "mV", 0, "level 1"),
            FieldSpec.nonNegative("dur2", "ms", 0, "duration of level 2"),
            FieldSpec.parameter("amp2", "mV", 0, "level 2"),
            FieldSpec.nonNegative("dur3", "ms", 0, "duration of level 3"),
            FieldSpec.parameter("amp3", "mV", 0, "level 3"),
            FieldSpec.assigned("i", "nA", "clamp current, positive depolarises"),
            FieldSpec.assigned("vc", "mV", "command potential"),
            FieldSpec.assigned("on", "1", "1 while a level is active"));

    public SEClamp() {
        super("SEClamp", Kind.ELECTRODE, "single-electrode voltage clamp with series resistance, NEURON built-in", FIELDS);
    }

    /** NEURON's own SEClamp (svclmp.mod), built-in type 11. */
    @Override
    public int neuronType() {
        return 11;
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
        private final double[] rs = column("rs");
        private final double[] dur1 = column("dur1");
        private final double[] amp1 = column("amp1");
        private final double[] dur2 = column("dur2");
        private final double[] amp2 = column("amp2");
        private final double[] dur3 = column("dur3");
        private final double[] amp3 = column("amp3");
        private final double[] i = column("i");
        private final double[] vc = column("vc");
        private final double[] on = column("on");

        Block(Mechanism m, int[] nodes, int lanes) {
            super(m, nodes, lanes);
        }

        @Override
        public void initialize(CellState s) {
            java.util.Arrays.fill(on, 0);
            java.util.Arrays.fill(i, 0);
        }

        @Override
        public void currents(CellState s) {
            double t = s.t;
            for (int k = 0; k < size; k++) {
                double scale = s.pointScale[node[k]];
                for (int j = k * lanes, nd = node[k] * lanes; j < (k + 1) * lanes; j++, nd++) {
                    if (t < dur1[j]) {
                        vc[j] = amp1[j];
                        on[j] = 1;
                    } else if (t < dur1[j] + dur2[j]) {
                        vc[j] = amp2[j];
                        on[j] = 1;
                    } else if (t < dur1[j] + dur2[j] + dur3[j]) {
                        vc[j] = amp3[j];
                        on[j] = 1;
                    } else {
                        vc[j] = 0;
                        on[j] = 0;
                    }
                    if (on[j] == 1) {
                        double cur = (vc[j] - s.v[nd]) / rs[j];
                        i[j] = cur;
                        // di/dv = -1/rs; an electrode's current enters the right-hand side with the opposite sign
                        s.rhs[nd] += cur * scale;
                        s.d[nd] += scale / rs[j];
                    } else {
                        i[j] = 0;
                    }
                }
            }
        }

        @Override
        public void advance(CellState s) {
            for (int k = 0; k < size; k++) {
                for (int j = k * lanes, nd = node[k] * lanes; j < (k + 1) * lanes; j++, nd++) {
                    i[j] = on[j] == 1 ? (vc[j] - s.v[nd]) / rs[j] : 0;
                }
            }
        }
    }
}
