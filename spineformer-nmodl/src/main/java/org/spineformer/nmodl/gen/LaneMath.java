package org.spineformer.nmodl.gen;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import jdk.incubator.vector.DoubleVector;
import org.spineformer.engine.simd.VectorMath;

/**
 * The vector kernels' exponential, logarithm and power (VectorEmitter): of one vector of the preferred species, in
 * place in the kernels' scratch arrays, each lane the bits of its scalar twin ({@code StrictExp.exp},
 * {@code StrictLog.log}, {@code StrictPow.pow}: {@link VectorMath}).
 *
 * <p>Called through method handles C2 cannot inline (they are not constants), so each function is always compiled
 * on its own, with its own node budget. Inlined into a generated kernel, the exponential took that kernel past C2's
 * inlining limit (~18000 IR nodes per compiled method, JDK 17): AMPA_WITH_CA's current phase, with one exponential,
 * stopped inlining inside {@code VectorMath.exp} (PrintInlining: {@code NodeCountInliningCutoff} at its {@code
 * twoTo}), and the rest ran the Vector API's allocating Java fallback at every step. One call per group of lanes
 * costs a few nanoseconds.
 */
public final class LaneMath {
    /** Not final on purpose: a method handle that is not a constant is called, never inlined, by C2. */
    @SuppressWarnings("FieldMayBeFinal")
    private static MethodHandle expHandle = lookup("exp", MethodType.methodType(void.class, double[].class));
    @SuppressWarnings("FieldMayBeFinal")
    private static MethodHandle logHandle = lookup("log", MethodType.methodType(void.class, double[].class));
    @SuppressWarnings("FieldMayBeFinal")
    private static MethodHandle powLogarithmHandle = lookup("powLogarithm", MethodType.methodType(void.class,
            double[].class, double[].class, double[].class));
    @SuppressWarnings("FieldMayBeFinal")
    private static MethodHandle powExponentialHandle = lookup("powExponential", MethodType.methodType(void.class,
            double[].class, double[].class, double[].class));

    private LaneMath() {
    }

    /** lanes[0 .. VL) = e^lanes[i], VL the preferred species' length (the generated kernels' scratch arrays). */
    public static void exp(double[] lanes) {
        try {
            expHandle.invokeExact(lanes);
        } catch (Throwable t) {
            throw unchecked(t);
        }
    }

    /** lanes[0 .. VL) = log(lanes[i]). */
    public static void log(double[] lanes) {
        try {
            logHandle.invokeExact(lanes);
        } catch (Throwable t) {
            throw unchecked(t);
        }
    }

    /**
     * x[i] = x[i]^y[i] over the whole arrays (their length a multiple of VL: one group, or every group of a state
     * kernel's power pass), {@code pq} a scratch array twice as long: {@code VectorMath.powLogarithm} and
     * {@code .powExponential}, each compiled on its own.
     */
    public static void pow(double[] x, double[] y, double[] pq) {
        try {
            powLogarithmHandle.invokeExact(x, y, pq);
            powExponentialHandle.invokeExact(x, y, pq);
        } catch (Throwable t) {
            throw unchecked(t);
        }
    }

    private static RuntimeException unchecked(Throwable t) {
        return t instanceof RuntimeException r ? r : new IllegalStateException(t);
    }

    private static void expInPlace(double[] lanes) {
        VectorMath.exp(DoubleVector.fromArray(VectorMath.SPECIES, lanes, 0)).intoArray(lanes, 0);
    }

    private static void logInPlace(double[] lanes) {
        VectorMath.log(DoubleVector.fromArray(VectorMath.SPECIES, lanes, 0)).intoArray(lanes, 0);
    }

    private static MethodHandle lookup(String function, MethodType type) {
        try {
            return function.startsWith("pow") ? MethodHandles.lookup().findStatic(VectorMath.class, function, type)
                    : MethodHandles.lookup().findStatic(LaneMath.class, function + "InPlace", type);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }
}
