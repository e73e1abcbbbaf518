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
        for (int k = done; k < alpha.length; k++) {
            alpha[k] = threshold[k] == Double.POSITIVE_INFINITY ? 0
                    : sig(sharpness[k] * (gDelayed[k] / threshold[k] - 1) + offset[k]);
        }
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
                DoubleVector thresholdK = DoubleVector.fromArray(SPECIES, threshold, k);
                DoubleVector sharpnessK = DoubleVector.fromArray(SPECIES, sharpness, k);
                DoubleVector x = DoubleVector.fromArray(SPECIES, gDelayed, k).div(thresholdK).sub(1).mul(sharpnessK)
                        .add(DoubleVector.fromArray(SPECIES, offset, k));
                DoubleVector e = exp(x.abs().neg());
                DoubleVector sig = e.blend(1, x.compare(VectorOperators.GT, 0)).div(e.add(1));
                sig.blend(0, thresholdK.eq(Double.POSITIVE_INFINITY)).intoArray(alpha, k);
            }
            return n;
        }
    }
}
