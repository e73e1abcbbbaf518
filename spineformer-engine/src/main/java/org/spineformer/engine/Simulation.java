package org.spineformer.engine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.spineformer.engine.discrete.Discretization;
import org.spineformer.engine.event.EventQueue;
import org.spineformer.engine.event.Synapse;
import org.spineformer.engine.mech.BeforeAfter;
import org.spineformer.engine.mech.CellState;
import org.spineformer.engine.mech.FieldRole;
import org.spineformer.engine.mech.FieldSpec;
import org.spineformer.engine.mech.Ion;
import org.spineformer.engine.mech.MechanismBlock;
import org.spineformer.engine.mech.PhaseKernel;
import org.spineformer.engine.solve.HinesSolver;

/**
 * A built model advancing in NEURON's fixed step (backward Euler, {@code secondorder = 0}).
 *
 * <p>One step from t to t + dt: deliver the events due by t + dt/2; at t + dt/2 evaluate every mechanism's
 * current and di/dv with the old voltages and states; assemble and solve the tree system for the voltage change
 * and add it; at t + dt advance every mechanism's states with the new voltages; notify observers; deliver the events
 * due by t + 3dt/2. Every phase visits the blocks in NEURON's mechanism type order, the order {@link ModelBuilder}
 * gives them ({@link org.spineformer.engine.mech.TypeOrder}: the concentration writers before the others).
 *
 * <p>A blow-up (a NaN or infinite voltage) stops the run with a {@link NonFiniteStateException}: every voltage is
 * checked every {@link #FINITE_CHECK_MS} ms of simulated time, and every voltage and mechanism state after
 * initialization and at the end of {@link #run}.
 *
 * <p>Trials in lanes ({@link ModelBuilder#build(double, double, int)}): {@link #lanes()} trials of the model step
 * together, each lane with its own inputs and the numbers it has when run alone (the layout: {@link CellState}).
 * Each lane's events are delivered in the order of its run alone. With more than one lane a blow-up does not stop
 * the run: the checks record it for its lane ({@link #failure(int)}), that lane's events are dropped from then on,
 * and the other lanes run on with unchanged numbers; the run stops early only when every lane has failed.
 */
public final class Simulation {
    /**
     * How often the step loop checks that every voltage is finite (ms of simulated time): once NaN appears it
     * spreads through the whole cell within steps, so a later check only delays the error; at 1 ms the check (one
     * pass over v, outside the mechanisms' loops) runs once per 40 steps at dt = 0.025 ms, each of which passes over
     * v and every mechanism state several times.
     */
    public static final double FINITE_CHECK_MS = 1;
    private final Discretization discretization;
    private final CellState state;
    /** In NEURON's mechanism type order: the order of every phase. */
    private final MechanismBlock[] blocks;
    /** What the current phase calls: the blocks, runs of one-instance blocks by one kernel (OneInstanceRuns). */
    private final PhaseKernel[] currentPhases;
    /**
     * What the state phase calls: the blocks without those another block takes over, runs of one-instance blocks by
     * one kernel.
     */
    private final PhaseKernel[] statePhases;
    /** Per kind of BEFORE/AFTER block (BeforeAfter's order), the blocks that have one, in the blocks' order. */
    private final MechanismBlock[][] beforeAfter = new MechanismBlock[BeforeAfter.values().length][];
    /** Per density mechanism, section and segment: the instance index (null where it is not inserted). */
    private final Map<String, int[][]> densityInstances;
    private final List<ModelBuilder.SpikeSource> sources;
    private final int[][] sourceTargetBlock;
    /** Per source and synapse: the connection's index in the model. */
    private final int[][] sourceConnection;
    /** Per block and instance: the index of its event source (net_event), -1 or a null row for none. */
    private final int[][] emitter;
    /** Per event source and synapse: target block, instance, weight, delay (ms), connection index. */
    private final int[][] outBlock;
    private final int[][] outInstance;
    private final double[][] outWeight;
    private final double[][] outDelay;
    private final int[][] outConnection;
    private final EventQueue queue = new EventQueue();
    private final EventQueue.Receiver deliver;
    private final int n;
    private final int lanes;
    /** Per lane: the blow-up seen in it, null while it runs (only with more than one lane). */
    private final NonFiniteStateException[] failures;
    private int failed;
    private final HinesSolver solver;
    private final double[] a;
    private final double[] b;
    private final double[] capacitanceOverDt;
    private final Ion[] ions;
    private final List<StepObserver> observers = new ArrayList<>();
    private long steps;
    private boolean initialized;
    /** Steps between two voltage checks, {@link #FINITE_CHECK_MS} in steps. */
    private final long finiteCheckSteps;
    /** Every block's state columns, live, for the blow-up checks; stateBlock[c] owns column c. */
    private final double[][] stateColumns;
    private final MechanismBlock[] stateBlock;
    private final String[] stateName;

