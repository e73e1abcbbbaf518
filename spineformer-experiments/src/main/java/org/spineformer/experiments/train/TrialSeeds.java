package org.spineformer.experiments.train;

import java.util.SplittableRandom;

/**
 * The random stream of one trial, a function of the run's seed and the trial's index only, so that a trial draws
 * the same spike trains whichever thread runs it, in whatever order, and whether the run was interrupted and resumed.
 *
 * <p>The stream of trial i under seed s is {@code new SplittableRandom(mix64(mix64(s) + i))}, where mix64 is the
 * SplitMix64 finalizer (Stafford's variant 13, the function {@link SplittableRandom} itself uses to derive its
 * outputs). mix64 is a bijection on 64-bit values, so under one seed distinct indices get distinct generator seeds,
 * and hashing the seed first keeps runs with neighbouring seeds (s and s + 1) from sharing shifted streams.
 */
public final class TrialSeeds {
    private TrialSeeds() {
    }

    /** A fresh generator for trial {@code index} (at least 0) of a run with seed {@code seed}. */
    public static SplittableRandom random(long seed, long index) {
        if (index < 0) {
            throw new IllegalArgumentException("trial index = " + index + " must be >= 0");
        }
        return new SplittableRandom(mix64(mix64(seed) + index));
    }

    /** The SplitMix64 finalizer: a bijective avalanche mix of 64 bits. */
    public static long mix64(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }
}
