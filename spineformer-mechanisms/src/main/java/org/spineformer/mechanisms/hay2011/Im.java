package org.spineformer.mechanisms.hay2011;

import static org.spineformer.mechanisms.simd.Vectors.SPECIES;
import static org.spineformer.mechanisms.simd.Vectors.addCurrent;
import static org.spineformer.mechanisms.simd.Vectors.cnexp;
import static org.spineformer.mechanisms.simd.Vectors.exp;

import java.util.List;
import jdk.incubator.vector.DoubleVector;
import org.spineformer.engine.mech.AbstractMechanism;
import org.spineformer.engine.mech.CellState;
import org.spineformer.engine.mech.FieldSpec;
import org.spineformer.engine.mech.Mechanism;
import org.spineformer.engine.mech.MechanismBlock;
import org.spineformer.engine.simd.Simd;
import org.spineformer.mechanisms.table.StepTable;

/**
 * Muscarinic (M-type) potassium current of Hay et al. (2011), after Adams et al. (1982), from HayEtAl_2011_Im.mod:
 * ik = gImbar m (v - ek), m integrated with cnexp. The rates are scaled by a fixed qt = 2.3^((34-21)/10), whatever
 * the temperature.
 *
 * <p>The two exponentials are one and its reciprocal, and the time constant is kept as its inverse, the rate, so
 * that cnexp's exp(-dt / tau) is exp(-dt rate): the mod file's values to rounding, with one exponential and two
 * divisions fewer per instance and step.
 *
 * <p>The state phase reads the steady state and the cnexp factor from a {@link StepTable} (within 1e-10 of the
 * exact functions; NEURON has no TABLE here) unless tables are switched off, and evaluates the rates exactly
 * outside the table. The current phase, and the exact state phase, run in vector lanes when {@link Simd#enabled()}
 * (see {@link Lanes}).
 */
public final class Im extends AbstractMechanism {
    private static final double QT = Math.pow(2.3, (34 - 21) / 10.0);
    private static final List<FieldSpec> FIELDS = List.of(
            FieldSpec.nonNegative("gImbar", "S/cm2", 0.00001, "maximal conductance density"),
            FieldSpec.parameter("ek", "mV", -77, "potassium reversal potential"),
            FieldSpec.state("m", "1", "activation"),
            FieldSpec.assigned("ik", "mA/cm2", "potassium current"));
    private final boolean lanes;

    public Im() {
        this(Simd.enabled());
    }

    /** With the vector kernels ({@code lanes}: needs jdk.incubator.vector) or the scalar ones only. */
    Im(boolean lanes) {
        super("Im", Kind.DENSITY, "M-type K current (Hay et al. 2011)", FIELDS);
        this.lanes = lanes;
    }

    @Override
    public MechanismBlock newBlock(int[] nodes) {
        return new Block(this, nodes, lanes);
    }

    private static final class Block extends MechanismBlock {
        private final double[] gbar = column("gImbar");
        private final double[] ek = column("ek");
        private final double[] m = column("m");
        private final double[] ik = column("ik");
        /** Results of {@link #rates}, valid until its next call (the rate is 1 / tau). */
        private double mInf, mRate;
        /** The vector kernels' inputs: each instance's potential, gathered, and the node runs; null for scalar. */
        private final double[] vAt;
        private final int[] runs;
        /** At a potential: mInf and m's cnexp factor. */
        private final StepTable table = new StepTable(2, (v, dt, out) -> {
            rates(v);
            out[0] = mInf;
            out[1] = 1 - Math.exp(-dt * mRate);
        });
        private final StepTable.ExactUpdate exactly = this::advanceExactly;
        private boolean useTables = true;

        Block(Mechanism mechanism, int[] nodes, boolean lanes) {
            super(mechanism, nodes);
            vAt = lanes ? new double[size] : null;
            runs = lanes ? Simd.runs(node) : null;
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
            if (runs != null) {
                Lanes.currents(this, s);
            } else {
                currents(s, 0, size);
            }
        }

        /** The current phase of the instances [from, to). */
        private void currents(CellState s, int from, int to) {
            double[] v = s.v, rhs = s.rhs, d = s.d;
            for (int k = from; k < to; k++) {
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
            if (useTables) {
                table.advanceGate(v, node, dt, m, exactly);
                return;
            }
            int done = 0;
            if (vAt != null) {
                Simd.gather(v, node, vAt);
                done = Lanes.advance(vAt, dt, m);
            }
            for (int k = done; k < size; k++) {
                advanceExactly(k, v[node[k]], dt);
            }
        }

        private void advanceExactly(int k, double v, double dt) {
            rates(v);
            m[k] += (1 - Math.exp(-dt * mRate)) * (mInf - m[k]);
        }

        @Override
        public void setUseTables(boolean useTables) {
            this.useTables = useTables;
        }

        private void rates(double v) {
            double e = Math.exp(2.5 * 0.04 * (v + 35));
            double mAlpha = 3.3e-3 * e;
            double mBeta = 3.3e-3 / e;
            mInf = mAlpha / (mAlpha + mBeta);
            mRate = (mAlpha + mBeta) * QT;
        }
    }

    /**
     * The block's loops in vector lanes, each lane one instance: the current phase over the runs of consecutive
     * nodes, with the same operations and results; the state update over the gathered potentials with
     * {@link Block#rates} inlined, the same operations in the same order, so that results differ only where the
     * vector exp rounds differently from {@link Math#exp} (1 ulp at most). Loaded only when {@link Simd#enabled()}.
     */
    private static final class Lanes {
        /**
         * {@link Block#currents(CellState, int, int)} in vector lanes over each run of consecutive nodes, a run's
         * last instances (fewer than a vector) by that scalar loop: the same operations, so the same results.
         */
        static void currents(Block b, CellState s) {
            double[] v = s.v, rhs = s.rhs, d = s.d;
            for (int r = 0; r + 1 < b.runs.length; r++) {
                int k = b.runs[r], end = b.runs[r + 1], shift = b.node(k) - k;
                for (; k + SPECIES.length() <= end; k += SPECIES.length()) {
                    DoubleVector g = DoubleVector.fromArray(SPECIES, b.gbar, k)
                            .mul(DoubleVector.fromArray(SPECIES, b.m, k));
                    DoubleVector cur = g.mul(DoubleVector.fromArray(SPECIES, v, k + shift)
                            .sub(DoubleVector.fromArray(SPECIES, b.ek, k)));
                    cur.intoArray(b.ik, k);
                    addCurrent(rhs, d, k + shift, cur, g);
                }
                b.currents(s, k, end);
            }
        }

        /** Advances m of the instances [0, n) at potentials v, n the largest multiple of the lane count. */
        static int advance(double[] v, double dt, double[] m) {
            int n = SPECIES.loopBound(m.length);
            for (int k = 0; k < n; k += SPECIES.length()) {
                DoubleVector vk = DoubleVector.fromArray(SPECIES, v, k);
                DoubleVector e = exp(vk.add(35).mul(2.5 * 0.04));
                DoubleVector mAlpha = e.mul(3.3e-3);
                DoubleVector mBeta = DoubleVector.broadcast(SPECIES, 3.3e-3).div(e);
                DoubleVector mInf = mAlpha.div(mAlpha.add(mBeta));
                DoubleVector mRate = mAlpha.add(mBeta).mul(QT);
                cnexp(m, k, mInf, mRate, dt);
            }
            return n;
        }
    }
}
