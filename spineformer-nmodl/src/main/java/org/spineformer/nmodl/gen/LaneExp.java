package org.spineformer.nmodl.gen;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import jdk.incubator.vector.DoubleVector;
import org.spineformer.engine.simd.VectorMath;

/**
 * The vector kernels' exponential (VectorEmitter): e^x of one vector of the preferred species, in place in a scratch
 * array, each lane {@code StrictExp.exp}'s bits ({@link VectorMath#exp}).
 *
 * <p>Called through a method handle C2 cannot inline (it is not a constant), so the exponential is always compiled
 * on its own, with its own node budget. Inlined into a generated kernel, it took that kernel past C2's inlining
 * limit (~18000 IR nodes per compiled method, JDK 17): AMPA_WITH_CA's current phase, with one exponential, stopped
 * inlining inside {@code VectorMath.exp} (PrintInlining: {@code NodeCountInliningCutoff} at its {@code twoTo}), and
 * the rest ran the Vector API's allocating Java fallback at every step. One call per group of lanes costs a few
 * nanoseconds.
 */
public final class LaneExp {
    /** Not final on purpose: a method handle that is not a constant is called, never inlined, by C2. */
    @SuppressWarnings("FieldMayBeFinal")
    private static MethodHandle exp = lookup();

    private LaneExp() {
    }

    /** lanes[0 .. VL) = e^lanes[i], VL the preferred species' length (the generated kernels' scratch arrays). */
    public static void inPlace(double[] lanes) {
        try {
            exp.invokeExact(lanes);
        } catch (Throwable t) {
            throw t instanceof RuntimeException r ? r : new IllegalStateException(t);
        }
    }

    private static void compute(double[] lanes) {
        VectorMath.exp(DoubleVector.fromArray(VectorMath.SPECIES, lanes, 0)).intoArray(lanes, 0);
    }

    private static MethodHandle lookup() {
        try {
            return MethodHandles.lookup().findStatic(LaneExp.class, "compute",
                    MethodType.methodType(void.class, double[].class));
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }
}
