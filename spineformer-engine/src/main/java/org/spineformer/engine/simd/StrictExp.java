package org.spineformer.engine.simd;

/**
 * The exponential every kernel uses, scalar or in vector lanes: computed only with operations whose result IEEE 754
 * fixes (add, multiply, divide, min/max, compare, bit operations), so that the interpreter, C1 and C2 give the same
 * bits, and {@link VectorMath#exp} gives them in every lane. The Vector API's own exp does not: it is the vector
 * math library's (SVML) once C2 has compiled a kernel and {@link Math#exp} per lane before (its Java fallback), 1 ulp
 * apart in ~5% of arguments, so a trial's numbers would depend on the JIT's warm-up, and on where an instance falls
 * in a vector (its scalar tail runs {@link Math#exp}).
 *
 * <p>The algorithm is fdlibm's e_exp.c (Sun Microsystems, 1993; the one {@link StrictMath#exp} is specified by),
 * with its constants: x = k ln2 + r with |r| <= ln2 / 2 (ln2 in two parts, so that x - k ln2_hi is exact),
 * exp(r) = 1 + r + r c(r) / (2 - c(r)) with c a degree-5 polynomial in r^2, and exp(x) = 2^k exp(r). Two changes
 * make it branch-free, so that a vector computes it in every lane alike: k is x / ln2 rounded to the nearest integer
 * by adding and subtracting 1.5 * 2^52 (no double-to-int conversion, whose out-of-range behaviour differs between
 * the intrinsic and the Java fallback; fdlibm truncates x / ln2 +- 1/2 and uses k = 0 and +-1 below 1.5 ln2), and
 * 2^k is applied as 2^k1 2^k2 with k1 + k2 = k, each put into a double's exponent bits, so that results in the
 * subnormal range are rounded once, as fdlibm's. The result is within 1 ulp of {@link StrictMath#exp} (and of the
 * exact exponential): {@code StrictExpTest} measures it.
 *
 * <p>No Vector API class is touched here, so the scalar kernels run it without {@code jdk.incubator.vector}.
 */
public final class StrictExp {
    /** Above this exp(x) overflows to +infinity (fdlibm's o_threshold, ln(Double.MAX_VALUE)). */
    static final double OVERFLOW = Double.longBitsToDouble(0x40862e42fefa39efL);
    /** Below this exp(x) underflows to +0 (fdlibm's u_threshold, ln of half the smallest subnormal). */
    static final double UNDERFLOW = Double.longBitsToDouble(0xc0874910d52d3051L);
    /** The arguments are clamped to [LOWEST, HIGHEST] before the reduction, so that k stays within -1077..1025. */
    static final double LOWEST = -746, HIGHEST = 710;
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
    /** Adding and subtracting 1.5 * 2^52 rounds a double of magnitude below 2^51 to the nearest integer. */
    static final double ROUNDER = 0x1.8p52;
    /**
     * ROUNDER + 1023 + n has n + 1023 in its low bits and only zeros in the 12 bits above them: shifted left by 52,
     * its bits are those of 2^n (for -1022 <= n <= 1023).
     */
    static final double EXPONENT_BIAS = ROUNDER + 1023;

    private StrictExp() {
    }

    /** e^x, bit for bit {@link VectorMath#exp} in every lane; NaN, infinities and under/overflow as {@link Math#exp}. */
    public static double exp(double x) {
        double xs = Math.min(Math.max(x, LOWEST), HIGHEST); // NaN stays NaN
        double k = (xs * INV_LN2 + ROUNDER) - ROUNDER;
        double hi = xs - k * LN2_HI;
        double lo = k * LN2_LO;
        double r = hi - lo;
        double t = r * r;
        double c = r - t * Math.fma(Math.fma(Math.fma(Math.fma(t, P5, P4), t, P3), t, P2), t, P1);
        double y = 1 - ((lo - (r * c) / (2 - c)) - hi);
        double k1 = (k * 0.5 + ROUNDER) - ROUNDER;
        double e = y * twoTo(k1) * twoTo(k - k1);
        if (x > OVERFLOW) {
            return Double.POSITIVE_INFINITY;
        }
        return x < UNDERFLOW ? 0 : e;
    }

    /** 2^n for an integer n in -1022..1023. */
    private static double twoTo(double n) {
        return Double.longBitsToDouble(Double.doubleToRawLongBits(n + EXPONENT_BIAS) << 52);
    }
}
