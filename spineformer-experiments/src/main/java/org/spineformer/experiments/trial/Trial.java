package org.spineformer.experiments.trial;

import java.util.SplittableRandom;
import java.util.function.DoubleConsumer;

/**
 * One trial of an experiment: a pure function of its index and its random stream, so that it gives the same result
 * on any thread, in any order, and after a resume. It may be called from several threads at once.
 *
 * @param <R> the trial's result, a record that Jackson can write and read back (numbers, strings, arrays, records)
 */
@FunctionalInterface
public interface Trial<R> {
    /**
     * @param index the trial's index, 0 .. trials - 1
     * @param random the trial's own stream ({@link org.spineformer.experiments.train.TrialSeeds#random})
     * @param progress takes the fraction (0 to 1) of this trial done so far, as often as convenient
     */
    R run(int index, SplittableRandom random, DoubleConsumer progress);
}
