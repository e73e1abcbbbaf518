package org.spineformer.engine.simd;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import java.util.function.DoubleSupplier;
import org.junit.jupiter.api.Test;

/**
 * {@link StrictLog#log} against {@link StrictMath#log} (fdlibm, below 1 ulp of the exact logarithm): 10^7 random
 * arguments over the whole positive range, over the concentrations the models hold, over Nernst's concentration
 * ratios and around 1, the edges of the reduction, and the special values as {@link Math#log}.
 */
class StrictLogTest {
    /**
     * The largest difference allowed from {@link StrictMath#log}, in units in the last place: both are within 1 ulp
     * of the exact logarithm with fdlibm's polynomial, and differ where StrictLog takes fdlibm's more accurate
     * formula for every argument and evaluates the polynomial by fused multiply-adds; never by more than 1 ulp.
     */
    static final long MAX_ULPS_FROM_STRICT_MATH = 1;
    /** Arguments per range: enough to meet the rare last-bit cases. */
    static final int SAMPLES = 10_000_000;
    /** Concentrations the mechanisms hold (mM): calcium from 1e-8, sodium and potassium to 10 and more. */
    static final double CONCENTRATIONS_FROM = 1e-8, CONCENTRATIONS_TO = 10;
    /** Nernst's ratios co / ci: potassium's ~0.04, sodium's ~14, calcium's 2 mM over 1e-8 to 10 mM. */
    static final double RATIOS_FROM = 1e-3, RATIOS_TO = 1e9;

    @Test
    void wholeRangeIsWithinAnUlpOfStrictMath() {
        SplittableRandom random = new SplittableRandom(1);
        // every binade alike: the bits of a random positive finite double (subnormals included)
        assertThat(maxUlps("the whole range", () -> Double.longBitsToDouble(random.nextLong(1, 0x7ff0000000000000L))))
                .isLessThanOrEqualTo(MAX_ULPS_FROM_STRICT_MATH);
    }

    @Test
    void concentrationsAndRatiosAreWithinAnUlpOfStrictMath() {
        SplittableRandom random = new SplittableRandom(2);
        assertThat(maxUlps("concentrations", () -> logUniform(random, CONCENTRATIONS_FROM, CONCENTRATIONS_TO)))
                .isLessThanOrEqualTo(MAX_ULPS_FROM_STRICT_MATH);
        assertThat(maxUlps("ratios", () -> logUniform(random, RATIOS_FROM, RATIOS_TO)))
                .isLessThanOrEqualTo(MAX_ULPS_FROM_STRICT_MATH);
        // around 1, where the result is small and k ln2 does not hide the polynomial's error
        assertThat(maxUlps("[0.5, 2)", () -> random.nextDouble(0.5, 2))).isLessThanOrEqualTo(MAX_ULPS_FROM_STRICT_MATH);
    }

    @Test
    void edgeArgumentsAreWithinAnUlpOfStrictMath() {
        for (double x : edgeArguments()) {
            double expected = StrictMath.log(x);
            if (Double.isNaN(expected) || Double.isInfinite(expected)) {
                assertThat(Double.valueOf(StrictLog.log(x))).as("log(%s)", x).isEqualTo(Double.valueOf(Math.log(x)));
            } else {
                assertThat(ulps(StrictLog.log(x), expected)).as("log(%s) = %s, StrictMath %s", x, StrictLog.log(x),
                        expected).isLessThanOrEqualTo(MAX_ULPS_FROM_STRICT_MATH);
            }
        }
    }

    @Test
    void specialValuesAreMathLogs() {
        assertThat(StrictLog.log(Double.NaN)).isNaN();
        assertThat(StrictLog.log(-1)).isNaN();
        assertThat(StrictLog.log(Double.NEGATIVE_INFINITY)).isNaN();
        assertThat(StrictLog.log(-Double.MIN_VALUE)).isNaN();
        assertThat(StrictLog.log(0.0)).isEqualTo(Double.NEGATIVE_INFINITY);
        assertThat(StrictLog.log(-0.0)).isEqualTo(Double.NEGATIVE_INFINITY);
        assertThat(StrictLog.log(Double.POSITIVE_INFINITY)).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(Double.doubleToRawLongBits(StrictLog.log(1))).isZero(); // +0
        assertThat(StrictLog.log(2)).isEqualTo(Math.log(2)); // ln2_hi + ln2_lo, rounded once
    }

    /** The largest |ulps| between StrictLog and StrictMath over {@link #SAMPLES} arguments; printed. */
    private static long maxUlps(String range, DoubleSupplier arguments) {
        long max = 0;
        int differ = 0;
        for (int i = 0; i < SAMPLES; i++) {
            double x = arguments.getAsDouble();
            long ulps = ulps(StrictLog.log(x), StrictMath.log(x));
            max = Math.max(max, ulps);
            differ += ulps == 0 ? 0 : 1;
        }
        System.out.printf("StrictLog over %s: %d of %d arguments differ from StrictMath.log, by %d ulp at most%n",
                range, differ, SAMPLES, max);
        return max;
    }

    /** A random double whose logarithm is uniform in [log from, log to). */
    static double logUniform(SplittableRandom random, double from, double to) {
        return from * StrictMath.pow(to / from, random.nextDouble());
    }

    /**
     * |a - b| in representable doubles, for two finite results of the same sign (log changes sign at 1, where
     * both are 0, and the results' neighbours across 0 are both near it).
     */
    static long ulps(double a, double b) {
        return Math.abs(Double.doubleToRawLongBits(a) - Double.doubleToRawLongBits(b));
    }

    /**
     * The reduction's thresholds and their neighbours (one ulp either side): where m switches between [1, sqrt 2)
     * and [sqrt 2 / 2, 1), powers of 2, the subnormal boundary, 1 and its neighbours, and the special values.
     */
    static double[] edgeArguments() {
        double threshold = Double.longBitsToDouble(0x3ff6a09c00000000L); // 1 + 0x6a09c / 2^20
        double[] points = {threshold, threshold / 2, threshold * 2, Math.sqrt(2), Math.sqrt(0.5), 1, 2, 0.5, 4,
            0.25, 1024, 1.0 / 1024, Double.MIN_NORMAL, Double.MIN_NORMAL / 2, Double.MIN_VALUE, 2 * Double.MIN_VALUE,
            Double.MAX_VALUE, Math.E, 10, 5e-5, 1e-8, 2, 140, 54.4, 1 + 0x1p-20, 1 - 0x1p-20, 1 + 0x1p-40};
        double[] out = new double[3 * points.length + 6];
        int n = 0;
        for (double t : points) {
            out[n++] = Math.nextDown(t);
            out[n++] = t;
            out[n++] = Math.nextUp(t);
        }
        for (double special : new double[] {0.0, -0.0, -1, Double.NaN, Double.POSITIVE_INFINITY,
            Double.NEGATIVE_INFINITY}) {
            out[n++] = special;
        }
        return out;
    }
}
