package org.spineformer.engine.reference;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;

/**
 * One NEURON reference run from the test resources: its settings ({@code NAME.json}) and its trace columns
 * ({@code NAME.csv.gz}, header line then comma-separated numbers).
 */
public final class ReferenceRun {
    private final String name;
    private final JsonNode settings;
    private final Map<String, double[]> columns;

    private ReferenceRun(String name, JsonNode settings, Map<String, double[]> columns) {
        this.name = name;
        this.settings = settings;
        this.columns = columns;
    }

    /** Loads {@code base + ".json"} and {@code base + ".csv.gz"} from the class path, e.g. "/reference/channels/pas/iclamp". */
    public static ReferenceRun load(String base) {
        try (InputStream json = open(base + ".json"); InputStream csv = open(base + ".csv.gz")) {
            return new ReferenceRun(base, new ObjectMapper().readTree(json), readCsv(new GZIPInputStream(csv)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read reference run " + base, e);
        }
    }

    /** Loads {@code base + ".json"} and {@code base + ".csv.gz"} from files, e.g. shared reference data. */
    public static ReferenceRun load(java.nio.file.Path base) {
        try (InputStream json = java.nio.file.Files.newInputStream(base.resolveSibling(base.getFileName() + ".json"));
             InputStream csv = java.nio.file.Files.newInputStream(base.resolveSibling(base.getFileName() + ".csv.gz"))) {
            return new ReferenceRun(base.toString(), new ObjectMapper().readTree(json),
                    readCsv(new GZIPInputStream(csv)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read reference run " + base, e);
        }
    }

    private static InputStream open(String resource) {
        InputStream in = ReferenceRun.class.getResourceAsStream(resource);
        if (in == null) {
            throw new IllegalArgumentException("missing test resource " + resource);
        }
        return in;
    }

    /** Reads a gzip CSV with a header line into columns by name. */
    public static Map<String, double[]> readCsv(InputStream in) throws IOException {
        BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.US_ASCII));
        String[] header = r.readLine().split(",");
        List<double[]> rows = new ArrayList<>();
        for (String line = r.readLine(); line != null; line = r.readLine()) {
            if (line.isEmpty()) {
                continue;
            }
            String[] parts = line.split(",");
            double[] row = new double[parts.length];
            for (int i = 0; i < parts.length; i++) {
                row[i] = Double.parseDouble(parts[i]);
            }
            rows.add(row);
        }
        Map<String, double[]> cols = new LinkedHashMap<>();
        for (int c = 0; c < header.length; c++) {
            double[] col = new double[rows.size()];
            for (int i = 0; i < col.length; i++) {
                col[i] = rows.get(i)[c];
            }
            cols.put(header[c], col);
        }
        return cols;
    }

    public String name() {
        return name;
    }

    public JsonNode settings() {
        return settings;
    }

    public double[] column(String column) {
        double[] c = columns.get(column);
        if (c == null) {
            throw new IllegalArgumentException(name + " has no column " + column + "; it has " + columns.keySet());
        }
        return c;
    }

    public java.util.Set<String> columnNames() {
        return columns.keySet();
    }
}
