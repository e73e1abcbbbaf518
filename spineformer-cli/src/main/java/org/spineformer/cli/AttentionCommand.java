package org.spineformer.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.spineformer.attention.QueryResult;
import org.spineformer.attention.biophysical.BiophysicalAttention;
import org.spineformer.attention.compare.BackendAgreement;
import org.spineformer.attention.compare.RateBins;
import org.spineformer.attention.compare.RetrievalMetrics;
import org.spineformer.attention.compare.SoftmaxAttention;
import org.spineformer.attention.encode.RetrievalTask;
import org.spineformer.attention.encode.VectorTask;
import org.spineformer.attention.reduced.KeyPlacement;
import org.spineformer.attention.reduced.OutputModel;
import org.spineformer.attention.reduced.OutputStage;
import org.spineformer.attention.reduced.PotentiationRule;
import org.spineformer.attention.reduced.ReducedAttention;
import org.spineformer.attention.reduced.ScoreKernel;
import org.spineformer.cell.CellModel;
import org.spineformer.attention.reduced.Transmission;
import org.spineformer.attention.reduced.TransmittingOutput;
import org.spineformer.experiments.ellwood2024.BapDelays;
import org.spineformer.experiments.ellwood2024.Ellwood2024;
import org.spineformer.experiments.ellwood2024.Fig2bBapDelays;
import org.spineformer.experiments.trial.TrialRunner;
import org.spineformer.io.OutputFolder;
import org.spineformer.io.Provenance;
import org.spineformer.io.json.JsonFiles;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code spineformer attention}: key-value retrieval by the mechanism, compared with softmax attention. */
@Command(name = "attention", mixinStandardHelpOptions = true, versionProvider = VersionCommand.Provider.class,
        subcommands = {CapacityCommand.class, TransmissionCommand.class, AgreementCommand.class}, description = {
        "Key-value retrieval by match-and-control (one neuron per query), compared with softmax attention.",
        "Random 6 Hz keys and values, each query one key's train with timing jitter",
        "(or Q, K, V vectors from .npy files). Writes summary.json, queries.csv and a",
        "score histogram, and compares with softmax attention on the same scores.",
        "Several --keys, --match-window or --jitter values run a grid and plot accuracy",
        "against each. See docs/user/attention.md."})
final class AttentionCommand implements Callable<Integer> {
    static final List<String> BACKENDS = List.of("reduced", "biophysical", "both");
    static final String TRANSMISSION = "transmit";
    static final List<String> OUTPUT_STAGES = List.of("copy", TRANSMISSION);
    /** Vector components of 1 fire at this rate by default (Hz): a few spikes per bin at the paper's windows. */
    static final String DEFAULT_MAX_RATE_HZ = "20";

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Option(names = "--keys", paramLabel = "N", split = ",",
            description = "Keys (and values); several, comma-separated, make a grid. Not with --keys-npy.")
    private List<Integer> keys;

    @Option(names = "--queries", paramLabel = "M", description = "Queries (neurons). Not with --queries-npy.")
    private Integer queries;

    @Option(names = "--match-window", paramLabel = "S", split = ",", defaultValue = "1",
            description = "Match window (s); several, comma-separated, make a grid; default ${DEFAULT-VALUE}.")
    private List<Double> matchWindows;

    @Option(names = "--jitter", paramLabel = "MS", split = ",", defaultValue = "0",
            description = "S.d. of the queries' spike-time jitter (ms); several, comma-separated, make a grid; "
                    + "default ${DEFAULT-VALUE}. Not with vectors.")
    private List<Double> jitters;

