package org.spineformer.experiments.ellwood2024;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.spineformer.experiments.output.Summary;

/** The paper's panels that {@code spineformer reproduce} knows, in the order {@code reproduce all} runs them. */
public final class Panels {
    /** Runs a panel for a request and writes its outputs. */
    @FunctionalInterface
    public interface Reproduction {
        Summary reproduce(Request request) throws IOException;
    }

    /**
     * A reproducible panel.
     *
     * @param name the command-line name (fig5)
     * @param title what it shows
     * @param paperWindows the match windows (s) the paper ran the panel at, which {@code reproduce all} runs one
     *     by one; empty for panels it runs once
     * @param quickCounts what {@code --quick} runs, in words
     * @param quickSimulatedSeconds the cell time {@code --quick} simulates in all
     * @param paperCounts what the panel runs by default (the paper's counts, the 1 s window), in words
     * @param paperSimulatedSeconds the cell time that simulates in all
     */
    public record Panel(String name, String title, List<Double> paperWindows, String quickCounts,
                        double quickSimulatedSeconds, String paperCounts, double paperSimulatedSeconds,
                        Reproduction reproduction) {
    }

    /** Panels run once by {@code reproduce all}, at the request's window or their default. */
    private static final List<Double> ONCE = List.of();

    /** Every panel of MODEL.md section 4, in the paper's order. */
    public static final List<String> ALL_NAMES = List.of("fig2a", "fig2b", "fig2cd", "fig3a", "fig3be", "fig3fg",
            "fig4a", "fig4bef", "fig4c", "fig4d", "fig5");

    /**
     * The implemented panels, in dependency order: the bAP delays (fig2b) before the panels that place the matched
     * axon with them, the threshold (fig3be) before the panels that use it.
     */
    public static final List<Panel> IMPLEMENTED = List.of(
            new Panel(Fig4aPotentiationSigmoid.PANEL, "Figure 4A: the potentiation sigmoid", ONCE,
                    "no simulation", 0, "no simulation", 0, Fig4aPotentiationSigmoid::reproduce),
            new Panel(Fig2bBapDelays.PANEL, "Figure 2B: bAP delay per spine", ONCE,
                    "2 runs of 0.35 s (paper: 10)", 0.7, "10 runs of 0.35 s", 3.5, Fig2bBapDelays::reproduce),
            new Panel(Fig2aMatchExample.PANEL, "Figure 2A: a match run, matched and unmatched spine", ONCE,
                    "the paper's single run, 1.15 s", 1.15, "1 run of 1.15 s", 1.15, Fig2aMatchExample::reproduce),
            new Panel(Fig3aOffsetScan.PANEL, "Figure 3A: integral vs pre-post offset", ONCE,
                    "26 runs of 0.35 s: every offset once, one spine (paper: 7800)", 9.1,
                    "7800 runs of 0.35 s", 2730, Fig3aOffsetScan::reproduce),
            new Panel(Fig3beMatchRoc.PANEL, "Figure 3B-E: matched vs unmatched integrals, ROC, threshold",
                    Ellwood2024.MATCH_WINDOWS_S,
                    "10 runs of the 1 s window, 1.15 s each (paper: 1500 per window)", 11.5,
                    "1500 runs of 1.15 s (1 s window)", 1725, Fig3beMatchRoc::reproduce),
            new Panel(Fig3fgJitterRoc.PANEL, "Figure 3F-G: ROC with jittered queries", ONCE,
                    "3 runs per jitter level (1, 2 ms), 1.15 s each (paper: 1500 per level)", 6.9,
                    "1500 runs per jitter level (1, 2 ms) of 1.15 s", 3450, Fig3fgJitterRoc::reproduce),
            new Panel(Fig2cdKernelFit.PANEL, "Figure 2C-D: the overlap kernel and its explained variance",
                    ONCE,
                    "6 runs of 1.15 s, 3 to train and 3 to test (paper: 100 + 100)", 6.9,
                    "200 runs of 1.15 s (100 to train, 100 to test)", 230, Fig2cdKernelFit::reproduce),
            new Panel(Fig4befPotentiationExamples.PANEL, "Figures 4B, 4E, 4F: successful and failed examples",
                    ONCE,
                    "the paper's 2 examples, 3 s each", 6,
                    "2 trials of 3 s", 6, Fig4befPotentiationExamples::reproduce),
            new Panel(Fig4cThresholdScan.PANEL, "Figure 4C: threshold scan", ONCE,
                    "3 threshold factors (paper: 9), 3 s each", 9,
                    "9 threshold factors, a 3 s trial each", 27, Fig4cThresholdScan::reproduce),
            new Panel(Fig4dTwoMatchedAxons.PANEL, "Figure 4D: two matched axons", ONCE,
                    "the paper's single trial, 3 s", 3, "1 trial of 3 s", 3, Fig4dTwoMatchedAxons::reproduce),
            new Panel(Fig5ControlPhase.PANEL, "Figure 5A-C: failed and spurious control-phase spikes",
                    Ellwood2024.MATCH_WINDOWS_S,
                    "4 trials of the 1 s window, 3 s each (paper: 1000 per window)", 12,
                    "1000 trials of 3 s (1 s window)", 3000, Fig5ControlPhase::reproduce));

