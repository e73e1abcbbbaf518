package org.spineformer.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.spineformer.io.OutputFolder;
import org.spineformer.io.Provenance;
import org.spineformer.io.json.JsonFiles;
import org.spineformer.io.plot.Plots;
import org.spineformer.model.protocol.Protocol;
import org.spineformer.model.protocol.ProtocolRun;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code spineformer simulate MODEL --protocol P [--mod DIR]... --out DIR}: any cell description over time. */
@Command(name = "simulate", description = {
        "Run a cell description (a file or a bundled one) through a protocol: stimuli, recordings, v_init, tstop, "
                + "dt, celsius (docs/user/protocol-format.md).",
        "Writes DIR/result.json (soma spike times, provenance with the SHA-256 of every input file), "
                + "DIR/traces.csv.gz, DIR/traces.npz and DIR/voltages.png."})
final class SimulateCommand implements Callable<Integer> {
    static final String RESULT = "result.json";
    static final String TRACES_CSV = "traces.csv.gz";
    static final String TRACES_NPZ = "traces.npz";
    static final String PLOT = "voltages.png";
    /** What result.json's provenance says made the folder. */
    static final String OUTPUT = "simulate";

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Parameters(paramLabel = "MODEL", description = "A description file (.json; or a "
            + "spineformer-allen-fit/1 file naming an Allen fit.json and its morphology) or a bundled description: "
            + "ellwood2024, hay2011_l5pc, migliore2018_ca1, allen_scnn1a.")
    private String model;

    @Option(names = "--protocol", required = true, paramLabel = "P", description = "A protocol file (.json), or the "
            + "name of a bundled protocol of a bundled MODEL (hay2011_l5pc: bac_firing, bac_firing_celsius34, "
            + "step_0p3, step_0p45, step_1p507; allen_scnn1a: step_0p05, step_0p08, step_0p3; migliore2018_ca1: "
            + "fig4a_0p8, step_0p2, step_0p4, step_1p2).")
    private String protocolName;

    @Option(names = "--mod", paramLabel = "DIR", description = "Compile the .mod files of this folder (repeatable) "
            + "and use them (a compiled mechanism named like a built-in replaces it). A file that does not compile "
            + "is skipped, said on the console, when neither the model nor the protocol uses its mechanism, and is "
            + "an error (exit code 2) when one does.")
    private List<Path> modDirs = List.of();

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output folder (created if needed).")
    private Path out;

    @Option(names = "--morphology-dir", paramLabel = "DIR", defaultValue = ".", description = "Where a bundled "
            + "description's morphology file is (default: the current directory).")
    private Path morphologyDir;

    @Option(names = "--spike-threshold", paramLabel = "MV", description = "Somatic spikes are the local maxima of "
            + "soma v above this (mV), on the trace of every step; overrides the protocol's spike_threshold_mV "
            + "(default 0).")
    private Double spikeThreshold;

    @Option(names = "--no-tables", description = "Evaluate every mechanism's rate functions exactly: no TABLE "
            + "interpolation (NEURON's usetable_<suffix> = 0 for every mod file), no tables of v for compiled cnexp "
            + "gates, no rate tables in the hand-written kernels.")
    private boolean noTables;

    @Mixin
    private QuietOption quiet;

