package org.spineformer.mechanisms.hay2011;

import static org.spineformer.mechanisms.simd.Vectors.SPECIES;
import static org.spineformer.mechanisms.simd.Vectors.addCurrent;
import static org.spineformer.mechanisms.simd.Vectors.cnexp;
import static org.spineformer.mechanisms.simd.Vectors.exp;
import static org.spineformer.mechanisms.simd.Vectors.inverse;
import static org.spineformer.mechanisms.simd.Vectors.oneMinus;

import java.util.List;
import jdk.incubator.vector.DoubleVector;
import org.spineformer.engine.mech.AbstractMechanism;
import org.spineformer.engine.mech.CellState;
import org.spineformer.engine.mech.FieldSpec;
import org.spineformer.engine.mech.IonCurrentSum;
import org.spineformer.engine.mech.Mechanism;
import org.spineformer.engine.mech.MechanismBlock;
import org.spineformer.engine.simd.Simd;
import org.spineformer.engine.simd.StrictExp;
import org.spineformer.engine.table.CubicTable;
import org.spineformer.engine.table.StepTable;

/**
 * Transient sodium current of Hay et al. (2011), after Colbert and Pan (2002), from HayEtAl_2011_NaTa_t.mod:
 * ina = gNaTa_tbar m^3 h (v - ena), m and h integrated with cnexp.
 *
 * <p>The rates are scaled by a fixed qt = 2.3^((34-21)/10), whatever the temperature. The rate functions are 0/0 at
 * v = -38 mV (m) and v = -66 mV (h); the mod file then adds 0.0001 mV to its local copy of v before evaluating
 * them (the nudge for -38 is still in effect for the h rates). The membrane potential is not changed.
 *
 * <p>Each gate's two exponentials are one and its reciprocal (exp((v + 38) / 6) = 1 / exp(-(v + 38) / 6)), and the
 * time constant is kept as its inverse, the rate, so that cnexp's exp(-dt / tau) is exp(-dt rate): the mod file's
 * values to rounding, with two exponentials and six divisions fewer per instance and step.
 *
 * <p>The state phase reads the gates' steady states and cnexp factors from a {@link StepTable} (within 1e-10 of
 * the exact functions; NEURON has no TABLE here) unless tables are switched off; at -38 and -66 mV, where the mod
 * file nudges v, and outside the table it evaluates the rates exactly. The current phase, and the exact state phase,
 * run in vector lanes when {@link Simd#enabled()} (see {@link Lanes}).
 */
public final class NaTaT extends AbstractMechanism {
    private static final double QT = Math.pow(2.3, (34 - 21) / 10.0);
    private static final List<FieldSpec> FIELDS = List.of(
            FieldSpec.nonNegative("gNaTa_tbar", "S/cm2", 0.00001, "maximal conductance density"),
            FieldSpec.parameter("ena", "mV", 50, "sodium reversal potential"),
            FieldSpec.state("m", "1", "activation"),
            FieldSpec.state("h", "1", "inactivation"),
            FieldSpec.assigned("ina", "mA/cm2", "sodium current"));
    private final boolean simd;

    public NaTaT() {
        this(Simd.enabled());
    }

    /** With the vector kernels ({@code simd}: needs jdk.incubator.vector) or the scalar ones only. */
    NaTaT(boolean simd) {
        super("NaTa_t", Kind.DENSITY, "transient Na current (Hay et al. 2011)", FIELDS);
        this.simd = simd;
    }

    /** The type of the paper's HayEtAl_2011_NaTa_t.mod (NEURON 8.2.2, the paper's mod folder compiled). */
    @Override
    public int neuronType() {
        return 38;
    }

    @Override
    public MechanismBlock newBlock(int[] nodes) {
        return newBlock(nodes, 1);
    }

    @Override
    public MechanismBlock newBlock(int[] nodes, int lanes) {
        return new Block(this, nodes, lanes, simd);
    }

    /** The potentials (mV) at which the mod file nudges v and so the state phase evaluates the rates exactly. */
    static boolean nudged(double v) {
        return v == -38 || v == -66;
    }

    private static final class Block extends TabulatedGates {
        private final double[] gbar = column("gNaTa_tbar");
        private final double[] ena = column("ena");
        private final double[] m = column("m");
        private final double[] h = column("h");
        private final double[] ina = column("ina");
        /** Its current added to the ion's when some block reads the ion's total. */
        private final IonCurrentSum inaSum = new IonCurrentSum("na", "ina");
        /** Results of {@link #rates}, valid until its next call (a rate is 1 / tau). */
        private double mInf, mRate, hInf, hRate;
        /**
         * One trial: the vector kernels' inputs, each instance's potential, gathered, and the node runs; null for
         * scalar kernels or several trials.
         */
        private final double[] vAt;
        private final int[] runs;
        /** Several trials, one vector per instance ({@link Lanes#trialCurrents}, {@link Lanes#trialAdvance}). */
        private final boolean trialVectors;

