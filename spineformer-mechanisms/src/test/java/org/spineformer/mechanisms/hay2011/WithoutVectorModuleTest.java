package org.spineformer.mechanisms.hay2011;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.spineformer.engine.mech.Catalogue;
import org.spineformer.engine.mech.CellState;
import org.spineformer.engine.mech.Mechanism;
import org.spineformer.engine.mech.MechanismBlock;
import org.spineformer.engine.simd.Simd;

/**
 * A library user who does not pass {@code --add-modules jdk.incubator.vector}: in such a JVM every mechanism, made
 * by the catalogue as in any model, runs its scalar kernels without touching a Vector API class (which would fail
 * there), one trial or several in lanes, and the Hay channels match NEURON with many instances per block.
 */
class WithoutVectorModuleTest {
    @Test
    void mechanismsFallBackToTheScalarKernels() throws Exception {
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Child.class.getName()).redirectErrorStream(true).start();
        String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(child.waitFor()).as("the child JVM's exit status; its output:%n%s", output).isZero();
    }

    /** The child JVM's work. */
    public static final class Child {
        public static void main(String[] args) {
            if (Simd.enabled()) {
                throw new AssertionError("vector kernels enabled without jdk.incubator.vector");
            }
            Catalogue catalogue = Catalogue.discover();
            for (String name : List.of("NaTa_t", "SKv3_1", "Im")) {
                VoltageReplay.assertMatchesNeuron(catalogue.get(name), false, HayChannelReferenceTest.TOLERANCE);
            }
            for (Mechanism mechanism : catalogue.all()) {
                step(mechanism, 1);
                if (runsLanes(mechanism)) {
                    step(mechanism, 4);
                }
            }
        }

        private static boolean runsLanes(Mechanism mechanism) {
            try {
                mechanism.newBlock(new int[] {0}, 4);
                return true;
            } catch (UnsupportedOperationException notYet) {
                return false;
            }
        }

        /**
         * A block of the mechanism on more nodes than two vectors of any width, for {@code lanes} trials, initialized
         * and stepped.
         */
        private static void step(Mechanism mechanism, int lanes) {
            int n = VoltageReplay.INSTANCES;
            CellState s = new CellState(new double[n], new double[n], 0.025, 37, lanes);
            MechanismBlock block = mechanism.newBlock(IntStream.range(0, n).toArray(), lanes);
            block.attach(s);
            block.initialize(s);
            for (int step = 0; step < 10; step++) {
                block.currents(s);
                block.advance(s);
            }
        }
    }
}
