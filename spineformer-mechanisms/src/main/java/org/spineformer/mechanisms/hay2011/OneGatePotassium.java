package org.spineformer.mechanisms.hay2011;

import static org.spineformer.mechanisms.simd.Vectors.SPECIES;
import static org.spineformer.mechanisms.simd.Vectors.addCurrent;

import java.util.List;
import jdk.incubator.vector.DoubleVector;
import org.spineformer.engine.mech.AbstractMechanism;
import org.spineformer.engine.mech.CellState;
import org.spineformer.engine.mech.FieldSpec;
import org.spineformer.engine.mech.IonCurrentSum;
import org.spineformer.engine.mech.MechanismBlock;
import org.spineformer.engine.simd.Simd;
import org.spineformer.engine.simd.StrictExp;
import org.spineformer.engine.table.CubicTable;
import org.spineformer.engine.table.StepTable;

/**
 * What Im and SKv3_1 share: a potassium current ik = gbar m (v - ek) with one gate m, integrated with cnexp. A
 * channel gives the gate's steady state and rate (1 / tau, so that cnexp's exp(-dt / tau) is exp(-dt rate)).
 *
 * <p>The state phase reads the steady state and the cnexp factor from a {@link StepTable} (within 1e-10 of the
 * exact functions; NEURON has no TABLE here) unless tables are switched off, and evaluates the rates exactly
 * outside the table. The current phase, and the exact state phase, run in vector lanes when {@link Simd#enabled()}.
 */
abstract class OneGatePotassium extends AbstractMechanism {
    private final String gbarField;
    private final boolean simd;

    /** With the vector kernels ({@code simd}: needs jdk.incubator.vector) or the scalar ones only. */
    OneGatePotassium(String name, String description, String gbarField, boolean simd) {
        super(name, Kind.DENSITY, description, List.of(
                FieldSpec.nonNegative(gbarField, "S/cm2", 0.00001, "maximal conductance density"),
                FieldSpec.parameter("ek", "mV", -77, "potassium reversal potential"),
                FieldSpec.state("m", "1", "activation"),
                FieldSpec.assigned("ik", "mA/cm2", "potassium current")));
        this.gbarField = gbarField;
        this.simd = simd;
    }

    /** The gate's steady state at v (mV). */
    abstract double steadyState(double v);

    /** The gate's rate, 1 / tau (1/ms), at v (mV). */
    abstract double rate(double v);

    /**
     * The exact state update of the instances [0, n) at potentials v in vector lanes, n the largest multiple of the
     * lane count; returns n. The same operations in the same order as {@link #steadyState} and {@link #rate}, with
     * the same exponential ({@link StrictExp}'s bits), so the same results.
     * Called only when {@link Simd#enabled()}; a channel keeps the vector code in a nested class, so that it loads
     * without the Vector API.
     */
    abstract int advanceInLanes(double[] v, double dt, double[] m);

    /**
     * The exact state update of several trials in vector lanes, one vector per instance (its trials, the vector
     * length of them) for every instance, with the operations of {@link #advanceInLanes}. Called only when
     * {@link Simd#enabled()}.
     */
    abstract void advanceTrialsInLanes(double[] v, int[] node, double dt, double[] m);

    @Override
    public final MechanismBlock newBlock(int[] nodes) {
        return newBlock(nodes, 1);
    }

    @Override
    public final MechanismBlock newBlock(int[] nodes, int lanes) {
        return new Block(this, nodes, lanes);
    }

    private static final class Block extends TabulatedGates {
        private final OneGatePotassium channel;
        private final double[] gbar;
        private final double[] ek = column("ek");
        private final double[] m = column("m");
        private final double[] ik = column("ik");
        /** Its current added to the ion's when some block reads the ion's total. */
        private final IonCurrentSum ikSum = new IonCurrentSum("k", "ik");
        /**
         * One trial: the vector kernels' inputs, each instance's potential, gathered, and the node runs; null for
         * scalar kernels or several trials.
         */
        private final double[] vAt;
        private final int[] runs;
        /** Several trials, one vector per instance ({@link Lanes#trialCurrents}). */
        private final boolean trialVectors;

