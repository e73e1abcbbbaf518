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
import org.spineformer.engine.simd.Simd;

/**
 * The paper's cell with {@code lanes} copies of the control_1s trial in lanes, stepped from 500 ms (inside its input
 * windows, where nearly every synapse is busy) in batches of {@link #STEPS} steps: the score is the time of one
 * batch, so the time per trial and step is the score divided by {@code STEPS * lanes}. {@code lanes = 0} is
 * {@link Simd#preferredLanes()}. Every lane count steps through the same simulated window (warm-up and measurement
 * are counted in batches, not in seconds), unlike an average-time benchmark, in which a faster run would advance
 * further into the trial. The setup's 500 ms (20,000 steps) warm the JIT. Copies of one trial ({@code shiftMs = 0})
 * keep the quiet synapses quiet in every lane at once, as one trial alone; with {@code shiftMs > 0} lane l's
 * presynaptic spikes come {@code l * shiftMs} later, so the lanes are different trials, as in an experiment's lanes
 * (their synapses skip fewer, the Hay tables are read at different places).
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, batchSize = LanesStepBenchmark.STEPS)
@Measurement(iterations = 10, batchSize = LanesStepBenchmark.STEPS)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector"})
@State(Scope.Thread)
public class LanesStepBenchmark {
    /** Steps per batch: 10 ms of the trial at dt = 0.025 ms, so the 15 batches cover 500 to 650 ms. */
    static final int STEPS = 400;

    @Param({"1", "0"})
    public int lanes;

    /** Lane l's presynaptic spikes {@code l * shiftMs} ms later than the trial's (0: copies of one trial). */
    @Param({"0"})
    public double shiftMs;

    private Simulation sim;

    @Setup(Level.Trial)
    public void build() {
        sim = ControlTrial.afterInLanes(500, lanes == 0 ? Simd.preferredLanes() : lanes, shiftMs);
    }

    /** One whole step (events, currents, solve, states) of every lane; the trials advance as they are measured. */
    @Benchmark
    public double step() {
        sim.step();
        return sim.state().v[0];
    }
}
