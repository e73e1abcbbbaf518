package org.spineformer.nmodl.gen;

import org.spineformer.engine.mech.Mechanism;

/**
 * The values of a {@code FUNCTION_TABLE f(x)}: a function of one argument that the mod file declares and the model
 * fills (in NEURON from hoc, {@code table_f_suffix(...)}; here {@link NmodlMechanism#setFunctionTable}). A call
 * {@code f(x)} looks it up as NEURON 8.2.2's {@code hoc_func_table} (src/oc/functabl.cpp) does for one argument:
 * held at the first value for x at or below the first argument, at the last for x at or above the last, else
 * linear between the two values around x, {@code (1 - frac) y[j] + frac y[j + 1]} (only y[j] when frac is 0).
 * The three forms of NEURON's {@code hoc_spec_table}: a constant, values at given arguments (two Vectors), values
 * on an even grid from min to max. The arrays are copied (NEURON keeps a Vector's data, so changing the Vector
 * changes the table; here set the table again).
 */
public final class FunctionTable {
    /** What hoc_spec_table gives a constant table as its argument range: every x at or below it is the first. */
    private static final double CONSTANT_RANGE = 1e20;

    private final double[] values;
    /** The arguments of the values, ascending; null for an even grid from min to max. */
    private final double[] arguments;
    private final double min;
    private final double max;

    private FunctionTable(double[] values, double[] arguments, double min, double max) {
        this.values = values;
        this.arguments = arguments;
        this.min = min;
        this.max = max;
    }

    /** {@code table_f_suffix(value)}: f is this value everywhere. */
    public static FunctionTable constant(double value) {
        return new FunctionTable(new double[] {value}, null, CONSTANT_RANGE, CONSTANT_RANGE);
    }

    /**
     * {@code table_f_suffix(yvec, xvec)}: f(arguments[i]) = values[i], the arguments ascending (NEURON does not
     * check it: its bisection assumes it).
     */
    public static FunctionTable of(double[] values, double[] arguments) {
        if (values.length != arguments.length || values.length == 0) {
            throw new IllegalArgumentException("FUNCTION_TABLE values and arguments must be as many, and at least"
                    + " one: " + values.length + " values, " + arguments.length + " arguments");
        }
        return new FunctionTable(values.clone(), arguments.clone(), 0, 0);
    }

    /** {@code table_f_suffix(&y[0], n, min, max)}: the values at n arguments evenly spaced from min to max. */
    public static FunctionTable grid(double[] values, double min, double max) {
        if (values.length == 0 || !(max >= min)) {
            throw new IllegalArgumentException("FUNCTION_TABLE grid: at least one value and min <= max, got "
                    + values.length + " values from " + min + " to " + max);
        }
        return new FunctionTable(values.clone(), null, min, max);
    }

    /** f(x), as hoc_func_table (arg_index and inter) for one argument. */
    public double value(double x) {
        int j;
        double frac = 0;
        int last = values.length - 1;
        if (arguments != null) {
            if (x <= arguments[0]) {
                j = 0;
            } else if (x >= arguments[last]) {
                j = last;
            } else {
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
                j = t0;
                frac = (x - arguments[j]) / (arguments[j + 1] - arguments[j]);
            }
        } else if (x <= min) {
            j = 0;
        } else if (x >= max) {
            j = last;
        } else {
            double d = (max - min) / (double) last;
            double x1 = (x - min) / d;
            j = (int) x1;
            frac = x1 - (double) j;
        }
        return frac > 0 ? (1 - frac) * values[j] + frac * values[j + 1] : values[j];
    }

    /** What a generated block calls for {@code f(x)}: the table of its mechanism's FUNCTION_TABLE number index. */
    public static double call(Mechanism mechanism, int index, double x) {
        return ((NmodlMechanism) mechanism).functionTable(index).value(x);
    }
}