    Simulation(Discretization disc, List<MechanismBlock> blockList, Map<String, int[][]> densityInstances,
               List<ModelBuilder.SpikeSource> sources, List<ModelBuilder.EventSource> eventSources, double dt,
               double celsius, int lanes) {
        this.discretization = disc;
        this.n = disc.nodeCount();
        this.lanes = lanes;
        this.failures = new NonFiniteStateException[lanes];
        double[] area = new double[n];
        for (int i = 0; i < n; i++) {
            area[i] = disc.areaUm2(i);
        }
        this.state = new CellState(area, disc.matrixAreas(), dt, celsius, lanes);
        for (int i = 0; i < n; i++) {
            state.diamUm[i] = disc.diamUm(i);
        }
        this.blocks = blockList.toArray(new MechanismBlock[0]);
        // the first block's current phase may be currentsFromReset: never in a run
        this.currentPhases = OneInstanceRuns.of(blocks, 1);
        this.statePhases = OneInstanceRuns.of(joinStatePhases(blockList), 0);
        for (BeforeAfter when : BeforeAfter.values()) {
            beforeAfter[when.ordinal()] = Arrays.stream(blocks).filter(blk -> blk.beforeAfterKinds().contains(when))
                    .toArray(MechanismBlock[]::new);
        }
        this.densityInstances = Map.copyOf(densityInstances);
        this.sources = List.copyOf(sources);
        this.sourceTargetBlock = new int[sources.size()][];
        for (int s = 0; s < sources.size(); s++) {
            List<Synapse> syns = sources.get(s).synapses();
            sourceTargetBlock[s] = new int[syns.size()];
            for (int k = 0; k < syns.size(); k++) {
                sourceTargetBlock[s][k] = blockIndex(syns.get(k).target().mechanism());
            }
        }
        // connections are numbered in creation order (sources in order, each one's synapses in order), as NEURON
        // iterates its NetCons
        this.sourceConnection = new int[sources.size()][];
        int connections = 0;
        for (int s = 0; s < sources.size(); s++) {
            List<Synapse> syns = sources.get(s).synapses();
            sourceConnection[s] = new int[syns.size()];
            for (int k = 0; k < syns.size(); k++) {
                sourceConnection[s][k] = connections;
                blocks[sourceTargetBlock[s][k]].connect(connections++, syns.get(k).target().instance(),
                        syns.get(k).weight());
            }
        }
        // point processes' events out: per event source its synapses' targets, weights, delays and connections
        this.emitter = new int[blocks.length][];
        int sourceCount = eventSources.size();
        this.outBlock = new int[sourceCount][];
        this.outInstance = new int[sourceCount][];
        this.outWeight = new double[sourceCount][];
        this.outDelay = new double[sourceCount][];
        this.outConnection = new int[sourceCount][];
        for (int e = 0; e < sourceCount; e++) {
            ModelBuilder.EventSource src = eventSources.get(e);
            int b = blockIndex(src.source().mechanism());
            if (emitter[b] == null) {
                emitter[b] = new int[blocks[b].size()];
                Arrays.fill(emitter[b], -1);
            }
            if (emitter[b][src.source().instance()] >= 0) {
                throw new IllegalArgumentException(src.source() + " has two event sources: give it one with every"
                        + " synapse");
            }
            emitter[b][src.source().instance()] = e;
            List<Synapse> syns = src.synapses();
            outBlock[e] = new int[syns.size()];
            outInstance[e] = new int[syns.size()];
            outWeight[e] = new double[syns.size()];
            outDelay[e] = new double[syns.size()];
            outConnection[e] = new int[syns.size()];
            for (int j = 0; j < syns.size(); j++) {
                Synapse syn = syns.get(j);
                outBlock[e][j] = blockIndex(syn.target().mechanism());
                outInstance[e][j] = syn.target().instance();
                outWeight[e][j] = syn.weight();
                outDelay[e][j] = syn.delayMs();
                outConnection[e][j] = connections;
                blocks[outBlock[e][j]].connect(connections++, syn.target().instance(), syn.weight());
            }
        }
        this.deliver = (time, target, instance, lane, weight, flag, connection) -> {
            if (failures[lane] == null) {
                blocks[target].receive(instance, lane, connection, time, weight, flag);
            }
        };
        state.events = new CellState.Events() {
            @Override
            public long send(MechanismBlock block, int instance, int lane, double time, double weight, double flag,
                             int connection) {
                return queue.schedule(time, blockIndex(block), instance, lane, weight, flag, connection);
            }

            @Override
            public boolean move(long event, double time) {
                return queue.move(event, time);
            }

            @Override
            public void emit(MechanismBlock block, int instance, int lane, double time) {
                int[] source = emitter[blockIndex(block)];
                int e = source == null ? -1 : source[instance];
                if (e < 0) {
                    return; // no connection out of this instance: the event goes nowhere, as in NEURON
                }
                for (int j = 0; j < outBlock[e].length; j++) {
                    queue.schedule(time + outDelay[e][j], outBlock[e][j], outInstance[e][j], lane, outWeight[e][j],
                            0, outConnection[e][j]);
                }
            }
        };
        this.a = disc.solverA();
        this.b = disc.solverB();
        this.capacitanceOverDt = new double[n];
        setCapacitanceOverDt(dt);
        int firstFreeLeaf = disc.firstLeaf();
        for (MechanismBlock blk : blocks) {
            for (int k = 0; k < blk.size(); k++) {
                if (blk.node(k) >= disc.firstLeaf()) {
                    firstFreeLeaf = n; // something sits on a leaf: solve every row (rare: an electrode at x = 1)
                }
            }
        }
        // Leaves from firstFreeLeaf on carry nothing, so the solver copies their parents' voltages.
        this.solver = new HinesSolver(disc.solverParent(), firstFreeLeaf, lanes);
        state.setSolvedNodes(firstFreeLeaf);
        Set<String> currentsRead = new HashSet<>();
        for (MechanismBlock blk : blocks) {
            currentsRead.addAll(blk.mechanism().ionCurrentsRead());
        }
        state.setIonCurrentsRead(currentsRead);
        // Every ion a mechanism asked for during block construction is created lazily; create them now so the
        // step loop can iterate over a fixed array.
        Map<String, List<Runnable>> writersAgain = new LinkedHashMap<>();
        for (MechanismBlock blk : blocks) {
            for (String taken : state.ionsTaken(() -> blk.attach(state))) {
                Ion ion = state.ion(taken);
                for (int k = 0; k < blk.size(); k++) {
                    for (int lane = 0; lane < lanes; lane++) {
                        ion.currentWrittenAt(blk.node(k) * lanes + lane);
                    }
                }
                writersAgain.computeIfAbsent(taken, n -> new ArrayList<>()).add(blk.ionCurrentAgain(state, taken));
            }
        }
        leaveUnreadSumsOut(writersAgain, currentsRead);
        List<Ion> ionList = new ArrayList<>();
        state.ions().forEach(ionList::add);
        this.ions = ionList.toArray(new Ion[0]);
        this.finiteCheckSteps = Math.max(1, Math.round(FINITE_CHECK_MS / dt));
        List<double[]> columns = new ArrayList<>();
        List<MechanismBlock> owners = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (MechanismBlock blk : blocks) {
            for (FieldSpec f : blk.mechanism().fields()) {
                if (f.role() == FieldRole.STATE) {
                    columns.add(blk.column(f.name()));
                    owners.add(blk);
                    names.add(blk.mechanism().name() + "." + f.name());
                }
            }
        }
        this.stateColumns = columns.toArray(new double[0][]);
        this.stateBlock = owners.toArray(new MechanismBlock[0]);
        this.stateName = names.toArray(new String[0]);
    }

