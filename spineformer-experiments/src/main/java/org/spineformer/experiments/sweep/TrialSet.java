package org.spineformer.experiments.sweep;

/**
 * Trials of a grid point that share a journal: trials 0 .. trials - 1, trial i drawing from
 * {@code TrialSeeds.random(seed, i)}.
 *
 * @param folder where the set's journal is, relative to the grid point's directory ("" for that directory)
 * @param label names the set in progress output
 * @param fingerprint what determines every trial's result (written to run.json, checked on resume)
 * @param seed the set's seed
 * @param trials how many
 */
public record TrialSet(String folder, String label, Object fingerprint, long seed, int trials) {
    public TrialSet {
        if (trials < 0) {
            throw new IllegalArgumentException("trials = " + trials + " must be >= 0");
        }
    }
}
