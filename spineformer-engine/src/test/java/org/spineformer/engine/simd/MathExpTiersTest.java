package org.spineformer.engine.simd;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * {@link Math#exp} gives the same bits interpreted, compiled by C1 and compiled by C2: what lets the compiled
 * mechanisms call it where their code has no vector twin (spineformer-nmodl's JavaGenerator.exp; architecture.md,
 * "One exponential everywhere"). HotSpot's x86_64 interpreter, C1 and C2 all call the one stub
 * (StubRoutines::dexp); a JVM where they did not would fail here.
 */
class MathExpTiersTest {
    /** Random arguments per range (the interpreted JVM computes them all too). */
    static final int SAMPLES = 100_000;

    @Test
    void interpretedC1AndC2GiveTheSameBits() throws Exception {
        double[] x = arguments();
        long[] compiled = bits(x);
        for (int warm = 0; warm < 50; warm++) {
            compiled = bits(x); // by now C2 has compiled bits() with its exp
        }
        String digest = Interpreted.DIGEST + Arrays.hashCode(compiled);
        assertThat(child("-Xint")).contains(digest);
        assertThat(child("-XX:TieredStopAtLevel=1")).contains(digest);
    }

    private static String child(String mode) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), mode, "-cp", System.getProperty("java.class.path"), Interpreted.class.getName()));
        Process child = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(child.waitFor()).as("the %s JVM's exit status; its output:%n%s", mode, output).isZero();
        return output;
    }

    /** The other JVM: prints a digest of the bits of every result (repeated, so C1 compiles the loop there). */
    public static final class Interpreted {
        static final String DIGEST = "digest ";

        public static void main(String[] args) {
            double[] x = arguments();
            long[] b = bits(x);
            for (int warm = 0; warm < 5; warm++) {
                b = bits(x);
            }
            System.out.println(DIGEST + Arrays.hashCode(b));
        }
    }

    /** Edge arguments and random ones over the kernels' range and the whole domain. */
    static double[] arguments() {
        double[] edges = StrictExpTest.edgeArguments();
        double[] x = Arrays.copyOf(edges, edges.length + 2 * SAMPLES);
        SplittableRandom random = new SplittableRandom(17);
        for (int i = 0; i < SAMPLES; i++) {
            x[edges.length + i] = random.nextDouble(StrictExpTest.KERNELS_FROM, StrictExpTest.KERNELS_TO);
            x[edges.length + SAMPLES + i] = random.nextDouble(StrictExpTest.WHOLE_FROM, StrictExpTest.WHOLE_TO);
        }
        return x;
    }

    /** The bits of Math.exp of each x (every NaN as the one NaN). */
    static long[] bits(double[] x) {
        long[] b = new long[x.length];
        for (int i = 0; i < x.length; i++) {
            b[i] = Double.doubleToLongBits(Math.exp(x[i]));
        }
        return b;
    }
}
