package org.spineformer.engine.record;

/**
 * How far a trace is from a reference trace of the same length: the largest |actual - expected| (NaN when either
 * holds a NaN at a row), at which row, and the reference's scale, its largest |expected|.
 */
public record TraceDifference(double largest, int row, double scale) {

    /** The difference of {@code actual} from {@code expected}; both must have the same length. */
    public static TraceDifference of(double[] expected, double[] actual) {
        if (expected.length != actual.length) {
            throw new IllegalArgumentException("traces of " + expected.length + " and " + actual.length
                    + " rows cannot be compared");
        }
        double scale = 0, largest = 0;
        int row = 0;
        for (int i = 0; i < expected.length; i++) {
            scale = Math.max(scale, Math.abs(expected[i]));
            double d = Math.abs(actual[i] - expected[i]);
            if (d > largest || Double.isNaN(d) && !Double.isNaN(largest)) {
                row = i;
            }
            largest = Math.max(largest, d);
        }
        return new TraceDifference(largest, row, scale);
    }

    /**
     * {@link #largest} of the scale, or of 1 for a reference that is identically 0, so that an all-zero reference
     * still demands an all-zero trace.
     */
    public double relative() {
        return largest / (scale > 0 ? scale : 1);
    }
}