    /**
     * Each ion's current sum left out of the current phases where no block reads it and every block that took the
     * ion can add its current again ({@link MechanismBlock#ionCurrentAgain}): the paper's compiled cell sums ina and
     * ik at 2008 nodes each, which nothing reads. Whoever reads the array later gets it through
     * {@link Ion#current()}, which brings it up to date and keeps it summed from then on.
     */
    private void leaveUnreadSumsOut(Map<String, List<Runnable>> writersAgain, Set<String> currentsRead) {
        writersAgain.forEach((name, again) -> {
            if (!currentsRead.contains(name) && !again.contains(null)) {
                state.ion(name).leaveSumOut(() -> again.forEach(Runnable::run));
            }
        });
    }

    /** NEURON's finitialize(v0): voltages, every INITIAL block, the event queue, one current evaluation. */
    public void initialize(double vInitMv) {
        state.t = 0;
        steps = 0;
        Arrays.fill(failures, null);
        failed = 0;
        Arrays.fill(state.v, vInitMv);
        for (Ion ion : ions) {
            ion.reset();
        }
        // cleared before the INITIAL blocks, which may send events to themselves (NEURON's finitialize)
        queue.clear();
        beforeAfter(BeforeAfter.BEFORE_INITIAL);
        for (MechanismBlock blk : blocks) {
            blk.initialize(state);
        }
        for (int s = 0; s < sources.size(); s++) {
            ModelBuilder.SpikeSource src = sources.get(s);
            List<Synapse> syns = src.synapses();
            for (int lane = 0; lane < lanes; lane++) {
                for (double time : src.timesMs()[lane]) {
                    for (int k = 0; k < syns.size(); k++) {
                        Synapse syn = syns.get(k);
                        queue.schedule(time + syn.delayMs(), sourceTargetBlock[s][k], syn.target().instance(), lane,
                                syn.weight(), 0, sourceConnection[s][k]);
                    }
                }
            }
        }
        beforeAfter(BeforeAfter.AFTER_INITIAL);
        // NEURON's finitialize delivers the events due by dt/2 (those INITIAL sent for t = 0) before fcurrent
        queue.deliverUntil(0.5 * state.dt, deliver);
        state.discontinuitiesAllowed = false;
        currentPhase();
        state.discontinuitiesAllowed = true;
        beforeAfter(BeforeAfter.BEFORE_STEP);
        requireFiniteVoltages();
        requireFiniteStates();
        initialized = true;
        for (StepObserver o : observers) {
            o.initialized(this);
        }
    }

