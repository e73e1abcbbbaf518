package org.spineformer.nmodl.compare;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A CSV one of {@link CompareScript}'s runs wrote: its columns, in order, each with a value per step. */
public record NeuronTrace(Map<String, double[]> columns) {

    /** Reads {@code csv}; Python's {@code nan}, {@code inf} and {@code -inf} as Java's. */
    public static NeuronTrace read(Path csv) throws IOException {
        List<String> lines = Files.readAllLines(csv);
        if (lines.isEmpty()) {
            throw new IOException(csv + ": empty");
        }
        String[] names = lines.get(0).split(",", -1);
        double[][] values = new double[names.length][lines.size() - 1];
        for (int row = 1; row < lines.size(); row++) {
            String[] cells = lines.get(row).split(",", -1);
            if (cells.length != names.length) {
                throw new IOException(csv + ":" + (row + 1) + ": " + cells.length + " values, the header names "
                        + names.length);
            }
            for (int c = 0; c < names.length; c++) {
                values[c][row - 1] = number(cells[c]);
            }
        }
        Map<String, double[]> columns = new LinkedHashMap<>();
        for (int c = 0; c < names.length; c++) {
            columns.put(names[c], values[c]);
        }
        return new NeuronTrace(columns);
    }

    private static double number(String cell) {
        return switch (cell) {
            case "nan", "-nan" -> Double.NaN;
            case "inf" -> Double.POSITIVE_INFINITY;
            case "-inf" -> Double.NEGATIVE_INFINITY;
            default -> Double.parseDouble(cell);
        };
    }
}
