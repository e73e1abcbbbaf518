package org.spineformer.cli;

/**
 * Range checks of command-line options, before any work, in the option's own name: the library's checks would
 * name a Java field ({@code jitterMs = -1.0}) the user never typed.
 */
final class OptionChecks {
    private OptionChecks() {
    }

    static void atLeast(String option, long value, long min) {
        if (value < min) {
            throw new IllegalArgumentException(option + " = " + value + " must be >= " + min);
        }
    }

    /** Finite and > 0. */
    static void positive(String option, double value) {
        if (!(value > 0 && Double.isFinite(value))) {
            throw new IllegalArgumentException(option + " = " + value + " must be a finite number > 0");
        }
    }

    /** Finite and >= 0. */
    static void nonNegative(String option, double value) {
        if (!(value >= 0 && Double.isFinite(value))) {
            throw new IllegalArgumentException(option + " = " + value + " must be a finite number >= 0");
        }
    }
}
