package org.spineformer.cell.replay;

import java.util.ArrayList;
import java.util.List;
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
 * multiple of {@link #GRID_MS} at least one step before the replays' first input. Thread-safe; keep one for a run of
 * trials (its starts live as long as it).
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

    /** A start, or (start null) the model's blocks keep state outside their columns and replays run from 0. */
    private record Entry(CellModel model, Stimulus settings, List<String> record, double atMs, Start start) {
    }

    private final List<Entry> entries = new ArrayList<>();

    /**
     * The start that the replays of {@code stims} (one, or a group in lanes: the same settings) on {@code model}
     * recording {@code record} continue from, simulated now if it is the first of its kind; null when they run from
     * 0 (an input within the first {@link #GRID_MS}, or a mechanism that keeps state outside its columns).
     */
    synchronized Start of(List<Stimulus> stims, CellModel model, List<String> record) {
        Stimulus first = stims.get(0);
        double atMs = Math.floor((firstInputMs(stims) - first.dtMs()) / GRID_MS) * GRID_MS;
        if (!(atMs >= GRID_MS)) {
            return null;
        }
        for (Entry e : entries) {
            if (e.model == model && e.atMs == atMs && e.record.equals(record)
                    && Replay.sameTrialSettings(e.settings, first) == null) {
                return e.start;
            }
        }
        Start start = Replay.rest(first, model, record, atMs);
        entries.add(new Entry(model, first, List.copyOf(record), atMs, start));
        return start;
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
