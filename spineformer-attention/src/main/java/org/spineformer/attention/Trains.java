package org.spineformer.attention;

/**
 * Checks on spike trains given to the library. A spike train is a {@code double[]} of spike times in ms, finite and
 * non-decreasing; trains pass through the library unchanged (nothing is re-binned or re-sampled), so the checks are
 * the only thing that touches them.
 */
public final class Trains {
    private Trains() {
    }

    /** {@code trains}, after checking each with {@link #require}; names trains as {@code name[i]}. */
    public static double[][] requireAll(String name, double[][] trains) {
        for (int i = 0; i < trains.length; i++) {
            require(name + "[" + i + "]", trains[i]);
        }
        return trains;
    }

    /** {@code train}, after checking that its times are finite and non-decreasing. */
    public static double[] require(String name, double[] train) {
        for (int i = 0; i < train.length; i++) {
            if (!Double.isFinite(train[i])) {
                throw new IllegalArgumentException(name + " has spike " + i + " at " + train[i] + " ms; need finite");
            }
            if (i > 0 && train[i] < train[i - 1]) {
                throw new IllegalArgumentException(name + " is not sorted: spike " + i + " at " + train[i]
                        + " ms comes after " + train[i - 1] + " ms");
            }
        }
        return train;
    }
}
