package org.spineformer.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.spineformer.cell.CellParameters;
import org.spineformer.cell.replay.BundledStimuli;
import org.spineformer.cell.replay.Replay;
import org.spineformer.cell.replay.Stimulus;
import org.spineformer.engine.mech.Catalogue;
import org.spineformer.engine.simd.Simd;
import org.spineformer.io.OutputFolder;
import org.spineformer.io.Provenance;
import org.spineformer.io.json.JsonFiles;
import org.spineformer.model.protocol.ProtocolRun;
import org.spineformer.nmodl.PaperModFiles;
import org.spineformer.nmodl.gen.NmodlMechanism;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code spineformer bench}: the paper's cell through the bundled {@code control_1s} trial (3 s simulated), timed,
 * next to NEURON's time for the same run: recorded with the reference data, given, or measured in the same run by
 * a command that runs NEURON, interleaved with the timed runs so that both see the same machine (a shared VM's
 * speed drifts by 10-20% over minutes). With {@code --model}, any cell description and protocol instead.
 */
@Command(name = "bench", description = {
        "Time the paper's cell on the bundled control_1s trial (3 s simulated) and compare with NEURON 8.2.2.",
        "With --trials, also run that many trials on --threads threads and report trials per minute, seconds per "
                + "simulated second per trial and the ratio to NEURON, per machine and per core.",
        "With --compiled, also time the cell with its mechanisms compiled from the project's mod files.",
        "With --lanes L, each run replays L copies of the trial (or of --model's protocol) as trials in vector lanes "
                + "(times per trial).",
        "With --model MODEL --protocol P [--mod DIR]..., time any cell description through a protocol instead, as "
                + "simulate runs it."})
final class BenchCommand implements Callable<Integer> {
    /**
     * NEURON 8.2.2's wall time for control_1s recorded with the reference data (result.json), on one core of the
     * machine the reference was made on: the comparison's default when NEURON was not timed on this machine.
     */
    static final double RECORDED_NEURON_SECONDS = 96.2;
    /** Segments (compartments) of the paper's cell. */
    static final int COMPARTMENTS = 5021;

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Option(names = "--repeat", defaultValue = "3", description = "Single-thread repetitions (default ${DEFAULT-VALUE}).")
    private int repeat;

    @Option(names = "--warmup", defaultValue = "1", description = "Untimed runs first, for the JIT (default ${DEFAULT-VALUE}).")
    private int warmup;

    @Option(names = "--trials", defaultValue = "0", description = "Trials for the throughput run (0: none).")
    private int trials;

    @Option(names = "--threads", description = "Threads for the throughput run (default: all cores).")
    private Integer threads;

    @Option(names = "--lanes", paramLabel = "L", description = "Trials in lanes: each run of the paper's cell "
            + "(the timed runs, with --compiled also the compiled ones, and the --trials run) replays L copies of "
            + "control_1s in one simulation, and times are given per trial; with --model, each run is L copies of the "
            + "protocol; 0: the JVM's preferred vector length. Default: the timed runs one trial each, the --trials "
            + "run in groups of the preferred vector length when --trials is a multiple of it.")
    private Integer lanes;

    @Option(names = "--out", paramLabel = "DIR", description = "Write DIR/bench.json.")
    private Path out;

    @Option(names = "--neuron-seconds", paramLabel = "S", description =
            "NEURON's wall time for the same control_1s run, timed on this machine (its run alone, no build); "
            + "default: the " + RECORDED_NEURON_SECONDS + " s recorded with the reference data on another machine.")
    private Double neuronSeconds;

    @Option(names = "--neuron-command", paramLabel = "CMD", description =
            "A shell command that runs NEURON on the same control_1s trial (with --model: the same protocol) and "
            + "prints, as the last line of its standard output, its run's seconds (initialization and run, not "
            + "building the model), optionally followed by its CPU seconds over the same run. It runs once before "
            + "each timed run, and the comparison uses the median of its times (with --model and CPU seconds, also "
            + "the ratio of the CPU medians).")
    private String neuronCommand;

