package org.spineformer.experiments.trial;

import java.util.List;
import java.util.function.DoubleConsumer;
import java.util.function.Function;
import org.spineformer.cell.CellModel;
import org.spineformer.cell.replay.CommonStarts;
import org.spineformer.cell.replay.Replay;
import org.spineformer.cell.replay.Stimulus;

/**
 * A trial's replay, drawn and not yet run ({@link ReplayTrial}).
 *
 * @param model the cell
 * @param stimulus its inputs and run settings
 * @param record the columns to record besides the stimulus's own
 * @param read the trial's result from the replay's
 * @param <R> the trial's result
 */
public record Replayed<R>(CellModel model, Stimulus stimulus, List<String> record, Function<Replay.Result, R> read) {
    public Replayed {
        record = List.copyOf(record);
    }

    /**
     * Runs the replay alone and reads it: {@link Replay#run(Stimulus, CellModel, List, boolean,
     * java.util.function.DoubleConsumer)}, no spine peaks.
     *
     * @param progress takes the fraction of the run done
     */
    public R runAlone(DoubleConsumer progress) {
        return read.apply(Replay.run(stimulus, model, record, false, t -> progress.accept(t / stimulus.tstopMs())));
    }

    /**
     * As {@link #runAlone(DoubleConsumer)}, continuing from the rest before the stimulus's first input that
     * {@code starts} keeps ({@link Replay#run(Stimulus, CellModel, List, DoubleConsumer, CommonStarts)}): the same
     * result, bit for bit.
     */
    public R runAlone(DoubleConsumer progress, CommonStarts starts) {
        return read.apply(Replay.run(stimulus, model, record, t -> progress.accept(t / stimulus.tstopMs()), starts));
    }

    /** Whether this replay and {@code other} can run in lanes together: one model and the same run settings. */
    boolean fitsWith(Replayed<?> other) {
        return model == other.model && record.equals(other.record)
                && Replay.sameTrialSettings(stimulus, other.stimulus) == null;
    }
}
