package org.spineformer.mechanisms.hay2011;

import java.util.List;
import org.spineformer.engine.mech.CellState;
import org.spineformer.engine.mech.FieldSpec;
import org.spineformer.engine.mech.Mechanism;
import org.spineformer.engine.mech.MechanismBlock;

/**
 * Shaw-related (Kv3.1) potassium current of Hay et al. (2011), from HayEtAl_2011_SKv3_1.mod:
 * ik = gSKv3_1bar m (v - ek), m integrated with cnexp. No temperature dependence.
 */
public final class SKv31 implements Mechanism {
    private static final List<FieldSpec> FIELDS = List.of(
            FieldSpec.nonNegative("gSKv3_1bar", "S/cm2", 0.00001, "maximal conductance density"),
            FieldSpec.parameter("ek", "mV", -77, "potassium reversal potential"),
            FieldSpec.state("m", "1", "activation"),
            FieldSpec.assigned("ik", "mA/cm2", "potassium current"));

    @Override
    public String name() {
        return "SKv3_1";
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
        return "Kv3.1 (Shaw) K current (Hay et al. 2011)";
    }

    @Override
    public MechanismBlock newBlock(int[] nodes) {
        return new Block(this, nodes);
    }

    private static final class Block extends MechanismBlock {
        private final double[] gbar = column("gSKv3_1bar");
        private final double[] ek = column("ek");
        private final double[] m = column("m");
        private final double[] ik = column("ik");

        Block(Mechanism mechanism, int[] nodes) {
            super(mechanism, nodes);
        }

        @Override
        public void initialize(CellState s) {
            for (int k = 0; k < size; k++) {
                m[k] = mInf(s.v[node[k]]);
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
                double vk = v[node[k]];
                m[k] += (1 - Math.exp(-dt / mTau(vk))) * (mInf(vk) - m[k]);
            }
        }

        private static double mInf(double v) {
            return 1 / (1 + Math.exp((v - 18.700) / -9.700));
        }

        private static double mTau(double v) {
            return 0.2 * 20.000 / (1 + Math.exp((v - -46.560) / -44.140));
        }
    }
}