        Block(Mechanism mechanism, int[] nodes, int lanes, boolean simd) {
            super(mechanism, nodes, lanes, 2, simd);
            vAt = simd && lanes == 1 ? new double[size] : null;
            runs = simd && lanes == 1 ? Simd.runs(node) : null;
            trialVectors = simd && lanes > 1 && lanes == Simd.preferredLanes();
        }

        @Override
        public void initialize(CellState s) {
            for (int k = 0; k < size; k++) {
                for (int l = 0; l < lanes; l++) {
                    rates(s.v[node[k] * lanes + l]);
                    m[k * lanes + l] = mInf;
                    h[k * lanes + l] = hInf;
                }
            }
        }

        @Override
        public void attach(CellState s) {
            inaSum.attach(s, this);
        }

        @Override
        public void currents(CellState s) {
            if (runs != null) {
                Lanes.currents(this, s);
            } else if (lanes == 1) {
                currents(s, 0, size);
            } else if (trialVectors) {
                Lanes.trialCurrents(this, s);
            } else {
                trialCurrents(s);
            }
            inaSum.add();
        }

        /** The current phase of several trials, each lane as {@link #currents(CellState, int, int)} computes it. */
        private void trialCurrents(CellState s) {
            double[] v = s.v, rhs = s.rhs, d = s.d;
            for (int k = 0; k < size; k++) {
                for (int l = 0, nd = node[k] * lanes, j = k * lanes; l < lanes; l++, nd++, j++) {
                    double g = gbar[j] * m[j] * m[j] * m[j] * h[j];
                    double cur = g * (v[nd] - ena[j]);
                    ina[j] = cur;
                    rhs[nd] -= cur;
                    d[nd] += g;
                }
            }
        }

        /** The current phase of the instances [from, to). */
        private void currents(CellState s, int from, int to) {
            double[] v = s.v, rhs = s.rhs, d = s.d;
            for (int k = from; k < to; k++) {
                int nd = node[k];
                double g = gbar[k] * m[k] * m[k] * m[k] * h[k];
                double cur = g * (v[nd] - ena[k]);
                ina[k] = cur;
                rhs[nd] -= cur;
                d[nd] += g;
            }
        }

        @Override
        public void advanceAlone(CellState s) {
            if (lanes > 1) {
                trialAdvance(s);
                return;
            }
            double[] v = s.v;
            double dt = s.dt;
            if (usesTables()) {
                CubicTable tab = table(dt);
                for (int k = 0; k < size; k++) {
                    double vk = v[node[k]];
                    double u = tab.position(vk);
                    if (u >= 0 && !nudged(vk)) {
                        int c = tab.start(u);
                        double t = u - (int) u;
                        m[k] += tab.value(c, 1, t) * (tab.value(c, 0, t) - m[k]);
                        h[k] += tab.value(c, 3, t) * (tab.value(c, 2, t) - h[k]);
                    } else {
                        advanceExactly(k, vk, dt);
                    }
                }
                return;
            }
            int done = 0;
            if (vAt != null) {
                Simd.gather(v, node, vAt);
                done = Lanes.advance(vAt, dt, m, h);
            }
            for (int k = done; k < size; k++) {
                advanceExactly(k, v[node[k]], dt);
            }
        }

        /**
         * The state phase of several trials: per lane what {@link #advance} does for one instance, the table read at
         * the lane's potential; exact rates in one vector per instance when the lanes are one vector.
         */
        private void trialAdvance(CellState s) {
            double[] v = s.v;
            double dt = s.dt;
            if (!usesTables() && trialVectors) {
                Lanes.trialAdvance(this, v, dt);
                return;
            }
            CubicTable tab = usesTables() ? table(dt) : null;
            for (int k = 0; k < size; k++) {
                for (int l = 0, nd = node[k] * lanes, j = k * lanes; l < lanes; l++, nd++, j++) {
                    double vj = v[nd];
                    double u = tab == null ? -1 : tab.position(vj);
                    if (u >= 0 && !nudged(vj)) {
                        int c = tab.start(u);
                        double t = u - (int) u;
                        m[j] += tab.value(c, 1, t) * (tab.value(c, 0, t) - m[j]);
                        h[j] += tab.value(c, 3, t) * (tab.value(c, 2, t) - h[j]);
                    } else {
                        advanceExactly(j, vj, dt);
                    }
                }
            }
        }

        @Override
        public void advanceExactly(int k, double v, double dt) {
            rates(v);
            m[k] += (1 - StrictExp.exp(-dt * mRate)) * (mInf - m[k]);
            h[k] += (1 - StrictExp.exp(-dt * hRate)) * (hInf - h[k]);
        }

        @Override
        void tabulate(double v, double dt, double[] out) {
            rates(v);
            out[0] = mInf;
            out[1] = 1 - StrictExp.exp(-dt * mRate);
            out[2] = hInf;
            out[3] = 1 - StrictExp.exp(-dt * hRate);
        }

