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
 * {@link VectorMath#exp} gives {@link StrictExp#exp}'s bits in every lane of every species, random and edge
 * arguments, in this JVM (its kernels compiled by C2 after the first calls) and in a JVM that only interprets
 * ({@code -Xint}, the Vector API's Java fallback): the warm-up independence the kernels rely on.
 */
class VectorMathTest {
    /** Random arguments per range in the preferred species: many vectors, so C2 compiles the kernel early on. */
    static final int SAMPLES = 2_000_000;
    /** The same for the other species, which JDK 17 runs far slower (some never compiled to vector instructions). */
    static final int OTHER_SPECIES_SAMPLES = 20_000;
    /** Arguments the interpreted JVM computes (it is ~1000x slower per vector). */
    static final int INTERPRETED_SAMPLES = 20_000;

    @Test
    void everyLaneOfEverySpeciesGivesTheScalarBits() {
        for (VectorSpecies<Double> species : new VectorSpecies[] {DoubleVector.SPECIES_64, DoubleVector.SPECIES_128,
            DoubleVector.SPECIES_256, DoubleVector.SPECIES_512, DoubleVector.SPECIES_PREFERRED}) {
            int n = species == DoubleVector.SPECIES_PREFERRED ? SAMPLES : OTHER_SPECIES_SAMPLES;
            assertSameBits(species, random(StrictExpTest.WHOLE_FROM, StrictExpTest.WHOLE_TO, n, 3));
            assertSameBits(species, random(StrictExpTest.KERNELS_FROM, StrictExpTest.KERNELS_TO, n, 4));
            assertSameBits(species, StrictExpTest.edgeArguments());
        }
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
        int lanes = DoubleVector.SPECIES_PREFERRED.length();
        double[] x = new double[(edges.length + kernels.length + whole.length + lanes - 1) / lanes * lanes];
        System.arraycopy(edges, 0, x, 0, edges.length);
        System.arraycopy(kernels, 0, x, edges.length, kernels.length);
        System.arraycopy(whole, 0, x, edges.length + kernels.length, whole.length);
        return x;
    }

    /** The bits of {@link VectorMath#exp} of x, in vectors of the preferred species. */
    static long[] bits(double[] x) {
        VectorSpecies<Double> species = DoubleVector.SPECIES_PREFERRED;
        double[] e = new double[x.length];
        for (int i = 0; i < x.length; i += species.length()) {
            VectorMath.exp(DoubleVector.fromArray(species, x, i)).intoArray(e, i);
        }
        return Arrays.stream(e).mapToLong(Double::doubleToRawLongBits).toArray();
    }

    private static void assertSameBits(VectorSpecies<Double> species, double[] arguments) {
        int lanes = species.length();
        double[] x = Arrays.copyOf(arguments, (arguments.length + lanes - 1) / lanes * lanes);
        double[] e = new double[x.length];
        for (int i = 0; i < x.length; i += lanes) {
            VectorMath.exp(DoubleVector.fromArray(species, x, i)).intoArray(e, i);
        }
        for (int i = 0; i < x.length; i++) {
            if (Double.doubleToRawLongBits(e[i]) != Double.doubleToRawLongBits(StrictExp.exp(x[i]))) {
                assertThat(e[i]).as("%s lane of exp(%s)", species, x[i]).isEqualTo(StrictExp.exp(x[i]));
                assertThat(Double.doubleToRawLongBits(e[i])).as("bits of exp(%s)", x[i])
                        .isEqualTo(Double.doubleToRawLongBits(StrictExp.exp(x[i])));
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
