package org.spineformer.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.function.ToDoubleFunction;
import org.knowm.xchart.XYChart;
import org.spineformer.attention.capacity.CapacityBenchmark;
import org.spineformer.attention.capacity.CapacityBenchmark.RuleMetrics;
import org.spineformer.io.csv.CsvTable;
import org.spineformer.io.json.JsonFiles;
import org.spineformer.io.plot.Plots;

/**
 * The capacity benchmark's outputs: capacity.csv (one row per point, score source and rule), capacity.json (the
 * settings, command line, seed and every row with its point's wall time), and plots of accuracy against n (log
 * axis) and, with several dimensions, against log2 of the dimension, one curve per rule.
 */
final class CapacityReport {
    /** One task (encoding, dimension, n) under one score source, and its wall time (s). */
    record Point(String encoding, int dim, int keys, CapacityBenchmark.Result result, double seconds) {
    }

    private CapacityReport() {
    }

    static void write(Path dir, List<Point> points, Map<String, Object> settings) throws IOException {
        List<String[]> labels = new ArrayList<>();
        List<double[]> numbers = new ArrayList<>();
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Point p : points) {
            for (RuleMetrics m : p.result().rules()) {
                labels.add(new String[] {p.encoding(), p.result().source(), m.rule()});
                numbers.add(new double[] {p.dim(), p.keys(), m.parameter(), m.accuracy(), m.accuracyStandardError(),
                        m.falseSelections(), m.cosine(), m.keysAttended(), p.result().comparisonsPerQuery(),
                        p.result().spikesPerQuery()});
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("encoding", p.encoding());
                row.put("score", p.result().source());
                row.put("dim", p.dim());
                row.put("n", p.keys());
                row.put("rule", m.rule());
                row.put("parameter", m.parameter());
                row.put("accuracy", m.accuracy());
                row.put("accuracy_se", m.accuracyStandardError());
                row.put("false_selections_per_query", m.falseSelections());
                row.put("cosine_to_target", m.cosine());
                row.put("keys_attended_per_query", m.keysAttended());
                row.put("comparisons_per_query", p.result().comparisonsPerQuery());
                row.put("spikes_per_query", p.result().spikesPerQuery());
                row.put("point_seconds", p.seconds());
                rows.add(row);
            }
        }
        String[] numberNames = {"dim", "n", "parameter", "accuracy", "accuracy_se", "false_selections_per_query",
                "cosine_to_target", "keys_attended_per_query", "comparisons_per_query", "spikes_per_query"};
        CsvTable csv = new CsvTable();
        String[] labelNames = {"encoding", "score", "rule"};
        for (int c = 0; c < labelNames.length; c++) {
            int column = c;
            csv.add(labelNames[c], labels.stream().map(l -> l[column]).toArray(String[]::new));
        }
        for (int c = 0; c < numberNames.length; c++) {
            int column = c;
            if (c < 2) {
                csv.add(numberNames[c], numbers.stream().mapToInt(x -> (int) x[column]).toArray());
            } else {
                csv.add(numberNames[c], numbers.stream().mapToDouble(x -> x[column]).toArray());
            }
        }
        csv.write(dir.resolve("capacity.csv"));
        Map<String, Object> json = new LinkedHashMap<>(settings);
        json.put("rows", rows);
        JsonFiles.write(dir.resolve("capacity.json"), json);
        plots(dir, points);
    }

    private static void plots(Path dir, List<Point> points) throws IOException {
        List<String> sources = points.stream().map(p -> p.result().source()).distinct().toList();
        List<Integer> dims = points.stream().map(Point::dim).distinct().toList();
        List<Integer> keys = points.stream().map(Point::keys).distinct().toList();
        String encoding = points.get(0).encoding();
        for (String source : sources) {
            for (int d : dims) {
                List<Point> line = select(points, p -> p.result().source().equals(source) && p.dim() == d);
                if (line.size() > 1) {
                    XYChart chart = chart(String.format("Retrieval accuracy against n (%s, %s score, d = %d)",
                            encoding, source, d), "key-value pairs n (count)", line, Point::keys);
                    logarithmic(chart);
                    Plots.writePngAndSvg(dir, "accuracy_vs_n_" + source + "_d" + d, chart);
                }
            }
            for (int n : keys) {
                List<Point> line = select(points, p -> p.result().source().equals(source) && p.keys() == n);
                if (line.size() > 1) {
                    // log2 d: dimensions come in powers of 2, which a decade-ticked log axis leaves unlabelled.
                    XYChart chart = chart(String.format("Retrieval accuracy against dimension (%s, %s score, n = %d)",
                            encoding, source, n), "dimension d (log2)", line,
                            p -> Math.log(p.dim()) / Math.log(2));
                    Plots.writePngAndSvg(dir, "accuracy_vs_dim_" + source + "_n" + n, chart);
                }
            }
        }
    }

    /**
     * A log x axis with XChart's own decade ticks: the plain style's tick-label function makes XChart space the
     * ticks linearly, mislabelling a log axis.
     */
    private static void logarithmic(XYChart chart) {
        chart.getStyler().setXAxisLogarithmic(true);
        chart.getStyler().setxAxisTickLabelsFormattingFunction(null);
    }

    private static List<Point> select(List<Point> points, Predicate<Point> which) {
        return points.stream().filter(which).toList();
    }

    /** One curve per rule: accuracy against {@code x} over {@code line}'s points. */
    private static XYChart chart(String title, String xLabel, List<Point> line, ToDoubleFunction<Point> x) {
        List<Plots.Series> series = new ArrayList<>();
        int rules = line.get(0).result().rules().size();
        for (int k = 0; k < rules; k++) {
            int rule = k;
            series.add(new Plots.Series(line.get(0).result().rules().get(k).rule(),
                    line.stream().mapToDouble(x).toArray(),
                    line.stream().mapToDouble(p -> p.result().rules().get(rule).accuracy()).toArray()));
        }
        XYChart chart = Plots.lines(title, xLabel, "accuracy (fraction of test queries)", series, true);
        // From 0 to 1, so that panels compare at a glance.
        chart.getStyler().setYAxisMin(0.0).setYAxisMax(1.0);
        return chart;
    }
}
