package org.spineformer.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.spineformer.cell.CellModel;
import org.spineformer.cell.CellParameters;
import org.spineformer.cell.PyramidalCell;
import org.spineformer.cell.replay.Replay;
import org.spineformer.cell.replay.Stimulus;
import org.spineformer.cell.replay.StimulusReader;
import org.spineformer.io.json.JsonFiles;
import org.spineformer.io.OutputFolder;
import org.spineformer.io.Provenance;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code spineformer replay}: the paper's cell, or any spiny cell description, on an explicit stimulus file. */
@Command(name = "replay", description = {
        "Run the paper's cell (or --model's) on an explicit stimulus (presynaptic spike times per spine, somatic pulses).",
        "Writes DIR/result.json and, when anything is recorded, DIR/traces.csv.gz.",
        "The stimulus format is documented in docs/user/stimulus-format.md."})
final class ReplayCommand implements Callable<Integer> {
    static final String RESULT = "result.json";
    static final String TRACES = "traces.csv.gz";
    /** The stimulus file's role in the provenance. */
    static final String STIMULUS = "stimulus";

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Parameters(paramLabel = "STIMULUS.json", description = "The stimulus file.")
    private Path stimulusFile;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output folder (created if needed).")
    private Path out;

    @Option(names = "--record", paramLabel = "SPEC", description = {"More columns to record: v:<section>(<x>), "
            + "v:spine_<k>_head, cai:spine_<k>, g_dynamic:spine_<k>, g_dynamic_delayed:spine_<k>. Repeatable."})
    private List<String> record = List.of();

    @Option(names = "--spine-peaks", description = "Also find every spine head's voltage peak time.")
    private boolean spinePeaks;

    @Mixin
    private QuietOption quiet;

    @Option(names = "--model", paramLabel = "MODEL",
            description = "The cell: a cell description file with an \"experiment\" part, or a bundled description's"
                    + " name; default: the paper's. Pulses go to its query site, spikes are read at its spike site; a"
                    + " stimulus without celsius or iclamp runs at its temperature and with its query pulses.")
    private String model;

    @Mixin
    private MorphologyDirOption morphologyDir;

    @Override
    public Integer call() throws IOException {
        if (!Files.isRegularFile(stimulusFile)) {
            throw new IllegalArgumentException(stimulusFile + ": no such file");
        }
        CellModel cell = morphologyDir.load(model);
        // what the stimulus does not give (celsius, the pulses' amplitude and duration) is the cell's: the paper's
        // 37 degC and 4 nA for 1 ms, a description's celsius and experiment.query
        Stimulus stim = StimulusReader.read(stimulusFile, cell.spineCount(), cell.stimulusDefaults());
        try {
            Replay.requireTracesFit(stim, record, Runtime.getRuntime().maxMemory());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(stimulusFile + ": " + e.getMessage());
        }
        OutputFolder.claim(out, "--out", "replay", Map.of(STIMULUS, stimulusFile));
        PrintWriter err = spec.commandLine().getErr();
        // the paper's cell as it always ran (its outputs byte-identical), any other through its model
        Replay.Result r = quiet.withProgress(err, "simulated ms", stim.tstopMs(), progress -> cell.isPaper()
                ? Replay.run(stim, CellParameters.paper(), record, spinePeaks, progress)
                : Replay.run(stim, cell, record, spinePeaks, progress));
        if (r.traceNames().isEmpty()) {
            Files.deleteIfExists(out.resolve(TRACES)); // an earlier replay's, which this one did not record
        } else {
            writeTraces(out.resolve(TRACES), r);
        }
        writeResult(out.resolve(RESULT), r, "replay", Map.of(STIMULUS, stimulusFile), cell, stim.celsius());
        PrintWriter o = spec.commandLine().getOut();
        o.printf("%d somatic spikes; %.1f s wall for %.0f ms simulated; wrote %s%n", r.somaSpikeTimesMs().length,
                r.wallSeconds(), stim.tstopMs(), out);
        o.flush();
        return 0;
    }

    /** result.json, with the provenance of the run and the SHA-256 of its {@code inputs}. */
    static void writeResult(Path file, Replay.Result r, String command, Map<String, Path> inputs) throws IOException {
        writeResult(file, r, command, inputs, CellModel.paper(), PyramidalCell.CELSIUS);
    }

    /**
     * As above; a cell other than the paper's is named ({@code model}, {@code model_sha256}, and
     * {@code morphology_sha256} when it reads a morphology file) as reproduce's run.json does, with the temperature
     * it ran at ({@code celsius}, the stimulus's or the description's: the two may differ). The paper's cell's
     * result keeps its keys (byte-identical outputs).
     */
    static void writeResult(Path file, Replay.Result r, String command, Map<String, Path> inputs, CellModel cell,
                            double celsius) throws IOException {
        ObjectNode json = new ObjectMapper().createObjectNode();
        if (!cell.isPaper()) {
            json.put("model", cell.source());
            json.put("model_sha256", cell.sha256());
            if (cell.morphologySha256() != null) {
                json.put("morphology_sha256", cell.morphologySha256());
            }
            json.put("celsius", celsius);
        }
        json.putPOJO("soma_spike_times_ms", r.somaSpikeTimesMs());
        json.putPOJO("final_g_dynamic", r.finalGDynamic());
        if (r.finalGDynamicDelayed() != null) {
            json.putPOJO("final_g_dynamic_delayed", r.finalGDynamicDelayed());
        }
        if (r.spineVPeakTimeMs() != null) {
            json.putPOJO("spine_v_peak_time_ms", r.spineVPeakTimeMs());
        }
        json.put("wall_seconds", r.wallSeconds());
        json.putPOJO(Provenance.KEY, Provenance.of(command, inputs));
        JsonFiles.write(file, json); // non-finite numbers as null
    }

    static void writeTraces(Path file, Replay.Result r) throws IOException {
        TraceFiles.writeCsvGz(file, r.traceNames(), r.traces());
    }
}
