package org.spineformer.io.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvTableTest {
    @TempDir
    Path dir;

    private final double[] t = {0.0, 0.025, 1e-7, 1e22, -0.0, 0.1 + 0.2, Double.MIN_VALUE, 3.0};
    private final double[] v = {-65.0, Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, 1.0 / 3,
            -1e-300, Double.MAX_VALUE, 12345.678};
    private final long[] spine = {0, 1, -2, Long.MAX_VALUE, Long.MIN_VALUE, 5, 6, 7};

    @Test
    void roundTripsNumbersExactlyWithNanAndInfinities() throws IOException {
        Path file = dir.resolve("traces.csv");
        new CsvTable().add("t_ms", t).add("v_mV", v).add("spine", spine).write(file);
        List<String> lines = Files.readAllLines(file);
        assertThat(lines.get(0)).isEqualTo("t_ms,v_mV,spine");
        assertThat(lines.get(2)).isEqualTo("0.025,nan,1");
        assertThat(lines.get(3)).isEqualTo("1.0E-7,inf,-2");
        assertThat(lines.get(4)).isEqualTo("1.0E22,-inf," + Long.MAX_VALUE);
        assertThat(column(lines, 0)).containsExactly(t);
        assertThat(column(lines, 1)).containsExactly(v);
        assertThat(lines.stream().skip(1).mapToLong(l -> Long.parseLong(l.split(",")[2])).toArray())
                .containsExactly(spine);
    }

    @Test
    void gzipsWhenTheNameEndsInGz() throws IOException {
        Path file = dir.resolve("traces.csv.gz");
        new CsvTable().add("t_ms", t).add("v_mV", v).write(file);
        String text;
        try (InputStream in = new GZIPInputStream(Files.newInputStream(file))) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        List<String> lines = text.lines().toList();
        assertThat(lines).hasSize(t.length + 1);
        assertThat(column(lines, 1)).containsExactly(v);
        assertThat(text).endsWith("\n");
    }

    @Test
    void quotesTextOnlyWhenItMust() throws IOException {
        Path file = dir.resolve("labels.csv");
        new CsvTable().add("spine", new int[] {1, 2, 3, 4, 5}).add("label, quoted", new String[] {"plain",
                "a,b", "say \"hi\"", null, " padded"}).write(file);
        assertThat(Files.readString(file)).isEqualTo("""
                spine,"label, quoted"
                1,plain
                2,"a,b"
                3,"say ""hi\"""
                4,
                5," padded"
                """);
    }

    @Test
    void rejectsColumnsOfDifferentLengthsAndDuplicateNames() {
        CsvTable table = new CsvTable().add("t", new double[3]);
        assertThatThrownBy(() -> table.add("v", new double[2])).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("column 'v' has 2 rows but column 't' has 3");
        assertThatThrownBy(() -> table.add("t", new long[3])).hasMessageContaining("already");
        assertThat(table.rowCount()).isEqualTo(3);
        assertThatThrownBy(() -> new CsvTable().write(dir.resolve("empty.csv"))).isInstanceOf(IllegalStateException.class);
        assertThat(dir.resolve("empty.csv")).doesNotExist();
    }

    /** Parses a numeric column the way numpy and pandas do: nan, inf and -inf are the non-finite values. */
    private static double[] column(List<String> lines, int index) {
        List<Double> values = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            String cell = line.split(",")[index];
            values.add(switch (cell) {
                case "nan" -> Double.NaN;
                case "inf" -> Double.POSITIVE_INFINITY;
                case "-inf" -> Double.NEGATIVE_INFINITY;
                default -> Double.parseDouble(cell);
            });
        }
        return values.stream().mapToDouble(Double::doubleValue).toArray();
    }
}
