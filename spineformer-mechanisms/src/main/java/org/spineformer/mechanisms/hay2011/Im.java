package org.spineformer.mechanisms.hay2011;

import java.util.List;
import org.spineformer.engine.mech.CellState;
import org.spineformer.engine.mech.FieldSpec;
import org.spineformer.engine.mech.Mechanism;
import org.spineformer.engine.mech.MechanismBlock;

/**
 * Muscarinic (M-type) potassium current of Hay et al. (2011), after Adams et al. (1982), from HayEtAl_2011_Im.mod:
 * ik = gImbar m (v - ek), m integrated with cnexp. The rates are scaled by a fixed qt = 2.3^((34-21)/10), whatever
 * the temperature.
 */
public final class Im implements Mechanism {
    private static final double QT = Math.pow(2.3, (34 - 21) / 10.0);
    private static final List<FieldSpec> FIELDS = List.of(
            FieldSpec.nonNegative("gImbar", "S/cm2", 0.00001, "maximal conductance density"),
            FieldSpec.parameter("ek", "mV", -77, "potassium reversal potential"),
            FieldSpec.state("m", "1", "activation"),
            FieldSpec.assigned("ik", "mA/cm2", "potassium current"));

    @Override
    public String name() {
        return "Im";
    }

    @Override
    public Kind kind() {
        return Kind.DENSITY;
    }

    @Override
    public List<FieldSpec> fields() {
        return FIELDS;
    }

    @Override
    public String description() {
        return "M-type K current (Hay et al. 2011)";
    }

    @Override
    public MechanismBlock newBlock(int[] nodes) {
        return new Block(this, nodes);
    }

    private static final class Block extends MechanismBlock {
        private final double[] gbar = column("gImbar");
        private final double[] ek = column("ek");
        private final double[] m = column("m");
        private final double[] ik = column("ik");
        /** Results of {@link #rates}, valid until its next call. */
        private double mInf, mTau;

        Block(Mechanism mechanism, int[] nodes) {
            super(mechanism, nodes);
        }

        @Override
        public void initialize(CellState s) {
            for (int k = 0; k < size; k++) {
                rates(s.v[node[k]]);
                m[k] = mInf;
            }
        }

        @Override
        public void currents(CellState s) {
            double[] v = s.v, rhs = s.rhs, d = s.d;
            for (int k = 0; k < size; k++) {
                int nd = node[k];
                double g = gbar[k] * m[k];
                double cur = g * (v[nd] - ek[k]);
                ik[k] = cur;
                rhs[nd] -= cur;
                d[nd] += g;
            }
        }

        @Override
        public void advance(CellState s) {
            double[] v = s.v;
            double dt = s.dt;
            for (int k = 0; k < size; k++) {
                rates(v[node[k]]);
                m[k] += (1 - Math.exp(-dt / mTau)) * (mInf - m[k]);
            }
        }

        private void rates(double v) {
            double mAlpha = 3.3e-3 * Math.exp(2.5 * 0.04 * (v + 35));
            double mBeta = 3.3e-3 * Math.exp(-2.5 * 0.04 * (v + 35));
            mInf = mAlpha / (mAlpha + mBeta);
            mTau = 1 / (mAlpha + mBeta) / QT;
        }
    }
}
