package org.spineformer.analysis;

/**
 * Argument checks shared by the analysis packages. Each throws an {@link IllegalArgumentException} that names the
 * argument and the offending value, so a bad call is diagnosed from the message alone.
 */
public final class Arguments {
    private Arguments() {
    }

    /** Requires a non-null array whose entries are all finite (no NaN, no infinity). */
    public static double[] finite(String name, double[] values) {
        if (values == null) {
            throw new IllegalArgumentException(name + " is null");
        }
        for (int i = 0; i < values.length; i++) {
            if (!Double.isFinite(values[i])) {
                throw new IllegalArgumentException(name + "[" + i + "] = " + values[i] + " is not finite");
            }
        }
        return values;
    }

    /** Requires a finite, non-empty array. */
    public static double[] finiteNonEmpty(String name, double[] values) {
        finite(name, values);
        if (values.length == 0) {
            throw new IllegalArgumentException(name + " is empty");
        }
        return values;
    }

    /** Requires a finite array of at least {@code minLength} entries. */
    public static double[] finiteOfLength(String name, double[] values, int minLength) {
        finite(name, values);
        if (values.length < minLength) {
            throw new IllegalArgumentException(name + " has " + values.length + " entries, at least " + minLength
                    + " are needed");
        }
        return values;
    }

    /** Requires a finite array whose entries strictly increase. */
    public static double[] strictlyIncreasing(String name, double[] values) {
        finite(name, values);
        for (int i = 1; i < values.length; i++) {
            if (!(values[i] > values[i - 1])) {
                throw new IllegalArgumentException(name + " must strictly increase, but " + name + "[" + (i - 1)
                        + "] = " + values[i - 1] + " and " + name + "[" + i + "] = " + values[i]);
            }
        }
        return values;
    }

    /** Requires a finite value. */
    public static double finite(String name, double value) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException(name + " = " + value + " is not finite");
        }
        return value;
    }

    /** Requires a finite value greater than zero. */
    public static double positive(String name, double value) {
        if (!(Double.isFinite(value) && value > 0)) {
            throw new IllegalArgumentException(name + " = " + value + " must be finite and > 0");
        }
        return value;
    }

    /** Requires two arrays of the same length. */
    public static void sameLength(String nameA, int lengthA, String nameB, int lengthB) {
        if (lengthA != lengthB) {
            throw new IllegalArgumentException(nameA + " has " + lengthA + " entries but " + nameB + " has "
                    + lengthB);
        }
    }

    /** Requires a non-null, non-empty matrix whose rows are finite and all of one length; returns that length. */
    public static int finiteRectangular(String name, double[][] rows) {
        if (rows == null || rows.length == 0) {
            throw new IllegalArgumentException(name + " is " + (rows == null ? "null" : "empty"));
        }
        int width = finite(name + "[0]", rows[0]).length;
        for (int i = 1; i < rows.length; i++) {
            finite(name + "[" + i + "]", rows[i]);
            sameLength(name + "[" + i + "]", rows[i].length, name + "[0]", width);
        }
        return width;
    }
}
