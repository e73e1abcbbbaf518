package org.spineformer.engine.mech;

import java.util.List;

/** NEURON's built-in passive leak: i = g (v - e). */
public final class Pas extends AbstractMechanism {
    private static final List<FieldSpec> FIELDS = List.of(
            FieldSpec.nonNegative("g", "S/cm2", 0.001, "leak conductance density"),
            FieldSpec.parameter("e", "mV", -70, "leak reversal potential"),
            FieldSpec.assigned("i", "mA/cm2", "leak current"));

    public Pas() {
        super("pas", Kind.DENSITY, "passive leak, NEURON built-in", FIELDS);
    }

    @Override
    public MechanismBlock newBlock(int[] nodes) {
        return new Block(this, nodes);
    }

    private static final class Block extends MechanismBlock {
        private final double[] g = column("g");
        private final double[] e = column("e");
        private final double[] i = column("i");

        Block(Mechanism m, int[] nodes) {
            super(m, nodes);
        }

        @Override
        public void initialize(CellState s) {
            // no states
        }

        @Override
        public void currents(CellState s) {
            double[] v = s.v, rhs = s.rhs, d = s.d;
            for (int k = 0; k < size; k++) {
                int nd = node[k];
                double cur = g[k] * (v[nd] - e[k]);
                i[k] = cur;
                rhs[nd] -= cur;
                d[nd] += g[k];
            }
        }
    }
}
