package org.spineformer.mechanisms.synapse;

import java.util.List;
import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorSpecies;
import org.spineformer.engine.mech.AbstractMechanism;
import org.spineformer.engine.mech.CellState;
import org.spineformer.engine.mech.FieldSpec;
import org.spineformer.engine.mech.Mechanism;
import org.spineformer.engine.mech.MechanismBlock;
import org.spineformer.engine.simd.Simd;
import org.spineformer.mechanisms.simd.Vectors;
import org.spineformer.engine.table.RateTable;

/**
 * Double-exponential NMDA synapse with magnesium block, from Ellwood_NMDA.mod:
 * g = gmax (B - A) mgblock(v), a calcium current ica = 0.021 g (v - 130) written to the ca ion, and the rest as a
 * non-specific current i = g (v - e) - ica, so that the membrane receives g (v - e) in total.
 *
 * <p>As in NEURON: mgblock(v) = 1 / (1 + exp(-0.075 (v + 10))) is read from a TABLE over -140..80 mV with 1000
 * intervals unless tables are switched off; di/dv is the numerical derivative (I(v + 0.001) - I(v)) / 0.001 of
 * the total current (g, i and ica keep their values at v); INITIAL pulls tau1 below tau2 when tau1/tau2 > 0.9999,
 * overwriting the parameter. The time constants are read at initialization (where NEURON also computes the event
 * factor): a change takes effect at the next initialization.
 *
 * <p>A and B are set to exactly 0 once negligible ({@link DoubleExponential#NEGLIGIBLE}); while both are 0 the
 * current phase sets g, i and ica to 0 without computing them (the computation would give them as +-0), and the
 * membrane receives nothing, as the computation would give it. The rest of the current phase computes both
 * potentials' currents in one pass, sharing gmax (B - A). Both phases run in vector lanes when
 * {@link Simd#enabled()}, with the scalar loops' bits: the state phase (the decay) over whole arrays, the current
 * phase over runs of consecutive nodes (or, with trials, one vector per synapse) after a scalar pass that looks up the
 * magnesium block (the table's gathers were slower in lanes on JDK 17).
 */
public final class Nmda extends AbstractMechanism {
    private static final RateTable MGBLOCK = new RateTable(-140, 80, 1000, 1, (v, out) -> out[0] = mgblock(v));
    private static final List<FieldSpec> FIELDS = List.of(
            FieldSpec.nonNegative("gmax", "uS", 0.05, "maximal conductance per unit weight"),
            FieldSpec.positive("tau1", "ms", 2.0, "rise time constant"),
            FieldSpec.positive("tau2", "ms", 26.0, "decay time constant"),
            FieldSpec.parameter("e", "mV", -0.7, "reversal potential"),
            FieldSpec.state("A", "1", "rising component, in NetCon-weight units"),
            FieldSpec.state("B", "1", "decaying component, in NetCon-weight units"),
            FieldSpec.assigned("g", "uS", "conductance, magnesium block included"),
            FieldSpec.assigned("i", "nA", "non-specific current, the calcium part excluded"),
            FieldSpec.assigned("ica", "nA", "calcium current"),
            FieldSpec.assigned("factor", "1", "event normalisation: the peak of B - A equals the weight"));

    private final boolean simd;

    public Nmda() {
        this(Simd.enabled());
    }

    /** With both phases in vector lanes ({@code simd}: needs jdk.incubator.vector) or scalar only. */
    Nmda(boolean simd) {
        super("NMDA", Kind.POINT_PROCESS, "double-exponential NMDA synapse with Mg block and Ca current (Ellwood)",
                FIELDS);
        this.simd = simd;
    }

    /** The type of the paper's Ellwood_NMDA.mod (NEURON 8.2.2, the paper's mod folder compiled). */
    @Override
    public int neuronType() {
        return 36;
    }

    @Override
    public MechanismBlock newBlock(int[] nodes) {
        return newBlock(nodes, 1);
    }

    @Override
    public MechanismBlock newBlock(int[] nodes, int lanes) {
        return new Block(this, nodes, lanes, simd);
    }

    /** The magnesium block, exactly. */
    static double mgblock(double v) {
        return 1 / (1 + Math.exp(-0.075 * (v - -10)));
    }

    private static final class Block extends MechanismBlock {
        /** A and B are columns; the decay fractions are made from the parameters and dt, blockAt is the step's. */
        @Override
        public boolean stateInColumns() {
            return true;
        }