    @Option(names = "--compiled", description = "Also time the cell with the project's mod files for its 12 "
            + "mechanisms (all but pas) compiled in place of the hand-written kernels: each timed run of the "
            + "hand-written cell is followed by one of the compiled cell, and their medians are compared.")
    private boolean compiled;

    @Option(names = "--model", paramLabel = "MODEL", description = "Time this cell description (a file, an Allen "
            + "fit pair file as simulate takes, or a bundled one: hay2011_l5pc, migliore2018_ca1, allen_scnn1a, "
            + "ellwood2024) through --protocol instead of the paper's control_1s trial, as simulate runs it.")
    private String model;

    @Option(names = "--protocol", paramLabel = "P", description = "With --model: a protocol file (.json) or a bundled "
            + "protocol of a bundled MODEL (see simulate).")
    private String protocolName;

    @Option(names = "--mod", paramLabel = "DIR", description = "With --model: compile the .mod files of this folder "
            + "(repeatable), as simulate does.")
    private List<Path> modDirs = List.of();

    @Option(names = "--no-tables", description = "With --model: every rate function evaluated exactly, as "
            + "simulate --no-tables.")
    private boolean noTables;

    @Option(names = "--morphology-dir", paramLabel = "DIR", defaultValue = ".", description = "With --model: where a "
            + "bundled description's morphology file is (default: the current directory).")
    private Path morphologyDir;

