package org.spineformer.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import java.util.function.ToDoubleFunction;
import org.spineformer.io.csv.CsvTable;
import org.knowm.xchart.XYChart;
import org.spineformer.io.plot.Plots;

/**
 * A grid of attention runs over key counts and match windows: grid.csv (one row per backend and point) and the
 * plots of top-1 accuracy against the number of keys (one curve per backend and window) and against the window
 * (one curve per backend and key count), with the reduced-vs-biophysical agreement when both ran.
 */
final class AttentionGrid {
    /**
     * One backend at one grid point; for the "agreement" row only {@code sameSelection} is set, for the backends
     * everything else.
     */
    record Row(String backend, int keys, double matchWindowS, int queries, double top1Accuracy,
               double falseSelectionsPerQuery, double softmaxOutputSimilarity, double sameSelection) {
    }

    private AttentionGrid() {
    }

    static void write(Path dir, List<Row> rows) throws IOException {
        new CsvTable().add("backend", rows.stream().map(Row::backend).toArray(String[]::new))
                .add("keys", rows.stream().mapToInt(Row::keys).toArray())
                .add("match_window_s", rows.stream().mapToDouble(Row::matchWindowS).toArray())
                .add("queries", rows.stream().mapToInt(Row::queries).toArray())
                .add("top1_accuracy", rows.stream().mapToDouble(Row::top1Accuracy).toArray())
                .add("false_selections_per_query", rows.stream().mapToDouble(Row::falseSelectionsPerQuery).toArray())
                .add("softmax_output_similarity", rows.stream().mapToDouble(Row::softmaxOutputSimilarity).toArray())
                .add("same_selection_fraction", rows.stream().mapToDouble(Row::sameSelection).toArray())
                .write(dir.resolve("grid.csv"));
        List<Double> windows = rows.stream().map(Row::matchWindowS).distinct().sorted().toList();
        List<Integer> keys = rows.stream().map(Row::keys).distinct().sorted().toList();
        if (keys.size() > 1) {
            List<Plots.Series> series = new ArrayList<>();
            for (double w : windows) {
                series.addAll(curves(rows, r -> r.matchWindowS() == w, Row::keys, w + " s"));
            }
            Plots.writePngAndSvg(dir, "accuracy_vs_keys", fractions(Plots.lines("Top-1 retrieval accuracy against"
                    + " keys", "keys per neuron", "fraction of queries", series, true)));
        }
        if (windows.size() > 1) {
            List<Plots.Series> series = new ArrayList<>();
            for (int n : keys) {
                series.addAll(curves(rows, r -> r.keys() == n, Row::matchWindowS, n + " keys"));
            }
            Plots.writePngAndSvg(dir, "accuracy_vs_window", fractions(Plots.lines("Top-1 retrieval accuracy against"
                    + " the match window", "match window (s)", "fraction of queries", series, true)));
        }
    }

    /** The y axis from 0 to 1, so that points of different grids compare at a glance. */
    private static XYChart fractions(XYChart chart) {
        chart.getStyler().setYAxisMin(0.0).setYAxisMax(1.0);
        return chart;
    }

    /** Per backend, top-1 accuracy (agreement: same selection) against {@code x} over the rows that pass. */
    private static List<Plots.Series> curves(List<Row> rows, Predicate<Row> slice,
                                             ToDoubleFunction<Row> x, String label) {
        List<Plots.Series> series = new ArrayList<>();
        for (String backend : rows.stream().map(Row::backend).distinct().toList()) {
            List<Row> mine = rows.stream().filter(r -> r.backend().equals(backend) && slice.test(r))
                    .sorted((a, b) -> Double.compare(x.applyAsDouble(a), x.applyAsDouble(b))).toList();
            boolean agreement = "agreement".equals(backend);
            String name = String.format(Locale.ROOT, "%s, %s", agreement ? "same selection, reduced vs biophysical"
                    : backend + " top-1", label);
            series.add(new Plots.Series(name, mine.stream().mapToDouble(x).toArray(), mine.stream()
                    .mapToDouble(agreement ? Row::sameSelection : Row::top1Accuracy).toArray()));
        }
        return series;
    }
}
