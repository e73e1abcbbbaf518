package org.spineformer.cell.replay;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.spineformer.cell.CellModel;
import org.spineformer.engine.SimulationSnapshot;
import org.spineformer.engine.record.PeakDetector;
import org.spineformer.engine.record.Recorder;

/**
 * The rest that replays of one cell go through before their first input, simulated once and continued by every
 * replay that starts with it ({@link org.spineformer.engine.Simulation#restore}): trials of an experiment (Figures 4
 * and 5: 250 ms of rest before the trains) differ only in their inputs, so up to the first of them every trial's run
 * is the same. A replay continued from a start gives the bits of its run from 0: the state, the recorded samples
 * and the spike detection up to the start are those of a run with no input.
 *
 * <p>A start is kept per cell (its {@link CellModel} instance), run settings, recorded columns and time, the time a
 * multiple of {@link #GRID_MS} at least one step before the replays' first input. Thread-safe: the first replay
 * that needs a start simulates it, and only the replays that need that start wait for it (others find or simulate
 * theirs meanwhile). Keep one for a run of trials (its starts live as long as it).
 */
public final class CommonStarts {
    /**
     * Starts are taken at multiples of this (ms), so that trials whose first inputs differ by a few ms share one: at
     * 10 ms a trial repeats at most 10 ms of rest (Figure 5's trials, first input at 243-251 ms, start at 240 ms).
     */
    static final double GRID_MS = 10;

    /** A rest simulated once: its state, its recorded samples and its spike detection at the start's time. */
    record Start(SimulationSnapshot snapshot, Recorder recorder, PeakDetector spikes) {
    }

    /** How a start is simulated: {@link Replay#rest}, or a test's stand-in. */
    @FunctionalInterface
    interface Rest {
        Start simulate(Stimulus settings, CellModel model, List<String> record, double atMs);
    }

    /**
     * A start being simulated or done; it completes with null when the model's blocks keep state outside their
     * columns (replays then run from 0).
     */
    private record Entry(CellModel model, Stimulus settings, List<String> record, double atMs,
                         CompletableFuture<Start> start) {
    }

    private final List<Entry> entries = new ArrayList<>();
    private final Rest rest;

    public CommonStarts() {
        this(Replay::rest);
    }

    CommonStarts(Rest rest) {
        this.rest = rest;
    }

    /**
     * The start that the replays of {@code stims} (one, or a group in lanes: the same settings) on {@code model}
     * recording {@code record} continue from, simulated now if it is the first of its kind (another thread asking
     * for it meanwhile waits for it); null when they run from 0 (an input within the first {@link #GRID_MS}, or a
     * mechanism that keeps state outside its columns). A start whose simulation failed fails every replay asking
     * for it with that exception.
     */
    Start of(List<Stimulus> stims, CellModel model, List<String> record) {
        Stimulus first = stims.get(0);
        double atMs = Math.floor((firstInputMs(stims) - first.dtMs()) / GRID_MS) * GRID_MS;
        if (!(atMs >= GRID_MS)) {
            return null;
        }
        CompletableFuture<Start> start = null;
        boolean simulateHere = false;
        synchronized (entries) {
            for (Entry e : entries) {
                if (e.model == model && e.atMs == atMs && e.record.equals(record)
                        && Replay.sameTrialSettings(e.settings, first) == null) {
                    start = e.start;
                    break;
                }
            }
            if (start == null) {
                start = new CompletableFuture<>();
                entries.add(new Entry(model, first, List.copyOf(record), atMs, start));
                simulateHere = true;
            }
        }
        if (simulateHere) {
            try {
                start.complete(rest.simulate(first, model, record, atMs));
            } catch (RuntimeException | Error e) {
                start.completeExceptionally(e);
                throw e;
            }
        }
        try {
            return start.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw (Error) e.getCause();
        }
    }

    /**
     * The time (ms) of the first input of any of the stimuli, a presynaptic spike's arrival or a pulse's onset, or
     * their end if none has any.
     */
    static double firstInputMs(List<Stimulus> stims) {
        double first = stims.get(0).tstopMs();
        for (Stimulus s : stims) {
            for (double[] train : s.pre()) {
                for (double spike : train) {
                    first = Math.min(first, spike + s.netconDelayMs());
                }
            }
            for (double onset : s.post()) {
                first = Math.min(first, onset);
            }
        }
        return first;
    }
}