    /** Today's simulator speed, which the quick counts were chosen for: core-seconds per simulated second. */
    public static final double CORE_SECONDS_PER_SIMULATED_SECOND = 20;
    /**
     * The speed a run's estimate assumes, core-seconds per simulated second: the README's bench measured 2.83 on one
     * core of this project's 2-core machine (2026-12-05); rounded up for the machine's 10-20% drift and each trial's
     * setup.
     */
    public static final double MEASURED_CORE_SECONDS_PER_SIMULATED_SECOND = 3;

    private Panels() {
    }

    /**
     * The implemented panel called {@code name}.
     *
     * @throws IllegalArgumentException naming the implemented and the missing panels
     */
    /** The panels {@code --match-window} applies to; the others run at the window their figure fixes. */
    public static final List<String> WINDOWED = List.of(Fig2aMatchExample.PANEL, Fig3beMatchRoc.PANEL,
            Fig4befPotentiationExamples.PANEL, Fig4cThresholdScan.PANEL, Fig4dTwoMatchedAxons.PANEL,
            Fig5ControlPhase.PANEL);

    /**
     * Refuses, before anything runs, an option that {@code p} would ignore: a silently ignored option leaves the user
     * believing the output is what they asked for.
     */
    public static void requireUsed(Panel p, Integer trials, Double matchWindowS, Long seed) {
        if (matchWindowS != null && !WINDOWED.contains(p.name())) {
            throw new IllegalArgumentException("--match-window " + matchWindowS + ": " + p.name() + " has no match"
                    + " window to set (it runs at its figure's); --match-window applies to "
                    + String.join(", ", WINDOWED));
        }
        if (p.name().equals(Fig4aPotentiationSigmoid.PANEL) && (trials != null || seed != null)) {
            throw new IllegalArgumentException((trials != null ? "--trials " + trials : "--seed " + seed) + ": "
                    + p.name() + " runs no trials (it plots the potentiation rule); leave the option out");
        }
    }

    public static Panel find(String name) {
        for (Panel p : IMPLEMENTED) {
            if (p.name().equals(name)) {
                return p;
            }
        }
        if (ALL_NAMES.contains(name)) {
            throw new IllegalArgumentException("panel " + name + " is not implemented yet; implemented: "
                    + implementedNames());
        }
        throw new IllegalArgumentException("unknown panel '" + name + "': one of " + String.join(", ", ALL_NAMES)
                + ", or all");
    }

    public static String implementedNames() {
        return IMPLEMENTED.stream().map(Panel::name).collect(Collectors.joining(", "));
    }

    /** The panels of MODEL.md section 4 that cannot be reproduced yet. */
    public static List<String> notImplemented() {
        List<String> missing = new ArrayList<>(ALL_NAMES);
        IMPLEMENTED.forEach(p -> missing.remove(p.name()));
        return missing;
    }

