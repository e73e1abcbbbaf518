package org.spineformer.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.spineformer.attention.capacity.CapacityBenchmark;
import org.spineformer.attention.capacity.CapacityTask;
import org.spineformer.attention.capacity.CapacityTask.Encoding;
import org.spineformer.attention.capacity.ScoreSource;
import org.spineformer.attention.reduced.ScoreKernel;
import org.spineformer.io.OutputFolder;
import org.spineformer.io.Provenance;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code spineformer attention capacity}: every selection rule on the key-value retrieval capacity task. */
@Command(name = "capacity", mixinStandardHelpOptions = true, versionProvider = VersionCommand.Provider.class,
        description = {
            "The key-value retrieval capacity task of Schlag, Irie and Schmidhuber (ICML 2021): n keys with",
            "values, queries asking for one key's value. One score matrix per score source, read by softmax",
            "(temperature tuned on a held-out split), sparsemax, entmax-1.5, top-k (k = 1, 2, 8), argmax, linear",
            "attention and match-and-control (threshold tuned for the paper's false positive rate, and for",
            "retrieval). Writes capacity.csv, capacity.json and plots of accuracy against n and dimension. See",
            "docs/user/attention.md."})
final class CapacityCommand implements Callable<Integer> {
    static final List<String> SCORES = List.of("exact", "spine");
    /** The Poisson encoding's default query jitter (ms): the scale of the kernel's rise. */
    static final double DEFAULT_JITTER_MS = 2;

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Option(names = "--n", paramLabel = "N", split = ",", defaultValue = "10,30,100,300,1000,3000,10000",
            description = "Numbers of key-value pairs, comma-separated; default ${DEFAULT-VALUE}.")
    private List<Integer> keys;

    @Option(names = "--dim", paramLabel = "D", split = ",", defaultValue = "16",
            description = "Dimension of keys, queries (vector, rate) and values; several, comma-separated, plot "
                    + "accuracy against it; default ${DEFAULT-VALUE}.")
    private List<Integer> dims;

    @Option(names = "--correlation", paramLabel = "RHO",
            description = "Query = normalised(RHO key + sqrt(1 - RHO^2) noise), vector and rate encodings; "
                    + "default 1.")
    private Double correlation;

    @Option(names = "--encoding", paramLabel = "NAME", defaultValue = "vector",
            description = "vector, rate (vectors as rate-coded spike trains) or poisson (the paper's 6 Hz trains, "
                    + "queries jittered); default ${DEFAULT-VALUE}.")
    private String encoding;

    @Option(names = "--score", paramLabel = "SOURCE", split = ",",
            description = "exact (no encoding noise), spine (the reduced model's spike score), or both "
                    + "comma-separated; default exact for vectors, exact,spine for spike encodings.")
    private List<String> scores;

    @Option(names = "--queries", paramLabel = "Q", defaultValue = "1000",
            description = "Test queries per point; default ${DEFAULT-VALUE}.")
    private int queries;

    @Option(names = "--tuning-queries", paramLabel = "T", defaultValue = "200",
            description = "Held-out queries that tune the temperatures and the threshold; default "
                    + "${DEFAULT-VALUE}.")
    private int tuningQueries;

    @Option(names = "--fpr", paramLabel = "P", defaultValue = "0.1",
            description = "Match-and-control's threshold lets this fraction of tuning queries select a wrong key "
                    + "(the paper's false positive rate: 0.1); default ${DEFAULT-VALUE}.")
    private double fpr;

    @Mixin
    private KernelOption kernelOption;

    @Option(names = "--max-rate-hz", paramLabel = "HZ", defaultValue = "100",
            description = "Rate encoding: firing rate of a component of 1 (Hz); default ${DEFAULT-VALUE}.")
    private double maxRateHz;

    @Option(names = "--match-window", paramLabel = "S", defaultValue = "1",
            description = "The spike trains' window (s), split in one bin per component by the rate code; "
                    + "default ${DEFAULT-VALUE}.")
    private double matchWindowS;

