package org.spineformer.nmodl.gen;

import org.spineformer.nmodl.ast.Expr;

/**
 * A mod file's {@code pow(x, 3)}, {@code pow(x, 4)} (and {@code x^3}, {@code x^4}), correctly rounded: x^n from the
 * exact square of x as a double-double (two fused multiply-adds), one rounding at the end, in a few multiplications
 * instead of a call of {@code Math.pow} (~20 ns; AMPA_WITH_CA's {@code pow(cai - 5e-7, 4)}, recomputed at every
 * synapse and step once the spine heads' calcium moves). The vector kernels write the same operations out in lanes
 * (VectorEmitter), so both give the same bits.
 *
 * <p>The bound: x^2 = h + l exactly (h = x*x, l = fma(x, x, -h)); for n = 4, h^2 = H + L exactly and the result is
 * H + fma(2h, l, L) rounded, which leaves out l^2 (&lt; 2^-105 x^4) and rounds the small term once (&lt; 2^-104
 * x^4); for n = 3, h x = H + L exactly and the result is H + fma(l, x, L) rounded (&lt; 2^-104 x^3 before the last
 * rounding). So the result is x^n correctly rounded unless x^n lies within 2^-104 of its size from a midpoint
 * between two doubles, and is within 0.5 ulp + 2^-51 ulp of it always. {@code Math.pow} is documented within 1 ulp,
 * and NEURON's C {@code pow} (glibc) is not correctly rounded either: docs/dev/nmodl.md ("Integer powers") gives
 * how often each differs. Outside the range where the products neither overflow nor lose bits to subnormals
 * (|x| below 2^-240 but not 0, or above 2^255 for n = 4; 2^-320, 2^340 for n = 3), and for infinities and NaN,
 * the value is {@code Math.pow}'s.
 *
 * <p>{@code -Dspineformer.nmodl.integerPower=false} (read when a mod file is compiled) makes the generator call
 * {@code Math.pow} as before.
 */
public final class IntegerPower {
    /** The system property that, set to {@code false}, keeps {@code Math.pow} for these powers. */
    public static final String PROPERTY = "spineformer.nmodl.integerPower";
    /** Below these magnitudes (0 aside) the error terms would be subnormal; above, a product would overflow. */
    private static final double MIN_4 = 0x1p-240;
    private static final double MAX_4 = 0x1p255;
    private static final double MIN_3 = 0x1p-320;
    private static final double MAX_3 = 0x1p340;

    private IntegerPower() {
    }

    /** Whether generated code computes these powers here (the default) rather than by {@code Math.pow}. */
    static boolean enabled() {
        return !"false".equals(System.getProperty(PROPERTY));
    }

    /** The exponent of a {@code pow} call or {@code ^} this class computes (3 or 4, a literal), else 0. */
    static int exponent(Expr e) {
        return e instanceof Expr.Num n && (n.value() == 3 || n.value() == 4) ? (int) n.value() : 0;
    }

    /** x^4 correctly rounded (see the class comment). */
    public static double pow4(double x) {
        double a = Math.abs(x);
        if (!(a >= MIN_4 && a <= MAX_4 || x == 0)) {
            return Math.pow(x, 4.0);
        }
        double h = x * x;
        double l = Math.fma(x, x, -h);
        double hh = h * h;
        return hh + Math.fma(2 * h, l, Math.fma(h, h, -hh));
    }

    /** x^3 correctly rounded (see the class comment). */
    public static double pow3(double x) {
        if (x == 0) {
            return x; // the sign kept, as pow's (h x + l x would give +0 for -0)
        }
        double a = Math.abs(x);
        if (!(a >= MIN_3 && a <= MAX_3)) {
            return Math.pow(x, 3.0);
        }
        double h = x * x;
        double l = Math.fma(x, x, -h);
        double hx = h * x;
        return hx + Math.fma(l, x, Math.fma(h, x, -hx));
    }

    /** The smallest magnitude (0 aside) of the double-double form's range for exponent n (3 or 4). */
    static double min(int n) {
        return n == 4 ? MIN_4 : MIN_3;
    }

    /** The largest magnitude of the double-double form's range for exponent n (3 or 4). */
    static double max(int n) {
        return n == 4 ? MAX_4 : MAX_3;
    }
}
