package org.spineformer.engine.mech;

import java.util.List;

/**
 * All instances of one mechanism in one simulation, as columns of doubles (one per field) and the node index of
 * each instance. The simulation calls the same few hooks on every block; no object exists per instance.
 *
 * <p>Trials in lanes: a block serves {@link #lanes} trials of the same cell ({@link CellState#lanes}). Every column
 * has {@code size * lanes} entries, trial {@code lane} of instance {@code k} at {@code k * lanes + lane}, and reads
 * the node arrays at {@code node[k] * lanes + lane}; all lanes of an instance sit on its one node. Each lane does
 * the one-trial kernel's operations in the same order, so a trial's numbers do not depend on its lane or on the
 * other trials in the block. With one lane the layout is the plain per-instance one.
 *
 * <p>Subclasses keep final references to the columns they use ({@code column("m")}) and loop over
 * {@code size} instances (and, inside, {@code lanes}) in each hook. Hooks must not allocate.
 */
public abstract class MechanismBlock extends PhaseKernel {
    private final Mechanism mechanism;
    private final List<FieldSpec> fields;
    private final double[][] columns;
    /** Number of instances. */
    protected final int size;
    /** Number of trials in lanes (>= 1). */
    protected final int lanes;
    /** Node of each instance. */
    protected final int[] node;

    /** A block for one trial. */
    protected MechanismBlock(Mechanism mechanism, int[] nodes) {
        this(mechanism, nodes, 1);
    }

