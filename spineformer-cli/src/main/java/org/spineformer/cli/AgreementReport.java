package org.spineformer.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import org.knowm.xchart.XYChart;
import org.spineformer.attention.QueryResult;
import org.spineformer.attention.compare.AgreementEstimates;
import org.spineformer.attention.compare.AgreementEstimates.Estimate;
import org.spineformer.attention.compare.BackendAgreement;
import org.spineformer.attention.compare.RateBins;
import org.spineformer.attention.compare.RetrievalMetrics;
import org.spineformer.attention.compare.SpikeTrainSimilarity;
import org.spineformer.io.AtomicFiles;
import org.spineformer.io.csv.CsvTable;
import org.spineformer.io.json.JsonFiles;
import org.spineformer.io.plot.Plots;

/**
 * The agreement command's outputs: agreement.csv (one row per point, every measure's mean and standard error, for
 * the transmitting output stage and, as {@code copy_*}, for the stage that copies every selected value spike),
 * agreement.json (the settings and the same rows), agreement_queries.csv (one row per query), agreement_table.md
 * (the rows as the documentation's table) and, per match window, a plot of the measures against the number of keys.
 */
final class AgreementReport {
    /** One point: its estimates with the transmitting stage and the copying one, and what each backend did. */
    record Row(int keys, double windowS, AgreementEstimates transmitting, AgreementEstimates copying,
               double cellSpikes, double reducedSpikes, double copySpikes, double cellSelected,
               double reducedSelected) {
    }

    /** One query of one point and seed: its source key and both backends' results. */
    record Query(int keys, double windowS, long seed, int index, int source, QueryResult cell, QueryResult reduced) {
    }

    /** The Markdown table of docs/user/attention.md. */
    static final String TABLE = "agreement_table.md";

    private static final List<String> MEASURES = List.of("same_selection", "jaccard", "same_top_key",
            "output_cosine", "matched_spikes");

    private AgreementReport() {
    }

    private static List<Estimate> estimates(AgreementEstimates e) {
        return List.of(e.sameSelection(), e.jaccard(), e.sameTopKey(), e.outputCosine(), e.matchedSpikes());
    }

