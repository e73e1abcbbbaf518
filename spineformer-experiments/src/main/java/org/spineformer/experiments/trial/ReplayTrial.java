package org.spineformer.experiments.trial;

import java.util.SplittableRandom;
import java.util.function.DoubleConsumer;
import org.spineformer.cell.replay.Replay;

/**
 * A trial that is one replay of a cell: its inputs drawn, the cell run on them, the run read. Split so, a
 * {@link TrialRunner} with lanes can run the replays of several trials in one simulation
 * ({@link Replay#runLanes(java.util.List, org.spineformer.cell.CellModel, java.util.List, DoubleConsumer)}); run
 * alone ({@link #run}) it is the replay of {@link Replay#run(org.spineformer.cell.replay.Stimulus,
 * org.spineformer.cell.CellModel, java.util.List, boolean, DoubleConsumer)}. Either way the result is the same, bit
 * for bit.
 *
 * @param <R> the trial's result
 */
public interface ReplayTrial<R> extends Trial<R> {
    /** Trial {@code index}'s replay: a pure function of the index and its random stream. */
    Replayed<R> draw(int index, SplittableRandom random);

    @Override
    default R run(int index, SplittableRandom random, DoubleConsumer progress) {
        return draw(index, random).runAlone(progress);
    }
}
