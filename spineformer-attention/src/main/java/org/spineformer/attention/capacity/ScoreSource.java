package org.spineformer.attention.capacity;

import java.util.function.IntFunction;

/**
 * Where a query's scores come from: the scores of every key against query i (tuning queries first). A function of
 * the task alone, so that the same query gets the same scores on any thread; new sources (a model fitted to the
 * cell) plug in here.
 *
 * @param name the source's name in tables and plots
 * @param scores query index to one score per key
 */
public record ScoreSource(String name, IntFunction<double[]> scores) {
}