    static void write(Path dir, List<Row> rows, List<Query> queries, RateBins bins, double toleranceMs,
                      Map<String, Object> settings) throws IOException {
        CsvTable csv = new CsvTable().add("keys", rows.stream().mapToInt(Row::keys).toArray())
                .add("match_window_s", column(rows, Row::windowS))
                .add("queries", rows.stream().mapToInt(r -> r.transmitting().queries()).toArray());
        for (int m = 0; m < MEASURES.size(); m++) {
            int measure = m;
            csv.add(MEASURES.get(m), column(rows, r -> estimates(r.transmitting()).get(measure).mean()));
            csv.add(MEASURES.get(m) + "_se", column(rows, r -> estimates(r.transmitting()).get(measure)
                    .standardError()));
        }
        csv.add("copy_output_cosine", column(rows, r -> r.copying().outputCosine().mean()))
                .add("copy_output_cosine_se", column(rows, r -> r.copying().outputCosine().standardError()))
                .add("copy_matched_spikes", column(rows, r -> r.copying().matchedSpikes().mean()))
                .add("copy_matched_spikes_se", column(rows, r -> r.copying().matchedSpikes().standardError()))
                .add("cell_output_spikes_per_query", column(rows, Row::cellSpikes))
                .add("reduced_output_spikes_per_query", column(rows, Row::reducedSpikes))
                .add("copy_output_spikes_per_query", column(rows, Row::copySpikes))
                .add("cell_selected_per_query", column(rows, Row::cellSelected))
                .add("reduced_selected_per_query", column(rows, Row::reducedSelected))
                .write(dir.resolve("agreement.csv"));
        List<Map<String, Object>> json = new ArrayList<>();
        for (Row r : rows) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("keys", r.keys());
            row.put("match_window_s", r.windowS());
            row.put("queries", r.transmitting().queries());
            for (int m = 0; m < MEASURES.size(); m++) {
                row.put(MEASURES.get(m), estimates(r.transmitting()).get(m).mean());
                row.put(MEASURES.get(m) + "_se", estimates(r.transmitting()).get(m).standardError());
            }
            row.put("copy_output_cosine", r.copying().outputCosine().mean());
            row.put("copy_output_cosine_se", r.copying().outputCosine().standardError());
            row.put("copy_matched_spikes", r.copying().matchedSpikes().mean());
            row.put("copy_matched_spikes_se", r.copying().matchedSpikes().standardError());
            row.put("cell_output_spikes_per_query", r.cellSpikes());
            row.put("reduced_output_spikes_per_query", r.reducedSpikes());
            row.put("copy_output_spikes_per_query", r.copySpikes());
            row.put("cell_selected_per_query", r.cellSelected());
            row.put("reduced_selected_per_query", r.reducedSelected());
            json.add(row);
        }
        Map<String, Object> all = new LinkedHashMap<>(settings);
        all.put("rows", json);
        JsonFiles.write(dir.resolve("agreement.json"), all);
        writeQueries(dir, queries, bins, toleranceMs);
        byte[] table = table(rows, toleranceMs).getBytes(StandardCharsets.UTF_8);
        AtomicFiles.write(dir.resolve(TABLE), out -> out.write(table));
        plots(dir, rows);
    }

    /**
     * The rows as docs/user/attention.md shows them (a Markdown table): per point the queries pooled, each measure's
     * mean +- standard error to 2 decimals, selected keys per query (2 decimals) and output spikes per query (1).
     */
    static String table(List<Row> rows, double toleranceMs) {
        StringBuilder t = new StringBuilder(String.format(Locale.ROOT, "| keys | window (s) | queries | same selection"
                + " | Jaccard | same top key | output cosine | spikes matched (%s ms) | copy: cosine | copy: matched"
                + " | selected per query, cell / reduced | output spikes per query, cell / transmit / copy |\n",
                new DecimalFormat("0.###", DecimalFormatSymbols.getInstance(Locale.ROOT))
                        .format(toleranceMs)));
        t.append("|---|---|---|---|---|---|---|---|---|---|---|---|\n");
        for (Row r : rows) {
            t.append(String.format(Locale.ROOT, "| %d | %s | %d |", r.keys(), r.windowS(),
                    r.transmitting().queries()));
            for (Estimate e : estimates(r.transmitting())) {
                t.append(meanAndError(e));
            }
            t.append(meanAndError(r.copying().outputCosine())).append(meanAndError(r.copying().matchedSpikes()));
            t.append(String.format(Locale.ROOT, " %.2f / %.2f | %.1f / %.1f / %.1f |\n", r.cellSelected(),
                    r.reducedSelected(), r.cellSpikes(), r.reducedSpikes(), r.copySpikes()));
        }
        return t.toString();
    }

    private static String meanAndError(Estimate e) {
        return String.format(Locale.ROOT, " %.2f +- %.2f |", e.mean(), e.standardError());
    }

    private static void writeQueries(Path dir, List<Query> queries, RateBins bins, double toleranceMs)
            throws IOException {
        int n = queries.size();
        double[][] values = new double[5][n];
        for (int i = 0; i < n; i++) {
            Query q = queries.get(i);
            BackendAgreement a = BackendAgreement.of(List.of(q.cell()), List.of(q.reduced()));
            values[0][i] = a.sameSelection();
            values[1][i] = a.meanJaccard();
            values[2][i] = a.sameTopKey();
            values[3][i] = SpikeTrainSimilarity.binnedCosine(q.cell().output(), q.reduced().output(), bins);
            values[4][i] = SpikeTrainSimilarity.matchedFraction(sorted(q.cell().output()),
                    sorted(q.reduced().output()), toleranceMs);
        }
        CsvTable csv = new CsvTable().add("keys", queries.stream().mapToInt(Query::keys).toArray())
                .add("match_window_s", queries.stream().mapToDouble(Query::windowS).toArray())
                .add("seed", queries.stream().mapToLong(Query::seed).toArray())
                .add("query", queries.stream().mapToInt(Query::index).toArray())
                .add("source_key", queries.stream().mapToInt(Query::source).toArray())
                .add("cell_top_key", queries.stream().mapToInt(q -> RetrievalMetrics.topSelected(q.cell())).toArray())
                .add("reduced_top_key", queries.stream().mapToInt(q -> RetrievalMetrics.topSelected(q.reduced()))
                        .toArray())
                .add("cell_selected", queries.stream().mapToInt(q -> q.cell().selected().length).toArray())
                .add("reduced_selected", queries.stream().mapToInt(q -> q.reduced().selected().length).toArray())
                .add("cell_output_spikes", queries.stream().mapToInt(q -> q.cell().output().length).toArray())
                .add("reduced_output_spikes", queries.stream().mapToInt(q -> q.reduced().output().length).toArray());
        for (int m = 0; m < MEASURES.size(); m++) {
            csv.add(MEASURES.get(m), values[m]);
        }
        csv.write(dir.resolve("agreement_queries.csv"));
    }

    private static double[] sorted(double[] train) {
        double[] s = train.clone();
        Arrays.sort(s);
        return s;
    }

    private static void plots(Path dir, List<Row> rows) throws IOException {
        for (double w : rows.stream().map(Row::windowS).distinct().toList()) {
            List<Row> line = rows.stream().filter(r -> r.windowS() == w).toList();
            if (line.size() < 2) {
                continue;
            }
            List<Plots.Series> series = new ArrayList<>();
            for (int m = 0; m < MEASURES.size(); m++) {
                int measure = m;
                series.add(new Plots.Series(MEASURES.get(m), line.stream().mapToDouble(Row::keys).toArray(),
                        column(line, r -> estimates(r.transmitting()).get(measure).mean())));
            }
            XYChart chart = Plots.lines(String.format(Locale.ROOT, "Reduced backend against the cell, match window"
                    + " %s s", w), "keys (count)", "agreement (fraction of queries, or mean)", series, true);
            chart.getStyler().setYAxisMin(0.0);
            chart.getStyler().setYAxisMax(1.0);
            Plots.writePngAndSvg(dir, String.format(Locale.ROOT, "agreement_window_%s", w), chart);
        }
    }

    private static double[] column(List<Row> rows, ToDoubleFunction<Row> f) {
        return rows.stream().mapToDouble(f).toArray();
    }
}
