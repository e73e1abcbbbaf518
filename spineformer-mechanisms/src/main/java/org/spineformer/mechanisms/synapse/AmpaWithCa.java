package org.spineformer.mechanisms.synapse;

import static org.spineformer.mechanisms.simd.Vectors.oneMinus;

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

/**
 * Double-exponential AMPA synapse potentiated by calcium, from Ellwood_AMPA_with_Ca.mod:
 * iampa = ((1 - alpha) + max_potentiation alpha) gmax (Gampa - Aampa) (v - e), where
 * alpha = sig(sigmoid_sharpness (g_dynamic_delayed / ca_potentiation_threshold - 1) + sigmoid_offset),
 * g_dynamic' = -g_dynamic / tau_plasticity + (cai - 5e-7)^4 and
 * g_dynamic_delayed' = (g_dynamic - g_dynamic_delayed) / tau_g_dynamic_delayed. It reads cai in its state phase,
 * after the calcium pool has advanced it, as in NEURON.
 *
 * <p><b>The current enters the membrane twice.</b> The mod file declares {@code NONSPECIFIC_CURRENT i, iampa} and
 * sets i = iampa; NEURON sums every non-specific current into the membrane, so the cell receives 2 i (and di/dv
 * 2 di/dv). The NEURON reference run with free voltage confirms it: counted once, v departs from NEURON's by 24 %
 * of its range, counted twice it matches to print precision. This class reproduces NEURON; its field {@code i} is
 * the mod file's i, one synapse's current, which the membrane receives twice.
 *
 * <p>alpha is a GLOBAL in the mod file, overwritten by every instance's BREAKPOINT; it is kept per synapse here,
 * which is what each synapse's own current uses in NEURON. The default ca_potentiation_threshold is +infinity
 * (the mod file has 1e50): it means no potentiation, alpha exactly 0, and the current is exactly
 * gmax g (v - e) as in Ellwood_AMPA_with_Ca_no_potentiation.mod, where the mod file's 1e50 would still leave
 * alpha = sig(-sigmoid_sharpness + sigmoid_offset) > 0. mg and ca_zero_point are RANGE parameters of the mod file
 * that its equations do not use. As in NEURON, INITIAL pulls tau1 below tau2 when tau1/tau2 > 0.9999, overwriting
 * the parameter. The time constants are read at initialization (where NEURON also computes the event factor): a
 * change takes effect at the next initialization.
 *
 * <p>alpha is computed by {@link Potentiation}; it, the current phase and the state phase run in vector lanes when
 * {@link Simd#enabled()} (the current and state phases over runs of consecutive nodes, with the scalar loops'
 * bits). Aampa and Gampa are
 * set to exactly 0 once negligible ({@link DoubleExponential#NEGLIGIBLE}); while both are 0 the current phase sets
 * g and i to 0 without computing them (the computation would give them as +-0; alpha is still computed).
 */
