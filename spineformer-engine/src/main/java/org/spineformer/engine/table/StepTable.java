package org.spineformer.engine.table;

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

    /** The table for time step dt (ms), built at the first call with that step. */
    public CubicTable at(double dt) {
        if (dt != this.dt) {
            table = new CubicTable(MIN_MV, MAX_MV, outputs, (v, out) -> functions.evaluate(v, dt, out));
            this.dt = dt;
        }
        return table;
    }
}
