package org.spineformer.mechanisms.table;

/**
 * A channel's gate functions of the membrane potential at one time step (each gate's steady state and its cnexp
 * factor 1 - exp(-dt / tau)) in a {@link CubicTable} over {@value #MIN_MV} to {@value #MAX_MV} mV, rebuilt when the
 * step changes. Beyond that range, which dendrites do not leave, the channel evaluates its rates exactly.
 */
public final class StepTable {
    public static final double MIN_MV = -120;
    public static final double MAX_MV = 60;

    /** The tabulated functions at potential v (mV) and time step dt (ms), into {@code out}. */
    @FunctionalInterface
    public interface Functions {
        void evaluate(double v, double dt, double[] out);
    }

    private final int outputs;
    private final Functions functions;
    private CubicTable table;
    private double dt = Double.NaN;

    public StepTable(int outputs, Functions functions) {
        this.outputs = outputs;
        this.functions = functions;
    }

    /** A channel's exact state update of one instance at potential v (mV), for potentials beyond the table. */
    @FunctionalInterface
    public interface ExactUpdate {
        void advance(int instance, double v, double dt);
    }

    /**
     * cnexp for a channel whose one gate {@code m} is tabulated as (steady state, factor) in outputs 0 and 1:
     * m += factor (inf - m) at each instance's potential, {@code exact} where the potential is beyond the table.
     */
    public void advanceGate(double[] v, int[] node, double dt, double[] m, ExactUpdate exact) {
        CubicTable tab = at(dt);
        for (int k = 0; k < m.length; k++) {
            double vk = v[node[k]];
            double u = tab.position(vk);
            if (u >= 0) {
                int c = tab.start(u);
                double t = u - (int) u;
                m[k] += tab.value(c, 1, t) * (tab.value(c, 0, t) - m[k]);
            } else {
                exact.advance(k, vk, dt);
            }
        }
    }

    /** The table for time step dt (ms), built at the first call with that step. */
    public CubicTable at(double dt) {
        if (dt != this.dt) {
            table = new CubicTable(MIN_MV, MAX_MV, outputs, (v, out) -> functions.evaluate(v, dt, out));
            this.dt = dt;
        }
        return table;
    }
}
