package org.spineformer.engine.reference;

import static org.assertj.core.api.Assertions.assertThat;

import org.spineformer.engine.record.Recorder;

/** Compares a simulated trace with a reference trace, relative to the reference trace's scale. */
public final class TraceAssert {
    private TraceAssert() {
    }

    /**
     * Largest |actual - expected| over the trace divided by the trace's scale, max |expected| (or 1 for a trace
     * that is identically 0, so that an all-zero reference still demands an all-zero result).
     */
    public static double relativeError(double[] expected, double[] actual) {
        assertThat(actual).as("trace length").hasSameSizeAs(expected);
        double scale = 0, err = 0;
        for (int i = 0; i < expected.length; i++) {
            scale = Math.max(scale, Math.abs(expected[i]));
            err = Math.max(err, Math.abs(actual[i] - expected[i]));
        }
        return err / (scale > 0 ? scale : 1);
    }

    /** Asserts {@link #relativeError} is at most {@code tolerance}, naming the column and run. */
    public static void assertTrace(String what, double[] expected, double[] actual, double tolerance) {
        double err = relativeError(expected, actual);
        assertThat(err).as("%s: max error relative to the trace's scale (at row %d)", what, worstRow(expected, actual))
                .isLessThanOrEqualTo(tolerance);
    }

    /**
     * Asserts {@link #assertTrace} on the recorder's time and on each of its columns against the reference run's
     * column of the same name; {@code what} names the run in a failure.
     */
    public static void assertRecording(String what, ReferenceRun ref, Recorder rec, double tolerance) {
        assertTrace(what + " t_ms", ref.column("t_ms"), rec.time(), tolerance);
        for (String column : rec.names()) {
            assertTrace(what + " " + column, ref.column(column), rec.column(column), tolerance);
        }
    }

    private static int worstRow(double[] expected, double[] actual) {
        int worst = 0;
        double err = -1;
        for (int i = 0; i < Math.min(expected.length, actual.length); i++) {
            double e = Math.abs(actual[i] - expected[i]);
            if (e > err) {
                err = e;
                worst = i;
            }
        }
        return worst;
    }
}
