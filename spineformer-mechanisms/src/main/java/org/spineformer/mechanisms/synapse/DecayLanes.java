package org.spineformer.mechanisms.synapse;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;
import org.spineformer.mechanisms.simd.Vectors;

/**
 * The synapses' conductance decay in vector lanes, with the scalar code's bits. Uses the Vector API: only the
 * synapses' vector kernels touch it.
 */
final class DecayLanes {
    private static final VectorSpecies<Double> SPECIES = Vectors.SPECIES;

    private DecayLanes() {
    }

    /**
     * {@code x[k] = flushed(x[k] - decay[k] * x[k])} ({@link DoubleExponential#flushed}) for k in [0, n), n the end
     * of the whole vectors; returns n.
     */
    static int decay(double[] x, double[] decay) {
        int k = 0;
        for (; k + SPECIES.length() <= x.length; k += SPECIES.length()) {
            decay(x, decay, k);
        }
        return k;
    }

    /** One vector of {@link #decay(double[], double[])}, at k. */
    static void decay(double[] x, double[] decay, int k) {
        DoubleVector xk = DoubleVector.fromArray(SPECIES, x, k);
        xk = xk.sub(DoubleVector.fromArray(SPECIES, decay, k).mul(xk));
        xk.blend(0, xk.abs().lt(DoubleExponential.NEGLIGIBLE)).intoArray(x, k);
    }
}
