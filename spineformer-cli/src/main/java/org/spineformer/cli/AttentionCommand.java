package org.spineformer.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.IntStream;
import org.spineformer.attention.QueryResult;
import org.spineformer.attention.compare.RateBins;
import org.spineformer.attention.compare.RetrievalMetrics;
import org.spineformer.attention.compare.SoftmaxAttention;
import org.spineformer.attention.encode.RetrievalTask;
import org.spineformer.attention.reduced.OutputStage;
import org.spineformer.attention.reduced.PotentiationRule;
import org.spineformer.attention.reduced.ReducedAttention;
import org.spineformer.attention.reduced.ScoreKernel;
import org.spineformer.experiments.ellwood2024.Ellwood2024;
import org.spineformer.io.csv.CsvTable;
import org.spineformer.io.json.JsonFiles;
import org.spineformer.io.plot.Plots;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code spineformer attention}: key-value retrieval by the mechanism, compared with softmax attention. */
@Command(name = "attention", mixinStandardHelpOptions = true, versionProvider = VersionCommand.Provider.class, description = {
        "Key-value retrieval with one neuron per query: random 6 Hz keys and values, each query one key's",
        "train with timing jitter. Writes summary.json, queries.csv and a score histogram, and compares",
        "with softmax attention on the same scores. See docs/user/attention.md."})
final class AttentionCommand implements Callable<Integer> {
    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Option(names = "--keys", paramLabel = "N", required = true, description = "Keys (and values).")
    private int keys;

    @Option(names = "--queries", paramLabel = "M", required = true, description = "Queries (neurons).")
    private int queries;

    @Option(names = "--match-window", paramLabel = "S", defaultValue = "1",
            description = "Match window (s); default ${DEFAULT-VALUE}.")
    private double matchWindowS;

    @Option(names = "--jitter", paramLabel = "MS", defaultValue = "0",
            description = "S.d. of the queries' spike-time jitter (ms); default ${DEFAULT-VALUE}.")
    private double jitterMs;

    @Option(names = "--backend", paramLabel = "NAME", defaultValue = "reduced",
            description = "reduced or biophysical; default ${DEFAULT-VALUE}.")
    private String backend;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "0", description = "Seed; default ${DEFAULT-VALUE}.")
    private long seed;

    @Option(names = "--kernel", paramLabel = "PATH",
            description = "A fig2cd output folder (or its kernel.csv); default: the built-in approximation.")
    private Path kernelPath;

    @Option(names = "--threshold", paramLabel = "X",
            description = "Potentiation threshold in units of the paper's 1 s threshold; default: the paper's "
                    + "for the match window (0.5, 1, 2 s).")
    private Double threshold;

    @Option(names = "--temperature", paramLabel = "T", defaultValue = "0.1",
            description = "Softmax temperature (thresholds); default ${DEFAULT-VALUE}.")
    private double temperature;

    @Option(names = "--threads", paramLabel = "T", description = "Worker threads; default: all cores.")
    private Integer threads;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "attention-output",
            description = "Output folder; default ${DEFAULT-VALUE}.")
    private Path out;

    @Override
    public Integer call() throws IOException {
        if (!"reduced".equals(backend)) {
            throw new IllegalArgumentException("--backend = " + backend + ": "
                    + ("biophysical".equals(backend) ? "the biophysical backend is not implemented yet; use reduced"
                    : "need reduced or biophysical"));
        }
        if (threshold == null && !Ellwood2024.hasPaperThreshold(matchWindowS)) {
            throw new IllegalArgumentException("--match-window = " + matchWindowS
                    + ": the paper has thresholds for 0.5, 1 and 2 s only; give --threshold");
        }
        RetrievalTask task = RetrievalTask.generate(new RetrievalTask.Config(keys, queries, matchWindowS, jitterMs,
                seed));
        ScoreKernel kernel = kernelPath == null ? ScoreKernel.builtIn() : ScoreKernel.read(kernelPath);
        PotentiationRule rule = threshold == null ? PotentiationRule.paper(matchWindowS)
                : PotentiationRule.withThreshold(threshold);
        ReducedAttention model = new ReducedAttention(kernel, rule, OutputStage.defaults(),
                threads == null ? Runtime.getRuntime().availableProcessors() : threads);
        long start = System.nanoTime();
        List<QueryResult> results = model.run(task.inputs());
        double seconds = (System.nanoTime() - start) / 1e9;
        SoftmaxAttention softmax = new SoftmaxAttention(temperature,
                new RateBins(RateBins.DEFAULT_BIN_MS, Ellwood2024.CONTROL_MS));
        RetrievalMetrics m = RetrievalMetrics.of(task, results, softmax, model.output().delayMs());

        Files.createDirectories(out);
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("backend", backend);
        summary.put("keys", keys);
        summary.put("queries", queries);
        summary.put("match_window_s", matchWindowS);
        summary.put("jitter_ms", jitterMs);
        summary.put("seed", seed);
        summary.put("top1_accuracy", m.top1Accuracy());
        summary.put("false_selections_per_query", m.falseSelectionsPerQuery());
        summary.put("softmax_output_similarity", m.softmaxOutputSimilarity());
        summary.put("softmax_temperature", temperature);
        summary.put("threshold", rule.threshold());
        summary.put("kernel_source", kernel.source());
        summary.put("output_delay_ms", model.output().delayMs());
        summary.put("backend_seconds", seconds);
        summary.put("threads", model.threads());
        JsonFiles.write(out.resolve("summary.json"), summary);

        double[] sourceScore = IntStream.range(0, queries)
                .mapToDouble(i -> results.get(i).scores()[task.sources()[i]]).toArray();
        double[] bestOther = IntStream.range(0, queries).mapToDouble(i -> bestOther(results.get(i),
                task.sources()[i])).toArray();
        new CsvTable().add("query", IntStream.range(0, queries).toArray()).add("source_key", task.sources())
                .add("selected", results.stream().mapToInt(r -> r.selected().length).toArray())
                .add("top_selected_key", m.topKey()).add("source_score", sourceScore)
                .add("best_other_score", bestOther).add("false_selections", m.falseSelections())
                .add("softmax_output_similarity", m.similarity()).write(out.resolve("queries.csv"));
        double top = Math.max(2 * rule.threshold(), Arrays.stream(sourceScore).max().orElse(0));
        double[] edges = IntStream.rangeClosed(0, 60).mapToDouble(b -> b * top / 60).toArray();
        Map<String, double[]> samples = new LinkedHashMap<>();
        samples.put("source key", sourceScore);
        samples.put("best other key", bestOther);
        Plots.writePngAndSvg(out, "attention_scores", Plots.histogram(String.format(Locale.ROOT,
                "Scores per query (threshold %.3g)", rule.threshold()), "score (1 s thresholds)", edges, samples,
                false));

        PrintWriter console = spec.commandLine().getOut();
        console.printf(Locale.ROOT, "attention (%s): %d queries x %d keys in %.2f s on %d threads: top-1 %.3f, "
                        + "false selections/query %.3f, softmax similarity %.3f -> %s%n", backend, queries, keys,
                seconds, model.threads(), m.top1Accuracy(), m.falseSelectionsPerQuery(),
                m.softmaxOutputSimilarity(), out);
        return 0;
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
