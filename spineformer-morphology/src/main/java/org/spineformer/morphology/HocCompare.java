package org.spineformer.morphology;

/**
 * hoc's comparison operators, as the Import3d code that these readers port evaluates them: values closer than
 * {@code float_epsilon} (1e-11 by default) count as equal, so {@code a <= b} is {@code a <= b + 1e-11}. The same
 * tolerance is used by {@code Vector.eq} and {@code Vector.indwhere}. Without it, outline points that differ only
 * by rounding would be kept or dropped differently from NEURON.
 */
final class HocCompare {
    /** hoc's {@code float_epsilon} default. */
    static final double EPSILON = 1e-11;

    private HocCompare() {
    }

    static boolean eq(double a, double b) {
        return a <= b + EPSILON && a >= b - EPSILON;
    }

    static boolean le(double a, double b) {
        return a <= b + EPSILON;
    }

    static boolean lt(double a, double b) {
        return a < b - EPSILON;
    }

    static boolean gt(double a, double b) {
        return a > b + EPSILON;
    }
}
