package org.spineformer.engine.simd;

import java.util.Arrays;

/**
 * Whether the mechanisms run their Vector API kernels, decided once per JVM.
 *
 * <p>The Vector API ({@code jdk.incubator.vector}) is an incubator module: it is in the JVM only when the command
 * line says {@code --add-modules jdk.incubator.vector}, and touching one of its classes without it fails. So code
 * with vector kernels keeps them in a class of its own, loaded only when {@link #enabled()} is true, and
 * otherwise runs its scalar kernels. Both give the same bits: the same operations in the same order, and one
 * exponential ({@link StrictExp} in scalar code, {@link VectorMath#exp} in lanes). This class
 * itself touches no Vector API class. It lives in the engine, whose {@code pas} has a vector kernel too.
 *
 * <p>{@code -Dspineformer.simd=false} forces the scalar kernels even when the module is present (for comparisons
 * and as a way out if a JVM's vector support misbehaves).
 */
public final class Simd {
    /** The system property that switches the vector kernels off when set to {@code false}. */
    public static final String PROPERTY = "spineformer.simd";
    private static final boolean ENABLED = ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent()
            && !"false".equalsIgnoreCase(System.getProperty(PROPERTY));

    private Simd() {
    }

    /** True when {@code jdk.incubator.vector} is in the boot layer and {@value #PROPERTY} is not {@code false}. */
    public static boolean enabled() {
        return ENABLED;
    }

    /**
     * The number of trials in lanes that fills one vector of doubles of the JVM's preferred species (4 with AVX2, 8
     * with AVX-512), 1 without the vector module. Lane groups follow the preferred species because JDK 17 runs the
     * others far slower on some machines (a 256-bit species on AVX-512: docs/dev/performance.md).
     */
    public static int preferredLanes() {
        return ENABLED ? Preferred.LANES : 1;
    }

    /** Reads the preferred species; loaded only when {@link #enabled()}, so only then touches the Vector API. */
    private static final class Preferred {
        static final int LANES = jdk.incubator.vector.DoubleVector.SPECIES_PREFERRED.length();
    }

    /**
     * Where the runs of consecutive nodes start in a block's {@code node} (within a run, node[k + 1] = node[k] + 1),
     * followed by node.length: over a run, a vector kernel reads and writes the node arrays directly.
     */
    public static int[] runs(int[] node) {
        int[] starts = new int[node.length + 1];
        int count = 0;
        for (int k = 0; k < node.length; k++) {
            if (k == 0 || node[k] != node[k - 1] + 1) {
                starts[count++] = k;
            }
        }
        starts[count++] = node.length;
        return Arrays.copyOf(starts, count);
    }

    /** {@code into[k] = v[node[k]]} for every k: a block's potentials, made contiguous for vector loads. */
    public static void gather(double[] v, int[] node, double[] into) {
        for (int k = 0; k < into.length; k++) {
            into[k] = v[node[k]];
        }
    }
}
