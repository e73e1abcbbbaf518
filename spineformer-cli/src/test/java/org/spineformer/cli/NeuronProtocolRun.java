package org.spineformer.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;

/**
 * One NEURON whole-cell protocol run of {@code shared/reference/models/MODEL/protocols/NAME/}: its soma spike times
 * ({@code result.json}) and its recorded columns ({@code traces.csv.gz}, every {@code save_every}-th step, printed
 * with {@code %.10g}), by column name as NEURON's run names them ({@code t}, {@code v:soma[0](0.5)},
 * {@code cai:soma[0](0.5)}, ...).
 */
record NeuronProtocolRun(List<Double> spikeTimesMs, double[] timeMs, Map<String, double[]> columns) {
    NeuronProtocolRun {
        spikeTimesMs = List.copyOf(spikeTimesMs);
        columns = Map.copyOf(columns);
    }

    static NeuronProtocolRun load(Path folder) {
        try {
            JsonNode result = new ObjectMapper().readTree(folder.resolve("result.json").toFile());
            List<Double> spikes = new ArrayList<>();
            result.get("soma_spike_times_ms").forEach(s -> spikes.add(s.asDouble()));
            List<String> header;
            List<double[]> rows = new ArrayList<>();
            try (BufferedReader in = new BufferedReader(new InputStreamReader(new GZIPInputStream(
                    Files.newInputStream(folder.resolve("traces.csv.gz"))), StandardCharsets.US_ASCII))) {
                header = List.of(in.readLine().split(","));
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    String[] fields = line.split(",");
                    double[] row = new double[fields.length];
                    for (int i = 0; i < fields.length; i++) {
                        row[i] = Double.parseDouble(fields[i]);
                    }
                    rows.add(row);
                }
            }
            Map<String, double[]> columns = new LinkedHashMap<>();
            for (int c = 1; c < header.size(); c++) {
                double[] column = new double[rows.size()];
                for (int r = 0; r < rows.size(); r++) {
                    column[r] = rows.get(r)[c];
                }
                columns.put(header.get(c), column);
            }
            double[] time = new double[rows.size()];
            for (int r = 0; r < rows.size(); r++) {
                time[r] = rows.get(r)[0];
            }
            return new NeuronProtocolRun(spikes, time, columns);
        } catch (IOException e) {
            throw new UncheckedIOException(folder + ": " + e.getMessage(), e);
        }
    }

    /** The recorded voltage and calcium columns ({@code v:...}, {@code cai:...}), the ones the acceptance bounds. */
    List<String> voltageAndCalciumColumns() {
        return columns.keySet().stream().filter(c -> c.startsWith("v:") || c.startsWith("cai:")).sorted().toList();
    }
}
