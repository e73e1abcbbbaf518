package org.spineformer.experiments.train;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.function.UnaryOperator;

/**
 * One spike train per presynaptic axon, each axon contacting a group of spines, which therefore receive identical
 * trains. In the paper's cell axon a drives the neighbouring spines {@code a * spinesPerAxon .. a * spinesPerAxon +
 * spinesPerAxon - 1} ({@code generate_spike_train_array} with {@code multi_synapse_arangement='neighbors'},
 * helper_functions.py); a cell description's {@code experiment.axons} may group its spines otherwise.
 *
 * @param trains increasing spike times (ms) of each axon; the arrays are shared, never modified
 * @param axonSpines the spines of each axon (one group per train); shared, never modified
 * @param spineCount the cell's spines (spines of no axon receive no spikes)
 */
public record AxonTrains(double[][] trains, int[][] axonSpines, int spineCount) {
    private static final double[] NO_SPIKES = new double[0];

    public AxonTrains {
        if (trains == null || trains.length == 0) {
            throw new IllegalArgumentException("trains: need at least one axon");
        }
        if (axonSpines.length != trains.length) {
            throw new IllegalArgumentException(trains.length + " trains for " + axonSpines.length + " axons");
        }
    }

    /** Axons of {@code spinesPerAxon} consecutive spines each. */
    public AxonTrains(double[][] trains, int spinesPerAxon) {
        this(trains, consecutive(trains.length, spinesPerAxon), trains.length * spinesPerAxon);
    }

    /** {@code axons} groups of {@code spinesPerAxon} consecutive spines. */
    public static int[][] consecutive(int axons, int spinesPerAxon) {
        if (spinesPerAxon < 1) {
            throw new IllegalArgumentException("spinesPerAxon = " + spinesPerAxon + " must be >= 1");
        }
        int[][] groups = new int[axons][spinesPerAxon];
        for (int a = 0; a < axons; a++) {
            for (int i = 0; i < spinesPerAxon; i++) {
                groups[a][i] = a * spinesPerAxon + i;
            }
        }
        return groups;
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
        return poisson(random, consecutive(axons, spinesPerAxon), axons * spinesPerAxon, startMs, endMs, rateKhz,
                recoveryMs);
    }

    /** The same for axons given as spine groups, drawn in axon order. */
    public static AxonTrains poisson(SplittableRandom random, int[][] axonSpines, int spineCount, double startMs,
                                     double endMs, double rateKhz, double recoveryMs) {
        double[][] trains = new double[axonSpines.length][];
        for (int a = 0; a < trains.length; a++) {
            trains[a] = SpikeTrains.poisson(random, startMs, endMs, rateKhz, recoveryMs);
        }
        return new AxonTrains(trains, axonSpines, spineCount);
    }

    public int axons() {
        return trains.length;
    }

    public int spines() {
        return spineCount;
    }

    /** Axon a's train. */
    public double[] train(int axon) {
        return trains[checkedAxon(axon)];
    }

    /** The same axons with axon {@code axon}'s train replaced. */
    public AxonTrains withTrain(int axon, double[] train) {
        double[][] copy = trains.clone();
        copy[checkedAxon(axon)] = train;
        return new AxonTrains(copy, axonSpines, spineCount);
    }

    /** Every axon's train transformed by {@code f}. */
    public AxonTrains map(UnaryOperator<double[]> f) {
        return new AxonTrains(Arrays.stream(trains).map(f).toArray(double[][]::new), axonSpines, spineCount);
    }

    /** The train of every spine, in spine order: each axon's train repeated for its spines, none for the rest. */
    public double[][] perSpine() {
        double[][] spines = new double[spineCount][];
        Arrays.fill(spines, NO_SPIKES);
        for (int a = 0; a < trains.length; a++) {
            for (int k : axonSpines[a]) {
                spines[k] = trains[a];
            }
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
