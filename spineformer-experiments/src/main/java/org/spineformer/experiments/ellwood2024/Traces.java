package org.spineformer.experiments.ellwood2024;

/** Small helpers for the recorded traces of the example panels. */
final class Traces {
    /** Stacked soma traces are drawn this far apart (mV), as Figure 4C stacks them. */
    static final double STACK_MV = 120;

    private Traces() {
    }

    /** The sample times 0, dt, 2 dt, ... of a trace of n samples (the recorder keeps t = 0). */
    static double[] time(int n, double sampleMs) {
        double[] t = new double[n];
        for (int i = 0; i < n; i++) {
            t[i] = i * sampleMs;
        }
        return t;
    }

    static double[] offset(double[] v, double by) {
        double[] out = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = v[i] + by;
        }
        return out;
    }

    static double[] scaled(double[] v, double by) {
        double[] out = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = v[i] * by;
        }
        return out;
    }
}
