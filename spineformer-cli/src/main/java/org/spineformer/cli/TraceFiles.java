package org.spineformer.cli;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.spineformer.io.AtomicFiles;
import org.spineformer.io.npy.Npz;
import org.spineformer.io.npy.NpyArray;

/** Recorded traces as files: named columns of equal length, the time column first. */
final class TraceFiles {
    private TraceFiles() {
    }

    /** A gzipped CSV file: a header line of the names, then one row per sample (Java's shortest exact doubles). */
    static void writeCsvGz(Path file, List<String> names, List<double[]> columns) throws IOException {
        AtomicFiles.write(file, os -> {
            try (BufferedWriter w = new BufferedWriter(new OutputStreamWriter(new GZIPOutputStream(os),
                    StandardCharsets.US_ASCII))) {
                w.write(String.join(",", names));
                w.newLine();
                int rows = columns.get(0).length;
                StringBuilder line = new StringBuilder();
                for (int i = 0; i < rows; i++) {
                    line.setLength(0);
                    for (int c = 0; c < columns.size(); c++) {
                        if (c > 0) {
                            line.append(',');
                        }
                        line.append(columns.get(c)[i]);
                    }
                    w.write(line.toString());
                    w.newLine();
                }
            }
        });
    }

    /** A compressed .npz archive with one float64 array per column, named as the column. */
    static void writeNpz(Path file, List<String> names, List<double[]> columns) throws IOException {
        Map<String, NpyArray> arrays = new LinkedHashMap<>();
        for (int c = 0; c < names.size(); c++) {
            arrays.put(names.get(c), NpyArray.of(columns.get(c)));
        }
        Npz.writeCompressed(file, arrays);
    }
}
