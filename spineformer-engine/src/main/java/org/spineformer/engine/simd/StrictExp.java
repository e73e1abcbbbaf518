package org.spineformer.engine.simd;

/**
 * The exponential every kernel uses, scalar or in vector lanes: the bits of {@link StrictMath#exp} (fdlibm's
 * algorithm), computed only with operations whose result IEEE 754 fixes (add, multiply, divide, compare, bit
 * operations), so that the interpreter, C1 and C2 give the same bits, and {@link VectorMath#exp} gives them in every
 * lane. The Vector API's own exp does not: it is the vector math library's (SVML) once C2 has compiled a kernel and
 * {@link Math#exp} per lane before (its Java fallback), 1 ulp apart in ~5% of arguments, so a trial's numbers would
 * depend on the JIT's warm-up, and on where an instance falls in a vector (its scalar tail runs {@link Math#exp}).
 *
 * <p>The algorithm is fdlibm's e_exp.c (Sun Microsystems, 1993; the one {@link StrictMath#exp} is specified by):
 * x = k ln2 + r with |r| <= ln2 / 2, exp(r) = 1 + r + r c(r) / (2 - c(r)) with c a degree-10 polynomial in r (5 in
 * r^2), exp(x) = 2^k exp(r), and 2^k put into the exponent bits. It differs from fdlibm's C only in how it gets k:
 * not by a double-to-int conversion but by rounding with the constant 1.5 * 2^52 (adding it leaves the integer part
 * in the low bits, subtracting it gives the rounded integer as a double), then truncating towards zero as fdlibm's
 * {@code (int)} does, by a compare. That has a vector twin ({@link VectorMath#exp}) with no branch and no
 * conversion whose out-of-range behaviour differs between the intrinsic and the Java fallback. Error: fdlibm's,
 * below 1 ulp of the exact exponential; {@code StrictExpTest} checks these bits equal {@link StrictMath#exp}'s.
 *
 * <p>No Vector API class is touched here, so the scalar kernels run it without {@code jdk.incubator.vector}.
 */
public final class StrictExp {
    /** Above this exp(x) overflows to +infinity (fdlibm's o_threshold, ln(Double.MAX_VALUE)). */
    static final double OVERFLOW = Double.longBitsToDouble(0x40862e42fefa39efL);
    /** Below this exp(x) underflows to +0 (fdlibm's u_threshold, ln of half the smallest subnormal). */
    static final double UNDERFLOW = Double.longBitsToDouble(0xc0874910d52d3051L);
    /** Below this |x|, exp(x) rounds as 1 + x (fdlibm: |x| < 2^-28). */
    static final double TINY = 0x1p-28;
    /** Up to here |x| needs no reduction, k = 0 (fdlibm: high word of |x| at most 0x3fd62e42, about ln2 / 2). */
    static final double NO_REDUCTION = Double.longBitsToDouble(0x3fd62e4300000000L);
    /** Below this |x| (and above {@link #NO_REDUCTION}) k = +-1 (fdlibm: high word below 0x3ff0a2b2, 1.5 ln2). */
    static final double ONE_LN2 = Double.longBitsToDouble(0x3ff0a2b200000000L);
    /** ln2's leading 32 bits: k LN2_HI is exact for |k| < 2^21. */
    static final double LN2_HI = Double.longBitsToDouble(0x3fe62e42fee00000L);
    /** ln2 - LN2_HI. */
    static final double LN2_LO = Double.longBitsToDouble(0x3dea39ef35793c76L);
    static final double INV_LN2 = Double.longBitsToDouble(0x3ff71547652b82feL);
    static final double P1 = Double.longBitsToDouble(0x3fc555555555553eL);
    static final double P2 = Double.longBitsToDouble(0xbf66c16c16bebd93L);
    static final double P3 = Double.longBitsToDouble(0x3f11566aaf25de2cL);
    static final double P4 = Double.longBitsToDouble(0xbebbbd41c5d26bf1L);
    static final double P5 = Double.longBitsToDouble(0x3e66376972bea4d0L);
    /** 2^-1000: results below 2^-1021 are scaled by 2^(k + 1000) in the bits, then by this, rounding once. */
    static final double TWO_TO_MINUS_1000 = 0x1p-1000;
    /** Adding 1.5 * 2^52 rounds a double of magnitude below 2^51 to an integer, kept in the low bits. */
    static final double ROUNDER = 0x1.8p52;
    /** The bits of {@link #ROUNDER}: the bits of ROUNDER + k minus these are k. */
    static final long ROUNDER_BITS = Double.doubleToRawLongBits(ROUNDER);
    /** The smallest k whose 2^k is normal in fdlibm's scaling (below it the two-step scaling). */
    static final double LEAST_NORMAL_K = -1021;

    private StrictExp() {
    }

    /** e^x, bit for bit {@link StrictMath#exp}(x) and {@link VectorMath#exp} in every lane. */
    public static double exp(double x) {
        if (!(x <= OVERFLOW)) {
            return x > OVERFLOW ? Double.POSITIVE_INFINITY : x + x; // +infinity; NaN stays NaN
        }
        if (x < UNDERFLOW) {
            return 0; // also exp(-infinity)
        }
        double ax = Math.abs(x);
        if (ax < TINY) {
            return 1 + x;
        }
        double k;
        if (ax < NO_REDUCTION) {
            k = 0;
        } else if (ax < ONE_LN2) {
            k = x > 0 ? 1 : -1;
        } else {
            double z = INV_LN2 * x + (x > 0 ? 0.5 : -0.5);
            double rounded = (z + ROUNDER) - ROUNDER;
            k = Math.abs(rounded) > Math.abs(z) ? rounded - (x > 0 ? 1 : -1) : rounded; // towards zero
        }
        double hi = x - k * LN2_HI;
        double lo = k * LN2_LO;
        double r = hi - lo;
        double t = r * r;
        double c = r - t * (P1 + t * (P2 + t * (P3 + t * (P4 + t * P5))));
        double y = 1 - ((lo - (r * c) / (2 - c)) - hi);
        long kBits = Double.doubleToRawLongBits(k + ROUNDER) - ROUNDER_BITS;
        long yBits = Double.doubleToRawLongBits(y);
        if (k >= LEAST_NORMAL_K) {
            return Double.longBitsToDouble(yBits + (kBits << 52));
        }
        return Double.longBitsToDouble(yBits + ((kBits + 1000) << 52)) * TWO_TO_MINUS_1000;
    }
}