    @Override
    public Integer call() throws Exception {
        if (repeat < 1 || warmup < 0 || trials < 0 || (threads != null && threads < 1)) {
            throw new IllegalArgumentException("--repeat must be >= 1, --warmup, --trials >= 0, --threads >= 1");
        }
        if (neuronSeconds != null && !(neuronSeconds > 0 && Double.isFinite(neuronSeconds))) {
            throw new IllegalArgumentException("--neuron-seconds must be a positive number of seconds, was "
                    + neuronSeconds);
        }
        if (neuronSeconds != null && neuronCommand != null) {
            throw new IllegalArgumentException("give --neuron-seconds or --neuron-command, not both");
        }
        if ((model == null) != (protocolName == null)) {
            throw new IllegalArgumentException("--model and --protocol go together: give both, or neither to time the"
                    + " paper's cell on control_1s");
        }
        if (model == null && !modDirs.isEmpty()) {
            throw new IllegalArgumentException("--mod needs --model and --protocol");
        }
        if (model == null && noTables) {
            throw new IllegalArgumentException("--no-tables needs --model and --protocol");
        }
        if (model != null && (trials > 0 || compiled)) {
            throw new IllegalArgumentException("--trials and --compiled time the paper's cell only; not with --model");
        }
        if (lanes != null && lanes < 0) {
            throw new IllegalArgumentException("--lanes must be >= 0 (0: the preferred vector length), was " + lanes);
        }
        int laneCount = lanes == null ? 1 : lanes == 0 ? Simd.preferredLanes() : lanes;
        if (trials % laneCount != 0) {
            throw new IllegalArgumentException("--trials " + trials + " must be a multiple of --lanes (" + laneCount
                    + "): the trials run in groups of that many lanes");
        }
        int throughputLanes = lanes != null ? laneCount : defaultThroughputLanes(trials);
        if (model != null) {
            return benchModel(laneCount);
        }
        if (out != null) {
            OutputFolder.claim(out, "--out", "bench", Map.of());
        }
        CellParameters params = CellParameters.paper();
        Stimulus stim = BundledStimuli.load(BundledStimuli.CONTROL_FAILED, params.spineCount());
        double simulatedSeconds = stim.tstopMs() / 1000;
        long steps = Math.round(stim.tstopMs() / stim.dtMs());
        PrintWriter o = spec.commandLine().getOut();
        o.printf("bench: control_1s, %.0f ms simulated, %d compartments; %d warm-up + %d timed runs on one thread%s%s%s%n",
                stim.tstopMs(), COMPARTMENTS, warmup, repeat, neuronCommand == null ? ""
                        : ", each after a NEURON run (" + neuronCommand + ")",
                compiled ? ", each followed by one with compiled mechanisms" : "",
                laneCount > 1 ? ", each run " + laneCount + " copies of the trial in lanes (the medians per trial)"
                        : "");
        o.flush();
        Catalogue handWritten = Catalogue.discover();
        Catalogue withCompiled = compiled
                ? NmodlMechanism.replacing(handWritten, PaperModFiles.compile(), replaced -> { }) : null;
        // building the cell inside the timed run: its CPU time includes the build
        Timings timed;
        try {
            timed = time(() -> paperRun(stim, params, handWritten, laneCount),
                    compiled ? () -> paperRun(stim, params, withCompiled, laneCount) : null, simulatedSeconds, o);
        } catch (UnsupportedOperationException e) { // a mechanism that does not run lanes, refused at build
            throw lanesRefused(laneCount, e);
        }
        double[] wall = perTrial(timed.wall(), laneCount);
        double[] cpu = perTrial(timed.cpu(), laneCount);
        double[] neuronWall = timed.neuronWall();
        double[] compiledWall = perTrial(timed.followWall(), laneCount);
        double[] compiledCpu = perTrial(timed.followCpu(), laneCount);
        String neuronSource = neuronCommand != null ? "timed in this run" : neuronSeconds != null
                ? "timed on this machine" : "recorded on the reference machine";
        double neuron = neuronCommand != null ? median(neuronWall) : neuronSeconds != null ? neuronSeconds
                : RECORDED_NEURON_SECONDS;
        double median = median(wall);
        double perSimSecond = median / simulatedSeconds;
        double neuronPerSimSecond = neuron / simulatedSeconds;
        o.printf("median %.2f s per simulated second, %.3g compartment-steps/s; NEURON 8.2.2 (%s): %.1f s per "
                        + "simulated second: %.1fx faster%n", perSimSecond, COMPARTMENTS * (double) steps / median,
                neuronSource, neuronPerSimSecond,
                neuronPerSimSecond / perSimSecond);
        if (compiled) {
            o.printf("compiled mechanisms: median %.2f s per simulated second, %.2fx the hand-written kernels' time "
                            + "(CPU time: %.2fx)%n", median(compiledWall) / simulatedSeconds,
                    median(compiledWall) / median, median(compiledCpu) / median(cpu));
        }

        ObjectNode json = new ObjectMapper().createObjectNode();
        json.put("stimulus", BundledStimuli.CONTROL_FAILED);
        json.put("simulated_seconds", simulatedSeconds);
        json.put("compartments", COMPARTMENTS);
        json.put("repetitions", repeat);
        json.put("lanes", laneCount);
        // with lanes: each run's time divided by its trials
        json.putPOJO("wall_seconds", wall);
        json.putPOJO("cpu_seconds_including_build", cpu);
        json.put("seconds_per_simulated_second_median", perSimSecond);
        json.put("compartment_steps_per_second_median", COMPARTMENTS * (double) steps / median);
        json.put("neuron_seconds", neuron);
        json.put("neuron_seconds_source", neuronCommand != null
                ? "--neuron-command (median of its runs, interleaved with the timed runs): " + neuronCommand
                : neuronSeconds != null ? "--neuron-seconds (timed on this machine)"
                : "recorded with the reference data (another machine)");
        if (neuronCommand != null) {
            json.putPOJO("neuron_wall_seconds", neuronWall);
        }
        json.put("neuron_seconds_per_simulated_second", neuronPerSimSecond);
        json.put("speedup_vs_neuron", neuronPerSimSecond / perSimSecond);
        if (trials > 0) {
            int t = threads != null ? threads : Runtime.getRuntime().availableProcessors();
            Throughput run = throughput(stim, params, t, trials, throughputLanes);
            double seconds = run.wallSeconds();
            // the threads' own CPU time: what a trial costs on a core, whatever else shares the machine
            double cpuPerSimSecond = run.cpuSeconds() / trials / simulatedSeconds;
            double perMinute = trials / seconds * 60;
            // per machine: the t threads together; per core: one thread's share (t times the machine's time)
            double machinePerSimSecond = seconds / trials / simulatedSeconds;
            double corePerSimSecond = machinePerSimSecond * t;
            o.printf("%d trials on %d threads%s in %.1f s: %.2f trials per minute (one thread alone: %.2f)%n", trials,
                    t, throughputLanes > 1 ? ", " + throughputLanes + " lanes" : "", seconds, perMinute, 60 / median);
            o.printf("  per machine: %.2f trials per minute, %.3g s per simulated second per trial, %.1fx NEURON;"
                            + " per core: %.2f trials per minute, %.3g s per simulated second per trial, %.1fx "
                            + "NEURON%n", perMinute, machinePerSimSecond, neuronPerSimSecond / machinePerSimSecond,
                    perMinute / t, corePerSimSecond, neuronPerSimSecond / corePerSimSecond);
            o.printf("  thread CPU: %.3g s per simulated second per trial (the timed runs on one thread: %.3g)%n",
                    cpuPerSimSecond, median(cpu) / simulatedSeconds);
            json.put("trials", trials);
            json.put("threads", t);
            json.put("trials_lanes", throughputLanes);
            json.put("trials_wall_seconds", seconds);
            json.put("trials_cpu_seconds", run.cpuSeconds());
            json.put("trials_cpu_seconds_per_simulated_second_per_trial", cpuPerSimSecond);
            json.put("trials_per_minute", perMinute);
            json.put("trials_per_minute_one_thread", 60 / median);
            json.put("trials_per_minute_per_core", perMinute / t);
            json.put("trials_seconds_per_simulated_second_per_trial", machinePerSimSecond);
            json.put("trials_seconds_per_simulated_second_per_trial_per_core", corePerSimSecond);
            json.put("trials_speedup_vs_neuron", neuronPerSimSecond / machinePerSimSecond);
            json.put("trials_speedup_vs_neuron_per_core", neuronPerSimSecond / corePerSimSecond);
        }
        if (compiled) {
            ObjectNode c = json.putObject("compiled");
            c.put("mechanisms", "the project's mod files (spineformer-nmodl " + PaperModFiles.class.getSimpleName()
                    + ") in place of the hand-written kernels, each run right after a hand-written one");
            c.putPOJO("wall_seconds", compiledWall);
            c.put("seconds_per_simulated_second_median", median(compiledWall) / simulatedSeconds);
            c.put("time_ratio_to_hand_written", median(compiledWall) / median);
            // on a shared machine the wall time includes waiting for a core; the thread's CPU time does not
            c.putPOJO("cpu_seconds_including_build", compiledCpu);
            c.put("cpu_time_ratio_to_hand_written", median(compiledCpu) / median(cpu));
        }
        machine(json, o);
        json.putPOJO(Provenance.KEY, Provenance.of("bench", Map.of()));
        if (out != null) {
            JsonFiles.write(out.resolve("bench.json"), json);
            o.printf("wrote %s%n", out.resolve("bench.json"));
        }
        o.flush();
        return 0;
    }