    /**
     * The state phases' order without the blocks that an earlier block takes over
     * ({@link MechanismBlock#joinStatePhases}).
     */
    private static MechanismBlock[] joinStatePhases(List<MechanismBlock> order) {
        List<MechanismBlock> left = new ArrayList<>(order);
        for (int i = 0; i < left.size(); i++) {
            List<MechanismBlock> following = List.copyOf(left.subList(i + 1, left.size()));
            for (MechanismBlock taken : left.get(i).joinStatePhases(following)) {
                if (!following.contains(taken)) {
                    throw new IllegalStateException(left.get(i).mechanism().name() + " took the state phase of "
                            + taken.mechanism().name() + ", which does not follow it");
                }
                left.remove(taken);
            }
        }
        return left.toArray(new MechanismBlock[0]);
    }

    /** Advances one fixed step. */
    public void step() {
        if (!initialized) {
            throw new IllegalStateException("initialize(v) before stepping");
        }
        double dt = state.dt;
        queue.deliverUntil(state.t + 0.5 * dt, deliver);
        state.t += 0.5 * dt;
        currentPhase();
        solver.step(a, b, capacitanceOverDt, state.v, state.d, state.rhs);
        state.t += 0.5 * dt;
        for (PhaseKernel kernel : statePhases) {
            kernel.advance(state);
        }
        beforeAfter(BeforeAfter.AFTER_SOLVE);
        beforeAfter(BeforeAfter.BEFORE_STEP);
        steps++;
        if (steps % finiteCheckSteps == 0) {
            requireFiniteVoltages();
        }
        for (int k = 0; k < observers.size(); k++) {
            observers.get(k).stepped(this);
        }
        queue.deliverUntil(state.t + 0.5 * dt, deliver);
    }

