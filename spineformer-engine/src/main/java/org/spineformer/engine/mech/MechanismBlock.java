package org.spineformer.engine.mech;

import java.util.List;

/**
 * All instances of one mechanism in one simulation, as columns of doubles (one per field) and the node index of
 * each instance. The simulation calls the same few hooks on every block; no object exists per instance.
 *
 * <p>Subclasses keep final references to the columns they use ({@code column("m")}) and loop over
 * {@code size} instances in each hook. Hooks must not allocate.
 */
public abstract class MechanismBlock {
    private final Mechanism mechanism;
    private final List<FieldSpec> fields;
    private final double[][] columns;
    /** Number of instances. */
    protected final int size;
    /** Node of each instance. */
    protected final int[] node;

    protected MechanismBlock(Mechanism mechanism, int[] nodes) {
        this.mechanism = mechanism;
        this.fields = mechanism.fields();
        this.size = nodes.length;
        this.node = nodes.clone();
        this.columns = new double[fields.size()][size];
        for (int f = 0; f < fields.size(); f++) {
            java.util.Arrays.fill(columns[f], fields.get(f).defaultValue());
        }
    }

    public final Mechanism mechanism() {
        return mechanism;
    }

    public final int size() {
        return size;
    }

    /** The node of instance {@code instance}. */
    public final int node(int instance) {
        return node[instance];
    }

    /** The live column of a field: reading it gives the current values, writing it bypasses validation. */
    public final double[] column(String field) {
        for (int f = 0; f < fields.size(); f++) {
            if (fields.get(f).name().equals(field)) {
                return columns[f];
            }
        }
        throw new IllegalArgumentException("mechanism " + mechanism.name() + " has no field '" + field + "'");
    }

    public final double get(String field, int instance) {
        return column(field)[instance];
    }

    /** Sets a parameter of one instance after checking it against the field's declared range. */
    public final void setParameter(String field, int instance, double value) {
        mechanism.field(field).validate(mechanism.name(), value);
        column(field)[instance] = value;
    }

    /** Checks every parameter of every instance against its declared range. */
    public final void validateParameters() {
        for (int f = 0; f < fields.size(); f++) {
            FieldSpec spec = fields.get(f);
            if (spec.role() == FieldRole.PARAMETER) {
                for (int i = 0; i < size; i++) {
                    spec.validate(mechanism.name(), columns[f][i]);
                }
            }
        }
    }

    /**
     * Called once when the simulation is built: take references to the shared arrays the block uses, such as
     * {@code s.ion("ca")}. Nothing to do by default.
     */
    public void attach(CellState s) {
    }

    /** NEURON's INITIAL block for every instance, with {@code s.v} at the initial potential. */
    public abstract void initialize(CellState s);

    /**
     * NEURON's current phase (the BREAKPOINT body without its SOLVE) at {@code s.v}: assigned variables, and the
     * current and di/dv added into {@code s.rhs} and {@code s.d}. Nothing to do by default.
     */
    public void currents(CellState s) {
    }

    /** NEURON's state phase (the SOLVE block) with the new {@code s.v}. Nothing to do by default. */
    public void advance(CellState s) {
    }

    /** NET_RECEIVE: an event of the given weight reaches {@code instance}. */
    public void deliver(int instance, double weight) {
        throw new UnsupportedOperationException("mechanism " + mechanism.name() + " does not receive events");
    }

    /**
     * A connection to {@code instance} (NEURON's NetCon), told once when the simulation is built: {@code connection}
     * is its index in the model, which {@link #receive} gives again with each of its events, so that a mechanism
     * can keep state per connection (NET_RECEIVE's arguments after the weight). Nothing to do by default.
     */
    public void connect(int connection, int instance, double weight) {
    }

    /**
     * An event due at time {@code t} (ms) with NMODL's {@code flag}: 0 for a connection's event (the default passes
     * it to {@link #deliver(int, double)}), the {@code net_send} flag for the block's event to itself; the index of
     * the connection it came through ({@link #connect}), -1 for none. {@code t} is NEURON's t in NET_RECEIVE (the
     * engine's clock stays the step's).
     */
    public void receive(int instance, int connection, double t, double weight, double flag) {
        if (flag != 0) {
            throw new UnsupportedOperationException("mechanism " + mechanism.name() + " sends no events to itself");
        }
        deliver(instance, weight);
    }

    /**
     * Switches rate tables (the default) against exact evaluation of the rate functions: NEURON's TABLEs where the
     * mod file has them ({@code usetable_<suffix> = 0} switches them off), and tables made for speed where a
     * mechanism documents them (the Hay channels). Mechanisms without tables ignore it.
     */
    public void setUseTables(boolean useTables) {
    }
}
