package org.spineformer.attention.reduced;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * The reduced control phase with the cell's failures: each value spike of a selected key drives an output spike
 * with the {@link Transmission}'s probability for that key (its score relative to the threshold, its distance along
 * the branch), delayed by the transmission's delay; the others are the paper's failed spikes. The draws come from a
 * stream seeded by {@code seed} and the query's spike times, so a query's output does not depend on the thread count
 * or on the other queries.
 *
 * @param transmission the fitted probabilities and delay
 * @param threshold the threshold the scores are relative to (units of the paper's 1 s threshold)
 * @param keyDistancesUm key j's distance along its branch (um, {@link KeyPlacement#distancesUm}); keys beyond its
 *     length get the cell's mean
 * @param seed the draws' seed
 */
public record TransmittingOutput(Transmission transmission, double threshold, double[] keyDistancesUm, long seed)
        implements OutputModel {
    public TransmittingOutput {
        if (!(threshold > 0 && Double.isFinite(threshold))) {
            throw new IllegalArgumentException("threshold = " + threshold + " must be finite and > 0");
        }
    }

    @Override
    public double delayMs() {
        return transmission.delayMs();
    }

    /** The probability that a value spike of key j, with this score, drives an output spike. */
    public double probability(int key, double score) {
        double distance = key < keyDistancesUm.length ? keyDistancesUm[key] : KeyPlacement.meanDistanceUm();
        return transmission.probability(score / threshold - 1, distance);
    }

    @Override
    public double[] output(double[][] values, int[] selected, double[] scores, double[] query) {
        SplittableRandom random = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + Arrays.hashCode(query));
        int count = 0;
        double[] out = new double[Arrays.stream(selected).map(j -> values[j].length).sum()];
        for (int j : selected) {
            double p = probability(j, scores[j]);
            for (double v : values[j]) {
                if (random.nextDouble() < p) {
                    out[count++] = v + delayMs();
                }
            }
        }
        double[] train = Arrays.copyOf(out, count);
        Arrays.sort(train);
        return train;
    }
}
