package org.spineformer.engine.mech;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * The per-node state every mechanism reads and writes during a step: membrane potential, the matrix diagonal and
 * right-hand side being assembled, node areas, the clock and the ion species.
 *
 * <p>Sign and unit conventions are NEURON's. During the current phase a density mechanism with outward current
 * {@code i} (mA/cm2) and conductance {@code g = di/dv} (S/cm2) does {@code rhs[node] -= i; d[node] += g}; a point
 * process (nA, uS) does the same after multiplying by {@link #pointScale}{@code [node]} = 100 / area; an electrode
 * current (positive = injected) enters with the opposite sign.
 *
 * <p>Trials in lanes: a state holds {@link #lanes} trials of the same cell that step together and differ only in
 * their inputs. Every per-node value that can differ per trial ({@link #v}, {@link #rhs}, {@link #d} and every
 * {@link Ion} array) has {@code nodes * lanes} entries, trial {@code lane} of node {@code i} at
 * {@code i * lanes + lane}; the geometry ({@link #areaUm2}, {@link #pointScale}), the clock and the temperature are
 * shared by all lanes. With one lane the layout is the plain per-node one.
 */
public final class CellState {
    /** Number of nodes. */
    public final int nodes;
    /** Number of trials stepping together (>= 1): per-trial values are at [node * lanes + lane]. */
    public final int lanes;
    /** Membrane potential (mV). */
    public final double[] v;
    /** Right-hand side being assembled (mA/cm2); after the solve, the voltage change (mV). */
    public final double[] rhs;
    /** Matrix diagonal being assembled (S/cm2). */
    public final double[] d;
    /** Membrane area (um2), 0 for zero-area nodes; one per node, shared by all lanes. */
    public final double[] areaUm2;
    /**
     * The diameter (um) of the segment each node is the centre of (NEURON's seg.diam, what a mod file's
     * {@code diam} reads), one per node, shared by all lanes; NaN until the simulation sets it, and for end nodes.
     */
    public final double[] diamUm;
    /** Converts a point current in nA to the node's current density: 100 / area (area 100 for zero-area nodes). */
    public final double[] pointScale;
    /** Time (ms): the mid-step time during the current phase, the step's end during the state phase. */
    public double t;
    /**
     * Time step (ms). Not final for one reason: a compiled mechanism's {@code SOLVE ... STEADYSTATE derivimplicit}
     * in INITIAL runs its block's step with dt = 1e-9 ms and sets it back, as NEURON's _ss_derivimplicit_thread
     * sets the thread's dt (spineformer-nmodl, docs/dev/nmodl.md); {@code Simulation.setDt} changes it between steps
     * (a model's own init of long steps).
     */
    public double dt;
    /** Temperature (degC). */
    public final double celsius;
    /**
     * NEURON's state_discon_allowed_ (init.cpp): whether a compiled mechanism's {@code state_discontinuity} outside
     * NET_RECEIVE assigns; the simulation clears it while {@link org.spineformer.engine.Simulation#initialize}
     * evaluates the currents, as finitialize does around its setup_tree_matrix (fadvance.cpp).
     */
    public boolean discontinuitiesAllowed = true;
    private final Map<String, Ion> ions = new LinkedHashMap<>();
    /** The ions whose current some block of the simulation reads ({@link Mechanism#ionCurrentsRead}). */
    private Set<String> ionCurrentsRead = Set.of();
    /** The nodes whose rhs and d the solve reads: [0, solvedNodes); every node until the simulation says. */
    private int solvedNodes;
    /** The names {@link #ion} was asked for while {@link #ionsTaken} runs; null otherwise. */
    private Set<String> taken;
    /**
     * NEURON's random number state for compiled mod files (src/oc/scoprand.cpp, {@code scop_random}, {@code set_seed}):
     * one per lane, starting at 1 as NEURON's at start-up; every mechanism of the trial draws from it in call order.
     */
    public final int[] scopRandom;
    /** Where a block's events go (NMODL's net_send and net_event); set by the simulation that owns this state. */
    public Events events;

    /** The events a block sends: to one of its own instances, or out through an instance's connections. */
    public interface Events {
        /**
         * An event for {@code instance} of {@code block} in trial {@code lane} at time {@code t} (ms), delivered
         * with weight, flag and connection index (-1 for none): NMODL's net_send. Returns the event's handle for
         * {@link #move}.
         */
        long send(MechanismBlock block, int instance, int lane, double t, double weight, double flag, int connection);

        /**
         * Gives the pending event of this handle the time {@code t} (ms): NMODL's net_move. False when it is no
         * longer pending.
         */
        boolean move(long event, double t);

        /**
         * An event out of {@code instance} of {@code block} in trial {@code lane} at time {@code t} (ms), to the
         * same lane of its connections' targets: NMODL's net_event.
         */
        void emit(MechanismBlock block, int instance, int lane, double t);
    }

    /** The state of one trial. */
    public CellState(double[] areaUm2, double[] matrixAreaUm2, double dt, double celsius) {
        this(areaUm2, matrixAreaUm2, dt, celsius, 1);
    }

    /** The state of {@code lanes} trials stepping together. */
    public CellState(double[] areaUm2, double[] matrixAreaUm2, double dt, double celsius, int lanes) {
        if (lanes < 1) {
            throw new IllegalArgumentException("lanes must be >= 1, was " + lanes);
        }
        this.nodes = areaUm2.length;
        this.lanes = lanes;
        this.v = new double[nodes * lanes];
        this.rhs = new double[nodes * lanes];
        this.d = new double[nodes * lanes];
        this.areaUm2 = areaUm2.clone();
        this.diamUm = new double[nodes];
        Arrays.fill(diamUm, Double.NaN);
        this.pointScale = new double[nodes];
        for (int i = 0; i < nodes; i++) {
            pointScale[i] = 1e2 / matrixAreaUm2[i];
        }
        this.dt = dt;
        this.celsius = celsius;
        this.scopRandom = new int[lanes];
        Arrays.fill(scopRandom, 1);
        this.solvedNodes = nodes;
    }

    /**
     * Copies per-trial values of {@code from} into {@code to}, which holds {@code lanes} trials per entry of a
     * one-trial {@code from} (every lane gets the entry's value: {@code to[i * lanes + lane] = from[i]}) or as many
     * entries as {@code from} (a plain copy).
     */
    public static void copyIntoLanes(double[] from, double[] to) {
        if (from.length == to.length) {
            System.arraycopy(from, 0, to, 0, from.length);
            return;
        }
        int lanes = to.length / Math.max(1, from.length);
        if (from.length * lanes != to.length) {
            throw new IllegalArgumentException("cannot copy " + from.length + " values into " + to.length
                    + " lanes' entries");
        }
        for (int i = 0; i < from.length; i++) {
            Arrays.fill(to, i * lanes, (i + 1) * lanes, from[i]);
        }
    }

    /** The named ion species, created on first use. */
    public Ion ion(String name) {
        if (taken != null) {
            taken.add(name);
        }
        return ions.computeIfAbsent(name, n -> new Ion(n, nodes * lanes, Ion.defaultInternalConcentrationMM(n)));
    }

    /**
     * Whether some block of the simulation reads the ion's total current ({@link Mechanism#ionCurrentsRead}): told
     * by the simulation before any block is attached, so that a block that only writes it can leave it alone
     * otherwise ({@link IonCurrentSum}).
     */
    public boolean ionCurrentRead(String ion) {
        return ionCurrentsRead.contains(ion);
    }

    /** The ions whose current some block reads: set by the simulation before it attaches the blocks. */
    public void setIonCurrentsRead(Set<String> ions) {
        ionCurrentsRead = Set.copyOf(ions);
    }

    /**
     * The nodes [0, solvedNodes) whose {@link #rhs} and {@link #d} the solve reads. The nodes from here on are
     * zero-area leaves with no membrane or electrode current, whose voltage the solver copies from their parents'
     * (it writes their rhs, the voltage change, and never reads their rhs or d): nothing reads their rhs and d
     * between a current phase and the solve.
     */
    public int solvedNodes() {
        return solvedNodes;
    }

    /** The first node whose rhs and d the solve does not read (at most {@link #nodes}): set by the simulation. */
    public void setSolvedNodes(int solvedNodes) {
        if (solvedNodes < 1 || solvedNodes > nodes) {
            throw new IllegalArgumentException("solvedNodes must be in [1, " + nodes + "], was " + solvedNodes);
        }
        this.solvedNodes = solvedNodes;
    }

    public Iterable<Ion> ions() {
        return ions.values();
    }

    /**
     * Runs {@code attach} (a block's {@link MechanismBlock#attach}) and returns the names of the ions it took with
     * {@link #ion}: the simulation resets each ion's current only at the nodes of the blocks that took it.
     */
    public Set<String> ionsTaken(Runnable attach) {
        taken = new LinkedHashSet<>();
        try {
            attach.run();
            return taken;
        } finally {
            taken = null;
        }
    }
}
