package org.spineformer.engine.simd;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.function.DoubleUnaryOperator;
import java.util.function.UnaryOperator;
import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;
import org.junit.jupiter.api.Test;

/**
 * {@link VectorMath#exp}, {@link VectorMath#log} and {@link VectorMath#pow} give {@link StrictExp#exp}'s,
 * {@link StrictLog#log}'s and {@link StrictPow#pow}'s bits in every lane, random and edge arguments, in this JVM
 * (compiled by C2 after the first calls) and in a JVM that only interprets ({@code -Xint}, the Vector API's Java
 * fallback): the warm-up independence the kernels rely on.
 */
class VectorMathTest {
    /** Random arguments per range: many vectors, so C2 compiles exp early on. */
    static final int SAMPLES = 2_000_000;
    /** Arguments the interpreted JVM computes (it is ~1000x slower per vector). */
    static final int INTERPRETED_SAMPLES = 20_000;

    @Test
    void everyLaneGivesTheScalarBits() {
        assertSameBits(random(StrictExpTest.WHOLE_FROM, StrictExpTest.WHOLE_TO, SAMPLES, 3));
        assertSameBits(random(StrictExpTest.KERNELS_FROM, StrictExpTest.KERNELS_TO, SAMPLES, 4));
        assertSameBits(StrictExpTest.edgeArguments());
    }

    @Test
    void everyLaneGivesTheScalarLogarithmsBits() {
        SplittableRandom random = new SplittableRandom(7);
        double[] x = new double[SAMPLES];
        for (int i = 0; i < x.length; i++) {
            x[i] = i % 2 == 0 ? Double.longBitsToDouble(random.nextLong(1, 0x7ff0000000000000L))
                    : StrictLogTest.logUniform(random, StrictLogTest.CONCENTRATIONS_FROM, StrictLogTest.RATIOS_TO);
        }
        assertSameBits(x, VectorMath::log, StrictLog::log);
        assertSameBits(StrictLogTest.edgeArguments(), VectorMath::log, StrictLog::log);
    }

    @Test
    void everyLaneGivesTheScalarPowersBits() {
        double[][] pairs = powArguments(SAMPLES, 8);
        int lanes = VectorMath.SPECIES.length();
        double[] x = Arrays.copyOf(pairs[0], (pairs[0].length + lanes - 1) / lanes * lanes);
        double[] y = Arrays.copyOf(pairs[1], x.length);
        long[] p = powBits(x, y);
        for (int i = 0; i < x.length; i++) {
            if (p[i] != Double.doubleToLongBits(StrictPow.pow(x[i], y[i]))) {
                assertThat(Double.longBitsToDouble(p[i])).as("a lane of pow(%s, %s)", x[i], y[i])
                        .isEqualTo(StrictPow.pow(x[i], y[i]));
            }
        }
    }

    @Test
    void anotherSpeciesGivesTheScalarBitsToo() {
        double[] x = {-1, 0.5, 20, Double.NaN};
        assertThat(VectorMath.exp(DoubleVector.fromArray(DoubleVector.SPECIES_256, x, 0)).toArray())
                .containsExactly(StrictExp.exp(-1), StrictExp.exp(0.5), StrictExp.exp(20), Double.NaN);
        double[] y = {2.5, 0.001, 4.8, -2};
        assertThat(VectorMath.log(DoubleVector.fromArray(DoubleVector.SPECIES_256, y, 0)).toArray())
                .containsExactly(StrictLog.log(2.5), StrictLog.log(0.001), StrictLog.log(4.8), Double.NaN);
        assertThat(VectorMath.pow(DoubleVector.fromArray(DoubleVector.SPECIES_256, y, 0),
                DoubleVector.fromArray(DoubleVector.SPECIES_256, x, 0)).toArray())
                .containsExactly(StrictPow.pow(2.5, -1), StrictPow.pow(0.001, 0.5), StrictPow.pow(4.8, 20), Double.NaN);
    }