        Block(OneGatePotassium channel, int[] nodes, int lanes) {
            super(channel, nodes, lanes, 1, channel.simd);
            this.channel = channel;
            gbar = column(channel.gbarField);
            vAt = channel.simd && lanes == 1 ? new double[size] : null;
            runs = channel.simd && lanes == 1 ? Simd.runs(node) : null;
            trialVectors = channel.simd && lanes > 1 && lanes == Simd.preferredLanes();
        }

        @Override
        public void initialize(CellState s) {
            for (int k = 0; k < size; k++) {
                for (int l = 0; l < lanes; l++) {
                    m[k * lanes + l] = channel.steadyState(s.v[node[k] * lanes + l]);
                }
            }
        }

        @Override
        public void attach(CellState s) {
            ikSum.attach(s, this);
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
            ikSum.add();
        }

        /** The current phase of several trials, each lane as {@link #currents(CellState, int, int)} computes it. */
        private void trialCurrents(CellState s) {
            double[] v = s.v, rhs = s.rhs, d = s.d;
            for (int k = 0; k < size; k++) {
                for (int l = 0, nd = node[k] * lanes, j = k * lanes; l < lanes; l++, nd++, j++) {
                    double g = gbar[j] * m[j];
                    double cur = g * (v[nd] - ek[j]);
                    ik[j] = cur;
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
                double g = gbar[k] * m[k];
                double cur = g * (v[nd] - ek[k]);
                ik[k] = cur;
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
                    if (u >= 0) {
                        int c = tab.start(u);
                        double t = u - (int) u;
                        m[k] += tab.value(c, 1, t) * (tab.value(c, 0, t) - m[k]);
                    } else {
                        advanceExactly(k, vk, dt);
                    }
                }
                return;
            }
            int done = 0;
            if (vAt != null) {
                Simd.gather(v, node, vAt);
                done = channel.advanceInLanes(vAt, dt, m);
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
                channel.advanceTrialsInLanes(v, node, dt, m);
                return;
            }
            CubicTable tab = usesTables() ? table(dt) : null;
            for (int k = 0; k < size; k++) {
                for (int l = 0, nd = node[k] * lanes, j = k * lanes; l < lanes; l++, nd++, j++) {
                    double vj = v[nd];
                    double u = tab == null ? -1 : tab.position(vj);
                    if (u >= 0) {
                        int c = tab.start(u);
                        double t = u - (int) u;
                        m[j] += tab.value(c, 1, t) * (tab.value(c, 0, t) - m[j]);
                    } else {
                        advanceExactly(j, vj, dt);
                    }
                }
            }
        }

        @Override
        public void advanceExactly(int k, double v, double dt) {
            m[k] += (1 - StrictExp.exp(-dt * channel.rate(v))) * (channel.steadyState(v) - m[k]);
        }

        @Override
        void tabulate(double v, double dt, double[] out) {
            out[0] = channel.steadyState(v);
            out[1] = 1 - StrictExp.exp(-dt * channel.rate(v));
        }

        @Override
        public double[] gate(int g) {
            return m;
        }
    }

    /**
     * {@link Block#currents(CellState, int, int)} in vector lanes over each run of consecutive nodes, each lane one
     * instance, a run's last instances (fewer than a vector) by that scalar loop: the same operations, so the same
     * results. Loaded only when {@link Simd#enabled()}.
     */
    private static final class Lanes {
        /**
         * {@link Block#trialCurrents} with one vector per instance (the lanes its trials): the same operations, so
         * the same results.
         */
        static void trialCurrents(Block b, CellState s) {
            double[] v = s.v, rhs = s.rhs, d = s.d;
            for (int k = 0; k < b.size(); k++) {
                int j = k * SPECIES.length(), nd = b.node(k) * SPECIES.length();
                DoubleVector g = DoubleVector.fromArray(SPECIES, b.gbar, j)
                        .mul(DoubleVector.fromArray(SPECIES, b.m, j));
                DoubleVector cur = g.mul(DoubleVector.fromArray(SPECIES, v, nd)
                        .sub(DoubleVector.fromArray(SPECIES, b.ek, j)));
                cur.intoArray(b.ik, j);
                addCurrent(rhs, d, nd, cur, g);
            }
        }

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
    }
}