    @Override
    public Integer call() throws IOException {
        OutputFolder.checkWritable(out, "--out");
        PrintWriter o = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        ModelInputs in = ModelInputs.read(model, protocolName, modDirs, morphologyDir, spikeThreshold, o, err);
        if (in == null) {
            return 2;
        }
        ProtocolRun prepared = in.prepare();
        if (noTables) {
            prepared.simulation().setUseTables(false);
        }
        Map<String, Path> inputs = in.inputFiles();
        Map<String, Map<String, Object>> bundled = in.bundledInputs();
        OutputFolder.claim(out, "--out", OUTPUT, inputs);
        refuseOtherBundledInputs(bundled);
        Protocol protocol = in.protocol();
        ProtocolRun.Result r = quiet.withProgress(err, "simulated ms", protocol.tstopMs(), prepared::run);
        TraceFiles.writeCsvGz(out.resolve(TRACES_CSV), r.columns(), r.traces());
        TraceFiles.writeNpz(out.resolve(TRACES_NPZ), r.columns(), r.traces());
        writePlot(out.resolve(PLOT), r, in.cell().name());
        Map<String, Object> provenance = Provenance.of(OUTPUT, inputs);
        @SuppressWarnings("unchecked") // Provenance.of's inputs: role -> {path, sha256}
        Map<String, Object> recorded = (Map<String, Object>) provenance.get(Provenance.INPUTS);
        recorded.putAll(bundled);
        writeResult(out.resolve(RESULT), r, in.cell().name(), protocol, !noTables, provenance);
        o.printf("%d somatic spikes; %.1f s wall for %s ms simulated; wrote %s%n", r.somaSpikeTimesMs().length,
                r.wallSeconds(), protocol.tstopMs(), out);
        o.flush();
        return 0;
    }

    /**
     * {@link OutputFolder#claim} compares the input files with those result.json records; a bundled description or
     * protocol (no file) is compared here the same way, so that a folder holds one run's outputs.
     */
    private void refuseOtherBundledInputs(Map<String, Map<String, Object>> bundled) throws IOException {
        Path result = out.resolve(RESULT);
        if (bundled.isEmpty() || !Files.isRegularFile(result)) {
            return;
        }
        JsonNode recorded = new ObjectMapper().readTree(result.toFile()).path(Provenance.KEY).path(Provenance.INPUTS);
        for (Map.Entry<String, Map<String, Object>> e : bundled.entrySet()) {
            JsonNode was = recorded.path(e.getKey());
            String sha = was.path("sha256").asText(null);
            if (sha != null && !sha.equals(e.getValue().get("sha256"))) {
                throw new IllegalArgumentException("--out " + out + " holds the outputs of '" + OUTPUT
                        + "' on another " + e.getKey() + " (" + was.path("path").asText() + " with SHA-256 " + sha
                        + ", not " + e.getValue().get("path") + "); choose another --out");
            }
        }
    }

    private static void writeResult(Path file, ProtocolRun.Result r, String cellName, Protocol protocol,
                                    boolean rateTables, Map<String, Object> provenance) throws IOException {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("model", cellName);
        json.put("soma_spike_times_ms", r.somaSpikeTimesMs());
        json.put("spike_site", r.spikeSite());
        json.put("spike_threshold_mV", protocol.spikeThresholdMv());
        json.put("tstop_ms", protocol.tstopMs());
        json.put("dt_ms", protocol.dtMs());
        json.put("v_init_mV", r.vInitMv());
        json.put("celsius", r.celsius());
        json.put("rate_tables", rateTables); // false with --no-tables: every rate function evaluated exactly
        json.put("columns", r.columns());
        json.put("wall_seconds", r.wallSeconds());
        json.put(Provenance.KEY, provenance);
        JsonFiles.write(file, json); // non-finite numbers as null
    }

    /** The recorded voltages (columns v:...) against time, one line each; no file when none is recorded. */
    private static void writePlot(Path file, ProtocolRun.Result r, String cellName) throws IOException {
        List<Plots.Series> series = new ArrayList<>();
        for (int c = 1; c < r.columns().size(); c++) {
            if (r.columns().get(c).startsWith("v:")) {
                series.add(new Plots.Series(r.columns().get(c), r.traces().get(0), r.traces().get(c)));
            }
        }
        if (series.isEmpty()) {
            Files.deleteIfExists(file); // an earlier run's, which this one did not record
            return;
        }
        Plots.writePng(file, Plots.lines(cellName, "t (ms)", "v (mV)", series, true));
    }
}