    /**
     * {@code reproduce all}: every implemented panel into {@code out/<panel>} with the request's options (not a
     * trial count, which differs per panel). Panels the paper ran at several windows (3B-E and 5) run each of them
     * into {@code out/<panel>_<W>s}, unless {@code --quick} or an explicit {@code --match-window} asks for one. On
     * any cell but the paper's, fig4a (no cell, the paper's rule) is left out.
     */
    public static List<Summary> reproduceAll(Request request) throws IOException {
        if (request.trials() != null) {
            throw new IllegalArgumentException("--trials = " + request.trials() + " cannot apply to every panel; "
                    + "reproduce one panel with --trials, or all with --quick or the paper's counts");
        }
        PrintWriter console = request.console();
        if (request.quick()) {
            printQuickCounts(console);
        }
        List<String> missing = notImplemented();
        if (!missing.isEmpty()) {
            console.println("Not implemented yet, skipped: " + String.join(", ", missing));
        }
        console.flush();
        List<Summary> summaries = new ArrayList<>();
        if (!request.model().isPaper()) {
            console.println("Skipped on --model " + request.model().name() + ": " + Fig4aPotentiationSigmoid.PANEL
                    + " (it runs no cell: it plots the paper's potentiation rule)");
        }
        for (Panel p : IMPLEMENTED) {
            if (!request.model().isPaper() && p.name().equals(Fig4aPotentiationSigmoid.PANEL)) {
                continue;
            }
            // The paper's windows, each into its own folder; or one run of the request's window (null: the default).
            List<Double> windows = !p.paperWindows().isEmpty() && !request.quick() && request.matchWindowS() == null
                    ? p.paperWindows() : Collections.singletonList(request.matchWindowS());
            for (Double w : windows) {
                String folder = windows.size() == 1 ? p.name() : p.name() + "_" + windowName(w) + "s";
                Path dir = request.out().resolve(folder);
                console.println();
                console.println("== " + p.title() + " -> " + dir);
                console.flush();
                summaries.add(p.reproduction().reproduce(new Request(dir, null, w, request.seed(), request.threads(),
                        request.quick(), console, request.progress(), request.interactive(), request.model(),
                        request.lanes())));
                console.flush();
            }
        }
        return summaries;
    }

    /**
     * What a panel runs by default and about how long it takes, printed before it starts: "fig5: 1000 trials of 3 s
     * (1 s window) (the paper's count; --trials N for fewer): 3000 s of cell time, about 2.5 core-hours (1.3 hours on
     * 2 threads)".
     */
    public static String estimate(Panel p, int threads) {
        if (p.paperSimulatedSeconds() == 0) {
            return p.name() + ": " + p.paperCounts();
        }
        double coreHours = p.paperSimulatedSeconds() * MEASURED_CORE_SECONDS_PER_SIMULATED_SECOND / 3600;
        return String.format(Locale.ROOT, "%s: %s (the paper's count; --trials N for fewer): %.0f s of cell time, about"
                + " %.2g core-hours (%.2g hours on %d threads)", p.name(), p.paperCounts(), p.paperSimulatedSeconds(),
                coreHours, coreHours / threads, threads);
    }

    /** The quick counts, with the cell time they simulate and what that costs at today's speed. */
    public static void printQuickCounts(PrintWriter console) {
        console.println("Quick counts (chosen for about " + (int) CORE_SECONDS_PER_SIMULATED_SECOND
                + " core-seconds per simulated second, the simulator's speed when they were set):");
        double total = 0;
        for (Panel p : IMPLEMENTED) {
            console.printf(Locale.ROOT, "  %-8s %s%n", p.name(), p.quickCounts());
            total += p.quickSimulatedSeconds();
        }
        console.printf(Locale.ROOT, "  total: %.1f s of cell time, about %.0f core-minutes (%.0f minutes on 2 cores)%n",
                total, total * CORE_SECONDS_PER_SIMULATED_SECOND / 60, total * CORE_SECONDS_PER_SIMULATED_SECOND / 120);
    }

    /** 0.5 -> "0.5", 1.0 -> "1". */
    static String windowName(double w) {
        return w == Math.rint(w) ? Long.toString((long) w) : Double.toString(w);
    }
}