    @Option(names = "--jitter", paramLabel = "MS",
            description = "Poisson encoding: s.d. of the queries' spike-time jitter (ms); default 2.")
    private Double jitterMs;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "0", description = "Seed; default ${DEFAULT-VALUE}.")
    private long seed;

    @Mixin
    private ThreadsOption threads;

    @Mixin
    private QuietOption quiet;

    @Option(names = "--out", paramLabel = "DIR", required = true, description = "Output folder.")
    private Path out;

    @Override
    public Integer call() throws IOException {
        Encoding chosen = encoding();
        List<String> sources = sources(chosen);
        checkOptions(chosen);
        OutputFolder.claim(out, "--out", "attention capacity", inputFiles());
        ScoreKernel kernel = kernelOption.read();
        int pool = threads.count();
        PrintWriter console = spec.commandLine().getOut();
        Progress progress = quiet.bar(spec.commandLine().getErr(), "queries",
                (double) dims.size() * keys.size() * sources.size() * (tuningQueries + queries));
        int[] done = {0};
        Runnable onQuery = progress == null ? () -> { } : () -> {
            synchronized (done) {
                progress.update(++done[0]);
            }
        };
        List<CapacityReport.Point> points = new ArrayList<>();
        long start = System.nanoTime();
        for (int d : dims) {
            for (int n : keys) {
                CapacityTask task = CapacityTask.generate(new CapacityTask.Config(chosen, n, d,
                        correlation == null ? 1 : correlation, tuningQueries, queries, maxRateHz / 1000, matchWindowS,
                        jitterMs == null ? DEFAULT_JITTER_MS : jitterMs, seed));
                for (String name : sources) {
                    ScoreSource source = "exact".equals(name) ? task.exact(kernel) : task.spine(kernel);
                    long pointStart = System.nanoTime();
                    CapacityBenchmark.Result r = CapacityBenchmark.run(task, source, fpr, pool, onQuery);
                    points.add(new CapacityReport.Point(chosen.label(), d, n, r,
                            (System.nanoTime() - pointStart) / 1e9));
                }
            }
        }
        if (progress != null) {
            progress.finish();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        Files.createDirectories(out);
        CapacityReport.write(out, points, settings(chosen, sources, kernel, pool, seconds));
        for (CapacityReport.Point p : points) {
            CapacityBenchmark.RuleMetrics best = p.result().rules().stream()
                    .max((a, b) -> Double.compare(a.accuracy(), b.accuracy())).orElseThrow();
            CapacityBenchmark.RuleMetrics mac = p.result().rules().stream()
                    .filter(m -> m.rule().equals("match-and-control")).findFirst().orElseThrow();
            console.printf(Locale.ROOT, "%s d=%d n=%d %s: best %s %.3f, match-and-control %.3f (%.1f s)%n",
                    p.encoding(), p.dim(), p.keys(), p.result().source(), best.rule(), best.accuracy(),
                    mac.accuracy(), p.seconds());
        }
        console.printf(Locale.ROOT, "%d points in %.1f s on %d threads -> %s%n", points.size(), seconds, pool, out);
        return 0;
    }

    private Encoding encoding() {
        for (Encoding e : Encoding.values()) {
            if (e.label().equals(encoding)) {
                return e;
            }
        }
        throw new IllegalArgumentException("--encoding = " + encoding + ": need one of vector, rate, poisson");
    }

    private List<String> sources(Encoding chosen) {
        List<String> list = scores != null ? scores : chosen.spikes() ? SCORES : List.of("exact");
        for (String s : list) {
            if (!SCORES.contains(s)) {
                throw new IllegalArgumentException("--score = " + s + ": need exact or spine");
            }
        }
        if (!chosen.spikes() && list.contains("spine")) {
            throw new IllegalArgumentException("--score = spine needs spike trains: use --encoding rate or poisson");
        }
        return list;
    }

    private void checkOptions(Encoding chosen) {
        for (int n : keys) {
            if (n < 2) {
                throw new IllegalArgumentException("--n = " + n + ": need >= 2 keys (a threshold is tuned on the "
                        + "non-target keys)");
            }
        }
        for (int d : dims) {
            if (d < 1) {
                throw new IllegalArgumentException("--dim = " + d + ": need >= 1");
            }
        }
        if (correlation != null && (chosen == Encoding.POISSON || !(correlation >= 0 && correlation <= 1))) {
            throw new IllegalArgumentException("--correlation = " + correlation + ": need a value in [0, 1], for the "
                    + "vector and rate encodings (poisson queries are jittered keys: --jitter)");
        }
        if (jitterMs != null && (chosen != Encoding.POISSON || !(jitterMs >= 0 && Double.isFinite(jitterMs)))) {
            throw new IllegalArgumentException("--jitter = " + jitterMs + ": need a finite value >= 0, for the "
                    + "poisson encoding only");
        }
        if (queries < 1 || tuningQueries < 1) {
            throw new IllegalArgumentException("--queries = " + queries + ", --tuning-queries = " + tuningQueries
                    + ": need >= 1 each");
        }
        if (!(fpr >= 0 && fpr < 1)) {
            throw new IllegalArgumentException("--fpr = " + fpr + ": need a value in [0, 1)");
        }
        if (!(maxRateHz > 0 && Double.isFinite(maxRateHz))) {
            throw new IllegalArgumentException("--max-rate-hz = " + maxRateHz + ": need > 0");
        }
        if (!(matchWindowS > 0 && Double.isFinite(matchWindowS))) {
            throw new IllegalArgumentException("--match-window = " + matchWindowS + ": need > 0");
        }
        if (threads.count() < 1) {
            throw new IllegalArgumentException("--threads = " + threads.count() + ": need >= 1");
        }
        kernelOption.check();
    }

    /** The files the run reads: the fig2cd kernel, when one is given. */
    private Map<String, Path> inputFiles() {
        return kernelOption.given() ? Map.of("kernel", kernelOption.file()) : Map.of();
    }

    private Map<String, Object> settings(Encoding chosen, List<String> sources, ScoreKernel kernel, int pool,
                                         double seconds) {
        Map<String, Object> s = new LinkedHashMap<>();
        // The root command's parse holds every argument, "attention capacity" included.
        s.put("command_line", "spineformer " + String.join(" ", spec.root().commandLine().getParseResult()
                .originalArgs()));
        s.put("seed", seed);
        s.put("encoding", chosen.label());
        s.put("score_sources", sources);
        s.put("n", keys);
        s.put("dims", dims);
        if (chosen == Encoding.POISSON) {
            s.put("jitter_ms", jitterMs == null ? DEFAULT_JITTER_MS : jitterMs);
        } else {
            s.put("correlation", correlation == null ? 1 : correlation);
        }
        if (chosen == Encoding.RATE) {
            s.put("max_rate_hz", maxRateHz);
        }
        if (chosen.spikes()) {
            s.put("match_window_s", matchWindowS);
            s.put("kernel_source", kernel.source());
        }
        s.put("test_queries", queries);
        s.put("tuning_queries", tuningQueries);
        s.put("match_and_control_fpr", fpr);
        s.put("top_k", Arrays.stream(CapacityBenchmark.TOP_K).boxed().toList());
        s.put("threads", pool);
        s.put("seconds", seconds);
        s.put(Provenance.KEY, Provenance.of("attention capacity", inputFiles()));
        return s;
    }
}
