package org.spineformer.mechanisms;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.spineformer.engine.mech.Catalogue;
import org.spineformer.engine.mech.CellState;
import org.spineformer.engine.mech.FieldSpec;
import org.spineformer.engine.mech.MechanismBlock;
import org.spineformer.engine.simd.Simd;

/**
 * A block's numbers do not depend on the JIT's warm-up: the mechanisms whose kernels run exponentials (AMPA_WITH_CA's
 * potentiation, the Hay channels' exact rates), stepped on the same seeded inputs, give the same bits in a JVM that
 * only interprets ({@code -Xint}: the Vector API's Java fallback, the interpreter's arithmetic) as in this one after
 * 150 runs (their kernels compiled by C2), one trial and a vector of trials in lanes, with a scalar tail (instance
 * counts that are not a multiple of the vector length). Before the one exponential (VectorMath, StrictExp) the
 * Vector API's exp gave SVML's last bits compiled and Math.exp's before.
 */
class WarmUpIndependenceTest {
    /**
     * Runs in this JVM before its digest counts: each kernel is then called 12000 times, above C2's compile
     * threshold (5000 calls in tiered compilation), so the last runs are C2's code.
     */
    private static final int WARM_RUNS = 150;
    /** Steps per run: few, since the interpreted JVM runs the Vector API's Java fallback (~1000x slower). */
    private static final int STEPS = 40;
    /** Not a multiple of 4 or 8: every vector kernel has a scalar tail. */
    private static final int INSTANCES = 21;

    @Test
    void anInterpretedJvmGivesTheBitsOfAWarmOne() throws Exception {
        assertThat(Simd.enabled()).as("the tests run with the Vector API, so its kernels are what is compared").isTrue();
        long warm = 0;
        for (int run = 0; run < WARM_RUNS; run++) {
            warm = digest();
        }
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xint", "--add-modules", "jdk.incubator.vector", "-cp", System.getProperty("java.class.path"),
                Interpreted.class.getName()).redirectErrorStream(true).start();
        String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(child.waitFor()).as("the interpreted JVM's exit status; its output:%n%s", output).isZero();
        assertThat(output).contains(Interpreted.DIGEST + warm);
    }

    /** The interpreted JVM: prints the digest. */
    public static final class Interpreted {
        static final String DIGEST = "digest ";

        public static void main(String[] args) {
            System.out.println(DIGEST + digest());
        }
    }

    /** A hash of every column's bits after the runs of {@link #run}, one trial and lanes, potentiation and exact rates. */
    static long digest() {
        long hash = 17;
        for (int lanes : new int[] {1, Simd.preferredLanes()}) {
            hash = 31 * hash + run("AMPA_WITH_CA", lanes, true);
            for (String channel : List.of("NaTa_t", "SKv3_1", "Im")) {
                hash = 31 * hash + run(channel, lanes, false);
            }
        }
        return hash;
    }

    /**
     * {@link #STEPS} steps of a block of {@link #INSTANCES} instances on their own nodes in {@code lanes} trials at
     * seeded potentials (and calcium, events for a synapse; its potentiation threshold set so that alpha moves
     * across its sigmoid), rate tables as given; the hash of every column's bits at the end.
     */
    private static long run(String name, int lanes, boolean tables) {
        Random random = new Random(11);
        double[] area = new double[INSTANCES];
        Arrays.fill(area, 1.5);
        CellState s = new CellState(area, area.clone(), 0.025, 34, lanes);
        MechanismBlock block = Catalogue.discover().get(name).newBlock(IntStream.range(0, INSTANCES).toArray(), lanes);
        block.setUseTables(tables);
        boolean synapse = name.equals("AMPA_WITH_CA");
        if (synapse) {
            for (int k = 0; k < INSTANCES; k++) {
                block.setParameter("ca_potentiation_threshold", k, 1e-16 * (1 + k));
            }
        }
        block.attach(s);
        block.initialize(s);
        double[] cai = s.ion("ca").concentration;
        for (int step = 0; step < STEPS; step++) {
            for (int i = 0; i < s.v.length; i++) {
                s.v[i] = -90 + 100 * random.nextDouble();
                cai[i] = 1e-3 * random.nextDouble();
            }
            if (synapse && step % 10 == 0) {
                for (int k = 0; k < INSTANCES; k++) {
                    for (int l = 0; l < lanes; l++) {
                        block.deliver(k, l, 0.5 + random.nextDouble());
                    }
                }
            }
            Arrays.fill(s.rhs, 0);
            Arrays.fill(s.d, 0);
            block.currents(s);
            block.advance(s);
        }
        long hash = 0;
        for (FieldSpec field : block.mechanism().fields()) {
            hash = 31 * hash + Arrays.hashCode(block.column(field.name()));
        }
        return 31 * hash + Arrays.hashCode(s.rhs);
    }
}
