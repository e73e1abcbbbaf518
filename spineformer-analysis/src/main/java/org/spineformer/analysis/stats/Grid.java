package org.spineformer.analysis.stats;

import static org.spineformer.analysis.Arguments.finite;

/** Evaluation grids. */
public final class Grid {
    private Grid() {
    }

    /**
     * {@code n} evenly spaced values from {@code start} to {@code stop}, both included, as {@code np.linspace}
     * (value i is start + i * step, and the last is exactly stop). Figure 3 evaluates its densities on
     * {@code linspace(0, 1.2 max, 1000)}.
     */
    public static double[] linspace(double start, double stop, int n) {
        finite("start", start);
        finite("stop", stop);
        if (n < 2) {
            throw new IllegalArgumentException("n = " + n + " must be at least 2");
        }
        double step = (stop - start) / (n - 1);
        double[] values = new double[n];
        for (int i = 0; i < n - 1; i++) {
            values[i] = start + i * step;
        }
        values[n - 1] = stop;
        return values;
    }
}
