package org.spineformer.engine.simd;

/**
 * The natural logarithm every kernel uses, scalar or in vector lanes ({@link VectorMath#log} gives these bits in
 * every lane): computed only with operations whose result IEEE 754 fixes, as {@link StrictExp}, so that the
 * interpreter, C1 and C2 give the same bits.
 *
 * <p>The algorithm is fdlibm's e_log.c (Sun Microsystems, 1993; the one {@link StrictMath#log} is specified by),
 * with its constants: x = 2^k m with sqrt(2)/2 <= m < sqrt(2) and f = m - 1 (exact), s = f / (2 + f), log(1 + f) =
 * 2 atanh(s) = f - hfsq + s (hfsq + R(s)) with hfsq = f^2 / 2 and R a degree-7 polynomial in s^2, and log(x) = k
 * ln2 + log(1 + f), ln2 in two parts so that k ln2_hi is exact. fdlibm branches on m's range (a shorter formula for
 * small f, another for the rest); here every argument takes its most accurate one (the one above), the
 * polynomial by fused multiply-adds, and subnormal arguments are scaled by 2^54 by a select, not a branch, so that
 * a vector computes it in every lane alike. Within 1 ulp of {@link StrictMath#log}: {@code StrictLogTest} measures
 * it.
 *
 * <p>No Vector API class is touched here, so the scalar kernels run it without {@code jdk.incubator.vector}.
 */
public final class StrictLog {
    static final double LG1 = Double.longBitsToDouble(0x3fe5555555555593L);
    static final double LG2 = Double.longBitsToDouble(0x3fd999999997fa04L);
    static final double LG3 = Double.longBitsToDouble(0x3fd2492494229359L);
    static final double LG4 = Double.longBitsToDouble(0x3fcc71c51d8e78afL);
    static final double LG5 = Double.longBitsToDouble(0x3fc7466496cb03deL);
    static final double LG6 = Double.longBitsToDouble(0x3fc39a09d078c69fL);
    static final double LG7 = Double.longBitsToDouble(0x3fc2f112df3e5244L);
    /** Subnormal arguments are multiplied by this (exactly) before their exponent is read. */
    static final double TWO54 = 0x1p54;
    /** A double's 52 fraction bits. */
    static final long FRACTION = 0x000fffffffffffffL;
    /**
     * Added to the fraction bits, it carries into bit 52 exactly when 1.fraction >= 1 + 0x6a09c / 2^20, just below
     * sqrt(2) (fdlibm's 0x95f64 on the high word): then m is taken in [sqrt(2)/2, 1) and k one larger.
     */
    static final long SQRT2_CARRY = 0x95f64L << 32;
    /** Bit 52, the carry. */
    static final long CARRY = 1L << 52;
    /** The exponent bits of 1.0: with the fraction bits, m in [1, 2); xor CARRY, m in [0.5, 1). */
    static final long ONE = 0x3ff0000000000000L;
    /** 2^52's bits: or-ed with an integer n < 2^52, the double 2^52 + n (n read as a double by a subtraction). */
    static final long TWO52_BITS = 0x4330000000000000L;
    /** 2^52. */
    static final double TWO52 = 0x1p52;
    /** The exponent bias, and the bias of a subnormal argument scaled by TWO54. */
    static final double BIAS = 1023, SUBNORMAL_BIAS = 1023 + 54;

    private StrictLog() {
    }

    /**
     * The natural logarithm of x, bit for bit {@link VectorMath#log} in every lane; -infinity for +-0, NaN below 0
     * and for NaN, +infinity for +infinity (as {@link Math#log}).
     */
    public static double log(double x) {
        double k = exponent(x);
        double f = fraction(x);
        double s = f / (2 + f);
        double hfsq = 0.5 * f * f;
        double r = k * StrictExp.LN2_HI - ((hfsq - (s * (hfsq + polynomial(s)) + k * StrictExp.LN2_LO)) - f);
        if (x > 0 && x < Double.POSITIVE_INFINITY) {
            return r;
        }
        return x == 0 ? Double.NEGATIVE_INFINITY : x < 0 ? Double.NaN : x;
    }

    /** k of x = 2^k m (an integer, as a double), sqrt(2)/2 <= m < sqrt(2), for a positive finite x. */
    static double exponent(double x) {
        boolean subnormal = x < Double.MIN_NORMAL;
        long bits = Double.doubleToRawLongBits(subnormal ? x * TWO54 : x);
        long biased = (bits >>> 52) + ((((bits & FRACTION) + SQRT2_CARRY) & CARRY) >>> 52);
        return (Double.longBitsToDouble(TWO52_BITS | biased) - TWO52) - (subnormal ? SUBNORMAL_BIAS : BIAS);
    }

    /** f = m - 1 of x = 2^k m, sqrt(2)/2 <= m < sqrt(2), for a positive finite x: exact. */
    static double fraction(double x) {
        long bits = Double.doubleToRawLongBits(x < Double.MIN_NORMAL ? x * TWO54 : x);
        long fraction = bits & FRACTION;
        return Double.longBitsToDouble(fraction | (((fraction + SQRT2_CARRY) & CARRY) ^ ONE)) - 1;
    }

    /** fdlibm's R(s) = Lg1 s^2 + Lg2 s^4 + ... + Lg7 s^14, as its two halves in z = s^2 and w = z^2. */
    static double polynomial(double s) {
        double z = s * s;
        double w = z * z;
        double odd = w * Math.fma(w, Math.fma(w, LG6, LG4), LG2);
        double even = z * Math.fma(w, Math.fma(w, Math.fma(w, LG7, LG5), LG3), LG1);
        return even + odd;
    }
}
