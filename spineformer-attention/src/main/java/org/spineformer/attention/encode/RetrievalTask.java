package org.spineformer.attention.encode;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.spineformer.attention.AttentionInputs;
import org.spineformer.experiments.ellwood2024.Ellwood2024;
import org.spineformer.experiments.train.SpikeTrains;
import org.spineformer.experiments.train.TrialSeeds;

/**
 * Key-value retrieval, the task on which the backends are compared with softmax attention.
 *
 * <p>Key j is an independent 6 Hz train with the paper's 50 ms dead time over the match window [0, W] ms; value j
 * is an independent train of the same statistics over the control window [0, 1000] ms (the paper's 1 s control
 * phase). Query i copies the match-window train of its source key (drawn uniformly) with independent Gaussian
 * jitter of s.d. {@code jitterMs} on every spike, reflected back into the window at its edges (a spike jittered to
 * -0.4 ms lands at 0.4 ms, one jittered to W + 0.4 ms at W - 0.4 ms), re-sorted. Reflection rather than dropping
 * keeps the query's spike count equal to its key's and the jitter's distribution symmetric away from the edges;
 * every query spike then lies in [0, W], where both backends take it. Every train has its own random stream,
 * {@link TrialSeeds#random}(seed, 3 index + role) with role 0 for keys, 1 for values and 2 for queries (source and
 * jitter), so the task is a function of its configuration alone.
 *
 * @param inputs the keys, values and queries
 * @param sources query i's source key
 * @param config how the task was made
 */
public record RetrievalTask(AttentionInputs inputs, int[] sources, Config config) {
    /**
     * @param keys number of keys (and values), at least 1
     * @param queries number of queries, at least 0
     * @param matchWindowS the match window W (s)
     * @param jitterMs the s.d. of the queries' timing jitter (ms), at least 0
     * @param seed the task's seed
     */
    public record Config(int keys, int queries, double matchWindowS, double jitterMs, long seed) {
        public Config {
            if (keys < 1) {
                throw new IllegalArgumentException("keys = " + keys + " must be >= 1");
            }
            if (queries < 0) {
                throw new IllegalArgumentException("queries = " + queries + " must be >= 0");
            }
            if (!(matchWindowS > 0 && Double.isFinite(matchWindowS))) {
                throw new IllegalArgumentException("matchWindowS = " + matchWindowS + " must be finite and > 0");
            }
            if (!(jitterMs >= 0 && Double.isFinite(jitterMs))) {
                throw new IllegalArgumentException("jitterMs = " + jitterMs + " must be finite and >= 0");
            }
        }

        public double matchWindowMs() {
            return 1000 * matchWindowS;
        }
    }

    /** The task of {@code c}. */
    public static RetrievalTask generate(Config c) {
        double[][] keys = new double[c.keys()][];
        double[][] values = new double[c.keys()][];
        for (int j = 0; j < c.keys(); j++) {
            keys[j] = paperTrain(TrialSeeds.random(c.seed(), 3L * j), c.matchWindowMs());
            values[j] = paperTrain(TrialSeeds.random(c.seed(), 3L * j + 1), Ellwood2024.CONTROL_MS);
        }
        double[][] queries = new double[c.queries()][];
        int[] sources = new int[c.queries()];
        for (int i = 0; i < c.queries(); i++) {
            SplittableRandom random = TrialSeeds.random(c.seed(), 3L * i + 2);
            sources[i] = random.nextInt(c.keys());
            queries[i] = jittered(keys[sources[i]], c.jitterMs(), c.matchWindowMs(), random);
        }
        return new RetrievalTask(new AttentionInputs(keys, values, queries), sources, c);
    }

    private static double[] paperTrain(SplittableRandom random, double endMs) {
        return SpikeTrains.poisson(random, 0, endMs, Ellwood2024.RATE_KHZ, Ellwood2024.RECOVERY_MS);
    }

    private static double[] jittered(double[] train, double jitterMs, double windowMs, SplittableRandom random) {
        double[] moved = new double[train.length];
        for (int k = 0; k < train.length; k++) {
            moved[k] = reflectedInto(train[k] + jitterMs * random.nextGaussian(), windowMs);
        }
        Arrays.sort(moved);
        return moved;
    }

    /** {@code t} reflected at 0 and at {@code endMs} until it lies in [0, endMs] (a jitter wider than W folds). */
    static double reflectedInto(double t, double endMs) {
        double folded = Math.abs(t) % (2 * endMs);
        return folded > endMs ? 2 * endMs - folded : folded;
    }
}
