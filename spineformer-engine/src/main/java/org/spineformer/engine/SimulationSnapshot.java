package org.spineformer.engine;

import java.util.Map;

/**
 * The state of a simulation at one time, taken by {@link Simulation#snapshot()} and given to another simulation of
 * the same cell by {@link Simulation#restore}: the clock and step count, every node array, every ion's arrays,
 * NEURON's random number state and every block's STATE and ASSIGNED columns, copied. Immutable once taken.
 */
public final class SimulationSnapshot {
    final int lanes;
    final double t;
    final double dt;
    final double celsius;
    final long steps;
    final double[] v;
    final double[] rhs;
    final double[] d;
    final int[] scopRandom;
    /** Per ion: Ion's state arrays. */
    final Map<String, double[][]> ions;
    /** Per mechanism: its block's STATE and ASSIGNED columns ({@code MechanismBlock.stateCopy}). */
    final Map<String, double[][]> blocks;
    /** Per mechanism: its block's instance count. */
    final Map<String, Integer> sizes;

    SimulationSnapshot(int lanes, double t, double dt, double celsius, long steps, double[] v, double[] rhs,
                       double[] d, int[] scopRandom, Map<String, double[][]> ions, Map<String, double[][]> blocks,
                       Map<String, Integer> sizes) {
        this.lanes = lanes;
        this.t = t;
        this.dt = dt;
        this.celsius = celsius;
        this.steps = steps;
        this.v = v;
        this.rhs = rhs;
        this.d = d;
        this.scopRandom = scopRandom;
        this.ions = Map.copyOf(ions);
        this.blocks = Map.copyOf(blocks);
        this.sizes = Map.copyOf(sizes);
    }

    /** The simulated time (ms) of the snapshot. */
    public double t() {
        return t;
    }

    /** The steps taken from initialization to the snapshot. */
    public long steps() {
        return steps;
    }
}