public final class AmpaWithCa extends AbstractMechanism {
    /** The calcium level at which the potentiation integrand (cai - CA_REST)^4 vanishes (mM). */
    private static final double CA_REST = 5e-7;
    private static final List<FieldSpec> FIELDS = List.of(
            FieldSpec.positive("tau1", "ms", 0.34, "rise time constant"),
            FieldSpec.positive("tau2", "ms", 2.0, "decay time constant"),
            FieldSpec.parameter("e", "mV", 0.0, "reversal potential"),
            FieldSpec.nonNegative("gmax", "uS", 0.002, "maximal conductance per unit weight, unpotentiated"),
            FieldSpec.nonNegative("mg", "mM", 1, "external magnesium (unused by the equations)"),
            FieldSpec.parameter("ca_zero_point", "mM", 500, "unused by the equations"),
            FieldSpec.nonNegative("max_potentiation", "1", 8, "conductance factor when fully potentiated"),
            FieldSpec.parameter("ca_potentiation_threshold", "1", Double.POSITIVE_INFINITY, Double.MIN_VALUE,
                    Double.POSITIVE_INFINITY, "g_dynamic_delayed at the sigmoid's midpoint; infinity: no potentiation"),
            FieldSpec.parameter("sigmoid_sharpness", "1", 20, "slope of the potentiation sigmoid"),
            FieldSpec.parameter("sigmoid_offset", "1", 0, "offset of the potentiation sigmoid"),
            FieldSpec.positive("tau_plasticity", "ms", 20000.0, "decay time constant of g_dynamic"),
            FieldSpec.positive("tau_g_dynamic_delayed", "ms", 500, "low-pass time constant of g_dynamic_delayed"),
            FieldSpec.state("Aampa", "uS", "rising component, in NetCon-weight units"),
            FieldSpec.state("Gampa", "uS", "decaying component, in NetCon-weight units"),
            FieldSpec.state("g_dynamic", "1", "decaying integral of (cai - 5e-7)^4 (in effect mM^4 ms)"),
            FieldSpec.state("g_dynamic_delayed", "1", "g_dynamic low-pass filtered"),
            FieldSpec.assigned("g", "uS", "Gampa - Aampa, in NetCon-weight units"),
            FieldSpec.assigned("alpha", "1", "potentiation, 0..1"),
            FieldSpec.assigned("i", "nA", "synaptic current of this synapse (the membrane receives it twice)"),
            FieldSpec.assigned("factor", "1", "event normalisation: the peak of Gampa - Aampa equals the weight"));

    private final boolean simd;

    public AmpaWithCa() {
        this(Simd.enabled());
    }

    /** With alpha computed in vector lanes ({@code simd}: needs jdk.incubator.vector) or scalar only. */
    AmpaWithCa(boolean simd) {
        super("AMPA_WITH_CA", Kind.POINT_PROCESS,
                "double-exponential AMPA synapse with calcium-dependent potentiation (Ellwood)", FIELDS);
        this.simd = simd;
    }

    /** The type of the paper's Ellwood_AMPA_with_Ca.mod (NEURON 8.2.2, the paper's mod folder compiled). */
    @Override
    public int neuronType() {
        return 34;
    }

    @Override
    public MechanismBlock newBlock(int[] nodes) {
        return newBlock(nodes, 1);
    }

    @Override
    public MechanismBlock newBlock(int[] nodes, int lanes) {
        return new Block(this, nodes, lanes, simd);
    }

    private static final class Block extends MechanismBlock {
        /** Every state is a column; the decay fractions are made from the parameters and dt. */
        @Override
        public boolean stateInColumns() {
            return true;
        }

        private final double[] tau1 = column("tau1");
        private final double[] tau2 = column("tau2");
        private final double[] e = column("e");
        private final double[] gmax = column("gmax");
        private final double[] maxPotentiation = column("max_potentiation");
        private final double[] threshold = column("ca_potentiation_threshold");
        private final double[] sharpness = column("sigmoid_sharpness");
        private final double[] offset = column("sigmoid_offset");
        private final double[] tauPlasticity = column("tau_plasticity");
        private final double[] tauDelayed = column("tau_g_dynamic_delayed");
        private final double[] aampa = column("Aampa");
        private final double[] gampa = column("Gampa");
        private final double[] gDynamic = column("g_dynamic");
        private final double[] gDelayed = column("g_dynamic_delayed");
        private final double[] g = column("g");
        private final double[] alpha = column("alpha");
        private final double[] i = column("i");
        private final double[] factor = column("factor");
        private final double[] decayA = new double[size * lanes];
        private final double[] decayG = new double[size * lanes];
        private final double[] decayDynamic = new double[size * lanes];
        private final double[] decayDelayed = new double[size * lanes];
        /** Whether alpha is computed in vector lanes ({@link Potentiation}). */
        private final boolean simd;
        /** One trial: the node runs for the vector lanes; null when they are off or for several trials. */
        private final int[] runs;
        /** Several trials, one vector per instance ({@link Lanes#trialCurrents}, {@link Lanes#trialAdvance}). */
        private final boolean trialVectors;
        private double[] cai;

