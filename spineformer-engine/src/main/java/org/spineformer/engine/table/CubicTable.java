package org.spineformer.engine.table;

/**
 * Smooth functions of the membrane potential tabulated for speed where the mod file has no {@code TABLE}: cubic
 * Hermite interpolation on a grid of {@value #STEPS_PER_MV} points per mV, so that a channel's state update costs a
 * few multiplications instead of its exponentials and divisions. Unlike {@link RateTable}, this is not something
 * NEURON does; it is made fine enough that its error stays far below what a whole-cell run can resolve: at most
 * h^4 / 384 max|f''''| with h = 1/16 mV, 6.4e-11 of the value of a function that varies as exp(v / 5 mV), the
 * steepest of the Hay channels' ({@code CubicTableTest}).
 *
 * <p>The grid points sit half a step off the multiples of 1/{@value #STEPS_PER_MV} mV, so no point falls on a whole
 * or half millivolt, where rate functions of the form x / (1 - exp(-x / k)) are 0/0 in the mod files. The
 * derivatives at the points come from a central difference of fourth order. Outside [min, max] nothing is
 * tabulated: {@link #interpolate} says so and the caller evaluates the functions exactly.
 */
public final class CubicTable {
    /** Grid points per mV: a power of 2, so that every point is exact in binary. */
    public static final int STEPS_PER_MV = 16;
    private static final double STEP = 1.0 / STEPS_PER_MV;
    /** The finite-difference step for the derivatives (mV): truncation ~1e-16 and rounding ~1e-13 of the scale. */
    private static final double DERIVATIVE_STEP = 1.0 / 1024;

    private final double first;
    private final int intervals;
    private final int outputs;
    /** Per interval, per function, the cubic's coefficients in t = 0..1 across it, constant term first. */
    private final double[] coefficients;

    /** Tabulates {@code outputs} functions over at least [min, max] mV (min and max whole multiples of the step). */
    public CubicTable(double min, double max, int outputs, RateTable.Functions functions) {
        if (!(max > min) || outputs < 1) {
            throw new IllegalArgumentException("table needs min < max and outputs >= 1, was [" + min + ", " + max
                    + "] and " + outputs);
        }
        this.first = min - STEP / 2;
        this.intervals = (int) Math.ceil((max - first) / STEP);
        this.outputs = outputs;
        this.coefficients = new double[intervals * outputs * 4];
        double[] value = new double[(intervals + 1) * outputs];
        double[] slope = new double[(intervals + 1) * outputs];
        double[] out = new double[outputs];
        double[][] near = new double[4][outputs];
        double[] offsets = {-2 * DERIVATIVE_STEP, -DERIVATIVE_STEP, DERIVATIVE_STEP, 2 * DERIVATIVE_STEP};
        for (int i = 0; i <= intervals; i++) {
            double x = first + i * STEP;
            functions.evaluate(x, out);
            System.arraycopy(out, 0, value, i * outputs, outputs);
            for (int j = 0; j < 4; j++) {
                functions.evaluate(x + offsets[j], near[j]);
            }
            for (int f = 0; f < outputs; f++) {
                // f'(x) h with h the grid step: (f(x-2e) - 8 f(x-e) + 8 f(x+e) - f(x+2e)) / (12 e) * h
                slope[i * outputs + f] = (near[0][f] - 8 * near[1][f] + 8 * near[2][f] - near[3][f])
                        / (12 * DERIVATIVE_STEP) * STEP;
            }
        }
        for (int i = 0; i < intervals; i++) {
            for (int f = 0; f < outputs; f++) {
                double y0 = value[i * outputs + f], y1 = value[(i + 1) * outputs + f];
                double s0 = slope[i * outputs + f], s1 = slope[(i + 1) * outputs + f];
                int c = (i * outputs + f) * 4;
                coefficients[c] = y0;
                coefficients[c + 1] = s0;
                coefficients[c + 2] = 3 * (y1 - y0) - 2 * s0 - s1;
                coefficients[c + 3] = 2 * (y0 - y1) + s0 + s1;
            }
        }
    }

    private CubicTable(double first, int intervals, int outputs, double[] coefficients) {
        this.first = first;
        this.intervals = intervals;
        this.outputs = outputs;
        this.coefficients = coefficients;
    }

    /**
     * Functions {@code from} to {@code to - 1} as a table of their own: the same grid and coefficients, so the same
     * values, in less memory per interval (a caller that reads some functions at every step and the others rarely
     * keeps the first apart, so that the steps touch only their coefficients).
     */
    public CubicTable functions(int from, int to) {
        if (from < 0 || to > outputs || from >= to) {
            throw new IllegalArgumentException("functions " + from + " to " + to + " of a table of " + outputs);
        }
        int width = to - from;
        double[] co = new double[intervals * width * 4];
        for (int i = 0; i < intervals; i++) {
            System.arraycopy(coefficients, (i * outputs + from) * 4, co, i * width * 4, width * 4);
        }
        return new CubicTable(first, intervals, width, co);
    }

    /**
     * Where x falls: the interval's index plus the fraction of the way across it, or -1 outside the table or for
     * NaN. With {@link #start} and {@link #value}, a kernel evaluates its functions at x without an output array
     * (which the JIT would not keep in registers).
     */
    public double position(double x) {
        double u = (x - first) * STEPS_PER_MV;
        return u >= 0 && u < intervals ? u : -1;
    }

    /** The number of intervals. */
    public int intervals() {
        return intervals;
    }

    /** The argument x (mV) at a {@link #position}: the inverse of {@code position} inside the table. */
    public double argument(double position) {
        return first + position * STEP;
    }

    /**
     * The coefficient of t^power (0 to 3) of function f's cubic across interval i, as {@link #value} uses it: for
     * kernels that lay several tables' coefficients out their own way.
     */
    public double coefficient(int i, int f, int power) {
        return coefficients[(i * outputs + f) * 4 + power];
    }

    /** Where the coefficients of the interval at a {@link #position} start. */
    public int start(double position) {
        return (int) position * outputs * 4;
    }

    /**
     * Function f at the fraction t across the interval whose coefficients begin at {@code start}: Horner's rule in
     * fused multiply-adds (one rounding each instead of two; ~10% off the Hay channels' state phases).
     */
    public double value(int start, int f, double t) {
        int c = start + 4 * f;
        return Math.fma(t, Math.fma(t, Math.fma(t, coefficients[c + 3], coefficients[c + 2]), coefficients[c + 1]),
                coefficients[c]);
    }

    /**
     * Every function at x into {@code out}; false (and {@code out} untouched) where x is outside the table or not a
     * number.
     */
    public boolean interpolate(double x, double[] out) {
        double u = position(x);
        if (u < 0) {
            return false;
        }
        int c = start(u);
        double t = u - (int) u;
        for (int f = 0; f < outputs; f++) {
            out[f] = value(c, f, t);
        }
        return true;
    }
}
