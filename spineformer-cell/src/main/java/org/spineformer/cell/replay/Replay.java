package org.spineformer.cell.replay;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.DoubleConsumer;
import org.spineformer.cell.CellParameters;
import org.spineformer.cell.PyramidalCell;
import org.spineformer.engine.Simulation;
import org.spineformer.engine.StepObserver;
import org.spineformer.engine.record.PeakDetector;
import org.spineformer.engine.record.Recorder;

/** Runs the paper's cell on an explicit {@link Stimulus}: no file I/O, no printing. */
public final class Replay {
    /** Somatic spikes are local maxima of soma v above this (mV), as the paper detects them. */
    public static final double SPIKE_THRESHOLD_MV = 0;

    /**
     * What a replay produced.
     *
     * @param somaSpikeTimesMs     local maxima of soma v above 0 mV, at step resolution
     * @param finalGDynamic        each spine's Ca^4 integral at tstop, global spine order
     * @param finalGDynamicDelayed the low-passed integral that drives potentiation (null without potentiation)
     * @param spineVPeakTimeMs     each spine head's voltage peak time, parabola-refined (null unless asked for)
     * @param traceNames           recorded column names (t_ms first)
     * @param traces               recorded columns, same order
     * @param wallSeconds          time spent initializing and running
     */
    public record Result(double[] somaSpikeTimesMs, double[] finalGDynamic, double[] finalGDynamicDelayed,
                         double[] spineVPeakTimeMs, List<String> traceNames, List<double[]> traces,
                         double wallSeconds) {
    }

    private Replay() {
    }

    /**
     * Builds the cell of {@code params} with the stimulus's threshold, plays the stimulus, and returns the result.
     *
     * @param extraRecord more columns to record (see {@link RecordSpec})
     * @param spinePeaks  whether to track every spine head's voltage peak
     * @param progress    receives the simulated time (ms) now and then; may be null
     */
    public static Result run(Stimulus stim, CellParameters params, List<String> extraRecord, boolean spinePeaks,
                             DoubleConsumer progress) {
        PyramidalCell cell = PyramidalCell.build(params.withPotentiationThreshold(stim.threshold()));
        if (stim.pre().length != cell.spineCount()) {
            throw new IllegalArgumentException("the stimulus has " + stim.pre().length + " spine lists, the cell has "
                    + cell.spineCount() + " spines");
        }
        for (int k = 0; k < stim.pre().length; k++) {
            if (stim.pre()[k].length > 0) {
                cell.addPresynapticSpikes(k, stim.pre()[k], stim.netconDelayMs());
            }
        }
        for (double t : stim.post()) {
            cell.addSomaticPulse(t, stim.pulseAmpNa(), stim.pulseDurMs());
        }
        Simulation sim = cell.simulation(stim.dtMs(), stim.celsius());

        Set<String> columns = new LinkedHashSet<>();
        for (Stimulus.Location loc : stim.recordV()) {
            columns.add(RecordSpec.voltage(loc));
        }
        for (int k : stim.recordSpines()) {
            columns.add("v:spine_" + k + "_head");
            columns.add("cai:spine_" + k);
            columns.add("g_dynamic:spine_" + k);
            if (stim.potentiation()) {
                columns.add("g_dynamic_delayed:spine_" + k);
            }
        }
        columns.addAll(extraRecord);
        Recorder rec = new Recorder(stim.saveEvery());
        for (String c : columns) {
            RecordSpec.add(c, cell, sim, rec);
        }
        if (!columns.isEmpty()) {
            sim.addObserver(rec);
        }
        PeakDetector spikes = new PeakDetector(sim.discretization().segmentNode(cell.somaSection(), 0),
                SPIKE_THRESHOLD_MV);
        sim.addObserver(spikes);
        SpinePeakTracker peaks = null;
        if (spinePeaks) {
            int[] heads = new int[cell.spineCount()];
            for (int k = 0; k < heads.length; k++) {
                heads[k] = sim.discretization().segmentNode(cell.spineHeadSection(k), 0);
            }
            peaks = new SpinePeakTracker(heads);
            sim.addObserver(peaks);
        }
        if (progress != null) {
            sim.addObserver(progressEvery(progress, Math.max(1, (long) (10.0 / stim.dtMs()))));
        }

        long start = System.nanoTime();
        sim.initialize(stim.vInitMv());
        sim.run(stim.tstopMs());
        double wall = (System.nanoTime() - start) / 1e9;

        double[] gDynamic = sim.block("AMPA_WITH_CA").column("g_dynamic").clone();
        double[] gDelayed = stim.potentiation() ? sim.block("AMPA_WITH_CA").column("g_dynamic_delayed").clone() : null;
        List<String> names = new ArrayList<>();
        List<double[]> traces = new ArrayList<>();
        if (!columns.isEmpty()) {
            names.add("t_ms");
            traces.add(rec.time());
            for (String c : columns) {
                names.add(c);
                traces.add(rec.column(c));
            }
        }
        return new Result(spikes.times(), gDynamic, gDelayed, peaks == null ? null : peaks.peakTimesMs(stim.dtMs()),
                List.copyOf(names), List.copyOf(traces), wall);
    }

    private static StepObserver progressEvery(DoubleConsumer progress, long steps) {
        return new StepObserver() {
            @Override
            public void initialized(Simulation sim) {
                progress.accept(0);
            }

            @Override
            public void stepped(Simulation sim) {
                if (sim.steps() % steps == 0) {
                    progress.accept(sim.t());
                }
            }
        };
    }
}
