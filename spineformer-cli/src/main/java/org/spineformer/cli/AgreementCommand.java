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
import org.spineformer.attention.QueryResult;
import org.spineformer.attention.compare.AgreementEstimates;
import org.spineformer.attention.compare.RateBins;
import org.spineformer.attention.reduced.OutputStage;
import org.spineformer.attention.reduced.ScoreKernel;
import org.spineformer.attention.reduced.Transmission;
import org.spineformer.attention.reduced.TransmittingOutput;
import org.spineformer.cell.CellParameters;
import org.spineformer.experiments.ellwood2024.BapDelays;
import org.spineformer.experiments.ellwood2024.Ellwood2024;
import org.spineformer.io.OutputFolder;
import org.spineformer.io.Provenance;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code spineformer attention agreement}: the reduced backend against the cell on identical inputs, over a grid of
 * keys and match windows, with standard errors.
 */
@Command(name = "agreement", mixinStandardHelpOptions = true, versionProvider = VersionCommand.Provider.class,
        description = {
            "The reduced backend (fitted kernel and transmission) against the cell on identical inputs: per",
            "point (keys x match window) the fraction of queries with the same selected set, the Jaccard index,",
            "the same top key, the cosine of the binned output rates and the fraction of output spikes matched",
            "within a tolerance, each with its standard error. Runs (or resumes) one cell trial per query.",
            "Writes agreement.csv, agreement.json, agreement_queries.csv and plots. See docs/user/attention.md."})
final class AgreementCommand implements Callable<Integer> {
    /** Spikes this close match by default (ms): the scale of the output delay's spread. */
    static final double DEFAULT_TOLERANCE_MS = 5;

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Option(names = "--keys", paramLabel = "N", split = ",", defaultValue = "10,50,150",
            description = "Keys per point, comma-separated; default ${DEFAULT-VALUE}.")
    private List<Integer> keys;

    @Option(names = "--match-window", paramLabel = "S", split = ",", defaultValue = "0.5,1,2",
            description = "Match windows (s), comma-separated; default ${DEFAULT-VALUE}.")
    private List<Double> windows;

    @Option(names = "--queries", paramLabel = "M", defaultValue = "10",
            description = "Queries (cell trials) per point and seed; default ${DEFAULT-VALUE}.")
    private int queries;

    @Option(names = "--seeds", paramLabel = "S", split = ",", defaultValue = "0",
            description = "Seeds, comma-separated: each draws its own keys, values and queries, and a point pools "
                    + "the queries of all; default ${DEFAULT-VALUE}.")
    private List<Long> seeds;

    @Option(names = "--match-tolerance", paramLabel = "MS", defaultValue = "5",
            description = "Two output spikes at most this far apart match (ms); default ${DEFAULT-VALUE}.")
    private double toleranceMs;

    @Option(names = "--bin", paramLabel = "MS", defaultValue = "20",
            description = "Bin width of the output rates' cosine (ms); default ${DEFAULT-VALUE}.")
    private double binMs;

    @Mixin
    private KernelOption kernelOption;

    @Option(names = "--transmission", paramLabel = "PATH",
            description = "An 'attention transmission' output folder (or its transmission.json); default: the "
                    + "bundled fit.")
    private Path transmissionPath;

    @Option(names = "--bap-delays", paramLabel = "PATH", required = true,
            description = "The cell's bAP delays: a fig2b output folder or its " + BapDelays.FILE + ".")
    private Path bapDelaysPath;

    @Option(names = "--finished-only",
            description = "Run no cell trial: per point, pool only the seeds whose queries are all recorded already "
                    + "(a run under way or stopped); points without one are left out.")
    private boolean finishedOnly;

    @Mixin
    private ThreadsOption threads;

    @Mixin
    private QuietOption quiet;

    @Option(names = "--out", paramLabel = "DIR", required = true, description = "Output folder.")
    private Path out;

