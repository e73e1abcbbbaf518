package org.spineformer.attention.capacity;

import java.util.Arrays;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.function.IntFunction;
import org.spineformer.attention.encode.RateCode;
import org.spineformer.attention.encode.RetrievalTask;
import org.spineformer.attention.reduced.BilinearScore;
import org.spineformer.attention.reduced.ScoreKernel;
import org.spineformer.experiments.train.TrialSeeds;

/**
 * The explicit key-value retrieval task of Schlag, Irie and Schmidhuber (ICML 2021, "Linear transformers are secretly
 * fast weight programmers"): n keys, each with a value, and queries that each ask for one key's value.
 *
 * <p>Values are random unit vectors of the configured dimension (Gaussian components, normalised). Keys and queries
 * come in one of three encodings:
 * <ul>
 *   <li>{@link Encoding#VECTOR}: random unit vectors; query = normalised(rho key + sqrt(1 - rho^2) noise), noise
 *       another random unit vector, key the query's target.</li>
 *   <li>{@link Encoding#RATE}: the same with non-negative vectors (absolute Gaussian components, normalised; a rate
 *       cannot be negative), each encoded as a spike train by {@link RateCode} over the match window.</li>
 *   <li>{@link Encoding#POISSON}: the paper's trains, {@link RetrievalTask}: keys 6 Hz with a 50 ms dead time, a
 *       query its target key's train with Gaussian jitter on every spike.</li>
 * </ul>
 *
 * <p>Queries 0 to T - 1 are the tuning split, T to T + Q - 1 the test split: they are drawn alike, from disjoint
 * random streams, and the tuning split is the same whatever the number of test queries. Random streams
 * ({@link TrialSeeds#random}(seed, index)): key j's vector {@code STREAMS + 5 j}, value j {@code STREAMS + 5 j + 1},
 * key j's train {@code STREAMS + 5 j + 2}, query i's target and vector {@code STREAMS + 5 i + 3}, its train
 * {@code STREAMS + 5 i + 4}; the Poisson encoding's trains are {@link RetrievalTask}'s, whose streams lie below
 * STREAMS. Key j is the same for every n, so a larger memory holds the smaller one's keys.
 */
public final class CapacityTask {
    /** The first stream index of the vectors and rate trains, beyond any {@link RetrievalTask} stream. */
    static final long STREAMS = 1L << 40;

    /** How keys and queries are presented. */
    public enum Encoding {
        VECTOR, RATE, POISSON;

        /** The encoding's name in options and tables. */
        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }

