package org.spineformer.io.csv;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.zip.GZIPOutputStream;
import org.spineformer.io.AtomicFiles;

/**
 * A table of named, equally long columns, written as CSV: a header line of column names, then one line per row,
 * comma-separated, "\n"-terminated, UTF-8; gzip-compressed when the file name ends in ".gz".
 *
 * <p>Doubles are written in Java's round-trip form ({@code 0.1}, {@code -2.5E-7}); NaN as {@code nan} and the
 * infinities as {@code inf} and {@code -inf}, which is what numpy.savetxt writes and what pandas.read_csv and
 * numpy.genfromtxt read back as NaN and +-inf. Integers are written as integers, so pandas gives them an int64
 * column. Text is quoted only when it must be (RFC 4180); a null string is an empty cell, which pandas reads as NaN.
 * For bit-exact doubles in pandas, read with {@code float_precision='round_trip'}: its default parser may be one
 * unit in the last place off for some 17-digit values.
 *
 * <p>Columns are read when the table is written, not copied when added.
 */
public final class CsvTable {
    /** Appends one cell of a column. */
    @FunctionalInterface
    private interface Column {
        void append(StringBuilder line, int row);
    }

    private final List<String> names = new ArrayList<>();
    private final List<Column> columns = new ArrayList<>();
    private int rows = -1;

    public CsvTable add(String name, double[] values) {
        return add(name, values.length, (line, row) -> appendDouble(line, values[row]));
    }

    public CsvTable add(String name, long[] values) {
        return add(name, values.length, (line, row) -> line.append(values[row]));
    }

    public CsvTable add(String name, int[] values) {
        return add(name, values.length, (line, row) -> line.append(values[row]));
    }

    public CsvTable add(String name, String[] values) {
        return add(name, values.length, (line, row) -> appendText(line, values[row]));
    }

    /** The number of rows, set by the first column added. */
    public int rowCount() {
        return Math.max(rows, 0);
    }

    /** Writes the table to {@code path}, whole or not at all; gzip-compressed if the name ends in ".gz". */
    public void write(Path path) throws IOException {
        if (columns.isEmpty()) {
            throw new IllegalStateException("a CSV table needs at least one column");
        }
        boolean gzip = path.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".gz");
        AtomicFiles.write(path, file -> {
            OutputStream out = gzip ? new GZIPOutputStream(file, 1 << 16) : file;
            try (Writer w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16)) {
                StringBuilder line = new StringBuilder();
                for (int c = 0; c < names.size(); c++) {
                    appendText(line.append(c == 0 ? "" : ","), names.get(c));
                }
                w.append(line).append('\n');
                for (int r = 0; r < rows; r++) {
                    line.setLength(0);
                    for (int c = 0; c < columns.size(); c++) {
                        columns.get(c).append(line.append(c == 0 ? "" : ","), r);
                    }
                    w.append(line).append('\n');
                }
            }
        });
    }

    private CsvTable add(String name, int length, Column column) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a CSV column needs a non-blank name");
        }
        if (names.contains(name)) {
            throw new IllegalArgumentException("column '" + name + "' is already in the table");
        }
        if (rows >= 0 && length != rows) {
            throw new IllegalArgumentException("column '" + name + "' has " + length + " rows but column '"
                    + names.get(0) + "' has " + rows);
        }
        rows = length;
        names.add(name);
        columns.add(column);
        return this;
    }

    private static void appendDouble(StringBuilder line, double v) {
        if (Double.isNaN(v)) {
            line.append("nan");
        } else if (Double.isInfinite(v)) {
            line.append(v > 0 ? "inf" : "-inf");
        } else {
            line.append(v);
        }
    }

    private static void appendText(StringBuilder line, String text) {
        if (text == null) {
            return;
        }
        boolean quote = text.isEmpty() || !text.strip().equals(text)
                || text.chars().anyMatch(ch -> ch == ',' || ch == '"' || ch == '\n' || ch == '\r');
        if (quote) {
            line.append('"').append(text.replace("\"", "\"\"")).append('"');
        } else {
            line.append(text);
        }
    }
}
