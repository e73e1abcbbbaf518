package org.spineformer.cell.replay;

import org.spineformer.engine.Simulation;
import org.spineformer.engine.StepObserver;

/**
 * The time of each spine head's voltage maximum over the run (or over a window of steps), refined with a parabola
 * through the maximum and its two neighbours (the paper's {@code find_maximum_with_second_order_approximation}):
 * t_i + alpha dt with alpha the vertex offset; the first or last sample of the run is returned as it is, and so is a
 * maximum at a window's edge where the voltage is still rising (a neighbour outside the window is larger).
 */
public final class SpinePeakTracker implements StepObserver {
    private final int[] node;
    /** The first and last step whose sample may be the maximum (step 0: the initial state). */
    private final long fromStep;
    private final long toStep;
    private final double[] max;
    private final double[] before;
    private final double[] after;
    private final double[] maxTime;
    private final boolean[] awaitingAfter;
    private final long[] maxStep;
    private final double[] previousV;

    /** The maximum over the whole run. */
    public SpinePeakTracker(int[] headNodes) {
        this(headNodes, 0, Long.MAX_VALUE);
    }

    /** The maximum over the samples of steps fromStep to toStep (0: the initial state). */
    public SpinePeakTracker(int[] headNodes, long fromStep, long toStep) {
        if (fromStep < 0 || toStep < fromStep) {
            throw new IllegalArgumentException("steps " + fromStep + " to " + toStep + ": need 0 <= from <= to");
        }
        this.fromStep = fromStep;
        this.toStep = toStep;
        int n = headNodes.length;
        node = headNodes.clone();
        max = new double[n];
        before = new double[n];
        after = new double[n];
        maxTime = new double[n];
        awaitingAfter = new boolean[n];
        maxStep = new long[n];
        previousV = new double[n];
    }

    @Override
    public void initialized(Simulation sim) {
        double[] v = sim.state().v;
        boolean inWindow = fromStep == 0;
        for (int k = 0; k < node.length; k++) {
            max[k] = inWindow ? v[node[k]] : Double.NEGATIVE_INFINITY;
            previousV[k] = v[node[k]];
            before[k] = Double.NaN;
            after[k] = Double.NaN;
            maxTime[k] = sim.t();
            maxStep[k] = 0;
            awaitingAfter[k] = inWindow;
        }
    }

    @Override
    public void stepped(Simulation sim) {
        double[] v = sim.state().v;
        double t = sim.t();
        long step = sim.steps();
        boolean inWindow = step >= fromStep && step <= toStep;
        for (int k = 0; k < node.length; k++) {
            double x = v[node[k]];
            if (awaitingAfter[k]) {
                after[k] = x;
                awaitingAfter[k] = false;
            }
            if (inWindow && x > max[k]) { // strictly greater: the first maximum wins, as numpy's argmax
                max[k] = x;
                before[k] = previousV[k];
                maxTime[k] = t;
                maxStep[k] = step;
                awaitingAfter[k] = true;
                after[k] = Double.NaN;
            }
            previousV[k] = x;
        }
    }

    /** Peak times (ms), one per spine, refined; call after the run. */
    public double[] peakTimesMs(double dt) {
        double[] out = new double[node.length];
        for (int k = 0; k < node.length; k++) {
            if (maxStep[k] == 0 || awaitingAfter[k]) {
                out[k] = maxTime[k]; // at the first or last sample: no neighbour on one side
            } else if (before[k] > max[k] || after[k] > max[k]) {
                // at a window's edge with the voltage still rising into it or out of it: no peak to refine (a
                // parabola through a slope would put its vertex anywhere)
                out[k] = maxTime[k];
            } else {
                double a = before[k], b = max[k], c = after[k];
                double curvature = a - 2 * b + c;
                double alpha = curvature == 0 ? 0 : -(c - a) / (2 * curvature);
                out[k] = maxTime[k] + alpha * dt;
            }
        }
        return out;
    }
}
