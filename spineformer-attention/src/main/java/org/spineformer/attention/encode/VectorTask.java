package org.spineformer.attention.encode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.spineformer.attention.AttentionInputs;
import org.spineformer.experiments.ellwood2024.Ellwood2024;
import org.spineformer.experiments.train.TrialSeeds;
import org.spineformer.io.npy.Npy;
import org.spineformer.io.npy.NpyArray;

/**
 * Attention over vectors: queries Q (m x d), keys K (n x d) and values V (n x e), non-negative, encoded as spike
 * trains by {@link RateCode}, the keys and queries over the match window and the values over the 1 s control window
 * (each component one equal time bin), at {@code maxRateKhz} for a component of 1.
 *
 * <p>A query's target key is the key with the largest dot product q . k (the lowest index among ties): the key
 * softmax attention weights most, and the one the retrieval metrics count as correct.
 *
 * @param task the trains, with each query's target key as its source
 * @param keyCode the code of keys and queries
 * @param valueCode the code of values (decode an output train with it)
 * @param valueDimension e
 */
public record VectorTask(RetrievalTask task, RateCode keyCode, RateCode valueCode, int valueDimension) {

    /**
     * Reads Q, K and V from .npy files (2-D; float64, float32 or integers) and encodes them; key j, value j and
     * query i use the random streams {@link TrialSeeds#random}(seed, 3 index + role) as {@link RetrievalTask} does.
     */
    public static VectorTask read(Path queries, Path keys, Path values, double matchWindowS, double maxRateKhz,
                                  long seed) {
        double[][] q = matrix(queries, "queries");
        double[][] k = matrix(keys, "keys");
        double[][] v = matrix(values, "values");
        if (k.length != v.length) {
            throw new IllegalArgumentException(keys + " has " + k.length + " rows but " + values + " has " + v.length
                    + "; need one value per key");
        }
        if (k.length == 0) {
            throw new IllegalArgumentException(keys + " has no rows; need at least one key");
        }
        int d = k[0].length;
        if (q.length > 0 && q[0].length != d) {
            throw new IllegalArgumentException(queries + " has " + q[0].length + " columns but " + keys + " has " + d
                    + "; queries and keys need the same dimension");
        }
        RateCode keyCode = new RateCode(1000 * matchWindowS / d, maxRateKhz);
        RateCode valueCode = new RateCode(Ellwood2024.CONTROL_MS / v[0].length, maxRateKhz);
        double[][] keyTrains = new double[k.length][];
        double[][] valueTrains = new double[k.length][];
        for (int j = 0; j < k.length; j++) {
            keyTrains[j] = encode(keyCode, k[j], keys, j, seed, 3L * j);
            valueTrains[j] = encode(valueCode, v[j], values, j, seed, 3L * j + 1);
        }
        double[][] queryTrains = new double[q.length][];
        int[] targets = new int[q.length];
        for (int i = 0; i < q.length; i++) {
            queryTrains[i] = encode(keyCode, q[i], queries, i, seed, 3L * i + 2);
            targets[i] = largestDotProduct(q[i], k);
        }
        RetrievalTask task = new RetrievalTask(new AttentionInputs(keyTrains, valueTrains, queryTrains), targets,
                new RetrievalTask.Config(k.length, q.length, matchWindowS, 0, seed));
        return new VectorTask(task, keyCode, valueCode, v[0].length);
    }

    private static double[][] matrix(Path file, String role) {
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException(file + " (" + role + "): no such file");
        }
        NpyArray array;
        try {
            array = Npy.read(file);
        } catch (IOException e) {
            // The reader's messages start with the file and name the header field at fault; add the role.
            String message = e.getMessage();
            String named = file + " (" + role + ")";
            throw new IllegalArgumentException(message.startsWith(file.toString())
                    ? named + message.substring(file.toString().length()) : named + ": " + message, e);
        }
        int[] shape = array.shape();
        if (shape.length != 2) {
            throw new IllegalArgumentException(file + " (" + role + ") has shape " + Arrays.toString(shape)
                    + "; need a 2-D array, one row per vector");
        }
        if (shape[1] == 0) {
            throw new IllegalArgumentException(file + " (" + role + ") has rows of length 0");
        }
        return switch (array.dtype()) {
            case FLOAT64 -> array.doubleMatrix();
            // float32 arrives as float64 and integers as int64 (Npy.read widens them); both are exact here.
            case INT64 -> Arrays.stream(array.longMatrix())
                    .map(row -> Arrays.stream(row).asDoubleStream().toArray()).toArray(double[][]::new);
            case BOOL -> throw new IllegalArgumentException(file + " (" + role + ") holds booleans; need numbers"
                    + " (numpy: np.save(path, x.astype(np.float64)))");
        };
    }

    private static double[] encode(RateCode code, double[] vector, Path file, int row, long seed, long stream) {
        try {
            return code.encode(vector, TrialSeeds.random(seed, stream));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(file + " row " + row + ": " + e.getMessage(), e);
        }
    }

    private static int largestDotProduct(double[] q, double[][] keys) {
        int best = 0;
        double bestDot = Double.NEGATIVE_INFINITY;
        for (int j = 0; j < keys.length; j++) {
            double dot = 0;
            for (int c = 0; c < q.length; c++) {
                dot += q[c] * keys[j][c];
            }
            if (dot > bestDot) {
                best = j;
                bestDot = dot;
            }
        }
        return best;
    }
}
