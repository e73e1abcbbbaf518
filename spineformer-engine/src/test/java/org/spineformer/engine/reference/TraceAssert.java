package org.spineformer.engine.reference;

import static org.assertj.core.api.Assertions.assertThat;

import org.spineformer.engine.record.Recorder;
import org.spineformer.engine.record.TraceDifference;

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
        return TraceDifference.of(expected, actual).relative();
    }

    /** Asserts {@link #relativeError} is at most {@code tolerance}, naming the column and run. */
    public static void assertTrace(String what, double[] expected, double[] actual, double tolerance) {
        assertThat(actual).as("%s: trace length", what).hasSameSizeAs(expected);
        TraceDifference d = TraceDifference.of(expected, actual);
        assertThat(d.relative()).as("%s: max error relative to the trace's scale (at row %d)", what, d.row())
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
}
