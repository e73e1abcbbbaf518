package org.spineformer.nmodl.gen;

import org.spineformer.engine.mech.Mechanism;

/**
 * The values of a {@code FUNCTION_TABLE f(x)}, {@code f(x, y)} or of more arguments: a function that the mod file declares and the
 * model fills (in NEURON from hoc, {@code table_f_suffix(...)}; here {@link NmodlMechanism#setFunctionTable}). A
 * call looks it up as NEURON 8.2.2's {@code hoc_func_table} (src/oc/functabl.cpp) does. Along each argument (an
 * {@link Axis}, {@code arg_index}): the first point for x at or below the first argument, the last for x at or
 * above the last, else the point below x and the fraction of the way to the next. One argument:
 * {@code (1 - frac) y[j] + frac y[j + 1]} (only y[j] when frac is 0). Two: the values row by row of x, adjacent
 * values adjacent in y ({@code values[jx * ny + jy]}); interpolated in y at jx, and, when x's fraction is not 0, at
 * jx + 1 and then in x. Three or more: the values row by row, the last argument's adjacent, and the value at the
 * point at or below each argument, not interpolated (hoc_func_table's {@code tab[j]} for n > 2). The forms of
 * NEURON's {@code hoc_spec_table}: a constant, values at given arguments (two Vectors, one argument), values over
 * grids or argument lists per axis. The arrays are copied (NEURON keeps a
 * Vector's data, so changing the Vector changes the table; here set the table again).
 */
public final class FunctionTable {
    /** What hoc_spec_table gives a constant table as its argument range: every x at or below it is the first. */
    private static final double CONSTANT_RANGE = 1e20;
    private static final String[] COUNTS = {"no", "one", "two", "three", "four"};

    /**
     * One argument's points: given arguments, ascending (NEURON does not check it: its bisection assumes it), or
     * {@code size} evenly spaced from min to max (arguments null).
     */
    public static final class Axis {
        private final double[] arguments;
        private final double min;
        private final double max;
        private final int size;

        private Axis(double[] arguments, double min, double max, int size) {
            this.arguments = arguments;
            this.min = min;
            this.max = max;
            this.size = size;
        }

        /** The given arguments, ascending (hoc_spec_table's pointer argument). */
        public static Axis points(double... arguments) {
            if (arguments.length == 0) {
                throw new IllegalArgumentException("FUNCTION_TABLE axis: at least one argument");
            }
            return new Axis(arguments.clone(), 0, 0, arguments.length);
        }

        /** {@code size} arguments evenly spaced from min to max (hoc_spec_table's n, min, max). */
        public static Axis grid(int size, double min, double max) {
            if (size < 1 || !(max >= min)) {
                throw new IllegalArgumentException("FUNCTION_TABLE grid: at least one point and min <= max, got "
                        + size + " points from " + min + " to " + max);
            }
            return new Axis(null, min, max, size);
        }

        public int size() {
            return size;
        }

        /** arg_index: the point at or below x (held at the ends). */
        int index(double x) {
            int last = size - 1;
            if (arguments != null) {
                if (x <= arguments[0]) {
                    return 0;
                } else if (x >= arguments[last]) {
                    return last;
                }
                int t0 = 0;
                int t1 = last;
                while (t0 < t1 - 1) {
                    int mid = (t0 + t1) / 2;
                    if (arguments[mid] <= x) {
                        t0 = mid;
                    } else {
                        t1 = mid;
                    }
                }
                return t0;
            }
            if (x <= min) {
                return 0;
            } else if (x >= max) {
                return last;
            }
            return (int) ((x - min) / ((max - min) / (double) last));
        }

        /** arg_index's frac for x at point j: 0 at the ends, else the fraction of the way to point j + 1. */
        double fraction(double x, int j) {
            int last = size - 1;
            if (arguments != null) {
                if (x <= arguments[0] || x >= arguments[last]) {
                    return 0;
                }
                return (x - arguments[j]) / (arguments[j + 1] - arguments[j]);
            }
            if (x <= min || x >= max) {
                return 0;
            }
            double x1 = (x - min) / ((max - min) / (double) last);
            return x1 - (double) j;
        }
    }

    private final double[] values;
    /** One per argument; null for a constant (any number of arguments). */
    private final Axis[] axes;

    private FunctionTable(double[] values, Axis... axes) {
        this.values = values;
        this.axes = axes;
    }

    /** {@code table_f_suffix(value)}: f is this value everywhere, whatever its arguments. */
    public static FunctionTable constant(double value) {
        return new FunctionTable(new double[] {value}, (Axis[]) null);
    }

