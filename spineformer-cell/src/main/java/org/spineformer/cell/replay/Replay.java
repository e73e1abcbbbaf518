package org.spineformer.cell.replay;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.DoubleConsumer;
import org.spineformer.cell.CellModel;
import org.spineformer.cell.CellParameters;
import org.spineformer.cell.PyramidalCell;
import org.spineformer.engine.NonFiniteStateException;
import org.spineformer.engine.Simulation;
import org.spineformer.engine.StepObserver;
import org.spineformer.engine.mech.Catalogue;
import org.spineformer.engine.record.PeakDetector;
import org.spineformer.engine.record.Recorder;

/** Runs the paper's cell on an explicit {@link Stimulus}: no file I/O, no printing. */
public final class Replay {
    /** Somatic spikes are local maxima of soma v above this (mV), as the paper detects them. */
    public static final double SPIKE_THRESHOLD_MV = 0;
    /**
     * Recorded traces may take at most this fraction of the JVM's maximum heap: the recorder's growing arrays reach
     * up to three times the traces' size while one is copied into its double, and the cell needs the rest.
     */
    static final double TRACE_MEMORY_FRACTION = 0.25;
    /** The spine peak window of the whole run. */
    private static final double[] WHOLE_RUN = {0, Double.POSITIVE_INFINITY};

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
        return run(stim, params, Catalogue.discover(), extraRecord, spinePeaks, progress);
    }

    /**
     * As {@link #run(Stimulus, CellParameters, List, boolean, DoubleConsumer)}, the cell built with the mechanisms
     * of {@code catalogue} (e.g. mechanisms compiled from mod files in place of the hand-written ones).
     */
    public static Result run(Stimulus stim, CellParameters params, Catalogue catalogue, List<String> extraRecord,
                             boolean spinePeaks, DoubleConsumer progress) {
        requireTracesFit(stim, extraRecord, Runtime.getRuntime().maxMemory());
        return run(stim, PyramidalCell.build(params.withPotentiationThreshold(stim.threshold()), catalogue), extraRecord,
                spinePeaks ? WHOLE_RUN : null, progress, null);
    }

    /**
     * As {@link #run(Stimulus, CellParameters, List, boolean, DoubleConsumer)} for a cell model: the paper's cell, or
     * any spiny description with experiment settings ({@link CellModel}), built with the stimulus's threshold.
     */
    public static Result run(Stimulus stim, CellModel model, List<String> extraRecord, boolean spinePeaks,
                             DoubleConsumer progress) {
        requireTracesFit(stim, extraRecord, Runtime.getRuntime().maxMemory());
        return run(stim, model.build(stim.threshold()), extraRecord, spinePeaks ? WHOLE_RUN : null, progress, null);
    }

    /**
     * As {@link #run(Stimulus, CellModel, List, boolean, DoubleConsumer)} without spine peaks, continuing from the
     * rest before the stimulus's first input that {@code starts} keeps (simulated there once for every replay of
     * the same cell and settings; null: from 0): the same result, bit for bit.
     */
    public static Result run(Stimulus stim, CellModel model, List<String> extraRecord, DoubleConsumer progress,
                             CommonStarts starts) {
        requireTracesFit(stim, extraRecord, Runtime.getRuntime().maxMemory());
        return run(stim, model.build(stim.threshold()), extraRecord, null, progress,
                starts == null ? null : starts.of(List.of(stim), model, extraRecord));
    }

    /**
     * As {@link #run(Stimulus, CellModel, List, boolean, DoubleConsumer)} with every spine head's voltage peak
     * looked for from {@code peaksFromMs} to {@code peaksToMs} only (the steps whose time is in that interval, to
     * within half a step).
     */
    public static Result run(Stimulus stim, CellModel model, List<String> extraRecord, double peaksFromMs,
                             double peaksToMs, DoubleConsumer progress) {
        if (!(peaksFromMs >= 0 && peaksToMs >= peaksFromMs)) {
            throw new IllegalArgumentException("spine peak window " + peaksFromMs + " to " + peaksToMs
                    + " ms: need 0 <= from <= to");
        }
        requireTracesFit(stim, extraRecord, Runtime.getRuntime().maxMemory());
        return run(stim, model.build(stim.threshold()), extraRecord, new double[] {peaksFromMs, peaksToMs},
                progress, null);
    }

    /**
     * @param peakWindowMs from and to (ms) where spine heads' voltage peaks are looked for; null: no peaks
     * @param start the rest to continue from (no spine peaks then), null: from 0
     */
    private static Result run(Stimulus stim, PyramidalCell cell, List<String> extraRecord, double[] peakWindowMs,
                              DoubleConsumer progress, CommonStarts.Start start) {
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

        Set<String> columns = columnsOf(stim);
        columns.addAll(extraRecord);
        Recorder rec = recorder(columns, stim.saveEvery(), cell, sim);
        PeakDetector spikes = somaSpikes(cell, sim);
        SpinePeakTracker peaks = null;
        if (peakWindowMs != null) {
            int[] heads = new int[cell.spineCount()];
            for (int k = 0; k < heads.length; k++) {
                heads[k] = sim.discretization().segmentNode(cell.spineHeadSection(k), 0);
            }
            peaks = peakWindowMs == WHOLE_RUN ? new SpinePeakTracker(heads) : new SpinePeakTracker(heads,
                    Math.round(peakWindowMs[0] / stim.dtMs()), peakWindowMs[1] == Double.POSITIVE_INFINITY
                    ? Long.MAX_VALUE : Math.round(peakWindowMs[1] / stim.dtMs()));
            sim.addObserver(peaks);
        }
        if (progress != null) {
            sim.addObserver(progressEvery(progress, Math.max(1, (long) (10.0 / stim.dtMs()))));
        }

        long startNs = System.nanoTime();
        sim.initialize(stim.vInitMv());
        if (start != null) {
            continueFrom(start, sim, columns.isEmpty() ? List.of() : List.of(rec), List.of(spikes));
        }
        sim.run(stim.tstopMs());
        double wall = (System.nanoTime() - startNs) / 1e9;

        double[] gDynamic = sim.block(PyramidalCell.PLASTIC_SYNAPSE).column("g_dynamic").clone();
        double[] gDelayed = stim.potentiation()
                ? sim.block(PyramidalCell.PLASTIC_SYNAPSE).column("g_dynamic_delayed").clone() : null;
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

    /**
     * Replays several stimuli of the cell of {@code params} as trials in lanes: one simulation of
     * {@code stims.size()} lanes, stimulus i in lane i (the spike trains and pulses per lane). The stimuli must agree
     * on everything but their spike trains and pulse times ({@link #sameTrialSettings}). Each result has the spike
     * times, final integrals and recorded columns of its trial (no spine peaks), the same bits as {@link #run} on it
     * alone; its wall time is its share of the group's, the group's divided by the lanes.
     *
     * @throws org.spineformer.engine.NonFiniteStateException the first lane's blow-up, after the run, naming it
     */
    public static List<Result> runLanes(List<Stimulus> stims, CellParameters params, Catalogue catalogue) {
        requireSameTrialSettings(stims);
        PyramidalCell cell = PyramidalCell.build(params.withPotentiationThreshold(stims.get(0).threshold()), catalogue);
        List<Result> results = new ArrayList<>();
        for (Outcome o : runLanes(stims, cell, List.of(), null, null)) {
            if (o.failure() != null) {
                throw o.failure();
            }
            results.add(o.result());
        }
        return results;
    }

    /**
     * One trial's outcome in lanes: its result, or (result null) the blow-up of its lane, which did not stop the
     * other lanes.
     */
    public record Outcome(Result result, NonFiniteStateException failure) {
    }

    /**
     * As {@link #runLanes(List, CellParameters, Catalogue)} for a cell model, each lane also recording
     * {@code extraRecord} (as {@link #run(Stimulus, CellModel, List, boolean, DoubleConsumer)} does), a lane's blow-up
     * returned as its outcome rather than thrown.
     *
     * @param progress receives the simulated time (ms) of all lanes now and then; may be null
     * @throws UnsupportedOperationException if a mechanism of the model does not run lanes (before any stepping)
     */
    public static List<Outcome> runLanes(List<Stimulus> stims, CellModel model, List<String> extraRecord,
                                         DoubleConsumer progress) {
        return runLanes(stims, model, extraRecord, progress, null);
    }

    /**
     * As {@link #runLanes(List, CellModel, List, DoubleConsumer)}, continuing from the rest before the stimuli's
     * first input that {@code starts} keeps (null: from 0), as {@link #run(Stimulus, CellModel, List,
     * DoubleConsumer, CommonStarts)} does: the same outcomes, bit for bit.
     */
    public static List<Outcome> runLanes(List<Stimulus> stims, CellModel model, List<String> extraRecord,
                                         DoubleConsumer progress, CommonStarts starts) {
        requireSameTrialSettings(stims);
        requireTracesFit(stims.get(0), extraRecord, Runtime.getRuntime().maxMemory() / stims.size());
        return runLanes(stims, model.build(stims.get(0).threshold()), extraRecord, progress,
                starts == null ? null : starts.of(stims, model, extraRecord));
    }

    private static List<Outcome> runLanes(List<Stimulus> stims, PyramidalCell cell, List<String> extraRecord,
                                          DoubleConsumer progress, CommonStarts.Start start) {
        Stimulus first = stims.get(0);
        int lanes = stims.size();
        if (first.pre().length != cell.spineCount()) {
            throw new IllegalArgumentException("the stimuli have " + first.pre().length + " spine lists, the cell has "
                    + cell.spineCount() + " spines");
        }
        for (int k = 0; k < cell.spineCount(); k++) {
            double[][] trains = new double[lanes][];
            boolean any = false;
            for (int lane = 0; lane < lanes; lane++) {
                trains[lane] = stims.get(lane).pre()[k];
                any |= trains[lane].length > 0;
            }
            if (any) {
                cell.addPresynapticSpikes(k, trains, first.netconDelayMs());
            }
        }
        cell.addSomaticPulses(stims.stream().map(Stimulus::post).toArray(double[][]::new), first.pulseAmpNa(),
                first.pulseDurMs());
        Simulation sim = cell.simulation(first.dtMs(), first.celsius(), lanes);
        Set<String> columns = columnsOf(first);
        columns.addAll(extraRecord);
        List<Recorder> recorders = new ArrayList<>();
        int soma = sim.discretization().node(cell.somaSection(), cell.somaX());
        List<PeakDetector> spikes = new ArrayList<>();
        for (int lane = 0; lane < lanes; lane++) {
            Recorder rec = new Recorder(first.saveEvery());
            for (String c : columns) {
                RecordSpec.add(c, cell, sim, rec, lane);
            }
            if (!columns.isEmpty()) {
                sim.addObserver(rec);
            }
            recorders.add(rec);
            PeakDetector p = new PeakDetector(soma, lane, SPIKE_THRESHOLD_MV);
            spikes.add(p);
            sim.addObserver(p);
        }
        if (progress != null) {
            sim.addObserver(progressEvery(progress, Math.max(1, (long) (10.0 / first.dtMs()))));
        }
        long startNs = System.nanoTime();
        sim.initialize(first.vInitMv());
        if (start != null) {
            continueFrom(start, sim, columns.isEmpty() ? List.of() : recorders, spikes);
        }
        sim.run(first.tstopMs());
        double wall = (System.nanoTime() - startNs) / 1e9 / lanes;
        double[] gDynamic = sim.block(PyramidalCell.PLASTIC_SYNAPSE).column("g_dynamic");
        double[] gDelayed = first.potentiation()
                ? sim.block(PyramidalCell.PLASTIC_SYNAPSE).column("g_dynamic_delayed") : null;
        List<Outcome> outcomes = new ArrayList<>();
        for (int lane = 0; lane < lanes; lane++) {
            if (sim.failure(lane) != null) {
                outcomes.add(new Outcome(null, sim.failure(lane)));
                continue;
            }
            List<String> names = new ArrayList<>();
            List<double[]> traces = new ArrayList<>();
            if (!columns.isEmpty()) {
                names.add("t_ms");
                traces.add(recorders.get(lane).time());
                for (String c : columns) {
                    names.add(c);
                    traces.add(recorders.get(lane).column(c));
                }
            }
            outcomes.add(new Outcome(new Result(spikes.get(lane).times(), lane(gDynamic, lane, lanes),
                    gDelayed == null ? null : lane(gDelayed, lane, lanes), null, List.copyOf(names),
                    List.copyOf(traces), wall), null));
        }
        return outcomes;
    }

    /**
     * The rest of {@code settings}'s cell up to {@code atMs} with no input, recording {@code extraRecord} and the
     * settings' columns and detecting somatic spikes as a replay does; null if a mechanism keeps state outside its
     * columns (then replays run from 0).
     */
    static CommonStarts.Start rest(Stimulus settings, CellModel model, List<String> extraRecord, double atMs) {
        PyramidalCell cell = model.build(settings.threshold());
        Simulation sim = cell.simulation(settings.dtMs(), settings.celsius());
        Set<String> columns = columnsOf(settings);
        columns.addAll(extraRecord);
        Recorder rec = recorder(columns, settings.saveEvery(), cell, sim);
        PeakDetector spikes = somaSpikes(cell, sim);
        sim.initialize(settings.vInitMv());
        sim.run(atMs);
        try {
            return new CommonStarts.Start(sim.snapshot(), rec, spikes);
        } catch (UnsupportedOperationException e) {
            return null;
        }
    }

    /** A recorder of a trial's columns (a one-trial simulation's), watching {@code sim} if there are any. */
    private static Recorder recorder(Set<String> columns, int saveEvery, PyramidalCell cell, Simulation sim) {
        Recorder rec = new Recorder(saveEvery);
        for (String c : columns) {
            RecordSpec.add(c, cell, sim, rec);
        }
        if (!columns.isEmpty()) {
            sim.addObserver(rec);
        }
        return rec;
    }

    /** The somatic spike detector of a one-trial simulation, watching it. */
    private static PeakDetector somaSpikes(PyramidalCell cell, Simulation sim) {
        PeakDetector spikes = new PeakDetector(sim.discretization().node(cell.somaSection(), cell.somaX()),
                SPIKE_THRESHOLD_MV);
        sim.addObserver(spikes);
        return spikes;
    }

    /** Continues {@code sim}, just initialized, from {@code start}: its state, recorders and spike detectors. */
    private static void continueFrom(CommonStarts.Start start, Simulation sim, List<Recorder> recorders,
                                     List<PeakDetector> spikes) {
        sim.restore(start.snapshot());
        for (Recorder rec : recorders) {
            rec.continueFrom(start.recorder());
        }
        for (PeakDetector p : spikes) {
            p.continueFrom(start.spikes());
        }
    }

    /** One lane of a column ([instance * lanes + lane]): every instance's value in that lane. */
    private static double[] lane(double[] column, int lane, int lanes) {
        double[] values = new double[column.length / lanes];
        for (int k = 0; k < values.length; k++) {
            values[k] = column[k * lanes + lane];
        }
        return values;
    }

    /**
     * What trials in lanes must share: everything but their spike trains and pulse times.
     *
     * @return null when {@code a} and {@code b} can run in lanes together, else the first setting they differ in
     */
    public static String sameTrialSettings(Stimulus a, Stimulus b) {
        return a.vInitMv() != b.vInitMv() ? "v_init" : a.tstopMs() != b.tstopMs() ? "tstop"
                : a.dtMs() != b.dtMs() ? "dt" : a.celsius() != b.celsius() ? "celsius"
                : a.threshold() != b.threshold() ? "threshold" : a.pulseAmpNa() != b.pulseAmpNa() ? "pulse amplitude"
                : a.pulseDurMs() != b.pulseDurMs() ? "pulse duration"
                : a.netconDelayMs() != b.netconDelayMs() ? "connection delay"
                : a.pre().length != b.pre().length ? "spine count"
                : !a.recordV().equals(b.recordV()) || !Arrays.equals(a.recordSpines(), b.recordSpines())
                ? "recorded columns" : a.saveEvery() != b.saveEvery() ? "save_every" : null;
    }

    private static void requireSameTrialSettings(List<Stimulus> stims) {
        if (stims.isEmpty()) {
            throw new IllegalArgumentException("no stimuli to run in lanes");
        }
        for (int i = 1; i < stims.size(); i++) {
            String differs = sameTrialSettings(stims.get(0), stims.get(i));
            if (differs != null) {
                throw new IllegalArgumentException("stimulus " + i + " differs from stimulus 0 in its " + differs
                        + ": trials in lanes share everything but their spike trains and pulse times");
            }
        }
    }

    /**
     * Checks, before anything is built, that the traces {@code stim} and {@code extraRecord} ask for fit in
     * {@link #TRACE_MEMORY_FRACTION} of {@code maxMemoryBytes} (the JVM's maximum heap when run).
     *
     * @throws IllegalArgumentException naming tstop, the sample and column counts and both sizes
     */
    public static void requireTracesFit(Stimulus stim, List<String> extraRecord, long maxMemoryBytes) {
        Set<String> columns = new LinkedHashSet<>(columnsOf(stim));
        columns.addAll(extraRecord);
        if (columns.isEmpty()) {
            return;
        }
        double samples = Math.floor(stim.tstopMs() / stim.dtMs() / stim.saveEvery()) + 1;
        double bytes = samples * (columns.size() + 1) * Double.BYTES; // + 1: the time column
        if (bytes > TRACE_MEMORY_FRACTION * maxMemoryBytes) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "tstop = %s ms would record %.3g samples"
                            + " (dt = %s ms, save_every = %d) of %d columns: %.3g GB of traces, more than %.0f%% of "
                            + "the %.3g GB this JVM may use; raise save_every, record fewer columns, shorten tstop or "
                            + "give Java more memory (SPINEFORMER_JAVA_OPTS=-Xmx...)", stim.tstopMs(), samples,
                    stim.dtMs(), stim.saveEvery(), columns.size() + 1, bytes / 1e9, 100 * TRACE_MEMORY_FRACTION,
                    maxMemoryBytes / 1e9));
        }
    }

    /** The columns a stimulus itself asks to record, in recording order. */
    private static Set<String> columnsOf(Stimulus stim) {
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
        return columns;
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
