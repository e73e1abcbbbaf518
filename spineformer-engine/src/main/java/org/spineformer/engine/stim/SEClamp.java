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
 * {@code after_cvode} block), which is what a recording of i shows.
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

    @Override
    public MechanismBlock newBlock(int[] nodes) {
        return new Block(this, nodes);
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

        Block(Mechanism m, int[] nodes) {
            super(m, nodes);
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
                int nd = node[k];
                if (t < dur1[k]) {
                    vc[k] = amp1[k];
                    on[k] = 1;
                } else if (t < dur1[k] + dur2[k]) {
                    vc[k] = amp2[k];
                    on[k] = 1;
                } else if (t < dur1[k] + dur2[k] + dur3[k]) {
                    vc[k] = amp3[k];
                    on[k] = 1;
                } else {
                    vc[k] = 0;
                    on[k] = 0;
                }
                if (on[k] == 1) {
                    double cur = (vc[k] - s.v[nd]) / rs[k];
                    i[k] = cur;
                    // di/dv = -1/rs; an electrode's current enters the right-hand side with the opposite sign
                    s.rhs[nd] += cur * s.pointScale[nd];
                    s.d[nd] += s.pointScale[nd] / rs[k];
                } else {
                    i[k] = 0;
                }
            }
        }

        @Override
        public void advance(CellState s) {
            for (int k = 0; k < size; k++) {
                i[k] = on[k] == 1 ? (vc[k] - s.v[node[k]]) / rs[k] : 0;
            }
        }
    }
}
