package org.spineformer.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.IntStream;
import org.spineformer.attention.QueryResult;
import org.spineformer.attention.compare.RetrievalMetrics;
import org.spineformer.attention.encode.RetrievalTask;
import org.spineformer.attention.encode.VectorTask;
import org.spineformer.io.csv.CsvTable;
import org.spineformer.io.json.JsonFiles;
import org.spineformer.io.npy.Npy;
import org.spineformer.io.npy.NpyArray;
import org.spineformer.io.plot.Plots;

/**
 * What one backend did on one task, written to a folder: summary.json, queries.csv, the score histogram, and for
 * vector inputs the decoded outputs, selections and scores as .npy.
 *
 * @param backend the backend's name
 * @param results one per query
 * @param metrics the retrieval metrics against softmax attention
 * @param summary the summary.json entries
 */
record AttentionReport(String backend, List<QueryResult> results, RetrievalMetrics metrics,
                       Map<String, Object> summary) {

    /**
     * The report of {@code results}: {@code settings} come first in the summary, then the metrics.
     */
    static AttentionReport of(String backend, RetrievalTask task, List<QueryResult> results, RetrievalMetrics m,
                              Map<String, Object> settings) {
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("backend", backend);
        summary.put("keys", task.inputs().keys().length);
        summary.put("queries", task.inputs().queries().length);
        summary.put("match_window_s", task.config().matchWindowS());
        summary.put("jitter_ms", task.config().jitterMs());
        summary.put("seed", task.config().seed());
        summary.put("top1_accuracy", m.top1Accuracy());
        summary.put("false_selections_per_query", m.falseSelectionsPerQuery());
        summary.put("softmax_output_similarity", m.softmaxOutputSimilarity());
        summary.putAll(settings);
        return new AttentionReport(backend, results, m, summary);
    }

    /** Writes the report into {@code dir} (created if needed); {@code vectors} is null for spike-train inputs. */
    void write(Path dir, RetrievalTask task, double threshold, VectorTask vectors, double outputDelayMs)
            throws IOException {
        Files.createDirectories(dir);
        int queries = results.size();
        double[] sourceScore = IntStream.range(0, queries)
                .mapToDouble(i -> results.get(i).scores()[task.sources()[i]]).toArray();
        double[] bestOther = IntStream.range(0, queries)
                .mapToDouble(i -> bestOther(results.get(i), task.sources()[i])).toArray();
        new CsvTable().add("query", IntStream.range(0, queries).toArray()).add("source_key", task.sources())
                .add("selected", results.stream().mapToInt(r -> r.selected().length).toArray())
                .add("top_selected_key", metrics.topKey()).add("source_score", sourceScore)
                .add("best_other_score", bestOther).add("false_selections", metrics.falseSelections())
                .add("softmax_output_similarity", metrics.similarity()).write(dir.resolve("queries.csv"));
        if (vectors != null) {
            writeVectors(dir, vectors, outputDelayMs);
        }
        double top = Math.max(2 * threshold, Arrays.stream(sourceScore).max().orElse(0));
        double[] edges = IntStream.rangeClosed(0, 60).mapToDouble(b -> b * top / 60).toArray();
        Map<String, double[]> samples = new LinkedHashMap<>();
        samples.put("source key", sourceScore);
        samples.put("best other key", bestOther);
        Plots.writePngAndSvg(dir, "attention_scores", Plots.histogram(String.format(Locale.ROOT,
                "Scores per query, %s (threshold %.3g)", backend, threshold), "score (1 s thresholds)", edges,
                samples, false));
        JsonFiles.write(dir.resolve("summary.json"), summary);
    }

    /** outputs.npy (queries x value dimension, decoded), selected.npy (queries x keys), scores.npy (same). */
    private void writeVectors(Path dir, VectorTask vectors, double outputDelayMs) throws IOException {
        int keys = vectors.task().inputs().keys().length;
        double[][] outputs = new double[results.size()][];
        boolean[][] selected = new boolean[results.size()][keys];
        double[][] scores = new double[results.size()][];
        for (int i = 0; i < results.size(); i++) {
            QueryResult r = results.get(i);
            double[] undelayed = Arrays.stream(r.output()).map(t -> t - outputDelayMs).toArray();
            outputs[i] = vectors.valueCode().decode(undelayed, vectors.valueDimension());
            for (int j : r.selected()) {
                selected[i][j] = true;
            }
            scores[i] = r.scores();
        }
        Npy.write(dir.resolve("outputs.npy"), NpyArray.of(outputs));
        Npy.write(dir.resolve("selected.npy"), NpyArray.of(selected));
        Npy.write(dir.resolve("scores.npy"), NpyArray.of(scores));
    }

    private static double bestOther(QueryResult r, int source) {
        double best = Double.NEGATIVE_INFINITY;
        for (int j = 0; j < r.scores().length; j++) {
            if (j != source) {
                best = Math.max(best, r.scores()[j]);
            }
        }
        return best;
    }
}
