package org.spineformer.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;
import org.knowm.xchart.XYChart;
import org.spineformer.io.csv.CsvTable;
import org.spineformer.io.plot.Plots;

/**
 * A grid of attention runs over key counts, match windows and jitters: grid.csv (one row per backend and point) and,
 * for each of the three that takes several values, a plot of top-1 accuracy against it (one curve per backend and
 * combination of the other two), with the reduced-vs-biophysical agreement when both ran.
 */
final class AttentionGrid {
    /**
     * One backend at one grid point; for the "agreement" row only {@code sameSelection} is set, for the backends
     * everything else.
     */
    record Row(String backend, int keys, double matchWindowS, double jitterMs, int queries, double top1Accuracy,
               double falseSelectionsPerQuery, double softmaxOutputSimilarity, double sameSelection) {
    }

    /** A grid dimension: its plot's name and axis, the value of a row, and the label of a row's other two. */
    private record Axis(String name, String label, ToDoubleFunction<Row> value, Function<Row, String> others) {
    }

    private static final List<Axis> AXES = List.of(
            new Axis("accuracy_vs_keys", "keys per neuron (count)", Row::keys,
                    r -> String.format(Locale.ROOT, "%s s, %s ms", r.matchWindowS(), r.jitterMs())),
            new Axis("accuracy_vs_window", "match window (s)", Row::matchWindowS,
                    r -> String.format(Locale.ROOT, "%d keys, %s ms", r.keys(), r.jitterMs())),
            new Axis("accuracy_vs_jitter", "query jitter s.d. (ms)", Row::jitterMs,
                    r -> String.format(Locale.ROOT, "%d keys, %s s", r.keys(), r.matchWindowS())));

    private AttentionGrid() {
    }

    static void write(Path dir, List<Row> rows) throws IOException {
        new CsvTable().add("backend", rows.stream().map(Row::backend).toArray(String[]::new))
                .add("keys", rows.stream().mapToInt(Row::keys).toArray())
                .add("match_window_s", rows.stream().mapToDouble(Row::matchWindowS).toArray())
                .add("jitter_ms", rows.stream().mapToDouble(Row::jitterMs).toArray())
                .add("queries", rows.stream().mapToInt(Row::queries).toArray())
                .add("top1_accuracy", rows.stream().mapToDouble(Row::top1Accuracy).toArray())
                .add("false_selections_per_query", rows.stream().mapToDouble(Row::falseSelectionsPerQuery).toArray())
                .add("softmax_output_similarity", rows.stream().mapToDouble(Row::softmaxOutputSimilarity).toArray())
                .add("same_selection_fraction", rows.stream().mapToDouble(Row::sameSelection).toArray())
                .write(dir.resolve("grid.csv"));
        for (Axis axis : AXES) {
            if (rows.stream().mapToDouble(axis.value()).distinct().count() > 1) {
                XYChart chart = Plots.lines("Top-1 retrieval accuracy against " + axis.label(), axis.label(),
                        "top-1 accuracy (fraction of queries)", curves(rows, axis), true);
                // From 0 to 1, so that points of different grids compare at a glance.
                chart.getStyler().setYAxisMin(0.0).setYAxisMax(1.0);
                Plots.writePngAndSvg(dir, axis.name(), chart);
            }
        }
    }

    /** Per backend and combination of the other dimensions: top-1 accuracy (agreement: same selection). */
    private static List<Plots.Series> curves(List<Row> rows, Axis axis) {
        Map<String, List<Row>> groups = new LinkedHashMap<>();
        for (Row r : rows) {
            groups.computeIfAbsent(r.backend() + "|" + axis.others().apply(r), k -> new ArrayList<>()).add(r);
        }
        List<Plots.Series> series = new ArrayList<>();
        for (List<Row> group : groups.values()) {
            List<Row> sorted = group.stream().sorted(Comparator.comparingDouble(axis.value())).toList();
            Row first = sorted.get(0);
            boolean agreement = "agreement".equals(first.backend());
            String name = (agreement ? "same selection, reduced vs biophysical" : first.backend() + " top-1") + ", "
                    + axis.others().apply(first);
            series.add(new Plots.Series(name, sorted.stream().mapToDouble(axis.value()).toArray(), sorted.stream()
                    .mapToDouble(agreement ? Row::sameSelection : Row::top1Accuracy).toArray()));
        }
        return series;
    }
}