    /**
     * {@code bench --model MODEL --protocol P}: the protocol run as {@code simulate} runs it (a fresh run each time,
     * its wall time from initialization to the last step, as NEURON's finitialize and continuerun), against NEURON
     * timed by --neuron-command, given by --neuron-seconds, or recorded with the reference data for a bundled
     * protocol ({@link ReferenceNeuronTimes}); with none of these, no ratio.
     */
    private int benchModel(int laneCount) throws Exception {
        PrintWriter o = spec.commandLine().getOut();
        if (out != null) {
            OutputFolder.checkWritable(out, "--out");
        }
        ModelInputs in = ModelInputs.read(model, protocolName, modDirs, morphologyDir, null, o,
                spec.commandLine().getErr());
        if (in == null) {
            return 2;
        }
        try {
            in.prepare(laneCount); // every name in the protocol, and the mechanisms' lanes, checked before any work
        } catch (UnsupportedOperationException e) {
            throw lanesRefused(laneCount, e);
        }
        String output = "bench --model " + model + " --protocol " + protocolName;
        if (out != null) {
            OutputFolder.claim(out, "--out", output, in.inputFiles());
        }
        OptionalDouble recorded = in.bundledProtocol() ? ReferenceNeuronTimes.seconds(model, protocolName)
                : OptionalDouble.empty();
        double simulatedSeconds = in.protocol().tstopMs() / 1000;
        o.printf("bench: %s, protocol %s, %s ms simulated at dt %s ms; %d warm-up + %d timed runs on one thread%s%s%n",
                in.cell().name(), protocolName, in.protocol().tstopMs(), in.protocol().dtMs(), warmup, repeat,
                neuronCommand == null ? "" : ", each after a NEURON run (" + neuronCommand + ")",
                laneCount > 1 ? ", each run " + laneCount + " copies of the protocol in lanes (the medians per trial)"
                        : "");
        o.flush();
        int[] spikes = new int[1];
        Timings timed = time(() -> {
            // outside the timed run, as NEURON's script builds its cell first
            ProtocolRun prepared = in.prepare(laneCount);
            if (noTables) {
                prepared.simulation().setUseTables(false);
            }
            return () -> {
                ProtocolRun.Result r = prepared.runLanes(null).get(0); // the lanes are copies: lane 0 speaks for all
                spikes[0] = r.somaSpikeTimesMs().length;
                return r.wallSeconds();
            };
        }, null, simulatedSeconds, o);
        double[] wall = perTrial(timed.wall(), laneCount);
        double[] cpu = perTrial(timed.cpu(), laneCount);
        double perSimSecond = median(wall) / simulatedSeconds;
        double cpuPerSimSecond = median(cpu) / simulatedSeconds;

        ObjectNode json = new ObjectMapper().createObjectNode();
        json.put("model", in.cell().name());
        json.put("protocol", protocolName);
        json.put("simulated_seconds", simulatedSeconds);
        json.put("dt_ms", in.protocol().dtMs());
        json.put("soma_spikes", spikes[0]);
        json.put("tables", !noTables);
        json.put("repetitions", repeat);
        json.put("lanes", laneCount);
        // with lanes: each run's time divided by its trials
        json.putPOJO("wall_seconds", wall);
        json.putPOJO("cpu_seconds", cpu);
        json.put("seconds_per_simulated_second_median", perSimSecond);
        json.put("cpu_seconds_per_simulated_second_median", cpuPerSimSecond);
        String neuronSource = null;
        double neuron = Double.NaN;
        if (neuronCommand != null) {
            neuron = median(timed.neuronWall());
            neuronSource = "--neuron-command (median of its runs, interleaved with the timed runs): " + neuronCommand;
            json.putPOJO("neuron_wall_seconds", timed.neuronWall());
        } else if (neuronSeconds != null) {
            neuron = neuronSeconds;
            neuronSource = "--neuron-seconds (timed on this machine)";
        } else if (recorded.isPresent()) {
            neuron = recorded.getAsDouble();
            neuronSource = "recorded with the reference data (" + ReferenceNeuronTimes.source(model, protocolName)
                    + ", another machine)";
        }
        if (neuronSource == null) {
            o.printf("median %.3g s per simulated second (CPU %.3g); no NEURON time (give --neuron-command or "
                    + "--neuron-seconds), so no ratio; %d somatic spikes%n", perSimSecond, cpuPerSimSecond, spikes[0]);
        } else {
            double neuronPerSimSecond = neuron / simulatedSeconds;
            o.printf("median %.3g s per simulated second (CPU %.3g); NEURON 8.2.2 (%s): %.3g s per simulated "
                    + "second: %.2fx NEURON's speed; %d somatic spikes%n", perSimSecond, cpuPerSimSecond, neuronSource,
                    neuronPerSimSecond,
                    neuronPerSimSecond / perSimSecond, spikes[0]);
            if (neuronCommand != null && Arrays.stream(timed.neuronCpu()).noneMatch(Double::isNaN)) {
                double neuronCpuPerSimSecond = median(timed.neuronCpu()) / simulatedSeconds;
                o.printf("by CPU time: %.3g s per simulated second against NEURON's %.3g: %.2fx NEURON's speed per "
                        + "core%n", cpuPerSimSecond, neuronCpuPerSimSecond, neuronCpuPerSimSecond / cpuPerSimSecond);
                json.putPOJO("neuron_cpu_seconds", timed.neuronCpu());
                json.put("neuron_cpu_seconds_per_simulated_second", neuronCpuPerSimSecond);
                json.put("cpu_speedup_vs_neuron", neuronCpuPerSimSecond / cpuPerSimSecond);
            }
            json.put("neuron_seconds", neuron);
            json.put("neuron_seconds_source", neuronSource);
            json.put("neuron_seconds_per_simulated_second", neuronPerSimSecond);
            json.put("speedup_vs_neuron", neuronPerSimSecond / perSimSecond);
        }
        machine(json, o);
        Map<String, Object> provenance = Provenance.of(output, in.inputFiles());
        @SuppressWarnings("unchecked") // Provenance.of's inputs: role -> {path, sha256}
        Map<String, Object> inputs = (Map<String, Object>) provenance.get(Provenance.INPUTS);
        inputs.putAll(in.bundledInputs());
        json.putPOJO(Provenance.KEY, provenance);
        if (out != null) {
            JsonFiles.write(out.resolve("bench.json"), json);
            o.printf("wrote %s%n", out.resolve("bench.json"));
        }
        o.flush();
        return 0;
    }

