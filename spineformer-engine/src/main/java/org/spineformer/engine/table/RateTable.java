package org.spineformer.engine.table;

/**
 * NEURON's NMODL {@code TABLE ... FROM min TO max WITH intervals}: the functions tabulated at intervals + 1
 * points and interpolated linearly, holding the end values outside the range.
 *
 * <p>Reproduced exactly as NEURON does it: the grid is built by repeatedly adding dx = (max - min) / intervals to
 * min (so the points carry its rounding), and an argument x is placed at xi = (x - min) * (1 / dx); xi <= 0 gives
 * point 0, xi >= intervals gives the last point, otherwise point i = (int) xi plus (xi - i) of the way to i + 1.
 */
public final class RateTable {
    /** The functions being tabulated: fills {@code out} with every function's value at x. */
    @FunctionalInterface
    public interface Functions {
        void evaluate(double x, double[] out);
    }

    private final double min;
    private final double inverseDx;
    private final int intervals;
    private final int outputs;
    /** Point-major: the value of function f at point i is at {@code values[i * outputs + f]}. */
    private final double[] values;

    public RateTable(double min, double max, int intervals, int outputs, Functions functions) {
        if (!(max > min) || intervals < 1 || outputs < 1) {
            throw new IllegalArgumentException("table needs min < max, intervals >= 1 and outputs >= 1");
        }
        this.min = min;
        this.intervals = intervals;
        this.outputs = outputs;
        double dx = (max - min) / intervals;
        this.inverseDx = 1.0 / dx;
        this.values = new double[(intervals + 1) * outputs];
        double[] out = new double[outputs];
        double x = min;
        for (int i = 0; i <= intervals; i++) {
            functions.evaluate(x, out);
            System.arraycopy(out, 0, values, i * outputs, outputs);
            x += dx;
        }
    }

    /** Interpolates every function at x into {@code out} (length at least the number of functions). */
    public void interpolate(double x, double[] out) {
        double xi = inverseDx * (x - min);
        if (xi <= 0) {
            System.arraycopy(values, 0, out, 0, outputs);
        } else if (xi >= intervals) {
            System.arraycopy(values, intervals * outputs, out, 0, outputs);
        } else {
            int i = (int) xi;
            double theta = xi - i;
            int lo = i * outputs, hi = lo + outputs;
            for (int f = 0; f < outputs; f++) {
                out[f] = values[lo + f] + theta * (values[hi + f] - values[lo + f]);
            }
        }
    }

    /** Interpolates the single function of a one-output table at x. */
    public double interpolate(double x) {
        double xi = inverseDx * (x - min);
        if (xi <= 0) {
            return values[0];
        }
        if (xi >= intervals) {
            return values[intervals * outputs];
        }
        int i = (int) xi;
        double theta = xi - i;
        int lo = i * outputs;
        return values[lo] + theta * (values[lo + outputs] - values[lo]);
    }

    /**
     * The single function of a one-output table at {@code x = v[node[k]]} and at {@code x + offset}, into
     * {@code at[k]} and {@code above[k]} for every k: each is what {@link #interpolate(double)} gives, but when
     * both arguments fall in one interval (nearly always, for an offset well below dx) its end values are read
     * once.
     */
    public void interpolateTwice(double[] v, int[] node, double offset, double[] at, double[] above) {
        for (int k = 0; k < at.length; k++) {
            interpolateTwice(v[node[k]], offset, at, above, k);
        }
    }

    /** The single function of a one-output table at x and x + offset into at[k] and above[k], as above. */
    private void interpolateTwice(double x, double offset, double[] at, double[] above, int k) {
        if (outputs != 1) {
            throw new IllegalStateException("interpolateTwice needs a one-output table, not " + outputs);
        }
        double xi = inverseDx * (x - min);
        double xiAbove = inverseDx * ((x + offset) - min);
        int i = (int) xi;
        if (xi > 0 && xiAbove < intervals && i == (int) xiAbove) {
            int lo = i * outputs;
            double low = values[lo];
            double step = values[lo + outputs] - low;
            at[k] = low + (xi - i) * step;
            above[k] = low + (xiAbove - i) * step;
        } else {
            at[k] = interpolate(x);
            above[k] = interpolate(x + offset);
        }
    }
}