        private final double[] gmax = column("gmax");
        private final double[] tau1 = column("tau1");
        private final double[] tau2 = column("tau2");
        private final double[] e = column("e");
        private final double[] a = column("A");
        private final double[] b = column("B");
        private final double[] g = column("g");
        private final double[] i = column("i");
        private final double[] ica = column("ica");
        private final double[] factor = column("factor");
        private final double[] decayA = new double[size * lanes];
        private final double[] decayB = new double[size * lanes];
        /**
         * The magnesium block at each element's (synapse's, or synapse's trial's) v and v + 0.001 mV, for the
         * current phase's vector lanes.
         */
        private final double[] blockAt;
        private final double[] blockAbove;
        /** One trial: the node runs for the vector lanes; null when they are off or for several trials. */
        private final int[] runs;
        /** For the vector lanes: each element's (instance's, or instance's trial's) index in the node arrays. */
        private final int[] element;
        /** Vector kernels: one trial's over node runs, or several trials' with one vector per instance. */
        private final boolean simd;
        private double[] ionCurrent;
        private boolean useTables = true;

        Block(Mechanism mechanism, int[] nodes, int lanes, boolean simd) {
            super(mechanism, nodes, lanes);
            this.simd = simd && (lanes == 1 || lanes == Simd.preferredLanes());
            this.runs = simd && lanes == 1 ? Simd.runs(node) : null;
            this.blockAt = this.simd ? new double[size * lanes] : null;
            this.blockAbove = this.simd ? new double[size * lanes] : null;
            this.element = this.simd ? elements(node, lanes) : null;
        }

        @Override
        public void attach(CellState s) {
            ionCurrent = s.ion("ca").currentToAdd();
        }

        @Override
        public void setUseTables(boolean useTables) {
            this.useTables = useTables;
        }

        @Override
        public void initialize(CellState s) {
            // every column is [instance * lanes + lane]: each element is one instance in one trial
            for (int k = 0; k < size * lanes; k++) {
                tau1[k] = DoubleExponential.guardedTau1(tau1[k], tau2[k]);
                a[k] = 0;
                b[k] = 0;
                factor[k] = DoubleExponential.factor(tau1[k], tau2[k]);
                decayA[k] = DoubleExponential.decayFraction(s.dt, tau1[k]);
                decayB[k] = DoubleExponential.decayFraction(s.dt, tau2[k]);
            }
        }

        @Override
        public void currents(CellState s) {
            if (lanes > 1) {
                if (simd) {
                    magnesiumBlocks(s.v);
                    Lanes.trialCurrents(this, s);
                } else {
                    trialCurrents(s);
                }
                return;
            }
            if (runs == null) {
                currents(s, 0, size);
                return;
            }
            magnesiumBlocks(s.v);
            for (int r = 0; r + 1 < runs.length; r++) {
                currents(s, Lanes.currents(this, s, runs[r], runs[r + 1]), runs[r + 1]);
            }
        }

        /** The current phase of the instances [from, to). */
        private void currents(CellState s, int from, int to) {
            for (int k = from; k < to; k++) {
                int nd = node[k];
                slotCurrent(s, k, nd, s.pointScale[nd]);
            }
        }

        /**
         * The current phase of several trials, each lane as {@link #currents(CellState, int, int)} computes it,
         * quiet lanes skipped as there.
         */
        private void trialCurrents(CellState s) {
            for (int k = 0; k < size; k++) {
                double sc = s.pointScale[node[k]];
                for (int l = 0, nd = node[k] * lanes, j = k * lanes; l < lanes; l++, nd++, j++) {
                    slotCurrent(s, j, nd, sc);
                }
            }
        }

        /** The current of slot j (an instance, or one of its trials) on node array index nd, scaled by sc. */
        private void slotCurrent(CellState s, int j, int nd, double sc) {
            if (a[j] == 0 && b[j] == 0) {
                // no conductance, so no current and di/dv exactly 0, as NEURON computes them
                g[j] = 0;
                i[j] = 0;
                ica[j] = 0;
                return;
            }
            double vj = s.v[nd];
            double unblocked = gmax[j] * (b[j] - a[j]);
            double above = total(unblocked * magnesiumBlock(vj + 0.001), vj + 0.001, e[j]);
            double gj = unblocked * magnesiumBlock(vj);
            double icaj = 0.021 * gj * (vj - 130);
            double ij = gj * (vj - e[j]) - icaj;
            double cur = ij + icaj;
            g[j] = gj;
            ica[j] = icaj;
            i[j] = ij;
            s.rhs[nd] -= cur * sc;
            s.d[nd] += (above - cur) / 0.001 * sc;
            ionCurrent[nd] += icaj * sc;
        }

