package org.spineformer.engine.simd;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * {@link StrictExp#exp} against {@link StrictMath#exp} (fdlibm, below 1 ulp of the exact exponential), bit for bit:
 * on 10^7 random arguments over the whole finite range, 10^7 over the kernels' range and every special case.
 */
class StrictExpTest {
    /**
     * The largest difference allowed from {@link StrictMath#exp}, in units in the last place: none, because
     * {@link StrictExp} runs fdlibm's algorithm with its constants, so the same bits are expected (the brief's bound
     * is 1 ulp; a change of algorithm that kept within it would have to raise this with its measured error).
     */
    static final long MAX_ULPS_FROM_STRICT_MATH = 0;
    /** Arguments per range: enough to meet the rare last-bit cases (1 ulp apart in ~5% of arguments elsewhere). */
    static final int SAMPLES = 10_000_000;
    /** exp's finite domain: below it the result is +0, above it +infinity. */
    static final double WHOLE_FROM = -745, WHOLE_TO = 710;
    /** What the kernels' exponentials see: rates of potentials within +-250 mV over slopes of 5 mV and more. */
    static final double KERNELS_FROM = -50, KERNELS_TO = 50;

    @Test
    void wholeRangeGivesStrictMathBits() {
        assertThat(maxUlps(WHOLE_FROM, WHOLE_TO, 1)).isLessThanOrEqualTo(MAX_ULPS_FROM_STRICT_MATH);
    }

    @Test
    void kernelRangeGivesStrictMathBits() {
        assertThat(maxUlps(KERNELS_FROM, KERNELS_TO, 2)).isLessThanOrEqualTo(MAX_ULPS_FROM_STRICT_MATH);
    }

    @Test
    void specialAndEdgeArgumentsGiveStrictMathBits() {
        for (double x : edgeArguments()) {
            assertThat(Double.doubleToRawLongBits(StrictExp.exp(x)))
                    .as("exp(%s) = %s, StrictMath %s", x, StrictExp.exp(x), StrictMath.exp(x))
                    .isEqualTo(Double.doubleToRawLongBits(StrictMath.exp(x)));
        }
    }

    @Test
    void specialValuesAreMathExps() {
        assertThat(StrictExp.exp(Double.NaN)).isNaN();
        assertThat(StrictExp.exp(Double.POSITIVE_INFINITY)).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(Double.doubleToRawLongBits(StrictExp.exp(Double.NEGATIVE_INFINITY))).isZero(); // +0
        assertThat(StrictExp.exp(710)).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(StrictExp.exp(709.78)).isEqualTo(Math.exp(709.78)).isLessThan(Double.MAX_VALUE);
        assertThat(Double.doubleToRawLongBits(StrictExp.exp(-746))).isZero();
        assertThat(StrictExp.exp(-745)).isEqualTo(Double.MIN_VALUE).isEqualTo(Math.exp(-745)); // subnormal
        assertThat(StrictExp.exp(-740)).isEqualTo(Math.exp(-740)).isLessThan(Double.MIN_NORMAL);
        assertThat(StrictExp.exp(0)).isEqualTo(1);
        assertThat(StrictExp.exp(-0.0)).isEqualTo(1);
        assertThat(ulps(StrictExp.exp(1), Math.E)).isEqualTo(1); // fdlibm's e is 1 ulp above the double nearest e
    }

    /** The largest |ulps| between StrictExp and StrictMath over uniform arguments in [from, to). */
    private static long maxUlps(double from, double to, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        long max = 0;
        for (int i = 0; i < SAMPLES; i++) {
            double x = random.nextDouble(from, to);
            max = Math.max(max, ulps(StrictExp.exp(x), StrictMath.exp(x)));
        }
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
        double[] thresholds = {StrictExp.OVERFLOW, StrictExp.UNDERFLOW, StrictExp.TINY, -StrictExp.TINY,
            StrictExp.NO_REDUCTION, -StrictExp.NO_REDUCTION, StrictExp.ONE_LN2, -StrictExp.ONE_LN2, Math.log(2) / 2,
            -Math.log(2) / 2, 1.5 * Math.log(2), -1.5 * Math.log(2), -708.39641853226408, -708.3964185322641,
            -709.08956571282405, -1021 * Math.log(2), -1022 * Math.log(2), -1074 * Math.log(2), 1023 * Math.log(2),
            1024 * Math.log(2), 709.782712893384, -745.1332191019411, -745.1332191019412, 1, -1, 0.5, -0.5, 2.5, -2.5,
            1e-300, -1e-300, Double.MIN_VALUE, -Double.MIN_VALUE, 1e-9, -1e-9, 20, -20, 50, -50, 100, -100};
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
