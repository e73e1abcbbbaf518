package org.spineformer.engine.mech;

import java.util.List;
import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;
import org.spineformer.engine.simd.Simd;

/** NEURON's built-in passive leak: i = g (v - e). */
public final class Pas extends AbstractMechanism {
    private static final List<FieldSpec> FIELDS = List.of(
            FieldSpec.nonNegative("g", "S/cm2", 0.001, "leak conductance density"),
            FieldSpec.parameter("e", "mV", -70, "leak reversal potential"),
            FieldSpec.assigned("i", "mA/cm2", "leak current"));

    private final boolean lanes;

    public Pas() {
        this(Simd.enabled());
    }

    /** With the current phase in vector lanes ({@code lanes}: needs jdk.incubator.vector) or scalar only. */
    Pas(boolean lanes) {
        super("pas", Kind.DENSITY, "passive leak, NEURON built-in", FIELDS);
        this.lanes = lanes;
    }

    @Override
    public MechanismBlock newBlock(int[] nodes) {
        return new Block(this, nodes, lanes);
    }

    private static final class Block extends MechanismBlock {
        private final double[] g = column("g");
        private final double[] e = column("e");
        private final double[] i = column("i");

        /** The node runs for the vector lanes; null when they are off. */
        private final int[] runs;

        Block(Mechanism m, int[] nodes, boolean lanes) {
            super(m, nodes);
            runs = lanes ? Simd.runs(node) : null;
        }

        @Override
        public void initialize(CellState s) {
            // no states
        }

        @Override
        public void currents(CellState s) {
            if (runs == null) {
                currents(s, 0, size);
                return;
            }
            for (int r = 0; r + 1 < runs.length; r++) {
                currents(s, Lanes.currents(this, s, runs[r], runs[r + 1]), runs[r + 1]);
            }
        }

        /** The current phase of the instances [from, to). */
        private void currents(CellState s, int from, int to) {
            double[] v = s.v, rhs = s.rhs, d = s.d;
            for (int k = from; k < to; k++) {
                int nd = node[k];
                double cur = g[k] * (v[nd] - e[k]);
                i[k] = cur;
                rhs[nd] -= cur;
                d[nd] += g[k];
            }
        }
    }

    /**
     * The current phase in vector lanes over a run of consecutive nodes: the scalar loop's operations, so its bits.
     * Loaded only when {@link Simd#enabled()}.
     */
    private static final class Lanes {
        private static final VectorSpecies<Double> SPECIES = DoubleVector.SPECIES_PREFERRED;

        /** The instances from {@code from} in whole vectors within the run; returns the first not done. */
        static int currents(Block b, CellState s, int from, int to) {
            int k = from;
            for (int shift = b.node(from) - from; k + SPECIES.length() <= to; k += SPECIES.length()) {
                int nd = k + shift;
                DoubleVector g = DoubleVector.fromArray(SPECIES, b.g, k);
                DoubleVector cur = g.mul(DoubleVector.fromArray(SPECIES, s.v, nd)
                        .sub(DoubleVector.fromArray(SPECIES, b.e, k)));
                cur.intoArray(b.i, k);
                DoubleVector.fromArray(SPECIES, s.rhs, nd).sub(cur).intoArray(s.rhs, nd);
                DoubleVector.fromArray(SPECIES, s.d, nd).add(g).intoArray(s.d, nd);
            }
            return k;
        }
    }
}
