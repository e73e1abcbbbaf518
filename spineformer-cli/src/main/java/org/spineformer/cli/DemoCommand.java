package org.spineformer.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.knowm.xchart.XYChart;
import org.spineformer.cell.CellParameters;
import org.spineformer.cell.replay.BundledStimuli;
import org.spineformer.cell.replay.Replay;
import org.spineformer.cell.replay.Stimulus;
import org.spineformer.io.OutputFolder;
import org.spineformer.io.plot.Plots;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code spineformer demo}: one match-and-control trial on the paper's cell in which the matched axon wins,
 * told in plain words, with a plot.
 */
@Command(name = "demo", description = {
        "One successful match-and-control trial on the paper's cell, explained, with a plot.",
        "The stimulus is that of NEURON's reference run control_1s_b: the matched",
        "axon's spines are potentiated in the match phase and then drive the soma in",
        "the control phase."})
final class DemoCommand implements Callable<Integer> {
    /** The bundled trial's protocol (ms): 250 ms rest, 1 s match window, 500 ms gap, 1 s control window. */
    static final double MATCH_START_MS = 250;
    static final double MATCH_END_MS = 1250;
    static final double CONTROL_START_MS = 1750;
    static final double CONTROL_END_MS = 2750;
    /** The first spine of the matched axon in the bundled trial; an axon contacts 10 neighbouring spines. */
    static final int MATCHED_SPINE = 410;
    static final int SPINES_PER_AXON = 10;
    /** A somatic spike "follows" an axon spike that came at most this long before it (the paper's 10 ms). */
    static final double FOLLOW_WINDOW_MS = 10;

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "demo-output",
            description = "Where to write demo.png and result.json (default: ${DEFAULT-VALUE}).")
    private Path out;

    @Mixin
    private QuietOption quiet;

    @Override
    public Integer call() throws IOException {
        OutputFolder.claim(out, "--out", "demo", Map.of());
        CellParameters params = CellParameters.paper();
        Stimulus stim = BundledStimuli.load(BundledStimuli.CONTROL_SUCCESS, params.spineCount());
        PrintWriter o = spec.commandLine().getOut();
        o.printf("Match-and-control on the Ellwood (2024) cell: %d spines, %d axons of %d spines each.%n",
                params.spineCount(), params.spineCount() / SPINES_PER_AXON, SPINES_PER_AXON);
        o.printf("Simulating %.0f ms (stimulus of NEURON's reference run %s)...%n", stim.tstopMs(),
                BundledStimuli.CONTROL_SUCCESS);
        o.flush();
        String somaV = "v:soma(0.5)";
        String integral = "g_dynamic_delayed:spine_" + MATCHED_SPINE;
        Stimulus recorded = new Stimulus(stim.vInitMv(), stim.tstopMs(), stim.dtMs(), stim.celsius(), stim.threshold(),
                stim.pre(), stim.post(), stim.pulseAmpNa(), stim.pulseDurMs(), stim.netconDelayMs(), List.of(),
                new int[0], stim.saveEvery());
        Replay.Result r = quiet.withProgress(spec.commandLine().getErr(), "simulated ms", stim.tstopMs(),
                progress -> Replay.run(recorded, params, List.of(somaV, integral), false, progress));
        o.print(story(stim, r));
        ReplayCommand.writeResult(out.resolve("result.json"), r, "demo", Map.of()); // the stimulus is in the jar
        double[] t = r.traces().get(0);
        plot(out.resolve("demo.png"), t, r.traces().get(r.traceNames().indexOf(somaV)),
                r.traces().get(r.traceNames().indexOf(integral)), stim.threshold());
        o.printf("Wrote %s (soma voltage and spine %d's calcium integral) and %s.%n", out.resolve("demo.png"),
                MATCHED_SPINE, out.resolve("result.json"));
        o.printf("Simulation took %.1f s of wall time.%n", r.wallSeconds());
        o.flush();
        return 0;
    }

    /** What happened, in plain words. */
    static String story(Stimulus stim, Replay.Result r) {
        StringBuilder s = new StringBuilder();
        int pulses = count(stim.post(), MATCH_START_MS, MATCH_END_MS);
        double[] axon = stim.pre()[MATCHED_SPINE];
        s.append(String.format("Match phase (%.0f-%.0f ms): %d somatic pulses (the query); the matched axon "
                        + "(spines %d-%d) fired %d times, each timed to meet a back-propagating spike in its spines.%n",
                MATCH_START_MS, MATCH_END_MS, pulses, MATCHED_SPINE, MATCHED_SPINE + SPINES_PER_AXON - 1,
                count(axon, MATCH_START_MS, MATCH_END_MS)));
        List<Integer> crossed = new ArrayList<>();
        for (int k = 0; k < r.finalGDynamicDelayed().length; k++) {
            if (r.finalGDynamicDelayed()[k] >= stim.threshold()) {
                crossed.add(k);
            }
        }
        s.append(String.format("Selection: %d spines crossed the threshold %.4g and were potentiated: %s%s.%n",
                crossed.size(), stim.threshold(), crossed.isEmpty() ? "none" : ranges(crossed),
                crossed.stream().allMatch(k -> k / SPINES_PER_AXON == MATCHED_SPINE / SPINES_PER_AXON)
                        ? (crossed.isEmpty() ? "" : " (all on the matched axon)") : " (some are not on the matched axon)"));
        List<String> followed = new ArrayList<>();
        int controlSpikes = 0;
        for (double spike : r.somaSpikeTimesMs()) {
            if (spike < CONTROL_START_MS || spike >= CONTROL_END_MS) {
                continue;
            }
            controlSpikes++;
            for (double a : axon) {
                if (spike - a >= 0 && spike - a <= FOLLOW_WINDOW_MS) {
                    followed.add(String.format("%.1f ms (axon spike at %.1f ms)", spike, a));
                    break;
                }
            }
        }
        s.append(String.format("Control phase (%.0f-%.0f ms): the matched axon fired %d times; the soma fired %d "
                        + "spikes, %d of them within %.0f ms after a matched-axon spike:%n", CONTROL_START_MS,
                CONTROL_END_MS, count(axon, CONTROL_START_MS, CONTROL_END_MS), controlSpikes, followed.size(),
                FOLLOW_WINDOW_MS));
        for (String f : followed) {
            s.append("  ").append(f).append(System.lineSeparator());
        }
        s.append(followed.size() == controlSpikes && controlSpikes > 0
                ? "The neuron's output followed the matched axon: its activity is the attended value.\n"
                : "Not every control-phase spike followed the matched axon.\n");
        return s.toString();
    }

    private static int count(double[] times, double from, double to) {
        int n = 0;
        for (double t : times) {
            if (t >= from && t < to) {
                n++;
            }
        }
        return n;
    }

    /** "410-419, 733" for a sorted list of spine numbers. */
    private static String ranges(List<Integer> spines) {
        StringBuilder s = new StringBuilder();
        int i = 0;
        while (i < spines.size()) {
            int j = i;
            while (j + 1 < spines.size() && spines.get(j + 1) == spines.get(j) + 1) {
                j++;
            }
            s.append(s.length() > 0 ? ", " : "").append(spines.get(i));
            if (j > i) {
                s.append('-').append(spines.get(j));
            }
            i = j + 1;
        }
        return s.toString();
    }

    private static void plot(Path file, double[] t, double[] v, double[] integral, double threshold) throws IOException {
        XYChart soma = Plots.lines("Soma voltage (match 250-1250 ms, control 1750-2750 ms)", "time (ms)", "v (mV)",
                List.of(new Plots.Series("soma v", t, v)), false);
        double[] relative = new double[integral.length];
        for (int i = 0; i < relative.length; i++) {
            relative[i] = integral[i] / threshold; // O(1) numbers; potentiation sets in at 1
        }
        XYChart spine = Plots.lines("Matched spine " + MATCHED_SPINE
                        + ": low-passed Ca^4 integral / threshold (potentiated above 1)", "time (ms)",
                "Ca^4 integral (thresholds)", List.of(new Plots.Series("g_dynamic_delayed / threshold", t,
                        relative), new Plots.Series("threshold", new double[] {t[0], t[t.length - 1]},
                        new double[] {1, 1})), false);
        Plots.labelLevel(spine, "threshold", 1);
        Plots.writeStackedPng(file, List.of(soma, spine));
    }
}