        @Override
        public double[] gate(int g) {
            return g == 0 ? m : h;
        }

        private void rates(double v) {
            if (v == -38) {
                v += 0.0001;
            }
            double x = v + 38;
            double e = StrictExp.exp(-x / 6);
            double mAlpha = 0.182 * x / (1 - e);
            double mBeta = 0.124 * -x / (1 - 1 / e);
            mRate = (mAlpha + mBeta) * QT;
            mInf = mAlpha / (mAlpha + mBeta);
            if (v == -66) {
                v += 0.0001;
            }
            double y = v + 66;
            double f = StrictExp.exp(y / 6);
            double hAlpha = -0.015 * y / (1 - f);
            double hBeta = -0.015 * -y / (1 - 1 / f);
            hRate = (hAlpha + hBeta) * QT;
            hInf = hAlpha / (hAlpha + hBeta);
        }
    }

    /**
     * The block's loops in vector lanes, each lane one instance: the current phase over the runs of consecutive
     * nodes, with the same operations and results; the state update over the gathered potentials with
     * {@link Block#rates} inlined, the same operations in the same order and the same exponential
     * ({@link StrictExp}'s bits), so the same results. Loaded only when {@link Simd#enabled()}.
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
                    DoubleVector mk = DoubleVector.fromArray(SPECIES, b.m, k);
                    DoubleVector g = DoubleVector.fromArray(SPECIES, b.gbar, k).mul(mk).mul(mk).mul(mk)
                            .mul(DoubleVector.fromArray(SPECIES, b.h, k));
                    DoubleVector cur = g.mul(DoubleVector.fromArray(SPECIES, v, k + shift)
                            .sub(DoubleVector.fromArray(SPECIES, b.ena, k)));
                    cur.intoArray(b.ina, k);
                    addCurrent(rhs, d, k + shift, cur, g);
                }
                b.currents(s, k, end);
            }
        }

        /**
         * {@link Block#trialCurrents} with one vector per instance (the lanes its trials): the same operations, so
         * the same results.
         */
        static void trialCurrents(Block b, CellState s) {
            double[] v = s.v, rhs = s.rhs, d = s.d;
            for (int k = 0; k < b.size(); k++) {
                int j = k * SPECIES.length(), nd = b.node(k) * SPECIES.length();
                DoubleVector mk = DoubleVector.fromArray(SPECIES, b.m, j);
                DoubleVector g = DoubleVector.fromArray(SPECIES, b.gbar, j).mul(mk).mul(mk).mul(mk)
                        .mul(DoubleVector.fromArray(SPECIES, b.h, j));
                DoubleVector cur = g.mul(DoubleVector.fromArray(SPECIES, v, nd)
                        .sub(DoubleVector.fromArray(SPECIES, b.ena, j)));
                cur.intoArray(b.ina, j);
                addCurrent(rhs, d, nd, cur, g);
            }
        }

        /** The exact state update of several trials, one vector per instance (the lanes its trials). */
        static void trialAdvance(Block b, double[] v, double dt) {
            for (int k = 0; k < b.size(); k++) {
                advance(v, b.node(k) * SPECIES.length(), dt, b.m, b.h, k * SPECIES.length());
            }
        }

        /** Advances m and h of the instances [0, n) at potentials v, n the largest multiple of the lane count. */
        static int advance(double[] v, double dt, double[] m, double[] h) {
            int n = SPECIES.loopBound(m.length);
            for (int k = 0; k < n; k += SPECIES.length()) {
                advance(v, k, dt, m, h, k);
            }
            return n;
        }

        /** One vector of m and h at {@code k}, at the potentials at {@code v[at]}. */
        private static void advance(double[] v, int at, double dt, double[] m, double[] h, int k) {
            DoubleVector vk = DoubleVector.fromArray(SPECIES, v, at);
            vk = vk.add(0.0001, vk.eq(-38));
            DoubleVector x = vk.add(38);
            DoubleVector e = exp(x.neg().div(6));
            DoubleVector mAlpha = x.mul(0.182).div(oneMinus(e));
            DoubleVector mBeta = x.neg().mul(0.124).div(oneMinus(inverse(e)));
            DoubleVector mRate = mAlpha.add(mBeta).mul(QT);
            DoubleVector mInf = mAlpha.div(mAlpha.add(mBeta));
            vk = vk.add(0.0001, vk.eq(-66));
            DoubleVector y = vk.add(66);
            DoubleVector f = exp(y.div(6));
            DoubleVector hAlpha = y.mul(-0.015).div(oneMinus(f));
            DoubleVector hBeta = y.neg().mul(-0.015).div(oneMinus(inverse(f)));
            DoubleVector hRate = hAlpha.add(hBeta).mul(QT);
            DoubleVector hInf = hAlpha.div(hAlpha.add(hBeta));
            cnexp(m, k, mInf, mRate, dt);
            cnexp(h, k, hInf, hRate, dt);
        }
    }
}