    /**
     * Changes the time step from the next step on, t going on from where it is: hoc's {@code dt = 10} between
     * {@code fadvance()} calls, as a model's own {@code init()} runs long steps to rest before the run (Almog and
     * Korngreen 2014). NEURON's {@code cfac = 0.001/dt} follows; compiled mechanisms rebuild the TABLEs that depend
     * on dt at their next use, as NEURON does.
     */
    public void setDt(double dtMs) {
        if (!(dtMs > 0) || Double.isInfinite(dtMs)) {
            throw new IllegalArgumentException("dt must be finite and > 0 ms, was " + dtMs);
        }
        state.dt = dtMs;
        setCapacitanceOverDt(dtMs);
    }

    private void setCapacitanceOverDt(double dt) {
        double[] cm = discretization.capacitances();
        for (int i = 0; i < n; i++) {
            // cm (uF/cm2) / dt (ms) * 1e-3 gives S/cm2, NEURON's cfac = 0.001 / dt
            capacitanceOverDt[i] = cm[i] * 0.001 / dt;
        }
    }

    /**
     * Steps until t reaches {@code tstopMs} (NEURON's run: while t < tstop - dt/2), or, with lanes, until every lane
     * has failed.
     */
    public void run(double tstopMs) {
        while (state.t < tstopMs - 0.5 * state.dt && failed < lanes) {
            step();
        }
        requireFiniteVoltages();
        requireFiniteStates();
    }

    /**
     * A copy of the state now, for {@link #restore} in another simulation of the same cell: taken after
     * {@link #initialize} with no event pending (before any input), every block keeping its state in its columns
     * ({@link MechanismBlock#stateInColumns}).
     *
     * @throws IllegalStateException before initialization, with an event pending, or after a lane's blow-up
     * @throws UnsupportedOperationException naming a block that keeps state outside its columns
     */
    public SimulationSnapshot snapshot() {
        if (!initialized) {
            throw new IllegalStateException("initialize(v) before taking a snapshot");
        }
        if (queue.size() > 0) {
            throw new IllegalStateException(queue.size() + " events pending at t = " + state.t + " ms: a snapshot is"
                    + " taken before any input");
        }
        if (failed > 0) {
            throw new IllegalStateException(failed + " lanes have blown up: no snapshot");
        }
        Map<String, double[][]> blockStates = new HashMap<>();
        Map<String, Integer> sizes = new HashMap<>();
        for (MechanismBlock blk : blocks) {
            blockStates.put(blk.mechanism().name(), blk.stateCopy());
            sizes.put(blk.mechanism().name(), blk.size());
        }
        Map<String, double[][]> ionStates = new HashMap<>();
        for (Ion ion : ions) {
            ionStates.put(ion.name(), ion.stateCopy());
        }
        return new SimulationSnapshot(lanes, state.t, state.dt, state.celsius, steps, state.v.clone(),
                state.rhs.clone(), state.d.clone(), state.scopRandom.clone(), ionStates, blockStates, sizes);
    }

