package org.spineformer.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.spineformer.attention.reduced.LogisticRegression;
import org.spineformer.attention.reduced.OutputStage;
import org.spineformer.attention.reduced.ScoreKernel;
import org.spineformer.attention.reduced.Transmission;
import org.spineformer.attention.reduced.TransmissionFit;
import org.spineformer.cell.CellParameters;
import org.spineformer.experiments.ellwood2024.BapDelays;
import org.spineformer.io.OutputFolder;
import org.spineformer.io.Provenance;
import org.spineformer.io.json.JsonFiles;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code spineformer attention transmission}: fits the reduced backend's transmission per selected key to the cell's
 * match-and-control trials.
 */
@Command(name = "transmission", mixinStandardHelpOptions = true, versionProvider = VersionCommand.Provider.class,
        description = {
            "Fits the reduced backend's output stage to the cell: the probability that a selected key's value",
            "spike drives an output spike (within 0-20 ms, Figure 5's pairing), logistic in the key's score",
            "relative to the threshold and its spines' distance along the branch, and the delay. Runs (or",
            "resumes) one cell trial per query of each point. Writes transmission.json (read by --transmission",
            "of 'attention agreement'; the library bundles one). See docs/user/attention.md."})
final class TransmissionCommand implements Callable<Integer> {
    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Option(names = "--keys", paramLabel = "N", split = ",", defaultValue = "10,50,150",
            description = "Keys per trial, comma-separated; default ${DEFAULT-VALUE}.")
    private List<Integer> keys;

    @Option(names = "--match-window", paramLabel = "S", split = ",", defaultValue = "0.5,1,2",
            description = "Match windows (s), comma-separated; default ${DEFAULT-VALUE}.")
    private List<Double> windows;

    @Option(names = "--queries", paramLabel = "M", defaultValue = "4",
            description = "Queries (cell trials) per point; default ${DEFAULT-VALUE}.")
    private int queries;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "1000",
            description = "Seed; default ${DEFAULT-VALUE} (apart from 'attention agreement''s seeds).")
    private long seed;

    @Mixin
    private KernelOption kernelOption;

    @Option(names = "--bap-delays", paramLabel = "PATH", required = true,
            description = "The cell's bAP delays: a fig2b output folder or its " + BapDelays.FILE + ".")
    private Path bapDelaysPath;

    @Mixin
    private ThreadsOption threads;

    @Mixin
    private QuietOption quiet;

    @Option(names = "--out", paramLabel = "DIR", required = true, description = "Output folder.")
    private Path out;

    @Override
    public Integer call() throws IOException {
        CellPoints.check(keys, windows, queries);
        threads.check();
        Map<String, Path> inputs = inputFiles();
        kernelOption.check();
        OutputFolder.claim(out, "--out", "attention transmission", inputs);
        ScoreKernel kernel = kernelOption.read();
        BapDelays delays = BapDelays.read(inputs.get("bap_delays"), CellParameters.paper().spineCount());
        int pool = threads.count();
        PrintWriter err = quiet.progressTo(spec.commandLine().getErr());
        TransmissionFit fit = new TransmissionFit();
        for (double w : windows) {
            for (int n : keys) {
                CellPoints.Point p = CellPoints.run(out, n, w, seed, queries, delays, pool, err);
                fit.add(p.task().inputs(), p.cell(), p.reduced(kernel, OutputStage.defaults(), pool),
                        p.rule().threshold(), p.distancesUm());
            }
        }
        Transmission t = fit.fit(out.resolve(Transmission.RESOURCE).toString());
        LogisticRegression r = fit.regression();
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("model", "P(value spike drives an output spike within 0-20 ms) = 1 / (1 + exp(-(b0 + b1 "
                + "relative_score + b2 distance_um))), relative_score = s / threshold - 1 with s the reduced "
                + "backend's score of the key, distance_um its spines' mean distance along their branch");
        json.put("predictors", Transmission.PREDICTORS);
        json.put("coefficients", t.coefficients());
        json.put("standard_errors", t.standardErrors());
        json.put("delay_ms", t.delayMs());
        json.put("samples", t.samples());
        json.put("transmitted", fit.transmitted());
        json.put("log_likelihood", r.logLikelihood());
        Map<String, Object> trials = new LinkedHashMap<>();
        trials.put("protocol", "attention --backend biophysical trials (Figures 4-5 match-and-control): "
                + "6 Hz keys and values, each query a key's train, no jitter");
        trials.put("keys", keys);
        trials.put("match_windows_s", windows);
        trials.put("queries_per_point", queries);
        trials.put("seed", seed);
        trials.put("cell_trials", queries * keys.size() * windows.size());
        json.put("trials", trials);
        json.put("kernel_source", kernel.source());
        json.put("date", LocalDate.now(ZoneOffset.UTC).toString());
        json.put("command_line", "spineformer " + String.join(" ", spec.root().commandLine().getParseResult()
                .originalArgs()));
        json.put(Provenance.KEY, Provenance.of("attention transmission", inputs));
        Files.createDirectories(out);
        JsonFiles.write(out.resolve(Transmission.RESOURCE), json);
        spec.commandLine().getOut().printf(Locale.ROOT, "transmission: %d of %d value spikes transmitted; b0 = %.3f"
                        + " +- %.3f, relative score %.3f +- %.3f, distance %.5f +- %.5f /um; delay %.2f ms -> %s%n",
                fit.transmitted(), t.samples(), t.coefficients()[0], t.standardErrors()[0], t.coefficients()[1],
                t.standardErrors()[1], t.coefficients()[2], t.standardErrors()[2], t.delayMs(),
                out.resolve(Transmission.RESOURCE));
        return 0;
    }

    private Map<String, Path> inputFiles() {
        Map<String, Path> files = new LinkedHashMap<>();
        files.put("bap_delays", CellPoints.delaysFile(bapDelaysPath));
        if (kernelOption.given()) {
            files.put("kernel", kernelOption.file());
        }
        return files;
    }
}
