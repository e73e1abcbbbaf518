package org.spineformer.engine.simd;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * Elementary functions in vector lanes that give, in every lane, the bits of their scalar twins, in interpreted,
 * C1 and C2 code alike. It uses the Vector API, so only a vector kernel may touch it (one that runs only when
 * {@link Simd#enabled()}); scalar code calls the twin ({@link StrictExp#exp}) directly.
 */
public final class VectorMath {
    /**
     * The species {@link #exp} computes in: the preferred one (4 doubles with AVX2, 8 with AVX-512), which the
     * kernels use. C2 compiles the Vector API's operations to vector instructions only for a species it knows when
     * compiling, so the species is this constant.
     */
    public static final VectorSpecies<Double> SPECIES = DoubleVector.SPECIES_PREFERRED;
    // StrictExp's constants as vectors: fewer operations for C2 to inline than broadcasting them in every call
    private static final DoubleVector LOWEST = DoubleVector.broadcast(SPECIES, StrictExp.LOWEST);
    private static final DoubleVector HIGHEST = DoubleVector.broadcast(SPECIES, StrictExp.HIGHEST);
    private static final DoubleVector INV_LN2 = DoubleVector.broadcast(SPECIES, StrictExp.INV_LN2);
    private static final DoubleVector ROUNDER = DoubleVector.broadcast(SPECIES, StrictExp.ROUNDER);
    private static final DoubleVector LN2_HI = DoubleVector.broadcast(SPECIES, StrictExp.LN2_HI);
    private static final DoubleVector LN2_LO = DoubleVector.broadcast(SPECIES, StrictExp.LN2_LO);
    private static final DoubleVector P1 = DoubleVector.broadcast(SPECIES, StrictExp.P1);
    private static final DoubleVector P2 = DoubleVector.broadcast(SPECIES, StrictExp.P2);
    private static final DoubleVector P3 = DoubleVector.broadcast(SPECIES, StrictExp.P3);
    private static final DoubleVector P4 = DoubleVector.broadcast(SPECIES, StrictExp.P4);
    private static final DoubleVector P5 = DoubleVector.broadcast(SPECIES, StrictExp.P5);
    private static final DoubleVector ONE = DoubleVector.broadcast(SPECIES, 1);
    private static final DoubleVector TWO = DoubleVector.broadcast(SPECIES, 2);
    private static final DoubleVector HALF = DoubleVector.broadcast(SPECIES, 0.5);
    private static final DoubleVector EXPONENT_BIAS = DoubleVector.broadcast(SPECIES, StrictExp.EXPONENT_BIAS);
    private static final DoubleVector OVERFLOW = DoubleVector.broadcast(SPECIES, StrictExp.OVERFLOW);
    private static final DoubleVector UNDERFLOW = DoubleVector.broadcast(SPECIES, StrictExp.UNDERFLOW);
    private static final DoubleVector INFINITY = DoubleVector.broadcast(SPECIES, Double.POSITIVE_INFINITY);
    private static final DoubleVector ZERO = DoubleVector.zero(SPECIES);

    private VectorMath() {
    }

    /**
     * e^x in every lane: lane i is bit for bit {@link StrictExp#exp}(x_i), within 1 ulp of {@link StrictMath#exp},
     * NaN, infinities, overflow and subnormal results as {@link Math#exp}: the same operations in the same order
     * (see {@link StrictExp}). A vector of another species than {@link #SPECIES} is computed lane by lane with
     * {@link StrictExp#exp} (the same bits, slowly).
     */
    public static DoubleVector exp(DoubleVector x) {
        if (x.species() != SPECIES) {
            double[] lanes = x.toDoubleArray();
            for (int i = 0; i < lanes.length; i++) {
                lanes[i] = StrictExp.exp(lanes[i]);
            }
            return DoubleVector.fromArray(x.species(), lanes, 0);
        }
        DoubleVector xs = x.max(LOWEST).min(HIGHEST); // NaN stays NaN
        DoubleVector k = xs.mul(INV_LN2).add(ROUNDER).sub(ROUNDER);
        DoubleVector hi = xs.sub(k.mul(LN2_HI));
        DoubleVector lo = k.mul(LN2_LO);
        DoubleVector r = hi.sub(lo);
        DoubleVector t = r.mul(r);
        DoubleVector p = t.fma(P5, P4).fma(t, P3).fma(t, P2).fma(t, P1);
        DoubleVector c = r.sub(t.mul(p));
        DoubleVector y = ONE.sub(lo.sub(r.mul(c).div(TWO.sub(c))).sub(hi));
        DoubleVector k1 = k.mul(HALF).add(ROUNDER).sub(ROUNDER);
        DoubleVector e = y.mul(twoTo(k1)).mul(twoTo(k.sub(k1)));
        return e.blend(INFINITY, x.compare(VectorOperators.GT, OVERFLOW))
                .blend(ZERO, x.compare(VectorOperators.LT, UNDERFLOW));
    }

    /** 2^n in every lane, n an integer in -1022..1023 (see {@link StrictExp#EXPONENT_BIAS}). */
    private static DoubleVector twoTo(DoubleVector n) {
        return (DoubleVector) n.add(EXPONENT_BIAS).reinterpretAsLongs().lanewise(VectorOperators.LSHL, 52)
                .reinterpretAsDoubles();
    }
}