    /**
     * Continues from {@code from}, a {@link #snapshot} of a simulation of the same cell (the same nodes, dt and
     * temperature, each of its blocks here with the same size) of one trial, which every lane continues, or of as
     * many lanes as this one: called after {@link #initialize}, it sets the clock, the step count, every node
     * array, every ion's arrays and the STATE and ASSIGNED columns of the snapshot's blocks, so that the run on is
     * bit for bit the one from 0 if this simulation's inputs are those of the snapshot's up to its time. The pending
     * events (this simulation's inputs) stay, and must all be due after the snapshot's last delivery. A block that
     * the snapshot has not got keeps its state from initialization, which must be its state at the snapshot's time
     * as well (the caller's to know: an electrode whose pulses all start later). Observers are not told.
     *
     * @throws IllegalArgumentException if the snapshot is of another cell or layout, or an event is due before its
     *     time
     */
    public void restore(SimulationSnapshot from) {
        if (!initialized) {
            throw new IllegalStateException("initialize(v) before restoring a snapshot");
        }
        if (from.lanes != 1 && from.lanes != lanes) {
            throw new IllegalArgumentException("a snapshot of " + from.lanes + " lanes cannot continue in " + lanes);
        }
        if (from.v.length != n * from.lanes || from.dt != state.dt || from.celsius != state.celsius) {
            throw new IllegalArgumentException("the snapshot is of another cell or run: " + from.v.length / from.lanes
                    + " nodes, dt " + from.dt + " ms, " + from.celsius + " degC against " + n + ", " + state.dt
                    + ", " + state.celsius);
        }
        double delivered = from.t + 0.5 * from.dt;
        if (queue.peekTime() <= delivered) {
            throw new IllegalArgumentException("an event is due at " + queue.peekTime() + " ms, before the snapshot's"
                    + " t = " + from.t + " ms + dt/2");
        }
        for (Map.Entry<String, Integer> e : from.sizes.entrySet()) {
            if (!has(e.getKey()) || block(e.getKey()).size() != e.getValue()) {
                throw new IllegalArgumentException("the snapshot has " + e.getValue() + " instances of "
                        + e.getKey() + ", this simulation " + (has(e.getKey()) ? block(e.getKey()).size() : 0));
            }
        }
        for (String ion : from.ions.keySet()) {
            if (Arrays.stream(ions).noneMatch(i -> i.name().equals(ion))) {
                throw new IllegalArgumentException("the snapshot has the ion " + ion + ", this simulation not");
            }
        }
        state.t = from.t;
        steps = from.steps;
        CellState.copyIntoLanes(from.v, state.v);
        CellState.copyIntoLanes(from.rhs, state.rhs);
        CellState.copyIntoLanes(from.d, state.d);
        for (int lane = 0; lane < lanes; lane++) {
            state.scopRandom[lane] = from.scopRandom[from.lanes == 1 ? 0 : lane];
        }
        for (Ion ion : ions) {
            double[][] copy = from.ions.get(ion.name());
            if (copy != null) {
                ion.restoreState(copy);
            }
        }
        for (Map.Entry<String, double[][]> e : from.blocks.entrySet()) {
            block(e.getKey()).restoreState(e.getValue());
        }
    }

    /** The number of trials in lanes. */
    public int lanes() {
        return lanes;
    }

    /**
     * The blow-up seen in {@code lane} since initialization (its message names the lane), null while the lane's
     * values are finite. With one lane a blow-up is thrown instead.
     */
    public NonFiniteStateException failure(int lane) {
        return failures[lane];
    }

    private void requireFiniteVoltages() {
        double[] v = state.v;
        for (int i = 0; i < n * lanes; i++) {
            if (!Double.isFinite(v[i])) {
                blowUp(i / lanes, i % lanes, "v = " + v[i] + " mV");
            }
        }
    }

    private void requireFiniteStates() {
        for (int c = 0; c < stateColumns.length; c++) {
            double[] column = stateColumns[c];
            for (int k = 0; k < column.length; k++) {
                if (!Double.isFinite(column[k])) {
                    blowUp(stateBlock[c].node(k / lanes), k % lanes, stateName[c] + " = " + column[k]);
                }
            }
        }
    }