    @Override
    public Integer call() throws IOException {
        CellPoints.check(keys, windows, queries);
        OptionChecks.nonNegative("--match-tolerance", toleranceMs);
        OptionChecks.positive("--bin", binMs);
        threads.check();
        if (seeds.stream().distinct().count() != seeds.size()) {
            throw new IllegalArgumentException("--seeds = " + seeds + ": a seed given twice would count its queries"
                    + " twice");
        }
        Map<String, Path> inputs = inputFiles();
        if (transmissionPath != null && !Files.isRegularFile(inputs.get("transmission"))) {
            throw new IllegalArgumentException("--transmission " + transmissionPath + ": no " + Transmission.RESOURCE
                    + " there (run 'spineformer attention transmission' first)");
        }
        kernelOption.check();
        OutputFolder.claim(out, "--out", "attention agreement", inputs);
        ScoreKernel kernel = kernelOption.read();
        Transmission transmission = transmissionPath == null ? Transmission.bundled()
                : Transmission.read(transmissionPath);
        BapDelays delays = BapDelays.read(inputs.get("bap_delays"), CellParameters.paper().spineCount());
        int pool = threads.count();
        PrintWriter err = quiet.progressTo(spec.commandLine().getErr());
        RateBins bins = new RateBins(binMs, Ellwood2024.CONTROL_MS);
        List<AgreementReport.Row> rows = new ArrayList<>();
        List<AgreementReport.Query> perQuery = new ArrayList<>();
        Map<String, List<Long>> pooledSeeds = new LinkedHashMap<>();
        for (double w : windows) {
            for (int n : keys) {
                List<QueryResult> cell = new ArrayList<>();
                List<QueryResult> reduced = new ArrayList<>();
                List<QueryResult> copy = new ArrayList<>();
                List<Long> pooled = new ArrayList<>();
                for (long seed : seeds) {
                    Optional<CellPoints.Point> finished = finishedOnly
                            ? CellPoints.finished(out, n, w, seed, queries, delays)
                            : Optional.of(CellPoints.run(out, n, w, seed, queries, delays, pool, err));
                    if (finished.isEmpty()) {
                        continue;
                    }
                    CellPoints.Point p = finished.get();
                    pooled.add(seed);
                    TransmittingOutput stage = new TransmittingOutput(transmission, p.rule().threshold(),
                            p.distancesUm(), seed);
                    List<QueryResult> r = p.reduced(kernel, stage, pool);
                    cell.addAll(p.cell());
                    reduced.addAll(r);
                    copy.addAll(p.reduced(kernel, new OutputStage(transmission.delayMs()), pool));
                    for (int i = 0; i < r.size(); i++) {
                        perQuery.add(new AgreementReport.Query(n, w, seed, i, p.task().sources()[i], p.cell().get(i),
                                r.get(i)));
                    }
                }
                if (pooled.isEmpty()) { // only with --finished-only
                    spec.commandLine().getOut().printf(Locale.ROOT, "keys %d, window %s s: no seed with all %d"
                            + " queries recorded; left out%n", n, w, queries);
                    continue;
                }
                pooledSeeds.put(String.format(Locale.ROOT, "keys=%d,window=%s", n, w), pooled);
                AgreementEstimates e = AgreementEstimates.of(cell, reduced, bins, toleranceMs);
                AgreementEstimates c = AgreementEstimates.of(cell, copy, bins, toleranceMs);
                rows.add(new AgreementReport.Row(n, w, e, c, meanSpikes(cell), meanSpikes(reduced), meanSpikes(copy),
                        meanSelected(cell), meanSelected(reduced)));
                spec.commandLine().getOut().printf(Locale.ROOT, "keys %d, window %s s, %d queries: same selection "
                                + "%.3f, Jaccard %.3f, top key %.3f, output cosine %.3f, spikes matched %.3f%n", n, w,
                        e.queries(), e.sameSelection().mean(), e.jaccard().mean(), e.sameTopKey().mean(),
                        e.outputCosine().mean(), e.matchedSpikes().mean());
                spec.commandLine().getOut().flush();
            }
        }
        if (rows.isEmpty()) {
            throw new IllegalArgumentException("--finished-only: no point in " + out + " has a seed with all "
                    + queries + " queries recorded; nothing to measure");
        }
        Files.createDirectories(out);
        Map<String, Object> settings = settings(kernel, transmission, pool);
        if (finishedOnly) {
            settings.put("finished_only", true);
            settings.put("seeds_pooled", pooledSeeds);
        }
        AgreementReport.write(out, rows, perQuery, bins, toleranceMs, settings);
        spec.commandLine().getOut().println("-> " + out);
        return 0;
    }

    private static double meanSpikes(List<QueryResult> results) {
        return results.stream().mapToInt(r -> r.output().length).average().orElse(Double.NaN);
    }

    private static double meanSelected(List<QueryResult> results) {
        return results.stream().mapToInt(r -> r.selected().length).average().orElse(Double.NaN);
    }

    private Map<String, Object> settings(ScoreKernel kernel, Transmission transmission, int pool) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("command_line", "spineformer " + String.join(" ", spec.root().commandLine().getParseResult()
                .originalArgs()));
        s.put("keys", keys);
        s.put("match_windows_s", windows);
        s.put("queries_per_seed", queries);
        s.put("seeds", seeds);
        s.put("jitter_ms", 0.0);
        s.put("match_tolerance_ms", toleranceMs);
        s.put("bin_ms", binMs);
        s.put("kernel_source", kernel.source());
        s.put("transmission_source", transmission.source());
        s.put("threads", pool);
        s.put(Provenance.KEY, Provenance.of("attention agreement", inputFiles()));
        return s;
    }

    private Map<String, Path> inputFiles() {
        Map<String, Path> files = new LinkedHashMap<>();
        files.put("bap_delays", CellPoints.delaysFile(bapDelaysPath));
        if (kernelOption.given()) {
            files.put("kernel", kernelOption.file());
        }
        if (transmissionPath != null) {
            files.put("transmission", Files.isDirectory(transmissionPath)
                    ? transmissionPath.resolve(Transmission.RESOURCE) : transmissionPath);
        }
        return files;
    }
}
