package org.spineformer.engine.simd;

/**
 * x^y as every kernel with a vector twin computes it ({@link VectorMath#pow} gives these bits in every lane), from
 * {@link StrictLog}'s reduction and {@link StrictExp#exp}, with operations whose result IEEE 754 fixes only.
 *
 * <p>For x > 0 (finite) and a result in the normal range: log(x) = k ln2 + f - hfsq + s (hfsq + R(s)) as
 * {@link StrictLog}, its leading terms summed exactly (k ln2_hi is exact, hfsq = f^2 / 2 is split exactly by a
 * fused multiply-add, and the two sums of the leading terms keep their rounding errors: Fast2Sum, whose condition
 * |a| >= |b| holds because |k ln2_hi| >= ln2 > |f| or k = 0, and |k ln2_hi + f| > hfsq) into a head and a tail
 * carrying ~20 more bits; y log(x) = p + q with p = y head and q the product's rounding error (a fused
 * multiply-add) plus y tail; and x^y = e^p (1 + q) = fma(e^p, q, e^p). The error: StrictExp's below 1 ulp, the
 * last rounding's 1/2 ulp, and the logarithm's tail, whose largest error (the polynomial's term, |s (hfsq + R)| <=
 * 0.02, rounded to a few ulp of itself) adds |y| / 20 ulp at most: within 2 ulp of {@link StrictMath#pow} for
 * |y| <= 10, which {@code StrictPowTest} measures, and within 1.5 + |y| / 20 ulp of the exact power in general.
 *
 * <p>y = 2 is x x, for any x (as {@link Math#pow} and fdlibm have it, exact to the rounding). Every other argument,
 * and a result outside the normal range (|y log x| > 708), is {@link StrictMath#pow}'s, x = 0, negative x with an
 * integer y, NaN and infinities with Java's meanings (C99's but for pow(+-1, +-infinity) and pow(1, NaN), NaN in
 * Java, 1 in C): {@link VectorMath#pow} computes those lanes by this method, so that they have the same bits too.
 * y = 0 gives 1 for every x > 0 in the formula, and by StrictMath for the others.
 */
public final class StrictPow {
    /** Beyond this |y log x| a result may be subnormal or overflow (e^708 ~ 3e307, e^-708 ~ 3.3e-308). */
    static final double NORMAL_RANGE = 708;

    private StrictPow() {
    }

    /** x^y, bit for bit {@link VectorMath#pow} in every lane (see the class's comment for its error). */
    public static double pow(double x, double y) {
        if (y == 2) {
            return x * x;
        }
        double k = StrictLog.exponent(x);
        double f = StrictLog.fraction(x);
        double s = f / (2 + f);
        double hfsq = 0.5 * f * f;
        double hfsqLow = Math.fma(0.5 * f, f, -hfsq);
        double tail = s * (hfsq + StrictLog.polynomial(s));
        double a = k * StrictExp.LN2_HI;
        double b = a + f;
        double c = b - hfsq;
        double low = ((tail - hfsqLow) + k * StrictExp.LN2_LO) + ((f - (b - a)) + (-hfsq - (c - b)));
        double head = c + low;
        double p = y * head;
        double q = Math.fma(y, head, -p) + y * (low - (head - c));
        double e = StrictExp.exp(p);
        if (x > 0 && x < Double.POSITIVE_INFINITY && Math.abs(p) <= NORMAL_RANGE) {
            return Math.fma(e, q, e);
        }
        return StrictMath.pow(x, y);
    }
}
