package org.spineformer.engine.simd;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.SplittableRandom;
import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;
import org.junit.jupiter.api.Test;

/**
 * {@link VectorMath#exp} gives {@link StrictExp#exp}'s bits in every lane, random and edge arguments, in this JVM
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
    void anotherSpeciesGivesTheScalarBitsToo() {
        double[] x = {-1, 0.5, 20, Double.NaN};
        assertThat(VectorMath.exp(DoubleVector.fromArray(DoubleVector.SPECIES_256, x, 0)).toArray())
                .containsExactly(StrictExp.exp(-1), StrictExp.exp(0.5), StrictExp.exp(20), Double.NaN);
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
        String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(child.waitFor()).as("the interpreted JVM's exit status; its output:%n%s", output).isZero();
        assertThat(output).contains(Interpreted.DIGEST + Arrays.hashCode(compiled));
    }

    /** The interpreted JVM: prints a digest of the bits of every lane's result. */
    public static final class Interpreted {
        static final String DIGEST = "digest ";

        public static void main(String[] args) {
            System.out.println(DIGEST + Arrays.hashCode(bits(arguments())));
        }
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
        VectorSpecies<Double> species = VectorMath.SPECIES;
        double[] e = new double[x.length];
        for (int i = 0; i < x.length; i += species.length()) {
            VectorMath.exp(DoubleVector.fromArray(species, x, i)).intoArray(e, i);
        }
        return Arrays.stream(e).mapToLong(Double::doubleToLongBits).toArray();
    }

    /** Every lane's bits are StrictExp's (a NaN in both counts as the same). */
    private static void assertSameBits(double[] arguments) {
        int lanes = VectorMath.SPECIES.length();
        double[] x = Arrays.copyOf(arguments, (arguments.length + lanes - 1) / lanes * lanes);
        long[] e = bits(x);
        for (int i = 0; i < x.length; i++) {
            if (e[i] != Double.doubleToLongBits(StrictExp.exp(x[i]))) {
                assertThat(Double.longBitsToDouble(e[i])).as("a lane of exp(%s)", x[i]).isEqualTo(StrictExp.exp(x[i]));
                assertThat(e[i]).as("bits of exp(%s)", x[i]).isEqualTo(Double.doubleToLongBits(StrictExp.exp(x[i])));
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