        /**
         * The magnesium block at every element's v and v + 0.001 mV into {@link #blockAt}, {@link #blockAbove}, in
         * one loop over the elements, quiet ones too, as the one trial's pass has always done it. With several trials
         * this loop runs before the vector pass: looked up there per instance, each in a loop over its trials (quiet
         * instances skipped), the phase took ~1.7x as long in the cell with 8 different trials at 700 ms (the JIT's
         * code for the short inner loop; docs/dev/performance.md, "p22, tenth session").
         */
        private void magnesiumBlocks(double[] v) {
            if (useTables) {
                MGBLOCK.interpolateTwice(v, element, 0.001, blockAt, blockAbove);
            } else {
                for (int j = 0; j < element.length; j++) {
                    double vj = v[element[j]];
                    blockAt[j] = mgblock(vj);
                    blockAbove[j] = mgblock(vj + 0.001);
                }
            }
        }

        /** Element [instance][lane]'s index in the node arrays [node][lane]. */
        private static int[] elements(int[] node, int lanes) {
            int[] element = new int[node.length * lanes];
            for (int j = 0; j < element.length; j++) {
                element[j] = node[j / lanes] * lanes + j % lanes;
            }
            return element;
        }

        /** The magnesium block at v, from the table or exact. */
        private double magnesiumBlock(double v) {
            return useTables ? MGBLOCK.interpolate(v) : mgblock(v);
        }

        /**
         * The BREAKPOINT's total current i + ica (nA) at potential v for conductance gk, computed as the currents
         * are at v itself, in the same order, so that the difference quotient is NEURON's.
         */
        private static double total(double gk, double v, double e) {
            double icak = 0.021 * gk * (v - 130);
            double ik = gk * (v - e) - icak;
            return ik + icak;
        }

        @Override
        public void advance(CellState s) {
            // each element of the columns is one instance in one trial: several trials need no loop of their own
            int done = 0;
            if (simd) {
                DecayLanes.decay(a, decayA);
                done = DecayLanes.decay(b, decayB);
            }
            for (int k = done; k < a.length; k++) {
                a[k] = DoubleExponential.flushed(a[k] - decayA[k] * a[k]);
                b[k] = DoubleExponential.flushed(b[k] - decayB[k] * b[k]);
            }
        }

        @Override
        public void deliver(int instance, int lane, double weight) {
            int j = instance * lanes + lane;
            double w = weight * factor[j];
            a[j] += w;
            b[j] += w;
        }
    }

    /**
     * The block's current phase in vector lanes over a run of consecutive nodes, one synapse per lane, the
     * magnesium block already looked up per synapse (the table's look-ups stay scalar: gathers were slower on
     * JDK 17): the scalar loop's operations in the same order, so its bits. Loaded only when {@link Simd#enabled()}.
     */
    private static final class Lanes {
        private static final VectorSpecies<Double> SPECIES = Vectors.SPECIES;
        private static final DoubleVector ZERO = DoubleVector.zero(SPECIES);