    @Option(names = "--backend", paramLabel = "NAME", defaultValue = "reduced",
            description = "reduced, biophysical, or both (on identical inputs, with their agreement); "
                    + "default ${DEFAULT-VALUE}.")
    private String backend;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "0", description = "Seed; default ${DEFAULT-VALUE}.")
    private long seed;

    @Mixin
    private KernelOption kernelOption;

    @Option(names = "--threshold", paramLabel = "X",
            description = "Potentiation threshold in units of the paper's 1 s threshold; default: the paper's "
                    + "for the match window (0.5, 1, 2 s).")
    private Double threshold;

    @Option(names = "--output-delay", paramLabel = "MS",
            description = "The reduced backend's output delay (ms); default: fitted to the biophysical cell with "
                    + "--backend both, else " + OutputStage.DEFAULT_DELAY_MS + ".")
    private Double outputDelayMs;

    @Option(names = "--output-stage", paramLabel = "NAME", defaultValue = "copy",
            description = "The reduced backend's output: copy (every value spike of every selected key) or "
                    + "transmit (each transmitted with the bundled fit's probability for its key); default "
                    + "${DEFAULT-VALUE}.")
    private String outputStage;

    @Option(names = "--bap-delays", paramLabel = "PATH",
            description = "The cell's bAP delays for the biophysical backend: a fig2b output folder or its "
                    + BapDelays.FILE + "; default: DIR/" + BapDelays.FILE + ", measured (fig2b) if missing.")
    private Path bapDelaysPath;

    @Option(names = "--queries-npy", paramLabel = "FILE",
            description = "Query vectors (m x d .npy: float64, float32 or integers).")
    private Path queriesNpy;

    @Option(names = "--keys-npy", paramLabel = "FILE", description = "Key vectors (n x d .npy, as --queries-npy).")
    private Path keysNpy;

    @Option(names = "--values-npy", paramLabel = "FILE", description = "Value vectors (n x e .npy, as --queries-npy).")
    private Path valuesNpy;

    @Option(names = "--max-rate-hz", paramLabel = "HZ", defaultValue = DEFAULT_MAX_RATE_HZ,
            description = "Firing rate of a vector component of 1 (Hz); default ${DEFAULT-VALUE}.")
    private double maxRateHz;

    @Option(names = "--temperature", paramLabel = "T", defaultValue = "0.1",
            description = "Softmax temperature (thresholds); default ${DEFAULT-VALUE}.")
    private double temperature;

    @Mixin
    private ThreadsOption threads;

    /** Queries of the biophysical backend run together in lanes. */
    @Mixin
    private LanesOption lanes;

    @Mixin
    private QuietOption quiet;

    @Option(names = "--model", paramLabel = "MODEL",
            description = "The biophysical backend's cell: a cell description file with an \"experiment\" part, or a"
                    + " bundled description's name; default: the paper's (ellwood2024).")
    private String model;

    @Mixin
    private MorphologyDirOption morphologyDir;

    /** The biophysical backend's cell, loaded and checked before any work. */
    private CellModel cell;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "attention-output",
            description = "Output folder; default ${DEFAULT-VALUE}.")
    private Path out;

    @Override
    public Integer call() throws IOException {
        checkOptions();
        OutputFolder.claim(out, "--out", "attention", inputFiles(), settings());
        boolean vectors = keysNpy != null;
        List<Integer> keyCounts = vectors ? List.of(-1) : keys;
        boolean grid = keyCounts.size() * matchWindows.size() * jitters.size() > 1;
        BapDelays delays = "reduced".equals(backend) ? null : bapDelays();
        List<AttentionGrid.Row> rows = new ArrayList<>();
        for (double jitter : jitters) {
            for (double window : matchWindows) {
                for (int n : keyCounts) {
                    Path dir = grid ? out.resolve(String.format(Locale.ROOT, "keys=%d,window=%s,jitter=%s", n,
                            window, jitter)) : out;
                    VectorTask vectorTask = vectors ? VectorTask.read(queriesNpy, keysNpy, valuesNpy, window,
                            maxRateHz / 1000, seed) : null;
                    RetrievalTask task = vectors ? vectorTask.task()
                            : RetrievalTask.generate(new RetrievalTask.Config(n, queries, window, jitter, seed));
                    if (rows.isEmpty()) { // the inputs are read and checked: the work starts
                        OutputFolder.record(out, "attention", inputFiles(), settings());
                    }
                    rows.addAll(runPoint(task, vectorTask, delays, dir));
                }
            }
        }
        if (grid) {
            AttentionGrid.write(out, rows);
        }
        return 0;
    }

    private void checkOptions() {
        if (!BACKENDS.contains(backend)) {
            throw new IllegalArgumentException("--backend = " + backend + ": need one of " + BACKENDS);
        }
        if (!OUTPUT_STAGES.contains(outputStage)) {
            throw new IllegalArgumentException("--output-stage = " + outputStage + ": need one of " + OUTPUT_STAGES);
        }
        if (TRANSMISSION.equals(outputStage) && outputDelayMs != null) {
            throw new IllegalArgumentException("--output-delay is for --output-stage copy; the transmit stage "
                    + "has its fitted delay");
        }
        if (model != null && "reduced".equals(backend)) {
            throw new IllegalArgumentException("--model " + model + " is the biophysical backend's cell; --backend"
                    + " reduced runs no cell (give --backend biophysical or both)");
        }
        cell = morphologyDir.load(model);
        if (!cell.isPaper() && threshold == null) {
            throw new IllegalArgumentException("--model " + model + ": give --threshold (in units of the paper's 1 s"
                    + " threshold): the paper's thresholds are for the paper's cell");
        }
        boolean anyNpy = queriesNpy != null || keysNpy != null || valuesNpy != null;
        if (anyNpy && (queriesNpy == null || keysNpy == null || valuesNpy == null)) {
            throw new IllegalArgumentException("vector inputs need all of --queries-npy, --keys-npy and --values-npy");
        }
        if (anyNpy && (keys != null || queries != null || !jitters.equals(List.of(0.0)))) {
            throw new IllegalArgumentException("--keys, --queries and --jitter are for generated tasks; the .npy "
                    + "files set the counts");
        }
        if (!anyNpy && (keys == null || queries == null)) {
            throw new IllegalArgumentException("give --keys and --queries, or the three --*-npy files");
        }
        checkRanges();
        for (double w : matchWindows) {
            Ellwood2024.requireAtMostMaxMatchWindow("--match-window", w);
            if (threshold == null && !Ellwood2024.hasPaperThreshold(w)) {
                throw new IllegalArgumentException("--match-window = " + w
                        + ": the paper has thresholds for 0.5, 1 and 2 s only; give --threshold");
            }
        }
        if (!"reduced".equals(backend) && keys != null) {
            for (int n : keys) {
                if (n > cell.axonCount()) {
                    throw new IllegalArgumentException("--keys = " + n + ": the biophysical cell has "
                            + cell.axonCount() + " axons, one per key; use --backend reduced for more");
                }
            }
        }
    }

    /** Every number in range and the kernel file there, checked here so that the message names the option. */
    private void checkRanges() {
        for (int n : keys == null ? List.<Integer>of() : keys) {
            OptionChecks.atLeast("--keys", n, 1);
        }
        if (queries != null) {
            OptionChecks.atLeast("--queries", queries, 1);
        }
        matchWindows.forEach(w -> OptionChecks.positive("--match-window", w));
        jitters.forEach(j -> OptionChecks.nonNegative("--jitter", j));
        OptionChecks.positive("--temperature", temperature);
        OptionChecks.positive("--max-rate-hz", maxRateHz);
        threads.check();
        lanes.check();
        if (threshold != null) {
            OptionChecks.positive("--threshold", threshold);
        }
        if (outputDelayMs != null) {
            OptionChecks.nonNegative("--output-delay", outputDelayMs);
        }
        kernelOption.check();
    }

    /** Runs the chosen backends on one task, writes their reports, and returns their grid rows. */
    private List<AttentionGrid.Row> runPoint(RetrievalTask task, VectorTask vectors, BapDelays delays, Path dir)
            throws IOException {
        double window = task.config().matchWindowS();
        task.inputs().requireWithin(1000 * window, Ellwood2024.CONTROL_MS); // what both backends take
        PotentiationRule rule = threshold == null ? PotentiationRule.paper(window)
                : PotentiationRule.withThreshold(threshold);
        int pool = threads.count();
        boolean both = "both".equals(backend);
        List<AttentionGrid.Row> rows = new ArrayList<>();
        List<QueryResult> cell = null;
        BiophysicalAttention biophysical = null;
        if (delays != null) {
            PrintWriter err = spec.commandLine().getErr();
            Path cellDir = both ? dir.resolve("biophysical") : dir;
            biophysical = new BiophysicalAttention(this.cell, delays, window, rule.threshold(),
                    TrialRunner.inDirectory(cellDir.resolve("trials"), pool, quiet.progressTo(err),
                            System.console() != null).withLanes(lanes.count()));
            long start = System.nanoTime();
            cell = biophysical.run(task.inputs());
            double seconds = (System.nanoTime() - start) / 1e9;
            Map<String, Object> settings = new LinkedHashMap<>();
            settings.put("threshold", rule.threshold());
            settings.put("pulse_offset_ms", Ellwood2024.OPTIMUM_OFFSET_MS - biophysical.meanDelayMs());
            settings.put("bap_delays_sha256", delays.sha256());
            rows.add(report(task, vectors, rule.threshold(), pool,
                    new BackendRun("biophysical", cell, 0, seconds, settings, cellDir)));
        }
        if (!"biophysical".equals(backend)) {
            ScoreKernel kernel = kernelOption.read();
            boolean transmits = TRANSMISSION.equals(outputStage);
            boolean fit = both && outputDelayMs == null && !transmits;
            Optional<OutputStage> fitted = fit ? OutputStage.fit(task.inputs(), cell) : Optional.empty();
            if (fit && fitted.isEmpty()) { // the cell has run: go on with the default rather than lose its work
                spec.commandLine().getErr().printf(Locale.ROOT, "warning: the cell's output follows no selected key's"
                        + " value spike in %d %s: nothing to fit the reduced backend's output delay to; using the"
                        + " default %s ms%n", cell.size(), cell.size() == 1 ? "query" : "queries",
                        OutputStage.DEFAULT_DELAY_MS);
                spec.commandLine().getErr().flush();
            }
            int keyCount = task.inputs().keys().length;
            OutputModel output = transmits ? new TransmittingOutput(Transmission.bundled(), rule.threshold(),
                    KeyPlacement.distancesUm(keyCount), seed)
                    : outputDelayMs != null ? new OutputStage(outputDelayMs) : fitted.orElseGet(OutputStage::defaults);
            double[] shifts = both ? biophysical.keyLagShiftsMs(task.inputs().keys().length) : new double[0];
            ReducedAttention model = new ReducedAttention(kernel, rule, output, shifts, pool);
            long start = System.nanoTime();
            List<QueryResult> reduced = model.run(task.inputs());
            double seconds = (System.nanoTime() - start) / 1e9;
            Map<String, Object> settings = new LinkedHashMap<>();
            settings.put("threshold", rule.threshold());
            settings.put("kernel_source", kernel.source());
            settings.put("output_delay_ms", output.delayMs());
            settings.put("output_stage", outputStage);
            settings.put("output_delay_source", transmits ? "the bundled transmission fit"
                    : outputDelayMs != null ? "--output-delay"
                    : fitted.isPresent() ? "fitted to the biophysical backend on these inputs"
                    : both ? "default placeholder: nothing to fit (no output spike after a selected key's value spike)"
                    : "default placeholder");
            settings.put("key_lag_shifts", both ? "the biophysical cell's (d_j - d0)" : "none");
            rows.add(report(task, vectors, rule.threshold(), pool, new BackendRun("reduced", reduced, output.delayMs(),
                    seconds, settings, both ? dir.resolve("reduced") : dir)));
            if (both) {
                rows.add(agreement(task, cell, reduced, dir));
            }
        }
        return rows;
    }

    /**
     * One backend's run over the task: its results, the output delay they were decoded with (ms), its wall time,
     * the settings its report records, and the folder it writes.
     */
    private record BackendRun(String name, List<QueryResult> results, double outputDelayMs, double seconds,
                              Map<String, Object> settings, Path dir) {
    }

    private AttentionGrid.Row report(RetrievalTask task, VectorTask vectors, double thresholdValue, int pool,
                                     BackendRun run) throws IOException {
        SoftmaxAttention softmax = new SoftmaxAttention(temperature,
                new RateBins(RateBins.DEFAULT_BIN_MS, Ellwood2024.CONTROL_MS));
        RetrievalMetrics m = RetrievalMetrics.of(task, run.results(), softmax, run.outputDelayMs());
        Map<String, Object> all = new LinkedHashMap<>(run.settings());
        all.put("softmax_temperature", temperature);
        all.put("backend_seconds", run.seconds());
        all.put("threads", pool);
        all.put(Provenance.KEY, Provenance.of("attention", inputFiles()));
        AttentionReport.of(run.name(), task, run.results(), m, all)
                .write(run.dir(), task, thresholdValue, vectors, run.outputDelayMs());
        int n = task.inputs().keys().length;
        double window = task.config().matchWindowS();
        spec.commandLine().getOut().printf(Locale.ROOT, "attention (%s): %d queries x %d keys, window %s s, in %.2f s"
                        + " on %d threads: top-1 %.3f, false selections/query %.3f, softmax similarity %.3f -> %s%n",
                run.name(), run.results().size(), n, window, run.seconds(), pool, m.top1Accuracy(),
                m.falseSelectionsPerQuery(), m.softmaxOutputSimilarity(), run.dir());
        return new AttentionGrid.Row(run.name(), n, window, task.config().jitterMs(), run.results().size(),
                m.top1Accuracy(), m.falseSelectionsPerQuery(), m.softmaxOutputSimilarity(), Double.NaN);
    }

    /** agreement.json: how often the reduced backend selects what the cell did. */
    private AttentionGrid.Row agreement(RetrievalTask task, List<QueryResult> cell, List<QueryResult> reduced,
                                        Path dir) throws IOException {
        BackendAgreement a = BackendAgreement.of(cell, reduced);
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("keys", task.inputs().keys().length);
        json.put("queries", cell.size());
        json.put("match_window_s", task.config().matchWindowS());
        json.put("same_selection_fraction", a.sameSelection());
        json.put("mean_jaccard", a.meanJaccard());
        json.put("same_top_key_fraction", a.sameTopKey());
        JsonFiles.write(dir.resolve("agreement.json"), json);
        spec.commandLine().getOut().printf(Locale.ROOT, "agreement: same selection %.3f, mean Jaccard %.3f, same top"
                + " key %.3f%n", a.sameSelection(), a.meanJaccard(), a.sameTopKey());
        return new AttentionGrid.Row("agreement", task.inputs().keys().length, task.config().matchWindowS(),
                task.config().jitterMs(), cell.size(), Double.NaN, Double.NaN, Double.NaN, a.sameSelection());
    }

    /**
     * The options that determine what this run writes, as given (after parsing), for a rerun into the same folder to
     * compare; the input files are compared by their SHA-256 instead, the threads and progress change nothing.
     */
    private Map<String, String> settings() {
        Map<String, String> s = new LinkedHashMap<>();
        s.put("--backend", backend);
        if (keys != null) {
            s.put("--keys", join(keys));
        }
        if (queries != null) {
            s.put("--queries", queries.toString());
        }
        s.put("--match-window", join(matchWindows));
        s.put("--jitter", join(jitters));
        s.put("--seed", Long.toString(seed));
        if (threshold != null) {
            s.put("--threshold", threshold.toString());
        }
        if (outputDelayMs != null) {
            s.put("--output-delay", outputDelayMs.toString());
        }
        if (TRANSMISSION.equals(outputStage)) {
            s.put("--output-stage", outputStage);
        }
        s.put("--max-rate-hz", Double.toString(maxRateHz));
        s.put("--temperature", Double.toString(temperature));
        if (!cell.isPaper()) {
            s.put("--model", cell.name() + " (sha256 " + cell.sha256() + ")");
            MorphologyDirOption.record(cell, s);
        }
        return s;
    }

    private static String join(List<?> values) {
        return values.stream().map(Object::toString).collect(Collectors.joining(","));
    }

    /** The files this run read, by role, for the provenance in summary.json. */
    private Map<String, Path> inputFiles() {
        Map<String, Path> files = new LinkedHashMap<>();
        if (queriesNpy != null) {
            files.put("queries_npy", queriesNpy);
            files.put("keys_npy", keysNpy);
            files.put("values_npy", valuesNpy);
        }
        if (kernelOption.given() && !"biophysical".equals(backend)) {
            files.put("kernel", kernelOption.file());
        }
        if (!"reduced".equals(backend)) {
            Path delays = bapDelaysPath == null ? out.resolve(BapDelays.FILE)
                    : Files.isDirectory(bapDelaysPath) ? bapDelaysPath.resolve(BapDelays.FILE) : bapDelaysPath;
            files.put("bap_delays", delays);
        }
        return files;
    }

    /** The bAP delays: --bap-delays, else DIR's cached copy, else a Figure 2B run into DIR/fig2b. */
    private BapDelays bapDelays() throws IOException {
        Path cache = out.resolve(BapDelays.FILE);
        if (bapDelaysPath != null) {
            return BapDelays.read(CellPoints.delaysFile(bapDelaysPath), cell.spineCount());
        }
        if (Files.isRegularFile(cache)) {
            return BapDelays.read(cache, cell.spineCount());
        }
        Path fig2b = out.resolve(Fig2bBapDelays.PANEL);
        spec.commandLine().getOut().println("No bAP delays given: measuring them first (fig2b) in " + fig2b);
        spec.commandLine().getOut().flush();
        int pool = threads.count();
        Fig2bBapDelays.Result r = Fig2bBapDelays.run(cell, Fig2bBapDelays.Config.paper(),
                TrialRunner.inDirectory(fig2b, pool, quiet.progressTo(spec.commandLine().getErr()),
                        System.console() != null));
        Ellwood2024.recordModel(Fig2bBapDelays.write(cell, r, fig2b), cell, fig2b);
        Files.createDirectories(out);
        r.delays().write(cache);
        return r.delays();
    }
}