        Block(Mechanism mechanism, int[] nodes, int lanes, boolean simd) {
            super(mechanism, nodes, lanes);
            this.simd = simd;
            this.runs = simd && lanes == 1 ? Simd.runs(node) : null;
            this.trialVectors = simd && lanes > 1 && lanes == Simd.preferredLanes();
        }

        @Override
        public void attach(CellState s) {
            cai = s.ion("ca").concentration;
        }

        @Override
        public void initialize(CellState s) {
            double dt = s.dt;
            // every column is [instance * lanes + lane]: each element is one instance in one trial
            for (int k = 0; k < size * lanes; k++) {
                tau1[k] = DoubleExponential.guardedTau1(tau1[k], tau2[k]);
                aampa[k] = 0;
                gampa[k] = 0;
                gDynamic[k] = 0;
                gDelayed[k] = 0;
                factor[k] = DoubleExponential.factor(tau1[k], tau2[k]);
                decayA[k] = DoubleExponential.decayFraction(dt, tau1[k]);
                decayG[k] = DoubleExponential.decayFraction(dt, tau2[k]);
                decayDynamic[k] = DoubleExponential.decayFraction(dt, tauPlasticity[k]);
                decayDelayed[k] = DoubleExponential.decayFraction(dt, tauDelayed[k]);
            }
        }

