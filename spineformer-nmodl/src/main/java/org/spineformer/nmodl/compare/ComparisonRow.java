package org.spineformer.nmodl.compare;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.spineformer.engine.record.TraceDifference;

/**
 * One line of {@code comparison.csv}: a column of one run compared ({@code largest} |here - NEURON| over the run,
 * NEURON's trace's {@code scale}), or a run or file that could not be (column empty, numbers NaN), with its verdict
 * and what NEURON or the compiler said.
 */
public record ComparisonRow(Path file, String mechanism, String protocol, double celsius, String column,
                            double largest, double scale, Verdict verdict, String detail) {

    /** What became of a column, a run or a file. */
    public enum Verdict {
        /** Within the tolerance of NEURON's trace's scale. */
        MATCH("match", true),
        /** Beyond it (or not finite here where NEURON's is). */
        DIFFERS("differs", true),
        /** NEURON lists the variable; the compiled mechanism has no field of that name. */
        NOT_HERE("not recorded here", true),
        /** The run here has another number of steps than NEURON's. */
        ROWS_DIFFER("rows differ", true),
        /**
         * The run failed here (an exception: a singular matrix ..., or a non-finite state before NEURON's run had
         * one).
         */
        FAILED_HERE("failed here", true),
        /**
         * NEURON loaded the mechanism library, but the run wrote no trace (its Python exception in the detail): a
         * failure of the comparison, as NEURON's runs of a file the checker passes are expected to work.
         */
        NEURON_RUN_FAILED("NEURON's run failed", true),
        /**
         * NEURON's trace holds nan or inf: its rows before the first are compared (a column beyond the tolerance
         * there differs), the rest not; or the run stopped here too, no earlier than NEURON's first nan or inf.
         */
        NEURON_NOT_FINITE("NEURON not finite", false),
        /**
         * NEURON has no trace of the file: nrnivmodl built nothing, NEURON did not load its library, or it defines a
         * mechanism of NEURON's own.
         */
        NEURON_FAILED("NEURON failed", false),
        /** The file does not compile here (nmodl check's reasons). */
        NOT_COMPILED("not compiled", false);

        private final String text;
        private final boolean decidesExit;

        Verdict(String text, boolean decidesExit) {
            this.text = text;
            this.decidesExit = decidesExit;
        }

        /** The verdict's words in the CSV and on the console. */
        public String text() {
            return text;
        }

        /**
         * Whether it decides the exit code (any but {@link #MATCH} fails it): NEURON's trace was there to compare
         * with, or NEURON's run should have written one.
         */
        public boolean decidesExit() {
            return decidesExit;
        }
    }

    /** The CSV's header. */
    public static final String HEADER = "file,mechanism,protocol,celsius,column,largest_difference,scale,"
            + "relative_difference,verdict,detail";

    /** A row of a run or file that was not compared column by column. */
    public static ComparisonRow whole(Path file, String mechanism, String protocol, double celsius, Verdict verdict,
                                      String detail) {
        return new ComparisonRow(file, mechanism, protocol, celsius, "", Double.NaN, Double.NaN, verdict, detail);
    }

    /** {@link #largest} of the scale, or of 1 where NEURON's trace is identically 0. */
    public double relative() {
        return new TraceDifference(largest, 0, scale).relative();
    }

    /**
     * The row as a CSV line (RFC 4180 quoting; numbers in full, NaN as an empty cell, infinities as pandas reads
     * them).
     */
    public String csv() {
        return Stream.of(file.toString(), mechanism == null ? "" : mechanism, protocol, number(celsius), column,
                number(largest), number(scale), number(relative()), verdict.text(), detail)
                .map(ComparisonRow::cell).collect(Collectors.joining(","));
    }

    /** The rows as comparison.csv's text, the header first. */
    public static String csv(List<ComparisonRow> rows) {
        StringBuilder s = new StringBuilder(HEADER).append('\n');
        rows.forEach(r -> s.append(r.csv()).append('\n'));
        return s.toString();
    }

    private static String number(double d) {
        if (Double.isNaN(d)) {
            return "";
        }
        if (Double.isInfinite(d)) {
            return d > 0 ? "inf" : "-inf";
        }
        return Double.toString(d);
    }

    private static String cell(String s) {
        return s.contains(",") || s.contains("\"") || s.contains("\n") || s.contains("\r")
                ? '"' + s.replace("\"", "\"\"") + '"' : s;
    }
}
