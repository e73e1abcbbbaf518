package org.spineformer.attention.encode;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.spineformer.experiments.train.SpikeTrains;

/**
 * Vectors as rate-modulated Poisson spike trains: component i sets the rate in time bin i.
 *
 * <p>Encoding: component x_i (at least 0) becomes Poisson spikes (no dead time) at rate {@code x_i maxRateKhz} over
 * [i binMs, (i + 1) binMs]; the train lasts {@code dimension binMs} ms. Decoding inverts the expectation: component
 * i is the spike count in bin i divided by {@code binMs maxRateKhz}, so decode(encode(x)) estimates x with Poisson
 * noise of variance {@code x_i / (binMs maxRateKhz)}.
 *
 * <p>Why: with bins much wider than the overlap kernel's support (about 60 ms), almost every spike pair that the
 * kernel sees lies in one bin, and the expected bilinear overlap of the trains of x and y is about
 * {@code sum_i x_i y_i maxRateKhz^2 binMs integral(K)}: train overlap tracks the dot product. Spike trains given
 * directly skip this code and pass through unchanged.
 *
 * @param binMs each component's time bin (ms)
 * @param maxRateKhz the rate of a component equal to 1 (spikes/ms)
 */
public record RateCode(double binMs, double maxRateKhz) {
    public RateCode {
        if (!(binMs > 0 && Double.isFinite(binMs))) {
            throw new IllegalArgumentException("binMs = " + binMs + " must be finite and > 0");
        }
        if (!(maxRateKhz > 0 && Double.isFinite(maxRateKhz))) {
            throw new IllegalArgumentException("maxRateKhz = " + maxRateKhz + " must be finite and > 0");
        }
    }

    /** The train of {@code vector} (components finite and at least 0), drawn from {@code random}. */
    public double[] encode(double[] vector, SplittableRandom random) {
        double[] train = new double[0];
        for (int i = 0; i < vector.length; i++) {
            if (!(vector[i] >= 0 && Double.isFinite(vector[i]))) {
                throw new IllegalArgumentException("vector[" + i + "] = " + vector[i]
                        + " must be finite and >= 0: it sets a firing rate");
            }
            if (vector[i] > 0) {
                double start = i * binMs;
                double[] bin = SpikeTrains.poisson(random, start, start + binMs, vector[i] * maxRateKhz, 0);
                // A spike exactly on the shared edge belongs to the next bin; drop it here so bins stay disjoint.
                double[] inBin = Arrays.stream(bin).filter(t -> t < start + binMs).toArray();
                train = SpikeTrains.concatenated(train, inBin);
            }
        }
        return train;
    }

    /** The vector of dimension {@code dimension} that {@code train} encodes; spikes outside the bins are ignored. */
    public double[] decode(double[] train, int dimension) {
        if (dimension < 0) {
            throw new IllegalArgumentException("dimension = " + dimension + " must be >= 0");
        }
        double[] vector = new double[dimension];
        for (double t : train) {
            int bin = (int) Math.floor(t / binMs);
            if (t >= 0 && bin < dimension) {
                vector[bin] += 1 / (binMs * maxRateKhz);
            }
        }
        return vector;
    }
}