        @Override
        public void currents(CellState s) {
            Potentiation.compute(simd, gDelayed, threshold, sharpness, offset, alpha);
            if (lanes > 1) {
                if (trialVectors) {
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
            for (int r = 0; r + 1 < runs.length; r++) {
                currents(s, Lanes.currents(this, s, runs[r], runs[r + 1]), runs[r + 1]);
            }
        }

        /** The current phase of the instances [from, to), alpha computed. */
        private void currents(CellState s, int from, int to) {
            double[] v = s.v, rhs = s.rhs, d = s.d, scale = s.pointScale;
            for (int k = from; k < to; k++) {
                if (aampa[k] == 0 && gampa[k] == 0) {
                    // no conductance, so no current and di/dv exactly 0, as NEURON computes them
                    g[k] = 0;
                    i[k] = 0;
                    continue;
                }
                int nd = node[k];
                double gk = gampa[k] - aampa[k];
                double al = alpha[k];
                double conductance = ((1 - al) + maxPotentiation[k] * al) * gmax[k] * gk;
                double cur = conductance * (v[nd] - e[k]);
                g[k] = gk;
                i[k] = cur;
                // i and iampa: two non-specific currents of the same value
                rhs[nd] -= 2 * cur * scale[nd];
                d[nd] += 2 * conductance * scale[nd];
            }
        }

        /**
         * The current phase of several trials, alpha computed, each lane as {@link #currents(CellState, int, int)}
         * computes it, quiet lanes skipped as there.
         */
        private void trialCurrents(CellState s) {
            double[] v = s.v, rhs = s.rhs, d = s.d;
            for (int k = 0; k < size; k++) {
                double scale = s.pointScale[node[k]];
                for (int l = 0, nd = node[k] * lanes, j = k * lanes; l < lanes; l++, nd++, j++) {
                    if (aampa[j] == 0 && gampa[j] == 0) {
                        g[j] = 0;
                        i[j] = 0;
                        continue;
                    }
                    double gj = gampa[j] - aampa[j];
                    double al = alpha[j];
                    double conductance = ((1 - al) + maxPotentiation[j] * al) * gmax[j] * gj;
                    double cur = conductance * (v[nd] - e[j]);
                    g[j] = gj;
                    i[j] = cur;
                    rhs[nd] -= 2 * cur * scale;
                    d[nd] += 2 * conductance * scale;
                }
            }
        }

        @Override
        public void advance(CellState s) {
            if (lanes > 1) {
                if (trialVectors) {
                    Lanes.trialAdvance(this);
                } else {
                    trialAdvance();
                }
                return;
            }
            if (runs == null) {
                advance(0, size);
                return;
            }
            for (int r = 0; r + 1 < runs.length; r++) {
                advance(Lanes.advance(this, runs[r], runs[r + 1]), runs[r + 1]);
            }
        }

        /** The state update of the instances [from, to). */
        private void advance(int from, int to) {
            for (int k = from; k < to; k++) {
                double c = cai[node[k]] - CA_REST;
                aampa[k] = DoubleExponential.flushed(aampa[k] - decayA[k] * aampa[k]);
                gampa[k] = DoubleExponential.flushed(gampa[k] - decayG[k] * gampa[k]);
                gDynamic[k] += decayDynamic[k] * (tauPlasticity[k] * (c * c * c * c) - gDynamic[k]);
                // uses the g_dynamic just updated, as NEURON's cnexp does for equations in sequence
                gDelayed[k] += decayDelayed[k] * (gDynamic[k] - gDelayed[k]);
            }
        }

        /** The state update of several trials, each lane as {@link #advance(int, int)} computes it. */
        private void trialAdvance() {
            for (int k = 0; k < size; k++) {
                for (int l = 0, nd = node[k] * lanes, j = k * lanes; l < lanes; l++, nd++, j++) {
                    double c = cai[nd] - CA_REST;
                    aampa[j] = DoubleExponential.flushed(aampa[j] - decayA[j] * aampa[j]);
                    gampa[j] = DoubleExponential.flushed(gampa[j] - decayG[j] * gampa[j]);
                    gDynamic[j] += decayDynamic[j] * (tauPlasticity[j] * (c * c * c * c) - gDynamic[j]);
                    gDelayed[j] += decayDelayed[j] * (gDynamic[j] - gDelayed[j]);
                }
            }
        }

        @Override
        public void deliver(int instance, int lane, double weight) {
            int j = instance * lanes + lane;
            double w = weight * factor[j];
            aampa[j] += w;
            gampa[j] += w;
        }
    }

    /**
     * The block's state phase in vector lanes over a run of consecutive nodes, one synapse per lane: the scalar
     * loop's operations in the same order, so its bits. Loaded only when {@link Simd#enabled()}.
     */
    private static final class Lanes {
        private static final VectorSpecies<Double> SPECIES = Vectors.SPECIES;
        private static final DoubleVector ZERO = DoubleVector.zero(SPECIES);

        /**
         * The current phase from {@code from} in whole vectors within the run; returns the first not done. Quiet
         * synapses are computed too (their conductance is +0, so they add nothing), and their g and i then set to
         * +0, as the scalar loop sets them.
         */
        static int currents(Block blk, CellState s, int from, int to) {
            int k = from;
            for (int shift = blk.node(from) - from; k + SPECIES.length() <= to; k += SPECIES.length()) {
                int nd = k + shift;
                DoubleVector a = DoubleVector.fromArray(SPECIES, blk.aampa, k);
                DoubleVector g = DoubleVector.fromArray(SPECIES, blk.gampa, k);
                VectorMask<Double> quiet = a.eq(0).and(g.eq(0));
                DoubleVector gk = g.sub(a);
                DoubleVector al = DoubleVector.fromArray(SPECIES, blk.alpha, k);
                DoubleVector conductance = oneMinus(al).add(DoubleVector.fromArray(SPECIES, blk.maxPotentiation, k)
                        .mul(al)).mul(DoubleVector.fromArray(SPECIES, blk.gmax, k)).mul(gk);
                DoubleVector cur = conductance.mul(DoubleVector.fromArray(SPECIES, s.v, nd)
                        .sub(DoubleVector.fromArray(SPECIES, blk.e, k)));
                gk.blend(0, quiet).intoArray(blk.g, k);
                cur.blend(0, quiet).intoArray(blk.i, k);
                DoubleVector scale = DoubleVector.fromArray(SPECIES, s.pointScale, nd);
                DoubleVector.fromArray(SPECIES, s.rhs, nd).sub(cur.mul(2).mul(scale)).intoArray(s.rhs, nd);
                DoubleVector.fromArray(SPECIES, s.d, nd).add(conductance.mul(2).mul(scale)).intoArray(s.d, nd);
            }
            return k;
        }

        /**
         * {@link Block#trialCurrents} with one vector per instance (its trials): an instance whose lanes are all
         * quiet is skipped as the scalar loop skips it; otherwise the quiet lanes are computed too and blended away
         * (g and i to +0, and to a zero that leaves the node arrays' bits unchanged: x - +0 and x + -0 are x).
         */
        static void trialCurrents(Block blk, CellState s) {
            for (int k = 0; k < blk.size(); k++) {
                int j = k * SPECIES.length(), nd = blk.node(k) * SPECIES.length();
                DoubleVector a = DoubleVector.fromArray(SPECIES, blk.aampa, j);
                DoubleVector g = DoubleVector.fromArray(SPECIES, blk.gampa, j);
                VectorMask<Double> quiet = a.eq(0).and(g.eq(0));
                if (quiet.allTrue()) {
                    ZERO.intoArray(blk.g, j);
                    ZERO.intoArray(blk.i, j);
                    continue;
                }
                DoubleVector gk = g.sub(a);
                DoubleVector al = DoubleVector.fromArray(SPECIES, blk.alpha, j);
                DoubleVector conductance = oneMinus(al).add(DoubleVector.fromArray(SPECIES, blk.maxPotentiation, j)
                        .mul(al)).mul(DoubleVector.fromArray(SPECIES, blk.gmax, j)).mul(gk);
                DoubleVector cur = conductance.mul(DoubleVector.fromArray(SPECIES, s.v, nd)
                        .sub(DoubleVector.fromArray(SPECIES, blk.e, j)));
                gk.blend(0, quiet).intoArray(blk.g, j);
                cur.blend(0, quiet).intoArray(blk.i, j);
                double scale = s.pointScale[blk.node(k)];
                DoubleVector.fromArray(SPECIES, s.rhs, nd).sub(cur.mul(2).mul(scale).blend(0, quiet))
                        .intoArray(s.rhs, nd);
                DoubleVector.fromArray(SPECIES, s.d, nd).add(conductance.mul(2).mul(scale).blend(-0.0, quiet))
                        .intoArray(s.d, nd);
            }
        }

        /** {@link Block#trialAdvance} with one vector per instance (its trials): the same operations. */
        static void trialAdvance(Block blk) {
            for (int k = 0; k < blk.size(); k++) {
                advanceVector(blk, k * SPECIES.length(), blk.node(k) * SPECIES.length());
            }
        }

        /** The state update from {@code from} in whole vectors within the run; returns the first not done. */
        static int advance(Block blk, int from, int to) {
            int k = from;
            for (int shift = blk.node(from) - from; k + SPECIES.length() <= to; k += SPECIES.length()) {
                advanceVector(blk, k, k + shift);
            }
            return k;
        }

        /** One vector of instances (or trials) at {@code k}, calcium from the nodes (or trials) at {@code nd}. */
        private static void advanceVector(Block blk, int k, int nd) {
            DoubleVector c = DoubleVector.fromArray(SPECIES, blk.cai, nd).sub(CA_REST);
            DecayLanes.decay(blk.aampa, blk.decayA, k);
            DecayLanes.decay(blk.gampa, blk.decayG, k);
            DoubleVector dynamic = DoubleVector.fromArray(SPECIES, blk.gDynamic, k);
            dynamic = dynamic.add(DoubleVector.fromArray(SPECIES, blk.decayDynamic, k)
                    .mul(DoubleVector.fromArray(SPECIES, blk.tauPlasticity, k).mul(c.mul(c).mul(c).mul(c))
                            .sub(dynamic)));
            dynamic.intoArray(blk.gDynamic, k);
            DoubleVector delayed = DoubleVector.fromArray(SPECIES, blk.gDelayed, k);
            delayed.add(DoubleVector.fromArray(SPECIES, blk.decayDelayed, k).mul(dynamic.sub(delayed)))
                    .intoArray(blk.gDelayed, k);
        }
    }
}
