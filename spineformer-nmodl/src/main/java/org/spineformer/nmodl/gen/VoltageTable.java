package org.spineformer.nmodl.gen;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
 *
 * <p>A compiled block's tables are shared by every simulation of the JVM ({@link #shared}): a table is a function of
 * the generated class, its block and the values it depends on (dt, celsius, parameters, ion variables), so a block
 * that needs one with the same bits of all of them takes the one built before, as NEURON keeps a TABLE until a
 * DEPEND changes. Building costs 2881 x 8 evaluations of the block (~2 ms each for Allen's 11 channels).
 *
 * <p>The functions a caller reads at every step (a gate's cnexp factor and target) are kept apart from the rest (the
 * outputs it reads only when asked, LazyTableOutputs): two tables on the same grid with the same coefficients, so
 * that the steps touch half the memory or less (Migliore's naxn: 369 KB of 737 KB) for the same values.
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
    /**
     * How many coefficients the shared tables may hold together (32 MB): a published model's tables hold 0.1-1.1
     * MB each (2881 intervals x 4 x its outputs), 5-9 MB per model, so a few models' stay; beyond it the least
     * recently used are dropped (and built again when needed).
     */
    static final long SHARED_COEFFICIENTS = 4L << 20;
    private static final Map<Key, VoltageTable> SHARED = new LinkedHashMap<>(16, 0.75f, true);
    private static long sharedCoefficients;

    /** What a shared table is a function of: the class and block, and the bits of the values it depends on. */
    private record Key(Class<?> owner, String block, List<Long> inputs) {
    }

    /** Functions 0 to leading - 1, read at every step. */
    private final CubicTable table;
    /** Functions leading to outputs - 1, or null when there are none. */
    private final CubicTable rest;
    private final int outputs;
    private final boolean[] exact;
    private final int exactIntervals;

    /**
     * Tabulates {@code outputs} functions of v and checks them; {@code exactAt} lists the values (mV) whose
     * intervals are never used.
     */
    public VoltageTable(int outputs, RateTable.Functions functions, double[] exactAt) {
        this(outputs, outputs, functions, exactAt);
    }

    /**
     * As {@link #VoltageTable(int, RateTable.Functions, double[])}, with the first {@code leading} functions
     * ({@link #value}) kept apart from the others ({@link #restValue}).
     */
    public VoltageTable(int outputs, int leading, RateTable.Functions functions, double[] exactAt) {
        if (leading < 1 || leading > outputs) {
            throw new IllegalArgumentException("leading functions " + leading + " of " + outputs);
        }
        CubicTable all = new CubicTable(StepTable.MIN_MV, StepTable.MAX_MV, outputs, functions);
        this.outputs = outputs;
        int n = all.intervals();
        exact = new boolean[n];
        double[] scale = new double[outputs];
        double[] out = new double[outputs];
        for (int i = 0; i < n; i++) {
            int c = all.start(i);
            for (int f = 0; f < outputs; f++) {
                // a value not finite fails its own intervals' checks below; it must not set the scale
                double y = Math.abs(all.value(c, f, 0.0));
                if (y > scale[f] && y < Double.POSITIVE_INFINITY) {
                    scale[f] = y;
                }
            }
        }
        for (int i = 0; i < n; i++) {
            int c = all.start(i);
            for (double t : CHECKED_AT) {
                functions.evaluate(all.argument(i + t), out);
                for (int f = 0; f < outputs; f++) {
                    double y = all.value(c, f, t);
                    double local = Math.max(Math.abs(out[f]), Math.max(Math.abs(all.value(c, f, 0.0)),
                            Math.abs(all.value(c, f, 1.0))));
                    // written so that a NaN anywhere fails it
                    if (!(Math.abs(y - out[f]) <= RELATIVE * local + OF_SCALE * scale[f])) {
                        exact[i] = true;
                    }
                }
            }
        }
        for (double x : exactAt) {
            double u = all.position(x);
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
        this.table = leading == outputs ? all : all.functions(0, leading);
        this.rest = leading == outputs ? null : all.functions(leading, outputs);
    }

    /**
     * The table of {@code owner}'s {@code block} for these {@code inputs} (every value it depends on but v: dt,
     * celsius, parameters, ion variables; compared by their bits): the one built before in this JVM, or a new one
     * (as the constructor), then kept for the next simulation.
     */
    public static VoltageTable shared(Class<?> owner, String block, double[] inputs, int outputs,
                                      RateTable.Functions functions, double[] exactAt) {
        return shared(owner, block, inputs, outputs, outputs, functions, exactAt);
    }

    /**
     * As {@link #shared(Class, String, double[], int, RateTable.Functions, double[])}, the first {@code leading}
     * functions apart from the others (a block asks for the same split every time).
     */
    public static VoltageTable shared(Class<?> owner, String block, double[] inputs, int outputs, int leading,
                                      RateTable.Functions functions, double[] exactAt) {
        List<Long> bits = new ArrayList<>(inputs.length);
        for (double x : inputs) {
            bits.add(Double.doubleToRawLongBits(x));
        }
        Key key = new Key(owner, block, bits);
        synchronized (SHARED) {
            VoltageTable t = SHARED.get(key);
            if (t != null) {
                return t;
            }
        }
        VoltageTable built = new VoltageTable(outputs, leading, functions, exactAt);
        synchronized (SHARED) {
            VoltageTable t = SHARED.putIfAbsent(key, built);
            if (t != null) {
                return t; // another thread built the same table meanwhile: the same bits
            }
            sharedCoefficients += built.coefficients();
            Iterator<VoltageTable> eldest = SHARED.values().iterator();
            while (sharedCoefficients > SHARED_COEFFICIENTS && SHARED.size() > 1) {
                sharedCoefficients -= eldest.next().coefficients();
                eldest.remove();
            }
            return built;
        }
    }

    private long coefficients() {
        return 4L * table.intervals() * outputs;
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

    /**
     * Function f (of the leading ones) at the fraction t across the interval whose coefficients begin at {@code
     * start}.
     */
    public double value(int start, int f, double t) {
        return table.value(start, f, t);
    }

    /** Where the other functions' coefficients of the interval at a {@link #position} start. */
    public int restStart(double position) {
        return rest.start(position);
    }

    /**
     * Function leading + f at the fraction t across the interval whose other functions' coefficients begin at
     * {@code start} ({@link #restStart}).
     */
    public double restValue(int start, int f, double t) {
        return rest.value(start, f, t);
    }

    /** The grid and the leading functions' coefficients (JoinedTableStates lays several tables' out as one). */
    CubicTable cubic() {
        return table;
    }

    /** Per interval, whether it is not used ({@link #position} returns -1 there); not to be written. */
    boolean[] notUsed() {
        return exact;
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
