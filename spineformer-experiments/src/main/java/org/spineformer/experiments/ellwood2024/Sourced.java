package org.spineformer.experiments.ellwood2024;

/**
 * An input a panel took from elsewhere, with where from (reported in its summary).
 *
 * @param value the input
 * @param source the file it was read from
 */
record Sourced<T>(T value, String source) {
}