    /** A block for {@code lanes} trials, every field of every lane at its default. */
    protected MechanismBlock(Mechanism mechanism, int[] nodes, int lanes) {
        if (lanes < 1) {
            throw new IllegalArgumentException("lanes must be >= 1, was " + lanes);
        }
        this.mechanism = mechanism;
        this.fields = mechanism.fields();
        this.size = nodes.length;
        this.lanes = lanes;
        this.node = nodes.clone();
        this.columns = new double[fields.size()][size * lanes];
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

    /** The number of trials in lanes. */
    public final int lanes() {
        return lanes;
    }

    /** The node of instance {@code instance}. */
    public final int node(int instance) {
        return node[instance];
    }

    /**
     * The live column of a field ({@code [instance * lanes + lane]}): reading it gives the current values, writing
     * it bypasses validation. The block is told first ({@link #fieldAccess}), as the caller may read it at any time
     * from now on.
     */
    public final double[] column(String field) {
        fieldAccess(field);
        return ownColumn(field);
    }

    /**
     * Called before {@link #column} hands out a field's live column ({@link #get}, {@link #setParameter} too): a
     * block that brings some of its values up to date only when they are read (a compiled block's table outputs,
     * spineformer-nmodl's {@code LazyTableOutputs}) does so here, and keeps that field up to date from then on.
     * Nothing to do by default.
     */
    protected void fieldAccess(String field) {
    }

    /**
     * The live column of a field for writing values into it once, now (a builder filling in parameters): the block is
     * told through {@link #fieldSet}, as the caller does not keep the column. A caller that keeps it uses
     * {@link #column}.
     */
    public final double[] columnToSet(String field) {
        fieldSet(field);
        return ownColumn(field);
    }

    /**
     * Called before values are written once into a field's column ({@link #setParameter}, {@link #columnToSet}),
     * where {@link #fieldAccess} is called before a column is handed out to be kept; by default the same as
     * {@link #fieldAccess}.
     */
    protected void fieldSet(String field) {
        fieldAccess(field);
    }

    /** The live column of a field, for the block's own code: without {@link #fieldAccess}. */
    protected final double[] ownColumn(String field) {
        for (int f = 0; f < fields.size(); f++) {
            if (fields.get(f).name().equals(field)) {
                return columns[f];
            }
        }
        throw new IllegalArgumentException("mechanism " + mechanism.name() + " has no field '" + field + "'");
    }

    /** The value of a field of one instance in a block of one trial (with lanes: {@link #get(String, int, int)}). */
    public final double get(String field, int instance) {
        requireOneLane("get(field, instance, lane)");
        return column(field)[instance];
    }

    /** The value of a field of one instance in trial {@code lane}. */
    public final double get(String field, int instance, int lane) {
        return column(field)[index(instance, lane)];
    }

    /**
     * Sets a parameter of one instance in every lane (a cell's parameters are the same in all its trials) after
     * checking it against the field's declared range.
     */
    public final void setParameter(String field, int instance, double value) {
        mechanism.field(field).validate(mechanism.name(), value);
        java.util.Arrays.fill(columnToSet(field), index(instance, 0), index(instance, 0) + lanes, value);
    }

    /** Sets a parameter of one instance in trial {@code lane} only, after checking it against its declared range. */
    public final void setParameter(String field, int instance, int lane, double value) {
        mechanism.field(field).validate(mechanism.name(), value);
        columnToSet(field)[index(instance, lane)] = value;
    }

    private int index(int instance, int lane) {
        if (instance < 0 || instance >= size) {
            throw new IndexOutOfBoundsException(mechanism.name() + " has " + size + " instances, no instance "
                    + instance);
        }
        if (lane < 0 || lane >= lanes) {
            throw new IndexOutOfBoundsException(mechanism.name() + " runs " + lanes + " lanes, no lane " + lane);
        }
        return instance * lanes + lane;
    }

    private void requireOneLane(String instead) {
        if (lanes != 1) {
            throw new IllegalStateException(mechanism.name() + " runs " + lanes + " trials in lanes: use " + instead);
        }
    }

    /**
     * Whether everything this block carries from one step to the next is in its STATE and ASSIGNED columns, and
     * every other value it keeps is made by {@link #attach} and {@link #initialize} from its parameters, dt and
     * celsius alone: then a simulation of the same cell, initialized, continues bit for bit from another's state
     * once those columns are copied ({@code Simulation.restore}). False by default: a block may keep values of its
     * own (per connection, a cache of its states).
     */
    public boolean stateInColumns() {
        return false;
    }

    /**
     * Copies of the STATE and ASSIGNED columns, in field order, each read as a caller of {@link #column} reads it
     * (so brought up to date first).
     *
     * @throws UnsupportedOperationException if the block does not keep its state in its columns
     *     ({@link #stateInColumns})
     */
    public final double[][] stateCopy() {
        if (!stateInColumns()) {
            throw new UnsupportedOperationException(mechanism.name() + " keeps state outside its columns: its"
                    + " simulation cannot be continued from a copy");
        }
        double[][] copy = new double[fields.size()][];
        for (int f = 0; f < fields.size(); f++) {
            if (fields.get(f).role() != FieldRole.PARAMETER) {
                copy[f] = column(fields.get(f).name()).clone();
            }
        }
        return copy;
    }

    /**
     * Sets the STATE and ASSIGNED columns from {@link #stateCopy} of a block of the same mechanism and size, of one
     * trial (every lane gets it) or of as many lanes as this one; the parameters stay this block's.
     */
    public final void restoreState(double[][] copy) {
        if (!stateInColumns()) {
            throw new UnsupportedOperationException(mechanism.name() + " keeps state outside its columns: its"
                    + " simulation cannot be continued from a copy");
        }
        for (int f = 0; f < fields.size(); f++) {
            if (fields.get(f).role() != FieldRole.PARAMETER) {
                CellState.copyIntoLanes(copy[f], columns[f]);
            }
        }
    }

    /** Checks every parameter of every instance against its declared range. */
    public final void validateParameters() {
        for (int f = 0; f < fields.size(); f++) {
            FieldSpec spec = fields.get(f);
            if (spec.role() == FieldRole.PARAMETER) {
                for (int i = 0; i < size * lanes; i++) {
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
    @Override
    public void currents(CellState s) {
    }

    /**
     * The current phase of the simulation's first block, run before {@code s.rhs} and {@code s.d} are reset: a block
     * that can sets both at every node below {@link CellState#solvedNodes} (one trial, so entries are nodes; the rest
     * nothing reads before the solve) to what their reset to 0 followed by its {@link #currents} would give, bit for
     * bit, in one pass, and returns true; the default does nothing and returns false, and the caller resets them and
     * calls {@link #currents}. It runs before the ions' reset, so only a block that reads no ion may return true.
     */
    public boolean currentsFromReset(CellState s) {
        return false;
    }

    /**
     * What adds this block's current of ion {@code ion} (one it took in {@link #attach}) to the ion's total again,
     * after its current phase, bit for bit as that phase added it (nothing, for an ion whose current the block does
     * not write); null, the default, where the block cannot. A block that returns one adds to the total in its
     * current phase only while {@link Ion#currentSummed}: the simulation leaves the sum out where nothing reads it
     * and every block that took the ion returns one ({@link Ion#leaveSumOut}).
     */
    public Runnable ionCurrentAgain(CellState s, String ion) {
        return null;
    }

    /** {@link #ionCurrentAgain} of an ion whose current the block does not write. */
    protected static final Runnable NOTHING_TO_ADD = () -> { };

    /** NEURON's state phase (the SOLVE block) with the new {@code s.v}. Nothing to do by default. */
    @Override
    public void advance(CellState s) {
    }

    /**
     * Called once when the simulation is built, on the first of {@code run}: blocks of one instance each (this one
     * first) that follow each other in a phase (the current phase, or the state phases left after
     * {@link #joinStatePhases}). A kernel whose {@code currents} and {@code advance} call those of every block of
     * {@code run}, in order, and nothing else; the step then calls it in their place. Null by default: the step calls
     * each block.
     */
    public PhaseKernel oneInstanceKernel(List<MechanismBlock> run) {
        return null;
    }

    /**
     * Called once when the simulation is built, with the blocks whose state phases follow this one's in the step
     * (not yet taken by another block): those whose state phases this block's {@link #advance} will do from now on,
     * in one pass with its own, each lane of each of them to the bits of its own {@code advance}. The engine then
     * no longer calls their {@code advance}. A block may take only state phases that read nothing but {@code s.v},
     * {@code s.dt}, their own columns and their nodes' ion variables (which the state phases of blocks that write no
     * ion variable, those after the writers, leave alone), so that doing them earlier in the step changes nothing.
     * None by default.
     */
    public List<MechanismBlock> joinStatePhases(List<MechanismBlock> following) {
        return List.of();
    }

    /**
     * The kinds of BEFORE and AFTER blocks the block has ({@link #beforeAfter} is called only for those); none by
     * default.
     */
    public java.util.Set<BeforeAfter> beforeAfterKinds() {
        return java.util.Set.of();
    }

    /**
     * NMODL's BEFORE or AFTER blocks of kind {@code when} (NEURON's nrn_ba), for every instance, each block of that
     * kind in the file's order over all instances before the next. Called only for the kinds of
     * {@link #beforeAfterKinds}; nothing by default.
     */
    public void beforeAfter(CellState s, BeforeAfter when) {
    }

    /** NET_RECEIVE: an event of the given weight reaches {@code instance} in trial {@code lane}. */
    public void deliver(int instance, int lane, double weight) {
        throw new UnsupportedOperationException("mechanism " + mechanism.name() + " does not receive events");
    }

    /** {@link #deliver(int, int, double)} in a block of one trial. */
    public final void deliver(int instance, double weight) {
        requireOneLane("deliver(instance, lane, weight)");
        deliver(instance, 0, weight);
    }

    /**
     * A connection to {@code instance} (NEURON's NetCon), told once when the simulation is built: {@code connection}
     * is its index in the model, which {@link #receive} gives again with each of its events, so that a mechanism
     * can keep state per connection (NET_RECEIVE's arguments after the weight). The wiring is the same in every
     * lane. Nothing to do by default.
     */
    public void connect(int connection, int instance, double weight) {
    }

    /**
     * An event due at time {@code t} (ms) for {@code instance} in trial {@code lane}, with NMODL's {@code flag}: 0
     * for a connection's event (the default passes it to {@link #deliver(int, int, double)}), the {@code net_send}
     * flag for the block's event to itself; the index of the connection it came through ({@link #connect}), -1 for
     * none. {@code t} is NEURON's t in NET_RECEIVE (the engine's clock stays the step's).
     */
    public void receive(int instance, int lane, int connection, double t, double weight, double flag) {
        if (flag != 0) {
            throw new UnsupportedOperationException("mechanism " + mechanism.name() + " sends no events to itself");
        }
        deliver(instance, lane, weight);
    }

    /**
     * Switches rate tables (the default) against exact evaluation of the rate functions: NEURON's TABLEs where the
     * mod file has them ({@code usetable_<suffix> = 0} switches them off), and tables made for speed where a
     * mechanism documents them (the Hay channels). Mechanisms without tables ignore it.
     */
    public void setUseTables(boolean useTables) {
    }
}
