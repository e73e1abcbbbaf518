package org.spineformer.engine.simd;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * {@link StrictExp#exp} against {@link StrictMath#exp} (fdlibm, below 1 ulp of the exact exponential): on 10^7
 * random arguments over the whole finite range, 10^7 over the kernels' range and at every threshold, and the
 * special values as {@link Math#exp}.
 */
class StrictExpTest {
    /**
     * The largest difference allowed from {@link StrictMath#exp}, in units in the last place: both are within 1 ulp
     * of the exact exponential, with fdlibm's polynomial, and differ where StrictExp's reduction (k rounded to
     * nearest, the polynomial by fused multiply-adds) rounds the other way; never by more than 1 ulp.
     */
    static final long MAX_ULPS_FROM_STRICT_MATH = 1;
    /** Arguments per range: enough to meet the rare last-bit cases (1 ulp apart in ~5% of arguments elsewhere). */
    static final int SAMPLES = 10_000_000;
    /** exp's finite domain: below it the result is +0, above it +infinity. */
    static final double WHOLE_FROM = -745, WHOLE_TO = 710;
    /** What the kernels' exponentials see: rates of potentials within +-250 mV over slopes of 5 mV and more. */
    static final double KERNELS_FROM = -50, KERNELS_TO = 50;

    @Test
    void wholeRangeIsWithinAnUlpOfStrictMath() {
        assertThat(maxUlps(WHOLE_FROM, WHOLE_TO, 1)).isLessThanOrEqualTo(MAX_ULPS_FROM_STRICT_MATH);
    }

    @Test
    void kernelRangeIsWithinAnUlpOfStrictMath() {
        assertThat(maxUlps(KERNELS_FROM, KERNELS_TO, 2)).isLessThanOrEqualTo(MAX_ULPS_FROM_STRICT_MATH);
    }

    @Test
    void edgeArgumentsAreWithinAnUlpOfStrictMath() {
        for (double x : edgeArguments()) {
            double expected = StrictMath.exp(x);
            if (Double.isNaN(expected)) {
                assertThat(StrictExp.exp(x)).as("exp(%s)", x).isNaN();
            } else {
                assertThat(ulps(StrictExp.exp(x), expected)).as("exp(%s) = %s, StrictMath %s", x, StrictExp.exp(x),
                        expected).isLessThanOrEqualTo(MAX_ULPS_FROM_STRICT_MATH);
            }
        }
    }

    @Test
    void specialValuesAreMathExps() {
        assertThat(StrictExp.exp(Double.NaN)).isNaN();
        assertThat(StrictExp.exp(Double.POSITIVE_INFINITY)).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(Double.doubleToRawLongBits(StrictExp.exp(Double.NEGATIVE_INFINITY))).isZero(); // +0
        assertThat(StrictExp.exp(710)).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(StrictExp.exp(StrictExp.OVERFLOW)).isFinite();
        assertThat(StrictExp.exp(Math.nextUp(StrictExp.OVERFLOW))).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(Double.doubleToRawLongBits(StrictExp.exp(-746))).isZero();
        assertThat(Double.doubleToRawLongBits(StrictExp.exp(Math.nextDown(StrictExp.UNDERFLOW)))).isZero();
        assertThat(StrictExp.exp(-745)).isEqualTo(Double.MIN_VALUE).isEqualTo(Math.exp(-745)); // subnormal
        assertThat(StrictExp.exp(-740)).isEqualTo(Math.exp(-740)).isLessThan(Double.MIN_NORMAL);
        assertThat(StrictExp.exp(0)).isEqualTo(1);
        assertThat(StrictExp.exp(-0.0)).isEqualTo(1);
        assertThat(ulps(StrictExp.exp(1), Math.E)).isLessThanOrEqualTo(MAX_ULPS_FROM_STRICT_MATH);
    }

    /** The largest |ulps| between StrictExp and StrictMath over uniform arguments in [from, to); printed. */
    private static long maxUlps(double from, double to, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        long max = 0;
        int differ = 0;
        for (int i = 0; i < SAMPLES; i++) {
            double x = random.nextDouble(from, to);
            long ulps = ulps(StrictExp.exp(x), StrictMath.exp(x));
            max = Math.max(max, ulps);
            differ += ulps == 0 ? 0 : 1;
        }
        System.out.printf("StrictExp over [%s, %s): %d of %d arguments differ from StrictMath.exp, by %d ulp at most%n",
                from, to, differ, SAMPLES, max);
        return max;
    }

    /** |a - b| in representable doubles, for two positive finite results. */
    static long ulps(double a, double b) {
        return Math.abs(Double.doubleToRawLongBits(a) - Double.doubleToRawLongBits(b));
    }

    /**
     * Every threshold of the algorithm and its neighbours (one ulp either side), the special values, and zeros:
     * where a blend or a branch switches.
     */
    static double[] edgeArguments() {
        double ln2 = Math.log(2);
        double[] thresholds = {StrictExp.OVERFLOW, StrictExp.UNDERFLOW, StrictExp.LOWEST, StrictExp.HIGHEST,
            ln2 / 2, -ln2 / 2, 1.5 * ln2, -1.5 * ln2, 0x1p-28, -0x1p-28, -708.39641853226408, -709.08956571282405,
            -1021 * ln2, -1022 * ln2, -1074 * ln2, -1075 * ln2, 1023 * ln2, 1024 * ln2, 709.782712893384,
            -745.1332191019411, 1, -1, 0.5, -0.5, 2.5, -2.5, 1e-300, -1e-300, Double.MIN_VALUE, -Double.MIN_VALUE,
            1e-9, -1e-9, 20, -20, 50, -50, 100, -100};
        double[] out = new double[3 * thresholds.length + 7];
        int n = 0;
        for (double t : thresholds) {
            out[n++] = Math.nextDown(t);
            out[n++] = t;
            out[n++] = Math.nextUp(t);
        }
        for (double special : new double[] {0.0, -0.0, Double.NaN, Double.POSITIVE_INFINITY,
            Double.NEGATIVE_INFINITY, Double.MAX_VALUE, -Double.MAX_VALUE}) {
            out[n++] = special;
        }
        return out;
    }
}
