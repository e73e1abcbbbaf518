package org.spineformer.engine.simd;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.LongVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * Elementary functions in vector lanes that give, in every lane, the bits of their scalar twins, in interpreted,
 * C1 and C2 code alike. It uses the Vector API, so only a vector kernel may touch it (one that runs only when
 * {@link Simd#enabled()}); scalar code calls the twin ({@link StrictExp#exp}) directly.
 */
public final class VectorMath {
    private VectorMath() {
    }

    /**
     * e^x in every lane, of any species: lane i is bit for bit {@link StrictExp#exp}(x_i) = {@link StrictMath#exp}
     * (x_i), NaN, infinities, overflow and subnormal results included. The scalar algorithm with its branches
     * computed in every lane and blended (see {@link StrictExp}).
     */
    public static DoubleVector exp(DoubleVector x) {
        VectorSpecies<Double> species = x.species();
        VectorMask<Double> inRange = x.compare(VectorOperators.LE, StrictExp.OVERFLOW)
                .and(x.compare(VectorOperators.GE, StrictExp.UNDERFLOW)); // false for NaN
        DoubleVector zero = DoubleVector.zero(species);
        DoubleVector xs = zero.blend(x, inRange); // keeps k finite and small where the result is a special value
        DoubleVector ax = xs.abs();
        VectorMask<Double> negative = xs.compare(VectorOperators.LT, 0);
        DoubleVector one = DoubleVector.broadcast(species, 1);
        DoubleVector sign = one.blend(-1, negative);

        DoubleVector z = xs.mul(StrictExp.INV_LN2).add(DoubleVector.broadcast(species, 0.5).blend(-0.5, negative));
        DoubleVector rounded = z.add(StrictExp.ROUNDER).sub(StrictExp.ROUNDER);
        DoubleVector k = rounded.blend(rounded.sub(sign), rounded.abs().compare(VectorOperators.GT, z.abs()));
        k = k.blend(sign, ax.compare(VectorOperators.LT, StrictExp.ONE_LN2));
        k = k.blend(zero, ax.compare(VectorOperators.LT, StrictExp.NO_REDUCTION));

        DoubleVector hi = xs.sub(k.mul(StrictExp.LN2_HI));
        DoubleVector lo = k.mul(StrictExp.LN2_LO);
        DoubleVector r = hi.sub(lo);
        DoubleVector t = r.mul(r);
        DoubleVector p = t.mul(StrictExp.P5).add(StrictExp.P4);
        p = t.mul(p).add(StrictExp.P3);
        p = t.mul(p).add(StrictExp.P2);
        p = t.mul(p).add(StrictExp.P1);
        DoubleVector c = r.sub(t.mul(p));
        DoubleVector y = one.sub(lo.sub(r.mul(c).div(DoubleVector.broadcast(species, 2).sub(c))).sub(hi));

        LongVector kBits = (LongVector) k.add(StrictExp.ROUNDER).reinterpretAsLongs().sub(StrictExp.ROUNDER_BITS);
        LongVector yBits = (LongVector) y.reinterpretAsLongs();
        DoubleVector normal = (DoubleVector) yBits.add(kBits.lanewise(VectorOperators.LSHL, 52)).reinterpretAsDoubles();
        DoubleVector subnormal = ((DoubleVector) yBits.add(kBits.add(1000).lanewise(VectorOperators.LSHL, 52))
                .reinterpretAsDoubles()).mul(StrictExp.TWO_TO_MINUS_1000);
        DoubleVector e = normal.blend(subnormal, k.compare(VectorOperators.LT, StrictExp.LEAST_NORMAL_K));

        e = e.blend(one.add(xs), ax.compare(VectorOperators.LT, StrictExp.TINY));
        e = e.blend(Double.POSITIVE_INFINITY, x.compare(VectorOperators.GT, StrictExp.OVERFLOW));
        e = e.blend(zero, x.compare(VectorOperators.LT, StrictExp.UNDERFLOW));
        return e.blend(x.add(x), x.test(VectorOperators.IS_NAN));
    }
}