        /**
         * The current phase from {@code from} in whole vectors within the run; returns the first not done. Quiet
         * synapses are computed too, then their g, i and ica set to +0 as the scalar loop sets them, and what they
         * add to the node arrays to a zero that leaves every value's bits unchanged (x - +0 and x + -0 are x).
         */
        static int currents(Block blk, CellState s, int from, int to) {
            int k = from;
            for (int shift = blk.node(from) - from; k + SPECIES.length() <= to; k += SPECIES.length()) {
                int nd = k + shift;
                DoubleVector a = DoubleVector.fromArray(SPECIES, blk.a, k);
                DoubleVector b = DoubleVector.fromArray(SPECIES, blk.b, k);
                VectorMask<Double> quiet = a.eq(0).and(b.eq(0));
                DoubleVector v = DoubleVector.fromArray(SPECIES, s.v, nd);
                DoubleVector e = DoubleVector.fromArray(SPECIES, blk.e, k);
                DoubleVector unblocked = DoubleVector.fromArray(SPECIES, blk.gmax, k).mul(b.sub(a));
                DoubleVector above = total(unblocked.mul(DoubleVector.fromArray(SPECIES, blk.blockAbove, k)),
                        v.add(0.001), e);
                DoubleVector gk = unblocked.mul(DoubleVector.fromArray(SPECIES, blk.blockAt, k));
                DoubleVector icak = gk.mul(0.021).mul(v.sub(130));
                DoubleVector ik = gk.mul(v.sub(e)).sub(icak);
                DoubleVector cur = ik.add(icak);
                gk.blend(0, quiet).intoArray(blk.g, k);
                icak.blend(0, quiet).intoArray(blk.ica, k);
                ik.blend(0, quiet).intoArray(blk.i, k);
                DoubleVector scale = DoubleVector.fromArray(SPECIES, s.pointScale, nd);
                DoubleVector.fromArray(SPECIES, s.rhs, nd).sub(cur.mul(scale).blend(0, quiet)).intoArray(s.rhs, nd);
                DoubleVector.fromArray(SPECIES, s.d, nd).add(above.sub(cur).div(0.001).mul(scale).blend(-0.0, quiet))
                        .intoArray(s.d, nd);
                DoubleVector.fromArray(SPECIES, blk.ionCurrent, nd).add(icak.mul(scale).blend(-0.0, quiet))
                        .intoArray(blk.ionCurrent, nd);
            }
            return k;
        }

        /**
         * {@link Block#trialCurrents} with one vector per instance (its trials): an instance whose lanes are all
         * quiet is skipped as the scalar loop skips it; otherwise, the magnesium block looked up before, the quiet
         * lanes are computed too and blended away as in {@link #currents}.
         */
        static void trialCurrents(Block blk, CellState s) {
            for (int k = 0; k < blk.size(); k++) {
                int j = k * SPECIES.length(), nd = blk.node(k) * SPECIES.length();
                DoubleVector a = DoubleVector.fromArray(SPECIES, blk.a, j);
                DoubleVector b = DoubleVector.fromArray(SPECIES, blk.b, j);
                VectorMask<Double> quiet = a.eq(0).and(b.eq(0));
                if (quiet.allTrue()) {
                    ZERO.intoArray(blk.g, j);
                    ZERO.intoArray(blk.i, j);
                    ZERO.intoArray(blk.ica, j);
                    continue;
                }
                DoubleVector v = DoubleVector.fromArray(SPECIES, s.v, nd);
                DoubleVector e = DoubleVector.fromArray(SPECIES, blk.e, j);
                DoubleVector unblocked = DoubleVector.fromArray(SPECIES, blk.gmax, j).mul(b.sub(a));
                DoubleVector above = total(unblocked.mul(DoubleVector.fromArray(SPECIES, blk.blockAbove, j)),
                        v.add(0.001), e);
                DoubleVector gk = unblocked.mul(DoubleVector.fromArray(SPECIES, blk.blockAt, j));
                DoubleVector icak = gk.mul(0.021).mul(v.sub(130));
                DoubleVector ik = gk.mul(v.sub(e)).sub(icak);
                DoubleVector cur = ik.add(icak);
                gk.blend(0, quiet).intoArray(blk.g, j);
                icak.blend(0, quiet).intoArray(blk.ica, j);
                ik.blend(0, quiet).intoArray(blk.i, j);
                double scale = s.pointScale[blk.node(k)];
                DoubleVector.fromArray(SPECIES, s.rhs, nd).sub(cur.mul(scale).blend(0, quiet)).intoArray(s.rhs, nd);
                DoubleVector.fromArray(SPECIES, s.d, nd).add(above.sub(cur).div(0.001).mul(scale).blend(-0.0, quiet))
                        .intoArray(s.d, nd);
                DoubleVector.fromArray(SPECIES, blk.ionCurrent, nd).add(icak.mul(scale).blend(-0.0, quiet))
                        .intoArray(blk.ionCurrent, nd);
            }
        }

        /** {@link Block#total} in lanes. */
        private static DoubleVector total(DoubleVector gk, DoubleVector v, DoubleVector e) {
            DoubleVector icak = gk.mul(0.021).mul(v.sub(130));
            DoubleVector ik = gk.mul(v.sub(e)).sub(icak);
            return ik.add(icak);
        }
    }
}