    /**
     * A non-finite value at {@code node} in {@code lane}: thrown with one lane, else recorded as the lane's failure
     * (the first one seen in it), naming the first non-finite state there if any.
     */
    private void blowUp(int node, int lane, String what) {
        if (failures[lane] != null) {
            return;
        }
        String mechanism = null;
        for (int c = 0; c < stateColumns.length && mechanism == null; c++) {
            for (int k = lane; k < stateColumns[c].length; k += lanes) {
                if (stateBlock[c].node(k / lanes) == node && !Double.isFinite(stateColumns[c][k])) {
                    mechanism = stateName[c];
                    break;
                }
            }
        }
        NonFiniteStateException e = new NonFiniteStateException(state.t, discretization.locationName(node), what,
                mechanism, lanes == 1 ? -1 : lane);
        if (lanes == 1) {
            throw e;
        }
        failures[lane] = e;
        failed++;
    }

    /** NEURON's nrn_ba: each block's BEFORE or AFTER blocks of kind {@code when}, in the blocks' order. */
    private void beforeAfter(BeforeAfter when) {
        for (MechanismBlock blk : beforeAfter[when.ordinal()]) {
            blk.beforeAfter(state, when);
        }
    }

    private void currentPhase() {
        // before the ions' reset and the currents, as NEURON's nrn_rhs calls it
        beforeAfter(BeforeAfter.BEFORE_BREAKPOINT);
        // the first block may write every node's rhs and d itself, reset included (pas: one pass over the nodes)
        int first = blocks.length > 0 && blocks[0].currentsFromReset(state) ? 1 : 0;
        if (first == 0) {
            Arrays.fill(state.rhs, 0);
            Arrays.fill(state.d, 0);
        }
        for (Ion ion : ions) {
            ion.resetCurrent();
            ion.followConcentrations(state.celsius);
        }
        for (int k = first; k < currentPhases.length; k++) {
            currentPhases[k].currents(state);
        }
    }

    public void addObserver(StepObserver o) {
        observers.add(o);
    }

    public double t() {
        return state.t;
    }

    public double dt() {
        return state.dt;
    }

    /** Steps taken since initialization. */
    public long steps() {
        return steps;
    }

    public CellState state() {
        return state;
    }

    public Discretization discretization() {
        return discretization;
    }

    /** The block holding every instance of a mechanism. */
    public MechanismBlock block(String mechanism) {
        return blocks[blockIndex(mechanism)];
    }

    public boolean has(String mechanism) {
        for (MechanismBlock blk : blocks) {
            if (blk.mechanism().name().equals(mechanism)) {
                return true;
            }
        }
        return false;
    }

    private int blockIndex(MechanismBlock block) {
        for (int i = 0; i < blocks.length; i++) {
            if (blocks[i] == block) {
                return i;
            }
        }
        throw new IllegalArgumentException("the block of " + block.mechanism().name() + " is not in the model");
    }

    private int blockIndex(String mechanism) {
        for (int i = 0; i < blocks.length; i++) {
            if (blocks[i].mechanism().name().equals(mechanism)) {
                return i;
            }
        }
        throw new IllegalArgumentException("the model has no mechanism '" + mechanism + "'");
    }

    /** The instance index of a density mechanism in a segment. */
    public int densityInstance(String mechanism, int section, int segment) {
        int[][] instances = densityInstances.get(mechanism);
        if (instances == null || instances[section] == null) {
            throw new IllegalArgumentException(mechanism + " is not inserted in section "
                    + discretization.morphology().section(section).name());
        }
        return instances[section][segment];
    }

    /**
     * Switches every mechanism's rate tables on (the default: NEURON's TABLEs, and the Hay channels' tables made for
     * speed) or off (exact rate functions).
     */
    public void setUseTables(boolean useTables) {
        for (MechanismBlock blk : blocks) {
            blk.setUseTables(useTables);
        }
    }
}
