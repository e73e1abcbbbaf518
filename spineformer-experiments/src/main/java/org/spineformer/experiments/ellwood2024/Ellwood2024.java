package org.spineformer.experiments.ellwood2024;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.DoubleConsumer;
import org.spineformer.cell.CellModel;
import org.spineformer.cell.PyramidalCell;
import org.spineformer.cell.replay.Replay;
import org.spineformer.cell.replay.Stimulus;
import org.spineformer.experiments.output.Summary;
import org.spineformer.experiments.train.AxonTrains;

/**
 * The constants of Ellwood (2024), "Short-term Hebbian learning can implement transformer-like attention", as its
 * data-collection scripts set them (SimulationDataCollectionScripts/*.py), and the way every panel runs the cell.
 * What belongs to the cell (the axons, the query pulses of 4 nA for 1 ms at soma(0.5), the initial voltages -75 mV
 * for the match and control protocols and -70 mV for the bAP protocol, CollectSpikeDelays.py) comes from the
 * {@link CellModel}: the paper's cell has the paper's values in its description's {@code experiment} part.
 */
public final class Ellwood2024 {
    /**
     * The paper's cell: 150 axons, each contacting 10 neighbouring spines (synapses_per_axon = 10). The experiments
     * read a cell's axons from its {@link CellModel} (the paper's cell: its description's {@code experiment} part);
     * these name the paper's counts where the paper's defaults are set.
     */
    public static final int SPINES_PER_AXON = 10;
    public static final int AXONS = 150;
    public static final int SPINES = AXONS * SPINES_PER_AXON;

    /** Presynaptic and postsynaptic rate: 6 Hz (spike_rate_kHz = 0.006). */
    public static final double RATE_KHZ = 0.006;
    /** The dead time after each spike (interspike_refactory_period_ms = 50). */
    public static final double RECOVERY_MS = 50;
    /**
     * The matched axon's spikes come this long before the somatic pulse, plus the spine's bAP delay
     * (optimum_offset = 7, which includes the 1 ms NetCon delay).
     */
    public static final double OPTIMUM_OFFSET_MS = 7;


    /** The full trials of Figures 4 and 5: 250 ms rest, match window, 500 ms gap, 1 s control, 250 ms rest. */
    public static final double REST_MS = 250;
    public static final double GAP_MS = 500;
    public static final double CONTROL_MS = 1000;

    /** The false-positive rate at which Figure 3 sets the potentiation threshold. */
    public static final double THRESHOLD_FALSE_POSITIVE_RATE = 0.1;

    /** The match windows of Figures 3 and 5 (s). */
    public static final List<Double> MATCH_WINDOWS_S = List.of(0.5, 1.0, 2.0);
    /**
     * The longest match window accepted (s): 30 times the paper's longest. Every trial simulates at least its window
     * (minutes of CPU per trial at a minute), and a longer value is most likely milliseconds given for seconds.
     */
    public static final double MAX_MATCH_WINDOW_S = 60;

    /**
     * The AMPA_WITH_CA default threshold (Ellwood_AMPA_with_Ca.mod), in force when a script builds the potentiating
     * cell without setting one (CollectSpikeDelays.py): in effect never crossed.
     */
    public static final double MOD_DEFAULT_THRESHOLD = 1e50;

    /** Traces of the example panels keep every 4th step: 0.1 ms, finer than any spike's rise. */
    public static final int EXAMPLE_SAVE_EVERY = 4;

    private Ellwood2024() {
    }

    /**
     * Checks that a match window given as {@code name} (s) is at most {@link #MAX_MATCH_WINDOW_S}.
     *
     * @throws IllegalArgumentException naming the option or field, the value and the reason
     */
    public static void requireAtMostMaxMatchWindow(String name, double matchWindowS) {
        if (matchWindowS > MAX_MATCH_WINDOW_S) {
            throw new IllegalArgumentException(name + " = " + matchWindowS + " s is longer than "
                    + MAX_MATCH_WINDOW_S + " s: every trial would simulate at least that long (the paper's windows are"
                    + " 0.5 to 2 s); the option is in seconds, not milliseconds");
        }
    }

