package org.spineformer.spark;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.SimpleGroupFactory;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.example.ExampleParquetWriter;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.OutputFile;
import org.apache.parquet.io.PositionOutputStream;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Types;
import org.spineformer.io.AtomicFiles;

/**
 * A grid point's {@code trials.csv} as {@code trials.parquet}: one row per trial, the same columns in the same
 * order. Column types are read back from the CSV as {@code CsvTable} writes it: integers (int64) where every cell is
 * an integer, doubles where every cell is a number (doubles always carry a point or an exponent, and {@code nan},
 * {@code inf}, {@code -inf}), text (UTF-8, empty cell = null) otherwise.
 *
 * <p>Written by the driver, as one file, whole or not at all ({@link AtomicFiles}), into the sweep's directory like
 * every other output; Spark reads it ({@code spark.read().parquet}), and all points of a sweep at once with the
 * parameters as columns, since the points' directories are named {@code name=value}.
 */
final class TrialsParquet {
    static final String CSV = "trials.csv";
    static final String FILE = "trials.parquet";

    private enum Kind { INT64, DOUBLE, TEXT }

    private TrialsParquet() {
    }

    static void write(Path csv, Path parquet) throws IOException {
        List<List<String>> rows = parse(csv);
        if (rows.isEmpty()) {
            throw new IOException(csv + " has no header line");
        }
        List<String> header = rows.get(0);
        List<List<String>> data = rows.subList(1, rows.size());
        Kind[] kinds = new Kind[header.size()];
        Types.MessageTypeBuilder schema = Types.buildMessage();
        for (int c = 0; c < kinds.length; c++) {
            kinds[c] = kind(data, c);
            switch (kinds[c]) {
                case INT64 -> schema.required(PrimitiveTypeName.INT64).named(header.get(c));
                case DOUBLE -> schema.required(PrimitiveTypeName.DOUBLE).named(header.get(c));
                case TEXT -> schema.optional(PrimitiveTypeName.BINARY).as(LogicalTypeAnnotation.stringType())
                        .named(header.get(c));
            }
        }
        MessageType type = schema.named("trial");
        SimpleGroupFactory groups = new SimpleGroupFactory(type);
        AtomicFiles.write(parquet, out -> {
            try (ParquetWriter<Group> writer = ExampleParquetWriter.builder(new StreamFile(out, parquet))
                    .withType(type).withConf(new Configuration(false))
                    .withCompressionCodec(CompressionCodecName.SNAPPY).build()) {
                for (List<String> row : data) {
                    Group g = groups.newGroup();
                    for (int c = 0; c < kinds.length; c++) {
                        String cell = row.get(c);
                        switch (kinds[c]) {
                            case INT64 -> g.add(c, Long.parseLong(cell));
                            case DOUBLE -> g.add(c, number(cell));
                            case TEXT -> {
                                if (!cell.isEmpty()) {
                                    g.add(c, cell);
                                }
                            }
                        }
                    }
                    writer.write(g);
                }
            }
        });
    }

    private static Kind kind(List<List<String>> data, int column) {
        if (data.isEmpty()) {
            return Kind.TEXT;
        }
        boolean integers = true;
        for (List<String> row : data) {
            String cell = row.get(column);
            if (!cell.matches("-?[0-9]{1,18}")) {
                integers = false;
                if (!isNumber(cell)) {
                    return Kind.TEXT;
                }
            }
        }
        return integers ? Kind.INT64 : Kind.DOUBLE;
    }

    private static boolean isNumber(String cell) {
        try {
            number(cell);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /** CsvTable's doubles: Java's round-trip form, nan, inf, -inf. */
    private static double number(String cell) {
        return switch (cell) {
            case "nan" -> Double.NaN;
            case "inf" -> Double.POSITIVE_INFINITY;
            case "-inf" -> Double.NEGATIVE_INFINITY;
            default -> {
                if (cell.isEmpty() || !(Character.isDigit(cell.charAt(cell.length() - 1)) || cell.endsWith("."))) {
                    throw new NumberFormatException(cell); // Double.parseDouble takes "1d", "NaN", "Infinity"
                }
                yield Double.parseDouble(cell);
            }
        };
    }

    /** The rows of an RFC 4180 file as CsvTable writes it ("\n" line ends, quotes where needed). */
    static List<List<String>> parse(Path csv) throws IOException {
        String text = Files.readString(csv, StandardCharsets.UTF_8);
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            if (quoted) {
                if (ch == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (ch == '"') {
                    quoted = false;
                } else {
                    cell.append(ch);
                }
            } else if (ch == '"') {
                quoted = true;
            } else if (ch == ',') {
                row.add(cell.toString());
                cell.setLength(0);
            } else if (ch == '\n') {
                row.add(cell.toString());
                cell.setLength(0);
                rows.add(row);
                row = new ArrayList<>();
            } else {
                cell.append(ch);
            }
        }
        if (quoted || cell.length() > 0 || !row.isEmpty()) {
            throw new IOException(csv + " ends inside a line: it was not written whole");
        }
        for (int r = 1; r < rows.size(); r++) {
            if (rows.get(r).size() != rows.get(0).size()) {
                throw new IOException(csv + " line " + (r + 1) + " has " + rows.get(r).size() + " cells, the header "
                        + rows.get(0).size());
            }
        }
        return rows;
    }

    /** The stream AtomicFiles gives, as the file a ParquetWriter writes to. */
    private record StreamFile(OutputStream out, Path path) implements OutputFile {
        @Override
        public PositionOutputStream create(long blockSizeHint) {
            return new PositionOutputStream() {
                private long position;

                @Override
                public long getPos() {
                    return position;
                }

                @Override
                public void write(int b) throws IOException {
                    out.write(b);
                    position++;
                }

                @Override
                public void write(byte[] b, int off, int len) throws IOException {
                    out.write(b, off, len);
                    position += len;
                }

                @Override
                public void flush() throws IOException {
                    out.flush();
                }

                @Override
                public void close() throws IOException {
                    out.close();
                }
            };
        }

        @Override
        public PositionOutputStream createOrOverwrite(long blockSizeHint) {
            return create(blockSizeHint);
        }

        @Override
        public boolean supportsBlockSize() {
            return false;
        }

        @Override
        public long defaultBlockSize() {
            return 0;
        }

        @Override
        public String getPath() {
            return path.toString();
        }
    }
}
