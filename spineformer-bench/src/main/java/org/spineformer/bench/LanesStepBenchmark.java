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
 * One whole step of the paper's cell with {@code lanes} copies of the control_1s trial in lanes, after 300 ms (as
 * {@code CellStepBenchmark.step}, which is {@code lanes = 1}): the time per trial is the score divided by
 * {@code lanes}. {@code lanes = 0} is {@link Simd#preferredLanes()}. Copies of one trial keep the quiet synapses
 * quiet in every lane at once, as one trial alone; different trials skip fewer.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector"})
@State(Scope.Thread)
public class LanesStepBenchmark {
    @Param({"1", "0"})
    public int lanes;

    private Simulation sim;

    @Setup(Level.Trial)
    public void build() {
        sim = ControlTrial.afterInLanes(300, lanes == 0 ? Simd.preferredLanes() : lanes);
    }

    /** One whole step (events, currents, solve, states) of every lane; the trials advance as they are measured. */
    @Benchmark
    public double step() {
        sim.step();
        return sim.state().v[0];
    }
}
