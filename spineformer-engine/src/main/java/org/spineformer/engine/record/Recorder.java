package org.spineformer.engine.record;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.spineformer.engine.Simulation;
import org.spineformer.engine.StepObserver;

/**
 * Records named values (any element of any live array: a node's v, a mechanism field of one instance) at t = 0
 * and every {@code every} steps after it. With trials in lanes the element names the lane: {@code v[node * lanes +
 * lane]}, {@code column[instance * lanes + lane]}.
 */
public final class Recorder implements StepObserver {
    private final int every;
    private final List<String> names = new ArrayList<>();
    private final List<double[]> sources = new ArrayList<>();
    private final List<Integer> indices = new ArrayList<>();
    private double[] time = new double[0];
    private double[][] columns = new double[0][];
    private double[][] src;
    private int[] idx;
    private int rows;

    public Recorder(int every) {
        if (every < 1) {
            throw new IllegalArgumentException("record every n steps needs n >= 1, was " + every);
        }
        this.every = every;
    }

    /** Adds a column recording {@code array[index]}. Add every column before initialization. */
    public Recorder add(String name, double[] array, int index) {
        if (index < 0 || index >= array.length) {
            throw new IllegalArgumentException("cannot record " + name + ": index " + index + " out of range");
        }
        names.add(name);
        sources.add(array);
        indices.add(index);
        return this;
    }

    @Override
    public void initialized(Simulation sim) {
        src = sources.toArray(new double[0][]);
        idx = indices.stream().mapToInt(Integer::intValue).toArray();
        rows = 0;
        time = new double[1024];
        columns = new double[src.length][1024];
        sample(sim.t());
    }

    @Override
    public void stepped(Simulation sim) {
        if (sim.steps() % every == 0) {
            sample(sim.t());
        }
    }

    private void sample(double t) {
        if (rows == time.length) {
            int cap = rows * 2;
            time = Arrays.copyOf(time, cap);
            for (int c = 0; c < columns.length; c++) {
                columns[c] = Arrays.copyOf(columns[c], cap);
            }
        }
        time[rows] = t;
        for (int c = 0; c < src.length; c++) {
            columns[c][rows] = src[c][idx[c]];
        }
        rows++;
    }

    /**
     * Takes {@code earlier}'s samples as this recorder's own, after initialization: for a simulation that continues
     * from a snapshot of {@code earlier}'s ({@code Simulation.restore}), so that it holds the samples of the run
     * from 0. The two record the same names every as many steps.
     */
    public void continueFrom(Recorder earlier) {
        if (every != earlier.every || !names.equals(earlier.names)) {
            throw new IllegalArgumentException("cannot continue the recording of " + earlier.names + " every "
                    + earlier.every + " steps as " + names + " every " + every);
        }
        if (src == null) {
            throw new IllegalStateException("continueFrom after the simulation's initialization");
        }
        rows = earlier.rows;
        time = Arrays.copyOf(earlier.time, Math.max(rows, time.length));
        for (int c = 0; c < columns.length; c++) {
            columns[c] = Arrays.copyOf(earlier.columns[c], time.length);
        }
    }

    public List<String> names() {
        return List.copyOf(names);
    }

    public int rows() {
        return rows;
    }

    /** Sample times (ms). */
    public double[] time() {
        return Arrays.copyOf(time, rows);
    }

    public double[] column(String name) {
        int c = names.indexOf(name);
        if (c < 0) {
            throw new IllegalArgumentException("nothing recorded as '" + name + "'");
        }
        return Arrays.copyOf(columns[c], rows);
    }
}
