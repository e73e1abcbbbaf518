package org.spineformer.io.npy;

import java.lang.reflect.Array;
import java.util.Arrays;
import java.util.Objects;
import java.util.function.IntFunction;

/**
 * A 1-D or 2-D array as a .npy file holds it: a dtype, a shape and the elements in C (row-major) order.
 * Immutable: the factories copy their input and the accessors return copies.
 */
public final class NpyArray {
    /** The largest element count a Java array can hold on common JVMs. */
    static final int MAX_ELEMENTS = Integer.MAX_VALUE - 8;

    private final NpyDtype dtype;
    private final int[] shape;
    private final Object data; // double[], long[] or boolean[] according to dtype

    private NpyArray(NpyDtype dtype, int[] shape, Object data) {
        this.dtype = dtype;
        this.shape = shape;
        this.data = data;
    }

    /** Wraps elements without copying; for the reader, which owns them. */
    static NpyArray wrap(NpyDtype dtype, int[] shape, Object data) {
        return new NpyArray(dtype, shape, data);
    }

    public static NpyArray of(double[] values) {
        return new NpyArray(NpyDtype.FLOAT64, new int[] {values.length}, values.clone());
    }

    public static NpyArray of(long[] values) {
        return new NpyArray(NpyDtype.INT64, new int[] {values.length}, values.clone());
    }

    /** Stored as int64, numpy's default integer type. */
    public static NpyArray of(int[] values) {
        return new NpyArray(NpyDtype.INT64, new int[] {values.length}, Arrays.stream(values).asLongStream().toArray());
    }

    public static NpyArray of(boolean[] values) {
        return new NpyArray(NpyDtype.BOOL, new int[] {values.length}, values.clone());
    }

    /** A 2-D array; every row must have the same length. */
    public static NpyArray of(double[][] rows) {
        return matrix(NpyDtype.FLOAT64, rows, double[]::new);
    }

    /** A 2-D array; every row must have the same length. */
    public static NpyArray of(long[][] rows) {
        return matrix(NpyDtype.INT64, rows, long[]::new);
    }

    /** A 2-D array; every row must have the same length. */
    public static NpyArray of(boolean[][] rows) {
        return matrix(NpyDtype.BOOL, rows, boolean[]::new);
    }

    public NpyDtype dtype() {
        return dtype;
    }

    /** One length per dimension: {n} or {rows, columns}. */
    public int[] shape() {
        return shape.clone();
    }

    /** All elements in C order (for a 2-D array, row after row). */
    public double[] doubles() {
        return ((double[]) dataOf(NpyDtype.FLOAT64)).clone();
    }

    /** All elements in C order (for a 2-D array, row after row). */
    public long[] longs() {
        return ((long[]) dataOf(NpyDtype.INT64)).clone();
    }

    /** All elements in C order (for a 2-D array, row after row). */
    public boolean[] booleans() {
        return ((boolean[]) dataOf(NpyDtype.BOOL)).clone();
    }

    public double[][] doubleMatrix() {
        return (double[][]) rows(NpyDtype.FLOAT64, double[][]::new, double[]::new);
    }

    public long[][] longMatrix() {
        return (long[][]) rows(NpyDtype.INT64, long[][]::new, long[]::new);
    }

    public boolean[][] booleanMatrix() {
        return (boolean[][]) rows(NpyDtype.BOOL, boolean[][]::new, boolean[]::new);
    }

    /** The elements themselves, not a copy; for the writer. */
    Object data() {
        return data;
    }

    int size() {
        return Array.getLength(data);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof NpyArray a && dtype == a.dtype && Arrays.equals(shape, a.shape)
                && Objects.deepEquals(data, a.data);
    }

    @Override
    public int hashCode() {
        return Objects.hash(dtype, Arrays.hashCode(shape), Arrays.deepHashCode(new Object[] {data}));
    }

    @Override
    public String toString() {
        return "NpyArray[" + dtype.descr() + ", shape " + shapeRepr(shape) + "]";
    }

    /** A shape as Python writes a tuple, which is also how the .npy header spells it: (3,) or (2, 3). */
    static String shapeRepr(int[] shape) {
        StringBuilder s = new StringBuilder("(");
        for (int i = 0; i < shape.length; i++) {
            s.append(i == 0 ? "" : ", ").append(shape[i]);
        }
        return s.append(shape.length == 1 ? ",)" : ")").toString();
    }

    private static NpyArray matrix(NpyDtype dtype, Object[] rows, IntFunction<Object> newArray) {
        int columns = rows.length == 0 || rows[0] == null ? 0 : Array.getLength(rows[0]);
        for (int r = 0; r < rows.length; r++) {
            if (rows[r] == null) {
                throw new IllegalArgumentException("row " + r + " of the 2-D array is null");
            }
            int length = Array.getLength(rows[r]);
            if (length != columns) {
                throw new IllegalArgumentException("ragged 2-D array: row " + r + " has " + length
                        + " elements but row 0 has " + columns + "; a .npy array must be rectangular");
            }
        }
        if ((long) rows.length * columns > MAX_ELEMENTS) {
            throw new IllegalArgumentException(rows.length + " x " + columns + " elements are too many for one array");
        }
        Object flat = newArray.apply(rows.length * columns);
        for (int r = 0; r < rows.length; r++) {
            System.arraycopy(rows[r], 0, flat, r * columns, columns);
        }
        return new NpyArray(dtype, new int[] {rows.length, columns}, flat);
    }

    private Object rows(NpyDtype wanted, IntFunction<Object[]> newRows, IntFunction<Object> newRow) {
        Object flat = dataOf(wanted);
        if (shape.length != 2) {
            throw new IllegalStateException("array has shape " + shapeRepr(shape) + ", not 2-D");
        }
        Object[] rows = newRows.apply(shape[0]);
        for (int r = 0; r < shape[0]; r++) {
            rows[r] = newRow.apply(shape[1]);
            System.arraycopy(flat, r * shape[1], rows[r], 0, shape[1]);
        }
        return rows;
    }

    private Object dataOf(NpyDtype wanted) {
        if (dtype != wanted) {
            throw new IllegalStateException("array has dtype '" + dtype.descr() + "', not '" + wanted.descr() + "'");
        }
        return data;
    }
}
