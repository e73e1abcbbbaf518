package org.spineformer.bench;

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
import org.spineformer.engine.mech.MechanismBlock;

/**
 * Where a step's time goes: one mechanism's current phase or state phase over all its instances in the paper's
 * cell, as the step calls them. Each runs alone, so its data stay in cache more than within a whole step: the
 * shares are a guide, the whole step ({@link CellStepBenchmark}) is the measure. Run with
 * {@code -Dspineformer.simd=false} in {@code -jvmArgsAppend} for the scalar kernels.
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

    private MechanismBlock block;
    private CellState state;

    @Setup(Level.Trial)
    public void build() {
        Simulation sim = ControlTrial.after(atMs);
        block = sim.block(mechanism);
        state = sim.state();
        sim.setUseTables(tables);
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
