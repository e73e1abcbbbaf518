package org.spineformer.mechanisms.simd;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;
import org.spineformer.engine.simd.StrictExp;
import org.spineformer.engine.simd.VectorMath;

/**
 * What the mechanisms' vector kernels share. It uses the Vector API, so only a vector kernel may touch it, and a
 * vector kernel runs only when {@link org.spineformer.engine.simd.Simd#enabled()}.
 */
public final class Vectors {
    /** The widest double vector the CPU computes natively (4 lanes with AVX2, 8 with AVX-512). */
    public static final VectorSpecies<Double> SPECIES = DoubleVector.SPECIES_PREFERRED;

    private Vectors() {
    }

    /** 1 / x. */
    public static DoubleVector inverse(DoubleVector x) {
        return DoubleVector.broadcast(SPECIES, 1).div(x);
    }

    /** 1 - x. */
    public static DoubleVector oneMinus(DoubleVector x) {
        return DoubleVector.broadcast(SPECIES, 1).sub(x);
    }

    /**
     * exp(x): in every lane the bits of {@link StrictExp#exp}, which the scalar kernels use, whatever the JIT has
     * compiled ({@link VectorMath#exp}; the Vector API's own exp is not that, see {@link StrictExp}).
     */
    public static DoubleVector exp(DoubleVector x) {
        return VectorMath.exp(x);
    }

    /**
     * NEURON's cnexp step of x' = (inf - x) * rate (rate = 1 / tau) for the lanes at {@code x[k]}, written as the
     * scalar kernels write it: {@code x += (1 - exp(-dt * rate)) * (inf - x)}.
     */
    public static void cnexp(double[] x, int k, DoubleVector inf, DoubleVector rate, double dt) {
        DoubleVector xk = DoubleVector.fromArray(SPECIES, x, k);
        xk.add(oneMinus(exp(rate.mul(-dt))).mul(inf.sub(xk))).intoArray(x, k);
    }

    /**
     * A density mechanism's current and conductance for lanes on the consecutive nodes from n, added as its scalar
     * loop adds them: {@code rhs -= cur; d += g}.
     */
    public static void addCurrent(double[] rhs, double[] d, int n, DoubleVector cur, DoubleVector g) {
        DoubleVector.fromArray(SPECIES, rhs, n).sub(cur).intoArray(rhs, n);
        DoubleVector.fromArray(SPECIES, d, n).add(g).intoArray(d, n);
    }
}
