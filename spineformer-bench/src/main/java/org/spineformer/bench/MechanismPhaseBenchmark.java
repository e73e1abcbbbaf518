package org.spineformer.bench;

import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.spineformer.engine.Simulation;
import org.spineformer.engine.mech.CellState;
import org.spineformer.engine.mech.FieldSpec;
import org.spineformer.engine.mech.Ion;
import org.spineformer.engine.mech.MechanismBlock;
import org.spineformer.engine.simd.Simd;

/**
 * Where a step's time goes: one mechanism's current phase or state phase over all its instances in the paper's
 * cell, as the step calls them. Each runs alone, so its data stay in cache more than within a whole step: the
 * shares are a guide, the whole step ({@link CellStepBenchmark}) is the measure. Run with
 * {@code -Dspineformer.simd=false} in {@code -jvmArgsAppend} for the scalar kernels.
 *
 * <p>{@code -p lanes=1,0} compares one trial with a block of several trials in lanes (0: the preferred vector's
 * lane count, {@link Simd#preferredLanes()}): each lane a copy of the trial's state at {@code atMs}. The score is
 * the time of one phase for all lanes; per trial, divide it by the lane count.
 *
 * <p>With the Vector API, NaTa_t's state phase in the cell (L = 1) is the one pass of all three Hay channels
 * ({@code hay2011.HayStates}), which the engine calls instead of SKv3_1's and Im's own; SKv3_1 and Im then give
 * their own phases, which the step no longer runs. The blocks made here for L > 1 are not joined: there each
 * channel's own phase.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector"})
@State(Scope.Thread)
public class MechanismPhaseBenchmark {
    @Param({"pas", "NaTa_t", "SKv3_1", "Im", "cadspine", "AMPA_WITH_CA", "NMDA"})
    public String mechanism;

    /** Rate tables on (the default) or off (exact rate functions): {@code -p tables=true,false} compares them. */
    @Param({"true"})
    public boolean tables;

    /**
     * Where in the trial the phase is measured (ms): at 300 ms two thirds of the synapses are quiet and skipped, in
     * the input windows (after about 500 ms) nearly none are, as for most of the trial.
     */
    @Param({"300"})
    public double atMs;

    /** Trials in lanes: 1, or 0 for {@link Simd#preferredLanes()}, or any count (the scalar loop over lanes). */
    @Param({"1"})
    public int lanes;

    private MechanismBlock block;
    private CellState state;

    @Setup(Level.Trial)
    public void build() {
        Simulation sim = ControlTrial.after(atMs);
        sim.setUseTables(tables);
        block = sim.block(mechanism);
        state = sim.state();
        int count = lanes == 0 ? Simd.preferredLanes() : lanes;
        if (count > 1) {
            state = inLanes(state, count);
            block = inLanes(block, state, tables);
        }
    }

    /** The state with every per-node array copied into each of {@code count} lanes; geometry shared. */
    private static CellState inLanes(CellState one, int count) {
        double[] matrixArea = new double[one.nodes];
        for (int n = 0; n < one.nodes; n++) {
            matrixArea[n] = 1e2 / one.pointScale[n];
        }
        CellState s = new CellState(one.areaUm2, matrixArea, one.dt, one.celsius, count);
        s.t = one.t;
        copy(one.v, s.v, count);
        copy(one.rhs, s.rhs, count);
        copy(one.d, s.d, count);
        for (Ion ion : one.ions()) {
            Ion into = s.ion(ion.name());
            copy(ion.current(), into.current(), count);
            copy(ion.concentration, into.concentration, count);
            copy(ion.outside, into.outside, count);
            copy(ion.reversal(), into.reversal(), count);
        }
        return s;
    }

    /**
     * A block of the same mechanism on the same nodes in the state's lanes, initialized there (for the step's
     * constants a block derives at initialization), then every field of every lane set to the trial's value.
     */
    private static MechanismBlock inLanes(MechanismBlock one, CellState s, boolean tables) {
        int[] nodes = new int[one.size()];
        for (int k = 0; k < nodes.length; k++) {
            nodes[k] = one.node(k);
        }
        MechanismBlock block = one.mechanism().newBlock(nodes, s.lanes);
        block.setUseTables(tables);
        for (FieldSpec field : one.mechanism().fields()) {
            copy(one.column(field.name()), block.column(field.name()), s.lanes);
        }
        block.attach(s);
        block.initialize(s);
        for (FieldSpec field : one.mechanism().fields()) {
            copy(one.column(field.name()), block.column(field.name()), s.lanes);
        }
        return block;
    }

    private static void copy(double[] one, double[] lanes, int count) {
        for (int k = 0; k < one.length; k++) {
            Arrays.fill(lanes, k * count, (k + 1) * count, one[k]);
        }
    }

    /** The current phase: currents and conductances added into the node arrays (they accumulate here). */
    @Benchmark
    public double currents() {
        block.currents(state);
        return state.rhs[0];
    }

    /** The state phase at the present voltages. */
    @Benchmark
    public double advance() {
        block.advance(state);
        return state.t;
    }
}