    /**
     * The thresholds the paper's Figure 3 ROC gave and Figures 4 and 5 used, for the 0.5, 1 and 2 s windows (printed
     * in Figure_3BCDE_HistogramAndROCPlots.py lines 21-25).
     *
     * @throws IllegalArgumentException for any other window
     */
    public static double paperThreshold(double matchWindowS) {
        if (matchWindowS == 0.5) {
            return 6.039219977285495e-14;
        } else if (matchWindowS == 1) {
            return 7.868762741685457e-14;
        } else if (matchWindowS == 2) {
            return 1.0341419360815979e-13;
        }
        throw new IllegalArgumentException("match window = " + matchWindowS
                + " s: the paper has thresholds for 0.5, 1 and 2 s only");
    }

    /** Whether the paper has a threshold for this window. */
    public static boolean hasPaperThreshold(double matchWindowS) {
        return MATCH_WINDOWS_S.contains(matchWindowS);
    }

    /**
     * A stimulus with the model's run settings (dt 0.025 ms; its temperature, query pulses and connection delay: for
     * the paper's cell 37 degC, 4 nA / 1 ms pulses, 1 ms), recording nothing.
     *
     * @param threshold the potentiation threshold, +infinity for the non-potentiating cell
     *     ({@code include_ca_dependent_potentiation=False})
     * @param pre presynaptic spike times per spine
     * @param post somatic pulse onsets
     */
    public static Stimulus stimulus(CellModel model, double vInitMv, double tstopMs, double threshold, double[][] pre,
                                    double[] post) {
        return new Stimulus(vInitMv, tstopMs, PyramidalCell.DT_MS, model.celsius(), threshold, pre, post,
                model.queryAmpNa(), model.queryDurMs(), model.netconDelayMs(), List.of(), new int[0], 1);
    }

    /**
     * Independent 6 Hz trains with the paper's dead time for every axon of the model over [startMs, endMs], drawn
     * in axon order.
     */
    public static AxonTrains axonTrains(CellModel model, SplittableRandom random, double startMs, double endMs,
                                        double rateKhz) {
        return AxonTrains.poisson(random, model.axons(), model.spineCount(), startMs, endMs, rateKhz, RECOVERY_MS);
    }

    /**
     * Summary keys that compare with the paper's cell (its published delays, thresholds and optimum offset) and mean
     * nothing for another cell: a {@code --model} run's summary leaves them out.
     */
    public static final List<String> PAPER_CELL_KEYS = List.of("paper_delay_min_ms", "paper_delay_max_ms",
            "paper_optimum_offset_ms", "paper_threshold", "threshold_over_paper");

    /**
     * For a {@code --model} cell, adds the model's name, its description's hash and its morphology file's hash
     * (when it reads one) to a panel's written summary, drops the {@link #PAPER_CELL_KEYS}, and writes it again; the
     * paper's cell's summary is left as it was (as before {@code --model}).
     */
    public static Summary recordModel(Summary s, CellModel model, Path dir) throws IOException {
        if (!model.isPaper()) {
            s.without(PAPER_CELL_KEYS).put("model", model.name()).put("model_sha256", model.sha256());
            if (model.morphologySha256() != null) {
                s.put("morphology_sha256", model.morphologySha256());
            }
            s.write(dir);
        }
        return s;
    }

    /** The same stimulus with traces keeping every {@code saveEvery}-th step. */
    public static Stimulus sampledEvery(Stimulus s, int saveEvery) {
        return new Stimulus(s.vInitMv(), s.tstopMs(), s.dtMs(), s.celsius(), s.threshold(), s.pre(), s.post(),
                s.pulseAmpNa(), s.pulseDurMs(), s.netconDelayMs(), s.recordV(), s.recordSpines(), saveEvery);
    }

    /** A recorded column of a run, by its name ({@code v:soma(0.5)}, {@code g_dynamic:spine_40}, ...). */
    public static double[] trace(Replay.Result r, String name) {
        int i = r.traceNames().indexOf(name);
        if (i < 0) {
            throw new IllegalArgumentException("no trace '" + name + "' was recorded; recorded: " + r.traceNames());
        }
        return r.traces().get(i);
    }

    /**
     * Runs the model's cell on {@code stim}.
     *
     * @param spinePeaks whether to time every spine head's voltage peak (Figure 2B)
     * @param record extra columns to record ({@link org.spineformer.cell.replay.RecordSpec})
     * @param progress takes the fraction of the run done
     */
    public static Replay.Result simulate(CellModel model, Stimulus stim, boolean spinePeaks, List<String> record,
                                         DoubleConsumer progress) {
        return Replay.run(stim, model, record, spinePeaks, t -> progress.accept(t / stim.tstopMs()));
    }
}