    /** The machine the times were taken on, in bench.json and as one line: the times mean little without it. */
    private static void machine(ObjectNode json, PrintWriter o) {
        String java = System.getProperty("java.version") + " (" + System.getProperty("java.vm.name") + ")";
        int cores = Runtime.getRuntime().availableProcessors();
        double load = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(); // < 0: not available
        json.put("java", java);
        json.put("cpu", cpuName());
        json.put("cores", cores);
        if (load >= 0) {
            json.put("load_average_1min", load);
        }
        o.printf("machine: %s, %d cores, Java %s%s%n", cpuName(), cores, java,
                load >= 0 ? String.format(", load average %.2f (1 min) at the end", load) : "");
    }

    /** One run of what is timed; returns its wall seconds (initialization and stepping, not building the cell). */
    @FunctionalInterface
    private interface TimedRun {
        double wallSeconds() throws Exception;
    }

    /**
     * Each timed run's wall seconds, its thread's CPU seconds over the same run (the fairer measure on a loaded
     * machine, where wall time includes waiting for a core), and NEURON's wall and CPU seconds just before it (by
     * --neuron-command; zeros without, NaN CPU seconds when the command printed none), and the same for the run that follows each (--compiled; zeros without).
     */
    private record Timings(double[] wall, double[] cpu, double[] neuronWall, double[] neuronCpu,
                           double[] followWall, double[] followCpu) {
    }