    /** {@code table_f_suffix(yvec, xvec)}: f(arguments[i]) = values[i], the arguments ascending. */
    public static FunctionTable of(double[] values, double[] arguments) {
        if (values.length != arguments.length || values.length == 0) {
            throw new IllegalArgumentException("FUNCTION_TABLE values and arguments must be as many, and at least"
                    + " one: " + values.length + " values, " + arguments.length + " arguments");
        }
        return new FunctionTable(values.clone(), Axis.points(arguments));
    }

    /** {@code table_f_suffix(&y[0], n, min, max)}: the values at n arguments evenly spaced from min to max. */
    public static FunctionTable grid(double[] values, double min, double max) {
        if (values.length == 0 || !(max >= min)) {
            throw new IllegalArgumentException("FUNCTION_TABLE grid: at least one value and min <= max, got "
                    + values.length + " values from " + min + " to " + max);
        }
        return new FunctionTable(values.clone(), Axis.grid(values.length, min, max));
    }

    /**
     * {@code table_f_suffix(&y[0][0], nx, ..., ny, ...)} for {@code f(x, y)} (and so on for more arguments): the
     * values row by row at the points of each axis, {@code values[jx * ny + jy]} for two (as many values as the
     * product of the axes' sizes).
     */
    public static FunctionTable of(double[] values, Axis... axes) {
        long points = 1;
        StringBuilder sizes = new StringBuilder();
        for (Axis a : axes) {
            points *= a.size();
            sizes.append(sizes.length() == 0 ? "" : " x ").append(a.size());
        }
        if (axes.length == 0 || values.length != points) {
            throw new IllegalArgumentException("FUNCTION_TABLE of " + (axes.length < COUNTS.length
                    ? COUNTS[axes.length] : String.valueOf(axes.length)) + " arguments: " + values.length
                    + " values for " + sizes + " points");
        }
        return new FunctionTable(values.clone(), axes.clone());
    }

    /** How many arguments the table takes, or -1 for a constant (any). */
    public int arguments() {
        return axes == null ? -1 : axes.length;
    }

    /** f(x), as hoc_func_table (arg_index and inter) for one argument. */
    public double value(double x) {
        if (axes == null) {
            return values[0];
        }
        int j = axes[0].index(x);
        double frac = axes[0].fraction(x, j);
        return inter(frac, j);
    }

    /** f(x, y), as hoc_func_table for two arguments. */
    public double value(double x, double y) {
        if (axes == null) {
            return values[0];
        }
        int jx = axes[0].index(x);
        double fx = axes[0].fraction(x, jx);
        int jy = axes[1].index(y);
        double fy = axes[1].fraction(y, jy);
        int j = jx * axes[1].size() + jy;
        double y1 = inter(fy, j);
        // C's if (frac): NaN counts as not 0; interp then keeps y1 (frac > 0 is false)
        if (fx != 0) {
            double y2 = inter(fy, j + axes[1].size());
            return fx > 0 ? (1 - fx) * y1 + fx * y2 : y1;
        }
        return y1;
    }

    /**
     * For three or more arguments, hoc_func_table's index after one more argument: {@code j * size + arg_index(x)}
     * along axis i (0 for a constant table). A call is {@link #valueAt} of these nested, the first argument
     * innermost, so the arguments are evaluated left to right and nothing is allocated.
     */
    public static int point(Mechanism mechanism, int index, int j, int axis, double x) {
        FunctionTable t = ((NmodlMechanism) mechanism).functionTable(index);
        return t.axes == null ? 0 : j * t.axes[axis].size() + t.axes[axis].index(x);
    }

    /** The value at hoc_func_table's index j (three or more arguments: no interpolation). */
    public static double valueAt(Mechanism mechanism, int index, int j) {
        return ((NmodlMechanism) mechanism).functionTable(index).values[j];
    }

    private double inter(double frac, int j) {
        return frac > 0 ? (1 - frac) * values[j] + frac * values[j + 1] : values[j];
    }

    /** What a generated block calls for {@code f(x)}: the table of its mechanism's FUNCTION_TABLE number index. */
    public static double call(Mechanism mechanism, int index, double x) {
        return ((NmodlMechanism) mechanism).functionTable(index).value(x);
    }

    /** The same for {@code f(x, y)}. */
    public static double call(Mechanism mechanism, int index, double x, double y) {
        return ((NmodlMechanism) mechanism).functionTable(index).value(x, y);
    }
}