        public boolean spikes() {
            return this != VECTOR;
        }
    }

    /**
     * @param encoding how keys and queries are presented
     * @param keys n, at least 1
     * @param dimension the dimension of key and query vectors (vector and rate encodings) and of values, >= 1
     * @param correlation rho in [0, 1] (vector and rate encodings)
     * @param tuningQueries T, at least 1
     * @param testQueries Q, at least 1
     * @param maxRateKhz the rate code's rate for a component of 1 (rate encoding; spikes/ms)
     * @param matchWindowS the window of the trains (s): the rate code's bins split it, one per component
     * @param jitterMs the s.d. of the Poisson encoding's query jitter (ms), >= 0
     * @param seed the task's seed
     */
    public record Config(Encoding encoding, int keys, int dimension, double correlation, int tuningQueries,
                         int testQueries, double maxRateKhz, double matchWindowS, double jitterMs, long seed) {
        public Config {
            if (keys < 1) {
                throw new IllegalArgumentException("keys = " + keys + " must be >= 1");
            }
            if (dimension < 1) {
                throw new IllegalArgumentException("dimension = " + dimension + " must be >= 1");
            }
            if (!(correlation >= 0 && correlation <= 1)) {
                throw new IllegalArgumentException("correlation = " + correlation + " must be in [0, 1]");
            }
            if (tuningQueries < 1 || testQueries < 1) {
                throw new IllegalArgumentException("tuning queries = " + tuningQueries + " and test queries = "
                        + testQueries + " must both be >= 1");
            }
            if (!(matchWindowS > 0 && Double.isFinite(matchWindowS))) {
                throw new IllegalArgumentException("matchWindowS = " + matchWindowS + " must be finite and > 0");
            }
            if (!(jitterMs >= 0 && Double.isFinite(jitterMs))) {
                throw new IllegalArgumentException("jitterMs = " + jitterMs + " must be finite and >= 0");
            }
        }

        /** The rate code of the rate encoding: the match window in one bin per component. */
        public RateCode code() {
            return new RateCode(1000 * matchWindowS / dimension, maxRateKhz);
        }

        /** Tuning and test queries together. */
        public int queries() {
            return tuningQueries + testQueries;
        }
    }

    private final Config config;
    private final double[][] keyVectors;
    private final double[][] queryVectors;
    private final double[][] keyTrains;
    private final double[][] queryTrains;
    private final double[][] values;
    private final int[] targets;

    private CapacityTask(Config config, double[][] keyVectors, double[][] queryVectors, double[][] keyTrains,
                         double[][] queryTrains, double[][] values, int[] targets) {
        this.config = config;
        this.keyVectors = keyVectors;
        this.queryVectors = queryVectors;
        this.keyTrains = keyTrains;
        this.queryTrains = queryTrains;
        this.values = values;
        this.targets = targets;
    }

    /** The task of {@code c}. */
    public static CapacityTask generate(Config c) {
        int n = c.keys();
        double[][] values = new double[n][];
        for (int j = 0; j < n; j++) {
            values[j] = unitVector(TrialSeeds.random(c.seed(), STREAMS + 5L * j + 1), c.dimension(), false);
        }
        if (c.encoding() == Encoding.POISSON) {
            RetrievalTask trains = RetrievalTask.generate(new RetrievalTask.Config(n, c.queries(), c.matchWindowS(),
                    c.jitterMs(), c.seed()));
            return new CapacityTask(c, null, null, trains.inputs().keys(), trains.inputs().queries(), values,
                    trains.sources());
        }
        boolean rate = c.encoding() == Encoding.RATE;
        double[][] keys = new double[n][];
        for (int j = 0; j < n; j++) {
            keys[j] = unitVector(TrialSeeds.random(c.seed(), STREAMS + 5L * j), c.dimension(), rate);
        }
        double[][] queries = new double[c.queries()][];
        int[] targets = new int[c.queries()];
        double noiseWeight = Math.sqrt(1 - c.correlation() * c.correlation());
        for (int i = 0; i < c.queries(); i++) {
            SplittableRandom random = TrialSeeds.random(c.seed(), STREAMS + 5L * i + 3);
            targets[i] = random.nextInt(n);
            double[] noise = unitVector(random, c.dimension(), rate);
            double[] q = new double[c.dimension()];
            for (int k = 0; k < q.length; k++) {
                q[k] = c.correlation() * keys[targets[i]][k] + noiseWeight * noise[k];
            }
            queries[i] = normalised(q);
        }
        if (!rate) {
            return new CapacityTask(c, keys, queries, null, null, values, targets);
        }
        RateCode code = c.code();
        double[][] keyTrains = new double[n][];
        for (int j = 0; j < n; j++) {
            keyTrains[j] = code.encode(keys[j], TrialSeeds.random(c.seed(), STREAMS + 5L * j + 2));
        }
        double[][] queryTrains = new double[c.queries()][];
        for (int i = 0; i < c.queries(); i++) {
            queryTrains[i] = code.encode(queries[i], TrialSeeds.random(c.seed(), STREAMS + 5L * i + 4));
        }
        return new CapacityTask(c, keys, queries, keyTrains, queryTrains, values, targets);
    }

    public Config config() {
        return config;
    }

    /** Value j, a unit vector. */
    public double[][] values() {
        return values;
    }

    /** Query i's target key (tuning queries first). */
    public int target(int query) {
        return targets[query];
    }

    /** The spikes a neuron receives for query i: the query's and every key's; 0 for the vector encoding. */
    public long spikes(int query) {
        if (!config.encoding().spikes()) {
            return 0;
        }
        return queryTrains[query].length + Arrays.stream(keyTrains).mapToLong(t -> t.length).sum();
    }

    /**
     * The exact score, without encoding noise: the dot product of the vectors (vector encoding), the expected
     * bilinear score of the rate-coded vectors ({@link RateScore}), or the expected score of the jittered query
     * (the Poisson encoding: its target's train against each key under {@link JitterKernel}).
     */
    public ScoreSource exact(ScoreKernel kernel) {
        return switch (config.encoding()) {
            case VECTOR -> new ScoreSource("exact", i -> {
                double[] s = new double[keyVectors.length];
                for (int j = 0; j < s.length; j++) {
                    s[j] = dot(keyVectors[j], queryVectors[i]);
                }
                return s;
            });
            case RATE -> {
                RateScore expected = new RateScore(kernel, config.code());
                yield new ScoreSource("exact", i -> {
                    double[] s = new double[keyVectors.length];
                    for (int j = 0; j < s.length; j++) {
                        s[j] = expected.expected(keyVectors[j], queryVectors[i]);
                    }
                    return s;
                });
            }
            case POISSON -> {
                ScoreKernel smoothed = JitterKernel.of(kernel, config.jitterMs());
                yield trainScores("exact", smoothed, i -> keyTrains[targets[i]]);
            }
        };
    }

    /**
     * The score a spine sees: the reduced model's {@link BilinearScore} of the key's and the query's spike trains
     * under {@code kernel} (encodings with spikes only).
     */
    public ScoreSource spine(ScoreKernel kernel) {
        if (!config.encoding().spikes()) {
            throw new IllegalArgumentException("the spine score needs spike trains; the " + config.encoding().label()
                    + " encoding has none (use rate or poisson)");
        }
        return trainScores("spine", kernel, i -> queryTrains[i]);
    }

    private ScoreSource trainScores(String name, ScoreKernel kernel, IntFunction<double[]> query) {
        return new ScoreSource(name, i -> {
            double[] q = query.apply(i);
            double[] s = new double[keyTrains.length];
            for (int j = 0; j < s.length; j++) {
                s[j] = BilinearScore.score(kernel, keyTrains[j], q, 0);
            }
            return s;
        });
    }

    static double dot(double[] a, double[] b) {
        double sum = 0;
        for (int k = 0; k < a.length; k++) {
            sum += a[k] * b[k];
        }
        return sum;
    }

    private static double[] unitVector(SplittableRandom random, int dimension, boolean nonNegative) {
        double[] v = new double[dimension];
        for (int k = 0; k < dimension; k++) {
            double g = random.nextGaussian();
            v[k] = nonNegative ? Math.abs(g) : g;
        }
        return normalised(v);
    }

    private static double[] normalised(double[] v) {
        double norm = Math.sqrt(dot(v, v));
        return Arrays.stream(v).map(x -> x / norm).toArray();
    }
}
