package org.spineformer.engine.mech;

import java.util.List;
import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;
import org.spineformer.engine.simd.Simd;

/**
 * NEURON's built-in passive leak: i = g (v - e). Runs trials in lanes ({@link MechanismBlock}).
 *
 * <p>As the simulation's first block with one trial and one instance per node, its current phase is one pass over
 * every node that also does the reset of rhs and d ({@link MechanismBlock#currentsFromReset}): in a cell of many
 * passive segments with zero-area nodes between them (Allen's), its nodes form short runs, and the scattered
 * per-instance loop after the reset cost 3-4x this pass. That pass reads g and e from node-ordered copies, made
 * at {@link MechanismBlock#initialize}, at the next pass after values are written once ({@link
 * MechanismBlock#setParameter}, {@link MechanismBlock#columnToSet}: the builder's way), and at every pass once a
 * caller has taken a live column of g or e ({@link MechanismBlock#column}, which it may write at any time). Its
 * currents i are kept in node order and copied into the column of i at every current phase once that column has
 * been handed out.
 */
public final class Pas extends AbstractMechanism {
    private static final List<FieldSpec> FIELDS = List.of(
            FieldSpec.nonNegative("g", "S/cm2", 0.001, "leak conductance density"),
            FieldSpec.parameter("e", "mV", -70, "leak reversal potential"),
            FieldSpec.assigned("i", "mA/cm2", "leak current"));

    private final boolean vectors;

    public Pas() {
        this(Simd.enabled());
    }

    /** With the kernels in vector lanes ({@code vectors}: needs jdk.incubator.vector) or scalar only. */
    Pas(boolean vectors) {
        super("pas", Kind.DENSITY, "passive leak, NEURON built-in", FIELDS);
        this.vectors = vectors;
    }

    /** NEURON's own pas (passive.mod), built-in type 4. */
    @Override
    public int neuronType() {
        return 4;
    }

    @Override
    public MechanismBlock newBlock(int[] nodes) {
        return newBlock(nodes, 1);
    }

    @Override
    public MechanismBlock newBlock(int[] nodes, int trials) {
        return new Block(this, nodes, trials, vectors);
    }

    private static final class Block extends MechanismBlock {
        /** i is computed at every current phase; the copies in node order are the parameters'. */
        @Override
        public boolean stateInColumns() {
            return true;
        }

        private final double[] g = ownColumn("g");
        private final double[] e = ownColumn("e");
        private final double[] i = ownColumn("i");

        /** One trial: the node runs for the vector lanes; null when they are off. */
        private final int[] runs;
        /** Trials in lanes: whether an instance's lanes go through one vector. */
        private final boolean vectorTrials;
        /** Whether the pass over the nodes may be used: one trial, no node twice. */
        private final boolean nodePass;
        /** For the pass over the nodes: g, e and i in node order, 0 where the leak is not inserted. */
        private double[] gByNode;
        private double[] eByNode;
        private double[] iByNode;
        /** A caller keeps a live column of g or e ({@link #column}): copy them into node order at every pass. */
        private boolean parametersKept;
        /** g or e were written ({@link #fieldSet}) since they were last copied into node order. */
        private boolean parametersSet = true;
        /** The live column of i was handed out: keep it up to date. */
        private boolean currentsRead;
        /** The pass over the nodes has run, so iByNode holds the last current phase's currents. */
        private boolean passRan;

        Block(Mechanism m, int[] nodes, int trials, boolean vectors) {
            super(m, nodes, trials);
            runs = vectors && trials == 1 ? Simd.runs(node) : null;
            vectorTrials = vectors && trials > 1 && trials == Simd.preferredLanes();
            nodePass = trials == 1 && java.util.Arrays.stream(nodes).distinct().count() == nodes.length;
        }

        @Override
        public void attach(CellState s) {
            if (nodePass) {
                gByNode = new double[s.nodes];
                eByNode = new double[s.nodes];
                iByNode = new double[s.nodes];
            }
        }

        @Override
        public void initialize(CellState s) {
            // no states; the parameters as they are now, in node order
            if (gByNode != null) {
                copyParametersByNode();
                parametersSet = false;
            }
        }

        @Override
        protected void fieldAccess(String field) {
            if (field.equals("i")) {
                if (passRan && !currentsRead) {
                    copyCurrents();
                }
                currentsRead = true;
            } else {
                parametersKept = true;
            }
        }

        @Override
        protected void fieldSet(String field) {
            if (field.equals("i")) {
                fieldAccess(field);
            } else {
                parametersSet = true;
            }
        }

        private void copyParametersByNode() {
            for (int k = 0; k < size; k++) {
                gByNode[node[k]] = g[k];
                eByNode[node[k]] = e[k];
            }
        }

        private void copyCurrents() {
            for (int k = 0; k < size; k++) {
                i[k] = iByNode[node[k]];
            }
        }

        /**
         * The reset of rhs and d and the current phase in one pass over the nodes the solve reads: at a node of the
         * leak 0 - i and 0 + g, as the reset to 0 followed by {@link #currents} gives them; elsewhere g = e = 0, so
         * +0 for each. The leaves after them (Allen's 67 of 387 nodes) carry no leak and nothing reads their rhs and d.
         */
        @Override
        public boolean currentsFromReset(CellState s) {
            if (gByNode == null) {
                return false;
            }
            if (parametersKept || parametersSet) {
                copyParametersByNode();
                parametersSet = false;
            }
            double[] v = s.v, rhs = s.rhs, d = s.d, gn = gByNode, en = eByNode, in = iByNode;
            for (int j = 0, solved = s.solvedNodes(); j < solved; j++) {
                double gj = gn[j];
                double cur = gj * (v[j] - en[j]);
                in[j] = cur;
                rhs[j] = 0.0 - cur;
                d[j] = 0.0 + gj;
            }
            passRan = true;
            if (currentsRead) {
                copyCurrents();
            }
            return true;
        }

        @Override
        public void currents(CellState s) {
            if (lanes > 1) {
                if (vectorTrials) {
                    Lanes.currentsTrials(this, s);
                } else {
                    currentsTrials(s);
                }
                return;
            }
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

        /** The current phase of every instance in every lane: each lane with the one-trial loop's operations. */
        private void currentsTrials(CellState s) {
            double[] v = s.v, rhs = s.rhs, d = s.d;
            for (int k = 0; k < size; k++) {
                for (int j = k * lanes, nd = node[k] * lanes; j < (k + 1) * lanes; j++, nd++) {
                    double cur = g[j] * (v[nd] - e[j]);
                    i[j] = cur;
                    rhs[nd] -= cur;
                    d[nd] += g[j];
                }
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

        /** The current phase of every instance, its lanes (trials) one vector: the scalar loop's operations. */
        static void currentsTrials(Block b, CellState s) {
            for (int k = 0; k < b.size; k++) {
                int j = k * SPECIES.length(), nd = b.node[k] * SPECIES.length();
                DoubleVector g = DoubleVector.fromArray(SPECIES, b.g, j);
                DoubleVector cur = g.mul(DoubleVector.fromArray(SPECIES, s.v, nd)
                        .sub(DoubleVector.fromArray(SPECIES, b.e, j)));
                cur.intoArray(b.i, j);
                DoubleVector.fromArray(SPECIES, s.rhs, nd).sub(cur).intoArray(s.rhs, nd);
                DoubleVector.fromArray(SPECIES, s.d, nd).add(g).intoArray(s.d, nd);
            }
        }
    }
}
