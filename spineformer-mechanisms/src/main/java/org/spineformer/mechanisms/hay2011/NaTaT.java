package org.spineformer.mechanisms.hay2011;

import java.util.List;
import org.spineformer.engine.mech.CellState;
import org.spineformer.engine.mech.FieldSpec;
import org.spineformer.engine.mech.Mechanism;
import org.spineformer.engine.mech.MechanismBlock;

/**
 * Transient sodium current of Hay et al. (2011), after Colbert and Pan (2002), from HayEtAl_2011_NaTa_t.mod:
 * ina = gNaTa_tbar m^3 h (v - ena), m and h integrated with cnexp.
 *
 * <p>The rates are scaled by a fixed qt = 2.3^((34-21)/10), whatever the temperature. The rate functions are 0/0 at
 * v = -38 mV (m) and v = -66 mV (h); the mod file then adds 0.0001 mV to its local copy of v before evaluating
 * them (the nudge for -38 is still in effect for the h rates). The membrane potential is not changed.
 */
public final class NaTaT implements Mechanism {
    private static final double QT = Math.pow(2.3, (34 - 21) / 10.0);
    private static final List<FieldSpec> FIELDS = List.of(
            FieldSpec.nonNegative("gNaTa_tbar", "S/cm2", 0.00001, "maximal conductance density"),
            FieldSpec.parameter("ena", "mV", 50, "sodium reversal potential"),
            FieldSpec.state("m", "1", "activation"),
            FieldSpec.state("h", "1", "inactivation"),
            FieldSpec.assigned("ina", "mA/cm2", "sodium current"));

    @Override
    public String name() {
        return "NaTa_t";
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
        return "transient Na current (Hay et al. 2011)";
    }

    @Override
    public MechanismBlock newBlock(int[] nodes) {
        return new Block(this, nodes);
    }

    private static final class Block extends MechanismBlock {
        private final double[] gbar = column("gNaTa_tbar");
        private final double[] ena = column("ena");
        private final double[] m = column("m");
        private final double[] h = column("h");
        private final double[] ina = column("ina");
        /** Results of {@link #rates}, valid until its next call. */
        private double mInf, mTau, hInf, hTau;

        Block(Mechanism mechanism, int[] nodes) {
            super(mechanism, nodes);
        }

        @Override
        public void initialize(CellState s) {
            for (int k = 0; k < size; k++) {
                rates(s.v[node[k]]);
                m[k] = mInf;
                h[k] = hInf;
            }
        }

        @Override
        public void currents(CellState s) {
            double[] v = s.v, rhs = s.rhs, d = s.d;
            for (int k = 0; k < size; k++) {
                int nd = node[k];
                double g = gbar[k] * m[k] * m[k] * m[k] * h[k];
                double cur = g * (v[nd] - ena[k]);
                ina[k] = cur;
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
                h[k] += (1 - Math.exp(-dt / hTau)) * (hInf - h[k]);
            }
        }

        private void rates(double v) {
            if (v == -38) {
                v += 0.0001;
            }
            double mAlpha = 0.182 * (v + 38) / (1 - Math.exp(-(v + 38) / 6));
            double mBeta = 0.124 * (-v - 38) / (1 - Math.exp(-(-v - 38) / 6));
            mTau = 1 / (mAlpha + mBeta) / QT;
            mInf = mAlpha / (mAlpha + mBeta);
            if (v == -66) {
                v += 0.0001;
            }
            double hAlpha = -0.015 * (v + 66) / (1 - Math.exp((v + 66) / 6));
            double hBeta = -0.015 * (-v - 66) / (1 - Math.exp((-v - 66) / 6));
            hTau = 1 / (hAlpha + hBeta) / QT;
            hInf = hAlpha / (hAlpha + hBeta);
        }
    }
}