    /**
     * --warmup untimed runs, then --repeat timed ones, each after a NEURON run when --neuron-command is given; each
     * run made ready by {@code prepare}, untimed, and followed by one made ready by {@code follow} (--compiled's
     * runs; null: none).
     */
    private Timings time(Callable<TimedRun> prepare, Callable<TimedRun> follow, double simulatedSeconds,
                         PrintWriter o) throws Exception {
        for (int i = 0; i < warmup; i++) {
            prepare.call().wallSeconds();
            if (follow != null) {
                follow.call().wallSeconds();
            }
        }
        double[] wall = new double[repeat];
        double[] cpu = new double[repeat];
        double[] neuronWall = new double[repeat];
        double[] neuronCpu = new double[repeat];
        double[] followWall = new double[repeat];
        double[] followCpu = new double[repeat];
        ThreadMXBean cpuClock = ManagementFactory.getThreadMXBean();
        for (int i = 0; i < repeat; i++) {
            String neuronRun = "";
            if (neuronCommand != null) {
                NeuronCommand.Seconds neuron = NeuronCommand.run(neuronCommand);
                neuronWall[i] = neuron.wall();
                neuronCpu[i] = neuron.cpu();
                neuronRun = Double.isNaN(neuron.cpu()) ? String.format("NEURON %.2f s, then ", neuron.wall())
                        : String.format("NEURON %.2f s (%.2f s CPU), then ", neuron.wall(), neuron.cpu());
            }
            TimedRun run = prepare.call();
            long cpuStart = cpuClock.getCurrentThreadCpuTime();
            wall[i] = run.wallSeconds();
            cpu[i] = (cpuClock.getCurrentThreadCpuTime() - cpuStart) / 1e9;
            o.printf("  run %d: %s%.2f s wall, %.2f s CPU (%.2f s per simulated second)%n", i + 1, neuronRun, wall[i],
                    cpu[i], wall[i] / simulatedSeconds);
            if (follow != null) {
                TimedRun next = follow.call();
                cpuStart = cpuClock.getCurrentThreadCpuTime();
                followWall[i] = next.wallSeconds();
                followCpu[i] = (cpuClock.getCurrentThreadCpuTime() - cpuStart) / 1e9;
                o.printf("         compiled mechanisms: %.2f s wall, %.2f s CPU (%.2f s per simulated second)%n",
                        followWall[i], followCpu[i], followWall[i] / simulatedSeconds);
            }
            o.flush();
        }
        return new Timings(wall, cpu, neuronWall, neuronCpu, followWall, followCpu);
    }

