package org.spineformer.experiments.train;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.function.UnaryOperator;

/**
 * One spike train per presynaptic axon, each axon contacting {@code spinesPerAxon} neighbouring spines: axon a
 * drives spines {@code a * spinesPerAxon .. a * spinesPerAxon + spinesPerAxon - 1}, which therefore receive identical
 * trains ({@code generate_spike_train_array} with {@code multi_synapse_arangement='neighbors'}, helper_functions.py).
 *
 * @param trains increasing spike times (ms) of each axon; the arrays are shared, never modified
 * @param spinesPerAxon spines contacted by each axon, at least 1
 */
public record AxonTrains(double[][] trains, int spinesPerAxon) {
    public AxonTrains {
        if (spinesPerAxon < 1) {
            throw new IllegalArgumentException("spinesPerAxon = " + spinesPerAxon + " must be >= 1");
        }
        if (trains == null || trains.length == 0) {
            throw new IllegalArgumentException("trains: need at least one axon");
        }
    }

    /**
     * Independent {@link SpikeTrains#poisson} trains for {@code axons} axons over [startMs, endMs], drawn in axon
     * order from {@code random}.
     */
    public static AxonTrains poisson(SplittableRandom random, int axons, int spinesPerAxon, double startMs,
                                     double endMs, double rateKhz, double recoveryMs) {
        if (axons < 1) {
            throw new IllegalArgumentException("axons = " + axons + " must be >= 1");
        }
        double[][] trains = new double[axons][];
        for (int a = 0; a < axons; a++) {
            trains[a] = SpikeTrains.poisson(random, startMs, endMs, rateKhz, recoveryMs);
        }
        return new AxonTrains(trains, spinesPerAxon);
    }

    public int axons() {
        return trains.length;
    }

    public int spines() {
        return trains.length * spinesPerAxon;
    }

    /** Axon a's train. */
    public double[] train(int axon) {
        return trains[checkedAxon(axon)];
    }

    /** The same axons with axon {@code axon}'s train replaced. */
    public AxonTrains withTrain(int axon, double[] train) {
        double[][] copy = trains.clone();
        copy[checkedAxon(axon)] = train;
        return new AxonTrains(copy, spinesPerAxon);
    }

    /** Every axon's train transformed by {@code f}. */
    public AxonTrains map(UnaryOperator<double[]> f) {
        return new AxonTrains(Arrays.stream(trains).map(f).toArray(double[][]::new), spinesPerAxon);
    }

    /** The train of every spine, in spine order: each axon's train repeated for its neighbouring spines. */
    public double[][] perSpine() {
        double[][] spines = new double[spines()][];
        for (int k = 0; k < spines.length; k++) {
            spines[k] = trains[k / spinesPerAxon];
        }
        return spines;
    }

    private int checkedAxon(int axon) {
        if (axon < 0 || axon >= trains.length) {
            throw new IllegalArgumentException("axon = " + axon + " must be in [0, " + trains.length + ")");
        }
        return axon;
    }
}
