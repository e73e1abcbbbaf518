package org.spineformer.cell.replay;

import org.spineformer.engine.Simulation;
import org.spineformer.engine.StepObserver;

/**
 * The time of each spine head's voltage maximum over the run, refined with a parabola through the maximum and
 * its two neighbours (the paper's {@code find_maximum_with_second_order_approximation}): t_i + alpha dt with
 * alpha the vertex offset; the first or last sample is returned as it is.
 */
public final class SpinePeakTracker implements StepObserver {
    private final int[] node;
    private final double[] max;
    private final double[] before;
    private final double[] after;
    private final double[] maxTime;
    private final boolean[] awaitingAfter;
    private final long[] maxStep;
    private final double[] previousV;

    public SpinePeakTracker(int[] headNodes) {
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
        for (int k = 0; k < node.length; k++) {
            max[k] = v[node[k]];
            previousV[k] = max[k];
            before[k] = Double.NaN;
            after[k] = Double.NaN;
            maxTime[k] = sim.t();
            maxStep[k] = 0;
            awaitingAfter[k] = true;
        }
    }

    @Override
    public void stepped(Simulation sim) {
        double[] v = sim.state().v;
        double t = sim.t();
        long step = sim.steps();
        for (int k = 0; k < node.length; k++) {
            double x = v[node[k]];
            if (awaitingAfter[k]) {
                after[k] = x;
                awaitingAfter[k] = false;
            }
            if (x > max[k]) { // strictly greater: the first maximum wins, as numpy's argmax
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
