package org.spineformer.engine.record;

import java.util.Arrays;
import org.spineformer.engine.Simulation;
import org.spineformer.engine.StepObserver;

/**
 * Spike times as the paper detects them: the times of the local maxima of a node's v above a threshold, at the
 * resolution of every step. A sample is a maximum when it is strictly greater than both neighbours (scipy's
 * {@code argrelextrema(v, np.greater)}, as the paper's analysis uses).
 */
public final class PeakDetector implements StepObserver {
    private final int node;
    private final int lane;
    private final double thresholdMv;
    /** Where the node's v of this detector's lane is in the state's v: node * lanes + lane. */
    private int index;
    private double[] times = new double[16];
    private int count;
    private double beforeV, candidateV, candidateT;

    public PeakDetector(int node, double thresholdMv) {
        this(node, 0, thresholdMv);
    }

    /** Detects the spikes of one trial of a simulation running several in lanes. */
    public PeakDetector(int node, int lane, double thresholdMv) {
        this.node = node;
        this.lane = lane;
        this.thresholdMv = thresholdMv;
    }

    @Override
    public void initialized(Simulation sim) {
        if (lane >= sim.lanes()) {
            throw new IllegalArgumentException("spike detection in lane " + lane + ", but the simulation runs "
                    + sim.lanes() + " lanes");
        }
        index = node * sim.lanes() + lane;
        count = 0;
        beforeV = Double.NaN;
        candidateV = sim.state().v[index];
        candidateT = sim.t();
    }

    @Override
    public void stepped(Simulation sim) {
        double v = sim.state().v[index];
        if (candidateV > thresholdMv && candidateV > beforeV && candidateV > v) {
            if (count == times.length) {
                times = Arrays.copyOf(times, count * 2);
            }
            times[count++] = candidateT;
        }
        beforeV = candidateV;
        candidateV = v;
        candidateT = sim.t();
    }

    /**
     * Takes over {@code earlier}'s peaks and last samples, after initialization: for a simulation that continues
     * from a snapshot of {@code earlier}'s ({@code Simulation.restore}), so that the peaks are those of the run from 0.
     */
    public void continueFrom(PeakDetector earlier) {
        if (node != earlier.node || thresholdMv != earlier.thresholdMv) {
            throw new IllegalArgumentException("cannot continue the detection at node " + earlier.node + " above "
                    + earlier.thresholdMv + " mV at node " + node + " above " + thresholdMv);
        }
        times = earlier.times.clone();
        count = earlier.count;
        beforeV = earlier.beforeV;
        candidateV = earlier.candidateV;
        candidateT = earlier.candidateT;
    }

    /** The detected peak times (ms), in order. */
    public double[] times() {
        return Arrays.copyOf(times, count);
    }
}
