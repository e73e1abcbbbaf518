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
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.spineformer.cell.CellParameters;
import org.spineformer.cell.replay.BundledStimuli;
import org.spineformer.cell.replay.Replay;
import org.spineformer.cell.replay.Stimulus;
import org.spineformer.engine.mech.Catalogue;
import org.spineformer.io.OutputFolder;
import org.spineformer.io.Provenance;
import org.spineformer.io.json.JsonFiles;
import org.spineformer.nmodl.PaperModFiles;
import org.spineformer.nmodl.gen.NmodlMechanism;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code spineformer bench}: the paper's cell through the bundled {@code control_1s} trial (3 s simulated), timed,
 * next to NEURON's time for the same run: recorded with the reference data, given, or measured in the same run by
 * a command that runs NEURON, interleaved with the timed runs so that both see the same machine (a shared VM's
 * speed drifts by 10-20% over minutes).
 */
@Command(name = "bench", description = {
        "Time the paper's cell on the bundled control_1s trial (3 s simulated) and compare with NEURON 8.2.2.",
        "With --trials, also run that many trials on --threads threads and report trials per minute.",
        "With --compiled, also time the cell with its mechanisms compiled from the project's mod files."})
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

    @Option(names = "--out", paramLabel = "DIR", description = "Write DIR/bench.json.")
    private Path out;

    @Option(names = "--neuron-seconds", paramLabel = "S", description =
            "NEURON's wall time for the same control_1s run, timed on this machine (its run alone, no build); "
            + "default: the " + RECORDED_NEURON_SECONDS + " s recorded with the reference data on another machine.")
    private Double neuronSeconds;

    @Option(names = "--neuron-command", paramLabel = "CMD", description =
            "A shell command that runs NEURON on the same control_1s trial and prints, as the last line of its "
            + "standard output, its run's seconds (initialization and run, not building the model). It runs once "
            + "before each timed run, and the comparison uses the median of its times.")
    private String neuronCommand;

    @Option(names = "--compiled", description = "Also time the cell with the project's mod files for its 12 "
            + "mechanisms (all but pas) compiled in place of the hand-written kernels: each timed run of the "
            + "hand-written cell is followed by one of the compiled cell, and their medians are compared.")
    private boolean compiled;

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
        if (out != null) {
            OutputFolder.claim(out, "--out", "bench", Map.of());
        }
        CellParameters params = CellParameters.paper();
        Stimulus stim = BundledStimuli.load(BundledStimuli.CONTROL_FAILED, params.spineCount());
        double simulatedSeconds = stim.tstopMs() / 1000;
        long steps = Math.round(stim.tstopMs() / stim.dtMs());
        PrintWriter o = spec.commandLine().getOut();
        o.printf("bench: control_1s, %.0f ms simulated, %d compartments; %d warm-up + %d timed runs on one thread%s%s%n",
                stim.tstopMs(), COMPARTMENTS, warmup, repeat, neuronCommand == null ? ""
                        : ", each after a NEURON run (" + neuronCommand + ")",
                compiled ? ", each followed by one with compiled mechanisms" : "");
        o.flush();
        Catalogue handWritten = Catalogue.discover();
        Catalogue withCompiled = compiled
                ? NmodlMechanism.replacing(handWritten, PaperModFiles.compile(), replaced -> { }) : null;
        for (int i = 0; i < warmup; i++) {
            Replay.run(stim, params, handWritten, List.of(), false, null);
            if (compiled) {
                Replay.run(stim, params, withCompiled, List.of(), false, null);
            }
        }
        double[] wall = new double[repeat];
        double[] cpu = new double[repeat];
        double[] neuronWall = new double[repeat];
        double[] compiledWall = new double[repeat];
        double[] compiledCpu = new double[repeat];
        ThreadMXBean cpuClock = ManagementFactory.getThreadMXBean();
        for (int i = 0; i < repeat; i++) {
            String neuronRun = "";
            if (neuronCommand != null) {
                neuronWall[i] = NeuronCommand.run(neuronCommand);
                neuronRun = String.format("NEURON %.2f s, then ", neuronWall[i]);
            }
            long cpuStart = cpuClock.getCurrentThreadCpuTime();
            wall[i] = Replay.run(stim, params, handWritten, List.of(), false, null).wallSeconds();
            cpu[i] = (cpuClock.getCurrentThreadCpuTime() - cpuStart) / 1e9; // includes building the cell
            o.printf("  run %d: %s%.2f s wall, %.2f s CPU (%.2f s per simulated second)%n", i + 1, neuronRun, wall[i],
                    cpu[i], wall[i] / simulatedSeconds);
            if (compiled) {
                cpuStart = cpuClock.getCurrentThreadCpuTime();
                compiledWall[i] = Replay.run(stim, params, withCompiled, List.of(), false, null).wallSeconds();
                compiledCpu[i] = (cpuClock.getCurrentThreadCpuTime() - cpuStart) / 1e9;
                o.printf("         compiled mechanisms: %.2f s wall, %.2f s CPU (%.2f s per simulated second)%n",
                        compiledWall[i], compiledCpu[i], compiledWall[i] / simulatedSeconds);
            }
            o.flush();
        }
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
        if (trials > 0) {
            int t = threads != null ? threads : Runtime.getRuntime().availableProcessors();
            double seconds = throughput(stim, params, t, trials);
            double perMinute = trials / seconds * 60;
            o.printf("%d trials on %d threads in %.1f s: %.2f trials per minute (one thread alone: %.2f)%n", trials, t,
                    seconds, perMinute, 60 / median);
            json.put("trials", trials);
            json.put("threads", t);
            json.put("trials_wall_seconds", seconds);
            json.put("trials_per_minute", perMinute);
            json.put("trials_per_minute_one_thread", 60 / median);
        }
        json.put("java", System.getProperty("java.version") + " (" + System.getProperty("java.vm.name") + ")");
        json.put("cpu", cpuName());
        json.put("cores", Runtime.getRuntime().availableProcessors());
        json.putPOJO(Provenance.KEY, Provenance.of("bench", Map.of()));
        if (out != null) {
            JsonFiles.write(out.resolve("bench.json"), json);
            o.printf("wrote %s%n", out.resolve("bench.json"));
        }
        o.flush();
        return 0;
    }

    private static double throughput(Stimulus stim, CellParameters params, int threads, int trials) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            long start = System.nanoTime();
            List<Future<Replay.Result>> runs = new ArrayList<>();
            for (int i = 0; i < trials; i++) {
                runs.add(pool.submit(() -> Replay.run(stim, params, List.of(), false, null)));
            }
            for (Future<Replay.Result> f : runs) {
                f.get();
            }
            return (System.nanoTime() - start) / 1e9;
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