    /** One run of control_1s on the paper's cell with {@code catalogue}'s mechanisms: L copies in lanes for L > 1. */
    private static TimedRun paperRun(Stimulus stim, CellParameters params, Catalogue catalogue, int lanes) {
        return lanes > 1
                ? () -> Replay.runLanes(Collections.nCopies(lanes, stim), params, catalogue).stream()
                        .mapToDouble(Replay.Result::wallSeconds).sum()
                : () -> Replay.run(stim, params, catalogue, List.of(), false, null).wallSeconds();
    }

    /** --lanes refused: a mechanism that does not run trials in lanes (the engine's message names it). */
    private static IllegalArgumentException lanesRefused(int lanes, UnsupportedOperationException e) {
        return new IllegalArgumentException("--lanes " + lanes + ": " + e.getMessage() + "; bench this cell without "
                + "--lanes", e);
    }

    /**
     * The --trials run's lanes without --lanes: those of every command that runs trials ({@link LanesOption#DEFAULT})
     * when the trials fill groups of them, else one trial per simulation.
     */
    static int defaultThroughputLanes(int trials) {
        int lanes = LanesOption.defaultLanes();
        return trials % lanes == 0 ? lanes : 1;
    }

    /** Each run's seconds divided by its {@code lanes} trials. */
    private static double[] perTrial(double[] seconds, int lanes) {
        return Arrays.stream(seconds).map(x -> x / lanes).toArray();
    }

    /** The --trials run's wall seconds, and its threads' CPU seconds for the replays (builds included). */
    private record Throughput(double wallSeconds, double cpuSeconds) {
    }

    /** {@code trials} trials on {@code threads} threads, in groups of {@code lanes} lanes. */
    private static Throughput throughput(Stimulus stim, CellParameters params, int threads, int trials, int lanes)
            throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        ThreadMXBean cpuClock = ManagementFactory.getThreadMXBean();
        try {
            long start = System.nanoTime();
            List<Future<Long>> runs = new ArrayList<>();
            for (int i = 0; i < trials / lanes; i++) {
                runs.add(pool.submit(() -> {
                    long cpuStart = cpuClock.getCurrentThreadCpuTime();
                    if (lanes > 1) {
                        Replay.runLanes(Collections.nCopies(lanes, stim), params, Catalogue.discover());
                    } else {
                        Replay.run(stim, params, List.of(), false, null);
                    }
                    return cpuClock.getCurrentThreadCpuTime() - cpuStart;
                }));
            }
            long cpuNs = 0;
            for (Future<Long> f : runs) {
                cpuNs += f.get();
            }
            return new Throughput((System.nanoTime() - start) / 1e9, cpuNs / 1e9);
        } finally {
            pool.shutdownNow();
        }
    }

    static double median(double[] values) {
        double[] s = values.clone();
        Arrays.sort(s);
        int n = s.length;
        return n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
    }

    static String cpuName() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
                if (line.startsWith("model name")) {
                    return line.substring(line.indexOf(':') + 1).trim();
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux: fall through
        }
        return System.getProperty("os.arch");
    }
}
