package org.spineformer.nmodl.gen;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Random;
import java.util.function.DoubleUnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code pow(x, 3)} and {@code pow(x, 4)} by {@link IntegerPower} (docs/dev/nmodl.md, "Integer powers"): correctly
 * rounded against exact arithmetic over the range of its double-double form, {@code Math.pow}'s value outside it,
 * and generated only while its switch is on. Its form in vector lanes is VectorKernelsTest's ({@code
 * mod/vector/powers.mod}: the same bits as the scalar kernel, with lanes inside and outside the range).
 */
class IntegerPowerTest {
    /** Random arguments per exponent: enough to meet many of Math.pow's misrounded cases (~1 in 2000, measured). */
    private static final int SAMPLES = 20_000;

    private static DoubleUnaryOperator scalar(int n) {
        return n == 3 ? IntegerPower::pow3 : IntegerPower::pow4;
    }

    /** x^n exactly, rounded once to the nearest double (BigDecimal's doubleValue rounds correctly). */
    private static double exact(double x, int n) {
        return new BigDecimal(x).pow(n).doubleValue();
    }

    @ParameterizedTest(name = "n = {0}")
    @ValueSource(ints = {3, 4})
    void isXToTheNCorrectlyRoundedOverItsRange(int n) {
        // magnitudes 2^e over the whole range (the ends included), both signs
        int lowest = n == 4 ? -240 : -320;
        int highest = n == 4 ? 254 : 339;
        Random random = new Random(17L + n);
        int mathPowDiffers = 0;
        for (int i = 0; i < SAMPLES; i++) {
            int e = i < 2 ? (i == 0 ? lowest : highest) : lowest + random.nextInt(highest - lowest + 1);
            double x = Math.scalb(1 + random.nextDouble(), e) * (random.nextBoolean() ? 1 : -1);
            double value = scalar(n).applyAsDouble(x);
            assertThat(value).as("%s^%d", x, n).isEqualTo(exact(x, n));
            mathPowDiffers += value != Math.pow(x, n) ? 1 : 0;
        }
        // the reason for the exact arithmetic: Math.pow is within 1 ulp, not correctly rounded
        assertThat(mathPowDiffers).as("arguments where Math.pow is not correctly rounded").isPositive();
    }

    @ParameterizedTest(name = "n = {0}")
    @ValueSource(ints = {3, 4})
    void outsideItsRangeItIsMathPow(int n) {
        double[] outside = {0.0, -0.0, Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY,
            Double.MIN_VALUE, -Double.MIN_NORMAL, 1e-300, -1e-100, 0x1p-321, 0x1p-241, 0x1p341, 0x1p256, -1e300};
        for (double x : outside) {
            assertThat(Double.doubleToRawLongBits(scalar(n).applyAsDouble(x))).as("%s^%d", x, n)
                    .isEqualTo(Double.doubleToRawLongBits(Math.pow(x, n)));
        }
    }

    private static final String MOD = """
            NEURON { SUFFIX powers4 RANGE a, b, c }
            PARAMETER { a = 3 }
            ASSIGNED { b c }
            BREAKPOINT { b = pow(a, 4) c = a^3 }
            """;

    @Test
    void theSwitchOffKeepsMathPow() {
        String on = NmodlMechanism.compile("powers4.mod", MOD).javaSource();
        assertThat(on).contains("IntegerPower.pow4(c_a[k])", "IntegerPower.pow3(c_a[k])").doesNotContain("Math.pow");
        System.setProperty(IntegerPower.PROPERTY, "false");
        try {
            String off = NmodlMechanism.compile("powers4.mod", MOD).javaSource();
            assertThat(off).contains("Math.pow(c_a[k], 4.0)", "Math.pow(c_a[k], 3.0)").doesNotContain("IntegerPower");
        } finally {
            System.clearProperty(IntegerPower.PROPERTY);
        }
        assertThat(NmodlMechanism.compile("powers4.mod", MOD).javaSource()).isEqualTo(on);
    }
}
