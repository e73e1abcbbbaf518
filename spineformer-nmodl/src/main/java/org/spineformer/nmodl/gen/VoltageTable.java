package org.spineformer.nmodl.gen;

import org.spineformer.engine.table.CubicTable;
import org.spineformer.engine.table.RateTable;
import org.spineformer.engine.table.StepTable;

/**
 * A compiled mechanism's functions of v (a gate's steady state and cnexp factor, see {@link RateTables}) in a
 * {@link CubicTable} over {@value StepTable#MIN_MV} to {@value StepTable#MAX_MV} mV, the hand-written kernels' grid,
 * with every interval checked when the table is built: at a quarter, half and three quarters of the way across it,
 * each interpolated function must be within {@value #RELATIVE} of the exact value (relative to the largest of the
 * exact value and the interval's end values) plus {@value #OF_SCALE} of the function's largest magnitude on the grid.
 * An interval that fails (a kink or a jump of an IF, a 0/0 the file nudges around, a value not finite), or that
 * holds one of the constants the functions compare with (a file's {@code if (v == -38)}), is not used: {@link
 * #position} returns -1 there and the caller evaluates the functions exactly, as outside the table.
 *
 * <p>The bound is checked, not proven: between the check points the error of a smooth function is the same few
 * h^4 terms (largest at the middle), so it holds wherever the functions are smooth within the interval.
 */
public final class VoltageTable {
    /**
     * The interpolation error allowed, relative to the function's local size: the hand-written kernels' tables
     * are within 6.4e-11 of their functions (CubicTable), and 1e-10 keeps a compiled channel 4 orders of
     * magnitude inside the 1e-6 of the references.
     */
    public static final double RELATIVE = 1e-10;
    /**
     * The error allowed in addition, as a fraction of the function's largest magnitude on the grid: deep in a
     * gate's tail (a steady state of 1e-12 that varies as exp(v / 3 mV)) the relative error of the cubic reaches
     * a few 1e-10 of a value that does not matter; 1e-12 of the gate's range (1) is far below what any trace
     * resolves.
     */
    public static final double OF_SCALE = 1e-12;
    private static final double[] CHECKED_AT = {0.25, 0.5, 0.75};

    private final CubicTable table;
    private final boolean[] exact;
    private final int exactIntervals;

    /**
     * Tabulates {@code outputs} functions of v and checks them; {@code exactAt} lists the values (mV) whose
     * intervals are never used.
     */
    public VoltageTable(int outputs, RateTable.Functions functions, double[] exactAt) {
        table = new CubicTable(StepTable.MIN_MV, StepTable.MAX_MV, outputs, functions);
        int n = table.intervals();
        exact = new boolean[n];
        double[] scale = new double[outputs];
        double[] out = new double[outputs];
        for (int i = 0; i < n; i++) {
            int c = table.start(i);
            for (int f = 0; f < outputs; f++) {
                // a value not finite fails its own intervals' checks below; it must not set the scale
                double y = Math.abs(table.value(c, f, 0.0));
                if (y > scale[f] && y < Double.POSITIVE_INFINITY) {
                    scale[f] = y;
                }
            }
        }
        for (int i = 0; i < n; i++) {
            int c = table.start(i);
            for (double t : CHECKED_AT) {
                functions.evaluate(table.argument(i + t), out);
                for (int f = 0; f < outputs; f++) {
                    double y = table.value(c, f, t);
                    double local = Math.max(Math.abs(out[f]), Math.max(Math.abs(table.value(c, f, 0.0)),
                            Math.abs(table.value(c, f, 1.0))));
                    // written so that a NaN anywhere fails it
                    if (!(Math.abs(y - out[f]) <= RELATIVE * local + OF_SCALE * scale[f])) {
                        exact[i] = true;
                    }
                }
            }
        }
        for (double x : exactAt) {
            double u = table.position(x);
            if (u >= 0) {
                int i = (int) u;
                exact[i] = true;
                // a constant on (or within rounding of) a grid point: both intervals beside it
                if (u - i < 1e-6 && i > 0) {
                    exact[i - 1] = true;
                } else if (u - i > 1 - 1e-6 && i + 1 < n) {
                    exact[i + 1] = true;
                }
            }
        }
        int count = 0;
        for (boolean e : exact) {
            count += e ? 1 : 0;
        }
        exactIntervals = count;
    }

    /** Where v falls (see {@link CubicTable#position}), or -1 outside the table or in an interval not used. */
    public double position(double v) {
        double u = table.position(v);
        return u >= 0 && !exact[(int) u] ? u : -1;
    }

    /** Where the coefficients of the interval at a {@link #position} start. */
    public int start(double position) {
        return table.start(position);
    }

    /** Function f at the fraction t across the interval whose coefficients begin at {@code start}. */
    public double value(int start, int f, double t) {
        return table.value(start, f, t);
    }

    /** How many intervals are evaluated exactly (their check failed, or they hold an exactAt value). */
    public int exactIntervals() {
        return exactIntervals;
    }

    /** The number of intervals. */
    public int intervals() {
        return table.intervals();
    }
}
