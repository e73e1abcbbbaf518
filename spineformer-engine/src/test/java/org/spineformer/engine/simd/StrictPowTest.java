package org.spineformer.engine.simd;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import java.util.function.DoubleSupplier;
import org.junit.jupiter.api.Test;

/**
 * {@link StrictPow#pow} against {@link StrictMath#pow} (fdlibm, within about 1/2 ulp of the exact power): the Hill
 * function of SK channels (k / cai)^4.8 over the calcium the models hold, temperature factors q10^((celsius - T) /
 * 10), random powers with |y| <= 10, and the special cases NEURON's models meet, whose values are Java's, as
 * {@link Math#pow} (exact ones, so that any correct pow gives their bits).
 */
class StrictPowTest {
    /**
     * The largest difference allowed from {@link StrictMath#pow} for |y| <= 10, in units in the last place:
     * StrictExp's error (below 1 ulp), the last rounding (1/2 ulp) and the logarithm's tail times y (|y| / 20 ulp
     * at most) against fdlibm's ~1/2 ulp: 2 ulp (StrictPow's comment derives it).
     */
    static final long MAX_ULPS_FROM_STRICT_MATH = 2;
    /** Arguments per range. */
    static final int SAMPLES = 5_000_000;
    /** SK_E2's and SK's half-activation (mM) and Hill exponent. */
    static final double SK_K = 0.00043, SK_N = 4.8;
    /** The exponents of the random powers: |y| <= 10. */
    static final double Y_FROM = -10, Y_TO = 10;

    @Test
    void hillFunctionsOfCalciumAreWithin2UlpOfStrictMath() {
        SplittableRandom random = new SplittableRandom(11);
        assertThat(maxUlps("(0.00043 / cai)^4.8, cai 1e-8 to 10 mM", () -> SK_K / StrictLogTest.logUniform(random,
                StrictLogTest.CONCENTRATIONS_FROM, StrictLogTest.CONCENTRATIONS_TO), () -> SK_N))
                .isLessThanOrEqualTo(MAX_ULPS_FROM_STRICT_MATH);
    }

    @Test
    void temperatureFactorsAreWithin2UlpOfStrictMath() {
        SplittableRandom random = new SplittableRandom(12);
        // q10 1 to 5, (celsius - T) / 10 for celsius and T within 0..45 degrees
        assertThat(maxUlps("q10^((celsius - T) / 10)", () -> random.nextDouble(1, 5), () -> random.nextDouble(-4.5,
                4.5))).isLessThanOrEqualTo(MAX_ULPS_FROM_STRICT_MATH);
    }

    @Test
    void randomPowersAreWithin2UlpOfStrictMath() {
        SplittableRandom random = new SplittableRandom(13);
        assertThat(maxUlps("x 1e-8 to 1e8, |y| <= 10", () -> StrictLogTest.logUniform(random, 1e-8, 1e8),
                () -> random.nextDouble(Y_FROM, Y_TO))).isLessThanOrEqualTo(MAX_ULPS_FROM_STRICT_MATH);
        assertThat(maxUlps("x 0.5 to 2, |y| <= 10", () -> random.nextDouble(0.5, 2),
                () -> random.nextDouble(Y_FROM, Y_TO))).isLessThanOrEqualTo(MAX_ULPS_FROM_STRICT_MATH);
    }

    /** The cases outside the power's range in lanes (and y = 2), exact, have Math.pow's values, bit for bit. */
    @Test
    void specialCasesAreMathPows() {
        double[][] cases = {
            {0, 4.8}, {-0.0, 4.8}, {0, -4.8}, {-0.0, -3}, {0, 0}, {0, 1}, // 0 to a power
            {-2, 3}, {-2, 5}, {-1.5, 4}, {-4, -1}, {-0.5, -2}, {-2, 4.8}, // a negative base
            {-7.25, 2}, {1e200, 2}, {1e-200, 2}, {3, 2}, // squares
            {5, 0}, {Double.NaN, 0}, {-3, 0}, {Double.POSITIVE_INFINITY, 0}, // y = 0
            {Double.NaN, 2.5}, {2.5, Double.NaN}, {1, Double.NaN}, {Double.NaN, Double.NaN}, // NaN
            {Double.POSITIVE_INFINITY, 0.5}, {Double.POSITIVE_INFINITY, -0.5}, {0.5, Double.POSITIVE_INFINITY},
            {2, Double.NEGATIVE_INFINITY}, {1, Double.POSITIVE_INFINITY}, {-1, Double.POSITIVE_INFINITY},
            {10, 400}, {10, -400}, {2, 1023}, {2, -1074}, {2, -1030}, // beyond the normal range
            {1, 4.8}, {1, -1e300}, {1e300, 1e-300}, // x = 1 and tiny y log x
        };
        for (double[] c : cases) {
            // every NaN as the one NaN, zeros by their signs
            assertThat(Double.doubleToLongBits(StrictPow.pow(c[0], c[1]))).as("pow(%s, %s) = %s", c[0], c[1],
                    StrictPow.pow(c[0], c[1])).isEqualTo(Double.doubleToLongBits(Math.pow(c[0], c[1])));
        }
    }

    /** Exact powers the formulas meet: y = 0 and x = 1 give exactly 1, 2^k within an ulp. */
    @Test
    void exactCasesAreExactOrWithinTheBound() {
        assertThat(StrictPow.pow(2.3, 0)).isEqualTo(1);
        assertThat(StrictPow.pow(1, 1.3)).isEqualTo(1);
        assertThat(StrictLogTest.ulps(StrictPow.pow(2, 10), 1024)).isLessThanOrEqualTo(MAX_ULPS_FROM_STRICT_MATH);
        assertThat(StrictLogTest.ulps(StrictPow.pow(4, 0.5), 2)).isLessThanOrEqualTo(MAX_ULPS_FROM_STRICT_MATH);
        assertThat(StrictLogTest.ulps(StrictPow.pow(2.3, 1.3), StrictMath.pow(2.3, 1.3)))
                .isLessThanOrEqualTo(MAX_ULPS_FROM_STRICT_MATH);
    }

    /** The largest |ulps| between StrictPow and StrictMath over {@link #SAMPLES} argument pairs; printed. */
    private static long maxUlps(String range, DoubleSupplier xs, DoubleSupplier ys) {
        long max = 0;
        int differ = 0;
        for (int i = 0; i < SAMPLES; i++) {
            double x = xs.getAsDouble();
            double y = ys.getAsDouble();
            long ulps = StrictLogTest.ulps(StrictPow.pow(x, y), StrictMath.pow(x, y));
            max = Math.max(max, ulps);
            differ += ulps == 0 ? 0 : 1;
        }
        System.out.printf("StrictPow over %s: %d of %d arguments differ from StrictMath.pow, by %d ulp at most%n",
                range, differ, SAMPLES, max);
        return max;
    }
}
