package org.spineformer.mechanisms.synapse;

import static org.spineformer.mechanisms.simd.Vectors.SPECIES;
import static org.spineformer.mechanisms.simd.Vectors.exp;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorOperators;
import org.spineformer.engine.simd.Simd;
import org.spineformer.engine.simd.StrictExp;

/**
 * AMPA_WITH_CA's potentiation of every synapse of a block, alpha = sig(sigmoid_sharpness (g_dynamic_delayed /
 * ca_potentiation_threshold - 1) + sigmoid_offset), and exactly 0 for an infinite threshold (no potentiation).
 *
 * <p>Computed for every synapse in every current phase (g_dynamic_delayed changes in every step once calcium has
 * arrived), in vector lanes when {@link Simd#enabled()}: one exponential per synapse and step is the largest cost of
 * the synapse.
 */
final class Potentiation {
    private Potentiation() {
    }

    /**
     * alpha[k] for every k, in vector lanes when {@code simd}. The columns may hold several trials' lanes per synapse
     * ({@code [synapse * trials + trial]}): the vector kernel and the scalar loop give the same bits (one exponential,
     * {@link StrictExp}), so a trial's alpha does not depend on its lane or on where its synapse falls in a vector.
     */
    static void compute(boolean simd, double[] gDelayed, double[] threshold, double[] sharpness, double[] offset,
                        double[] alpha) {
        int done = simd ? Lanes.compute(gDelayed, threshold, sharpness, offset, alpha) : 0;
        computeFrom(done, gDelayed, threshold, sharpness, offset, alpha);
    }

    /** alpha[k] for k from {@code from} on, in scalar code. */
    private static void computeFrom(int from, double[] gDelayed, double[] threshold, double[] sharpness,
                                    double[] offset, double[] alpha) {
        for (int k = from; k < alpha.length; k++) {
            alpha[k] = threshold[k] == Double.POSITIVE_INFINITY ? 0
                    : sig(sharpness[k] * (gDelayed[k] / threshold[k] - 1) + offset[k]);
        }
    }

    /**
     * {@link #compute} where a current may read alpha (needs {@link Simd#enabled()}): where every element of a vector
     * is a quiet synapse (Aampa and Gampa exactly 0, so no current phase reads its alpha), its g_dynamic_delayed is
     * kept in {@code input} and {@code pending[vector]} set instead, for {@link #computePending} to give alpha the
     * bits {@link #compute} would have given it at this step; the other vectors are computed and their pending
     * cleared. Why: alpha's exponential and two divisions per synapse are most of AMPA_WITH_CA's current phase, and in
     * the experiments' rests and gaps every synapse is quiet.
     */
    static void computeWhereRead(double[] gDelayed, double[] threshold, double[] sharpness, double[] offset,
                                 double[] alpha, double[] aampa, double[] gampa, double[] input, boolean[] pending) {
        int done = Lanes.computeWhereRead(gDelayed, threshold, sharpness, offset, alpha, aampa, gampa, input,
                pending);
        computeFrom(done, gDelayed, threshold, sharpness, offset, alpha);
    }

    /** alpha of the pending vectors of {@link #computeWhereRead}, from their kept inputs; none pending after. */
    static void computePending(double[] input, double[] threshold, double[] sharpness, double[] offset,
                               double[] alpha, boolean[] pending) {
        Lanes.computePending(input, threshold, sharpness, offset, alpha, pending);
    }

    /**
     * The mod file's sig(x), written so that exp never overflows: 1 / (1 + exp(-x)) for x > 0, otherwise
     * exp(x) / (exp(x) + 1), with the one exponential both need.
     */
    static double sig(double x) {
        double e = StrictExp.exp(-Math.abs(x));
        return (x > 0 ? 1 : e) / (1 + e);
    }

    /**
     * {@link #compute}'s loop with {@link #sig} inlined, in vector lanes: the same operations in the same order and
     * the same exponential, each lane one element, so the same bits. Loaded only when {@link Simd#enabled()}.
     */
    private static final class Lanes {
        /** Computes alpha[k] for k in [0, n) and returns n, the largest multiple of the lane count in alpha. */
        static int compute(double[] gDelayed, double[] threshold, double[] sharpness, double[] offset,
                           double[] alpha) {
            int n = SPECIES.loopBound(alpha.length);
            for (int k = 0; k < n; k += SPECIES.length()) {
                alpha(gDelayed, threshold, sharpness, offset, alpha, k);
            }
            return n;
        }

        /** {@link Potentiation#computeWhereRead}'s vectors; returns the first element not done. */
        static int computeWhereRead(double[] gDelayed, double[] threshold, double[] sharpness, double[] offset,
                                    double[] alpha, double[] aampa, double[] gampa, double[] input,
                                    boolean[] pending) {
            int n = SPECIES.loopBound(alpha.length);
            for (int k = 0, vector = 0; k < n; k += SPECIES.length(), vector++) {
                if (DoubleVector.fromArray(SPECIES, aampa, k).eq(0)
                        .and(DoubleVector.fromArray(SPECIES, gampa, k).eq(0)).allTrue()) {
                    DoubleVector.fromArray(SPECIES, gDelayed, k).intoArray(input, k);
                    pending[vector] = true;
                } else {
                    alpha(gDelayed, threshold, sharpness, offset, alpha, k);
                    pending[vector] = false;
                }
            }
            return n;
        }

        static void computePending(double[] input, double[] threshold, double[] sharpness, double[] offset,
                                   double[] alpha, boolean[] pending) {
            for (int vector = 0; vector < pending.length; vector++) {
                if (pending[vector]) {
                    alpha(input, threshold, sharpness, offset, alpha, vector * SPECIES.length());
                    pending[vector] = false;
                }
            }
        }

        /** alpha of the vector of elements at k from g_dynamic_delayed {@code gDelayed}. */
        private static void alpha(double[] gDelayed, double[] threshold, double[] sharpness, double[] offset,
                                  double[] alpha, int k) {
            DoubleVector thresholdK = DoubleVector.fromArray(SPECIES, threshold, k);
            DoubleVector sharpnessK = DoubleVector.fromArray(SPECIES, sharpness, k);
            DoubleVector x = DoubleVector.fromArray(SPECIES, gDelayed, k).div(thresholdK).sub(1).mul(sharpnessK)
                    .add(DoubleVector.fromArray(SPECIES, offset, k));
            DoubleVector e = exp(x.abs().neg());
            DoubleVector sig = e.blend(1, x.compare(VectorOperators.GT, 0)).div(e.add(1));
            sig.blend(0, thresholdK.eq(Double.POSITIVE_INFINITY)).intoArray(alpha, k);
        }
    }
}