    @Test
    void anInterpretedJvmGivesTheSameBits() throws Exception {
        double[] x = arguments();
        long[] compiled = bits(x);
        for (int warm = 0; warm < 20; warm++) {
            compiled = bits(x); // by now C2 has compiled exp
        }
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xint", "--add-modules", "jdk.incubator.vector", "-cp", System.getProperty("java.class.path"),
                Interpreted.class.getName()).redirectErrorStream(true).start();
        double[] positive = Arrays.stream(x).map(Math::abs).toArray();
        double[][] pairs = powArguments(x.length, 9);
        long[] logs = bits(positive, VectorMath::log);
        long[] powers = powBits(pairs[0], pairs[1]);
        for (int warm = 0; warm < 20; warm++) {
            logs = bits(positive, VectorMath::log);
            powers = powBits(pairs[0], pairs[1]);
        }
        String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(child.waitFor()).as("the interpreted JVM's exit status; its output:%n%s", output).isZero();
        assertThat(output).contains(Interpreted.DIGEST + Arrays.hashCode(compiled))
                .contains(Interpreted.LOG_DIGEST + Arrays.hashCode(logs))
                .contains(Interpreted.POW_DIGEST + Arrays.hashCode(powers));
    }

    /** The interpreted JVM: prints digests of the bits of every lane's results. */
    public static final class Interpreted {
        static final String DIGEST = "digest ";
        static final String LOG_DIGEST = "log digest ";
        static final String POW_DIGEST = "pow digest ";

        public static void main(String[] args) {
            double[] x = arguments();
            System.out.println(DIGEST + Arrays.hashCode(bits(x)));
            System.out.println(LOG_DIGEST + Arrays.hashCode(bits(Arrays.stream(x).map(Math::abs).toArray(),
                    VectorMath::log)));
            double[][] pairs = powArguments(x.length, 9);
            System.out.println(POW_DIGEST + Arrays.hashCode(powBits(pairs[0], pairs[1])));
        }
    }

    /**
     * n pairs (x, y), a whole number of vectors: StrictPowTest's ranges (the Hill function of calcium, temperature
     * factors, random powers) with, every 17th pair, a case outside the power's range in lanes (0, a negative base,
     * NaN, infinities, results beyond the normal range, y = 2), so that groups mix both.
     */
    static double[][] powArguments(int n, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[][] special = {{0, 4.8}, {-2, 3}, {-2, 4.8}, {-7.25, 2}, {3, 2}, {Double.NaN, 0}, {2.5, Double.NaN},
            {Double.POSITIVE_INFINITY, 0.5}, {10, 400}, {10, -400}, {2, -1030.5}, {1, 4.8}, {5, 0}};
        double[] x = new double[n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            switch (i % 4) {
                case 0 -> {
                    x[i] = StrictPowTest.SK_K / StrictLogTest.logUniform(random, StrictLogTest.CONCENTRATIONS_FROM,
                            StrictLogTest.CONCENTRATIONS_TO);
                    y[i] = StrictPowTest.SK_N;
                }
                case 1 -> {
                    x[i] = random.nextDouble(1, 5);
                    y[i] = random.nextDouble(-4.5, 4.5);
                }
                default -> {
                    x[i] = StrictLogTest.logUniform(random, 1e-8, 1e8);
                    y[i] = random.nextDouble(StrictPowTest.Y_FROM, StrictPowTest.Y_TO);
                }
            }
            if (i % 17 == 0) {
                double[] c = special[(i / 17) % special.length];
                x[i] = c[0];
                y[i] = c[1];
            }
        }
        return new double[][] {x, y};
    }

    /** The bits of {@link VectorMath#pow} of the pairs, in vectors of the preferred species. */
    static long[] powBits(double[] x, double[] y) {
        VectorSpecies<Double> species = VectorMath.SPECIES;
        double[] p = new double[x.length];
        for (int i = 0; i < x.length; i += species.length()) {
            VectorMath.pow(DoubleVector.fromArray(species, x, i), DoubleVector.fromArray(species, y, i)).intoArray(p, i);
        }
        return Arrays.stream(p).mapToLong(Double::doubleToLongBits).toArray();
    }

    /** Edge arguments and random ones over the kernels' range and the whole domain, a whole number of vectors. */
    static double[] arguments() {
        double[] edges = StrictExpTest.edgeArguments();
        double[] kernels = random(StrictExpTest.KERNELS_FROM, StrictExpTest.KERNELS_TO, INTERPRETED_SAMPLES / 2, 5);
        double[] whole = random(StrictExpTest.WHOLE_FROM, StrictExpTest.WHOLE_TO, INTERPRETED_SAMPLES / 2, 6);
        int lanes = VectorMath.SPECIES.length();
        double[] x = new double[(edges.length + kernels.length + whole.length + lanes - 1) / lanes * lanes];
        System.arraycopy(edges, 0, x, 0, edges.length);
        System.arraycopy(kernels, 0, x, edges.length, kernels.length);
        System.arraycopy(whole, 0, x, edges.length + kernels.length, whole.length);
        return x;
    }

    /** The bits of {@link VectorMath#exp} of x (every NaN as the one NaN), in vectors of the preferred species. */
    static long[] bits(double[] x) {
        return bits(x, VectorMath::exp);
    }

    /** The bits of a function in lanes of x (every NaN as the one NaN), in vectors of the preferred species. */
    static long[] bits(double[] x, UnaryOperator<DoubleVector> function) {
        VectorSpecies<Double> species = VectorMath.SPECIES;
        double[] e = new double[x.length];
        for (int i = 0; i < x.length; i += species.length()) {
            function.apply(DoubleVector.fromArray(species, x, i)).intoArray(e, i);
        }
        return Arrays.stream(e).mapToLong(Double::doubleToLongBits).toArray();
    }

    /** Every lane's bits are StrictExp's (a NaN in both counts as the same). */
    private static void assertSameBits(double[] arguments) {
        assertSameBits(arguments, VectorMath::exp, StrictExp::exp);
    }

    /** Every lane's bits are the scalar twin's (a NaN in both counts as the same). */
    private static void assertSameBits(double[] arguments, UnaryOperator<DoubleVector> lanes,
                                       DoubleUnaryOperator twin) {
        int count = VectorMath.SPECIES.length();
        double[] x = Arrays.copyOf(arguments, (arguments.length + count - 1) / count * count);
        long[] e = bits(x, lanes);
        for (int i = 0; i < x.length; i++) {
            if (e[i] != Double.doubleToLongBits(twin.applyAsDouble(x[i]))) {
                assertThat(Double.longBitsToDouble(e[i])).as("a lane at %s", x[i]).isEqualTo(twin.applyAsDouble(x[i]));
                assertThat(e[i]).as("bits at %s", x[i]).isEqualTo(Double.doubleToLongBits(twin.applyAsDouble(x[i])));
            }
        }
    }

    private static double[] random(double from, double to, int n, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = random.nextDouble(from, to);
        }
        return x;
    }
}
