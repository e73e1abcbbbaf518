package org.spineformer.engine.simd;

import java.util.function.DoubleUnaryOperator;
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
    // StrictLog's and StrictPow's
    private static final DoubleVector LG1 = DoubleVector.broadcast(SPECIES, StrictLog.LG1);
    private static final DoubleVector LG2 = DoubleVector.broadcast(SPECIES, StrictLog.LG2);
    private static final DoubleVector LG3 = DoubleVector.broadcast(SPECIES, StrictLog.LG3);
    private static final DoubleVector LG4 = DoubleVector.broadcast(SPECIES, StrictLog.LG4);
    private static final DoubleVector LG5 = DoubleVector.broadcast(SPECIES, StrictLog.LG5);
    private static final DoubleVector LG6 = DoubleVector.broadcast(SPECIES, StrictLog.LG6);
    private static final DoubleVector LG7 = DoubleVector.broadcast(SPECIES, StrictLog.LG7);
    private static final DoubleVector TWO54 = DoubleVector.broadcast(SPECIES, StrictLog.TWO54);
    private static final DoubleVector TWO52 = DoubleVector.broadcast(SPECIES, StrictLog.TWO52);
    private static final DoubleVector BIAS = DoubleVector.broadcast(SPECIES, StrictLog.BIAS);
    private static final DoubleVector SUBNORMAL_BIAS = DoubleVector.broadcast(SPECIES, StrictLog.SUBNORMAL_BIAS);
    private static final DoubleVector MIN_NORMAL = DoubleVector.broadcast(SPECIES, Double.MIN_NORMAL);
    private static final DoubleVector NORMAL_RANGE = DoubleVector.broadcast(SPECIES, StrictPow.NORMAL_RANGE);
    private static final DoubleVector NEGATIVE_INFINITY = DoubleVector.broadcast(SPECIES, Double.NEGATIVE_INFINITY);
    private static final DoubleVector NAN = DoubleVector.broadcast(SPECIES, Double.NaN);

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
            return laneByLane(x, StrictExp::exp);
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

    /**
     * The natural logarithm in every lane: lane i is bit for bit {@link StrictLog#log}(x_i), within 1 ulp of
     * {@link StrictMath#log}; zeros, negative arguments, NaN and infinities as {@link Math#log}. A vector of another
     * species than {@link #SPECIES} is computed lane by lane with {@link StrictLog#log}.
     */
    public static DoubleVector log(DoubleVector x) {
        if (x.species() != SPECIES) {
            return laneByLane(x, StrictLog::log);
        }
        DoubleVector k = exponent(x);
        DoubleVector f = fraction(x);
        DoubleVector s = f.div(TWO.add(f));
        DoubleVector hfsq = HALF.mul(f).mul(f);
        DoubleVector r = k.mul(LN2_HI).sub(hfsq.sub(s.mul(hfsq.add(polynomial(s))).add(k.mul(LN2_LO))).sub(f));
        VectorMask<Double> finite = x.compare(VectorOperators.GT, ZERO).and(x.compare(VectorOperators.LT, INFINITY));
        return r.blend(x, finite.not()).blend(NEGATIVE_INFINITY, x.compare(VectorOperators.EQ, ZERO))
                .blend(NAN, x.compare(VectorOperators.LT, ZERO));
    }

    /**
     * x^y in every lane: lane i is bit for bit {@link StrictPow#pow}(x_i, y_i) (its error there), computed in lanes
     * for y = 2 and for x > 0 with a result in the normal range, lane by lane by {@link StrictPow#pow} for the rest
     * (a group with such a lane goes slowly, with the same bits): {@link #powLogarithm} then {@link
     * #powExponential}. A vector of another species than {@link #SPECIES} is computed lane by lane.
     */
    public static DoubleVector pow(DoubleVector x, DoubleVector y) {
        if (x.species() != SPECIES) {
            return powLaneByLane(x, y, x.species().maskAll(false));
        }
        double[] xs = x.toDoubleArray();
        double[] ys = y.toDoubleArray();
        double[] pq = new double[2 * SPECIES.length()];
        powLogarithm(xs, ys, pq);
        powExponential(xs, ys, pq);
        return DoubleVector.fromArray(SPECIES, xs, 0);
    }

    /**
     * x^y's first half over every vector of {@link #SPECIES} in xs (its length a multiple of L, the lanes): y log(x)
     * = p + q (StrictPow's head and tail), the vector at o into pq[2o .. 2o + L) and pq[2o + L .. 2o + 2L). Over
     * several vectors the loop's iterations, each a chain of dependent operations, overlap. The two halves are two
     * methods so that C2 compiles each with everything it calls inlined: as one method, or with {@link #exp} called,
     * it stops inlining (its inlining limits: {@code NodeCountInliningCutoff} in {@link #exp}, and a method beyond
     * 325 bytes of bytecode not inlined where it is called) and every vector crossing a call is allocated.
     */
    public static void powLogarithm(double[] xs, double[] ys, double[] pq) {
        int n = SPECIES.length();
        for (int o = 0; o < xs.length; o += n) {
            DoubleVector x = DoubleVector.fromArray(SPECIES, xs, o);
            DoubleVector y = DoubleVector.fromArray(SPECIES, ys, o);
            DoubleVector k = exponent(x);
            DoubleVector f = fraction(x);
            DoubleVector s = f.div(TWO.add(f));
            DoubleVector hfsq = HALF.mul(f).mul(f);
            DoubleVector hfsqLow = HALF.mul(f).fma(f, hfsq.neg());
            DoubleVector tail = s.mul(hfsq.add(polynomial(s)));
            DoubleVector a = k.mul(LN2_HI);
            DoubleVector b = a.add(f);
            DoubleVector c = b.sub(hfsq);
            DoubleVector low = tail.sub(hfsqLow).add(k.mul(LN2_LO))
                    .add(f.sub(b.sub(a)).add(hfsq.neg().sub(c.sub(b))));
            DoubleVector head = c.add(low);
            DoubleVector p = y.mul(head);
            p.intoArray(pq, 2 * o);
            y.fma(head, p.neg()).add(y.mul(low.sub(head.sub(c)))).intoArray(pq, 2 * o + n);
        }
    }

    /**
     * x^y's second half, after {@link #powLogarithm} gave pq, over every vector in xs: e^p (1 + q), x x where y = 2,
     * and {@link StrictPow#pow} lane by lane where x is not positive and finite or p beyond the normal range, into xs.
     */
    public static void powExponential(double[] xs, double[] ys, double[] pq) {
        int n = SPECIES.length();
        for (int o = 0; o < xs.length; o += n) {
            DoubleVector x = DoubleVector.fromArray(SPECIES, xs, o);
            DoubleVector y = DoubleVector.fromArray(SPECIES, ys, o);
            DoubleVector p = DoubleVector.fromArray(SPECIES, pq, 2 * o);
            DoubleVector e = exp(p);
            VectorMask<Double> square = y.compare(VectorOperators.EQ, TWO);
            VectorMask<Double> done = x.compare(VectorOperators.GT, ZERO).and(x.compare(VectorOperators.LT, INFINITY))
                    .and(p.abs().compare(VectorOperators.LE, NORMAL_RANGE)).or(square);
            DoubleVector r = e.fma(DoubleVector.fromArray(SPECIES, pq, 2 * o + n), e).blend(x.mul(x), square);
            (done.allTrue() ? r : powLaneByLane(x, y, done).blend(r, done)).intoArray(xs, o);
        }
    }

    /** A scalar twin lane by lane (another species than {@link #SPECIES}). */
    private static DoubleVector laneByLane(DoubleVector x, DoubleUnaryOperator twin) {
        double[] lanes = x.toDoubleArray();
        for (int i = 0; i < lanes.length; i++) {
            lanes[i] = twin.applyAsDouble(lanes[i]);
        }
        return DoubleVector.fromArray(x.species(), lanes, 0);
    }

    /** StrictPow.pow lane by lane where {@code done} is not set (0 elsewhere). */
    private static DoubleVector powLaneByLane(DoubleVector x, DoubleVector y, VectorMask<Double> done) {
        double[] xs = x.toDoubleArray();
        double[] ys = y.toDoubleArray();
        boolean[] skip = done.toArray();
        double[] r = new double[xs.length];
        for (int i = 0; i < xs.length; i++) {
            r[i] = skip[i] ? 0 : StrictPow.pow(xs[i], ys[i]);
        }
        return DoubleVector.fromArray(x.species(), r, 0);
    }

    /** StrictLog.exponent in every lane: k of x = 2^k m, sqrt(2)/2 <= m < sqrt(2), for positive finite lanes. */
    private static DoubleVector exponent(DoubleVector x) {
        VectorMask<Double> subnormal = x.compare(VectorOperators.LT, MIN_NORMAL);
        LongVector bits = x.blend(x.mul(TWO54), subnormal).reinterpretAsLongs();
        LongVector carry = bits.and(StrictLog.FRACTION).add(StrictLog.SQRT2_CARRY).and(StrictLog.CARRY);
        LongVector biased = bits.lanewise(VectorOperators.LSHR, 52).add(carry.lanewise(VectorOperators.LSHR, 52));
        return ((DoubleVector) biased.or(StrictLog.TWO52_BITS).reinterpretAsDoubles()).sub(TWO52)
                .sub(BIAS.blend(SUBNORMAL_BIAS, subnormal));
    }

    /** StrictLog.fraction in every lane: f = m - 1 (exact) for positive finite lanes. */
    private static DoubleVector fraction(DoubleVector x) {
        LongVector bits = x.blend(x.mul(TWO54), x.compare(VectorOperators.LT, MIN_NORMAL)).reinterpretAsLongs();
        LongVector fraction = bits.and(StrictLog.FRACTION);
        LongVector one = fraction.add(StrictLog.SQRT2_CARRY).and(StrictLog.CARRY).lanewise(VectorOperators.XOR,
                StrictLog.ONE);
        return ((DoubleVector) fraction.or(one).reinterpretAsDoubles()).sub(ONE);
    }

    /** StrictLog.polynomial in every lane. */
    private static DoubleVector polynomial(DoubleVector s) {
        DoubleVector z = s.mul(s);
        DoubleVector w = z.mul(z);
        DoubleVector odd = w.mul(w.fma(w.fma(LG6, LG4), LG2));
        DoubleVector even = z.mul(w.fma(w.fma(w.fma(LG7, LG5), LG3), LG1));
        return even.add(odd);
    }

    /** 2^n in every lane, n an integer in -1022..1023 (see {@link StrictExp#EXPONENT_BIAS}). */
    private static DoubleVector twoTo(DoubleVector n) {
        return (DoubleVector) n.add(EXPONENT_BIAS).reinterpretAsLongs().lanewise(VectorOperators.LSHL, 52)
                .reinterpretAsDoubles();
    }
}
